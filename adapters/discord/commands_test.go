package discord_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// command is the JSON of an application command or option, as registered.
type command struct {
	Name         string            `json:"name"`
	Type         int               `json:"type"`
	Description  string            `json:"description"`
	Localized    map[string]string `json:"description_localizations"`
	LocalName    map[string]string `json:"name_localizations"`
	Required     bool              `json:"required"`
	Options      []command         `json:"options"`
	MinValue     *float64          `json:"min_value"`
	MaxValue     float64           `json:"max_value"`
	MaxLength    int               `json:"max_length"`
	Contexts     []int             `json:"contexts"`
	ChoicesField []struct {
		Name      string            `json:"name"`
		LocalName map[string]string `json:"name_localizations"`
		Value     string            `json:"value"`
	} `json:"choices"`
}

func (c command) option(name string) (command, bool) {
	for _, o := range c.Options {
		if o.Name == name {
			return o, true
		}
	}
	return command{}, false
}

// MustCommands registers specs and returns the one /mentor command.
func MustCommands(tb testing.TB, specs []bot.CommandSpec) command {
	tb.Helper()
	raw, err := discord.Commands(specs)
	if err != nil {
		tb.Fatalf("got error %v, want none", err)
	}
	var cmds []command
	if err := json.Unmarshal(raw, &cmds); err != nil {
		tb.Fatal(err)
	}
	if len(cmds) != 1 || cmds[0].Name != "mentor" {
		tb.Fatalf("got %d commands, want only /mentor", len(cmds))
	}
	return cmds[0]
}

func TestCommands(t *testing.T) {
	specs := bot.New(bot.Config{}, nil, nil, nil, nil).Commands()
	root := MustCommands(t, specs)

	t.Run("OneSubcommandPerRow", func(t *testing.T) {
		for _, spec := range specs {
			group, name := spec.Group()
			parent := root
			if group != "" {
				g, ok := root.option(group)
				if !ok || g.Type != 2 {
					t.Fatalf("%s: got no subcommand group %q", spec.Name, group)
				}
				parent = g
			}
			sub, ok := parent.option(name)
			if !ok || sub.Type != 1 {
				t.Fatalf("%s: got %+v, want a subcommand (type 1)", spec.Name, sub)
			}
			// The catalog's summary, its code spans as plain text:
			// Discord renders no markdown in a description.
			plain := func(s string) string { return strings.ReplaceAll(s, "`", "") }
			if want := plain(bot.T(bot.English, spec.CatalogKey()+".summary")); sub.Description != want {
				t.Errorf("%s: got description %q, want %q", spec.Name, sub.Description, want)
			}
			if want := plain(bot.T(bot.French, spec.CatalogKey()+".summary")); sub.Localized["fr"] != want {
				t.Errorf("%s: got French description %q, want %q", spec.Name, sub.Localized["fr"], want)
			}
		}
	})
	t.Run("GuildOnly", func(t *testing.T) {
		if len(root.Contexts) != 1 || root.Contexts[0] != 0 {
			t.Errorf("got contexts %v, want [0] (guild)", root.Contexts)
		}
	})
	t.Run("OptionTypes", func(t *testing.T) {
		request, _ := root.option("request")
		topic, _ := request.option("topic")
		// Not required: "/mentor request" with nothing opens the form,
		// and a client sends no command whose required option is empty.
		if topic.Type != 3 || topic.Required || topic.MaxLength != bot.MaxTopicLen || request.Options[0].Name != "topic" {
			t.Errorf("got topic %+v, want an optional string of at most %d, first", topic, bot.MaxTopicLen)
		}
		for _, spec := range specs {
			sub, _ := root.option(spec.Name)
			for _, o := range sub.Options {
				if spec.Form && o.Required {
					t.Errorf("%s: option %s required, want none: the command alone opens its form", spec.Name, o.Name)
				}
			}
		}
		kind, _ := request.option("kind")
		if kind.Type != 3 || len(kind.ChoicesField) != 4 {
			t.Errorf("got kind of type %d with %d choices, want a string with 4 choices", kind.Type, len(kind.ChoicesField))
		} else if c := kind.ChoicesField[1]; c.Value != "one-to-one" || c.Name != "one-to-one" || c.LocalName["fr"] != "individuel" {
			t.Errorf("got choice %+v, want one-to-one, named individuel for French clients", c)
		}
		years, _ := request.option("years")
		if years.Type != 4 || years.MinValue == nil || *years.MinValue != 0 || years.MaxValue != 70 {
			t.Errorf("got years %+v, want an integer from 0 to 70", years)
		}
		if want := bot.T(bot.French, "opt.years"); years.Localized["fr"] != want {
			t.Errorf("got French description %q, want %q", years.Localized["fr"], want)
		}
		admin, _ := root.option("admin")
		pair, _ := admin.option("pair")
		mentor, _ := pair.option("mentor")
		announce, _ := admin.option("announce")
		channel, _ := announce.option("channel")
		if mentor.Type != 6 || mentor.MaxLength != 0 || channel.Type != 7 {
			t.Errorf("got mentor of type %d (max %d), channel of type %d; want Discord's member picker (6) and channel picker (7)", mentor.Type, mentor.MaxLength, channel.Type)
		}
	})
	t.Run("FrenchNames", func(t *testing.T) {
		offer, _ := root.option("offer")
		for name, fr := range map[string]string{"capacity": "capacité", "languages": "langues", "tz": "fuseau", "years": "années", "kinds": "types", "add": "ajouter", "remove": "retirer"} {
			o, ok := offer.option(name)
			if !ok || o.LocalName["fr"] != fr {
				t.Errorf("offer %s: got French name %q, want %q", name, o.LocalName["fr"], fr)
			}
		}
		request, _ := root.option("request")
		if goal, _ := request.option("goal"); goal.LocalName["fr"] != "objectif" || goal.Localized["fr"] != bot.T(bot.French, "opt.goal") {
			t.Errorf("got goal %+v, want the French name objectif and the French description", goal)
		}
		admin, _ := root.option("admin")
		pair, _ := admin.option("pair")
		if mentee, _ := pair.option("mentee"); mentee.LocalName["fr"] != "mentoré" {
			t.Errorf("got admin pair mentee %+v, want the French name mentoré", mentee)
		}
		if mentor, _ := pair.option("mentor"); mentor.LocalName != nil {
			t.Errorf("got mentor localized as %v, want no localization where the names are the same", mentor.LocalName)
		}
	})
	t.Run("DescriptionsWithinLimits", func(t *testing.T) {
		var walk func(c command)
		walk = func(c command) {
			if n := utf8.RuneCountInString(c.Description); n < 1 || n > 100 {
				t.Errorf("%s: got a description of %d characters, want 1 to 100", c.Name, n)
			}
			for _, o := range c.Options {
				walk(o)
			}
		}
		walk(root)
	})
	t.Run("WithinDiscordSize", func(t *testing.T) {
		// Discord refuses a slash command over 8,000 characters of
		// names, descriptions and values: the whole table, with its help
		// in two languages, is more, so the options' help is shortened.
		raw, _ := discord.Commands(specs)
		var cmds []map[string]any
		if err := json.Unmarshal(raw, &cmds); err != nil {
			t.Fatal(err)
		}
		if n := discordtest.CommandSize(cmds[0]); n > discordtest.MaxCommandSize {
			t.Errorf("got /mentor of %d characters, want at most %d", n, discordtest.MaxCommandSize)
		}
		offer, _ := root.option("offer")
		if years, _ := offer.option("years"); years.Description != bot.T(bot.English, "opt.years") {
			t.Errorf("got years described as %q, want its short help whole", years.Description)
		}
		// A help too long is replaced by the option's short name, whole
		// in both languages, never cut mid-sentence.
		if topics, _ := offer.option("topics"); topics.Description != bot.T(bot.English, "opt.topics") && (topics.Description != bot.T(bot.English, "optname.topics") || topics.Localized["fr"] != bot.T(bot.French, "optname.topics")) {
			t.Errorf("got topics described as %q / %q, want its help or its short name", topics.Description, topics.Localized["fr"])
		}
		var walk func(c command)
		walk = func(c command) {
			for _, o := range c.Options {
				if strings.Contains(o.Description, "…") || strings.Contains(o.Localized["fr"], "…") {
					t.Errorf("%s %s: got %q / %q, want a description not cut", c.Name, o.Name, o.Description, o.Localized["fr"])
				}
				walk(o)
			}
		}
		walk(root)
	})
	t.Run("GroupedNameIsSubcommandGroup", func(t *testing.T) {
		root := MustCommands(t, []bot.CommandSpec{{Name: "help"}, {Name: "team stats"}, {Name: "team charter", Options: []bot.Option{{Name: "text", Type: bot.OptText, MaxLength: 9000}}}})
		team, ok := root.option("team")
		if len(root.Options) != 2 || !ok || team.Type != 2 || len(team.Options) != 2 || team.Options[0].Name != "stats" || team.Options[0].Type != 1 {
			t.Fatalf("got %+v, want help and a group team with subcommands stats and charter", root.Options)
		}
		if team.Description != "team commands" || team.Localized["fr"] != "commandes team" {
			t.Errorf("got %q and %q, want the generic group description", team.Description, team.Localized["fr"])
		}
		text, _ := team.Options[1].option("text")
		if text.MaxLength != 6000 {
			t.Errorf("got max_length %d, want Discord's 6000", text.MaxLength)
		}
	})
	for name, specs := range map[string][]bot.CommandSpec{
		"ErrDuplicate":      {{Name: "team stats"}, {Name: "team stats"}},
		"ErrGroupIsCommand": {{Name: "team"}, {Name: "team stats"}},
		"ErrCommandIsGroup": {{Name: "team stats"}, {Name: "team"}},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := discord.Commands(specs); err == nil {
				t.Error("got no error, want one for a name Discord would see twice")
			}
		})
	}
	t.Run("ErrBadName", func(t *testing.T) {
		if _, err := discord.Commands([]bot.CommandSpec{{Name: "Offer Now"}}); err == nil {
			t.Error("got no error, want one for a name Discord refuses")
		}
	})
	t.Run("ErrBadFrenchName", func(t *testing.T) {
		if _, err := discord.Commands([]bot.CommandSpec{{Name: "x", Options: []bot.Option{{Name: "y", French: "Y z", Type: bot.OptText}}}}); err == nil {
			t.Error("got no error, want one for a French name Discord refuses")
		}
	})
	t.Run("ErrTooManyChoices", func(t *testing.T) {
		choices := strings.Split(strings.Repeat("c,", 26), ",")
		if _, err := discord.Commands([]bot.CommandSpec{{Name: "x", Options: []bot.Option{{Name: "y", Type: bot.OptChoice, Choices: choices}}}}); err == nil {
			t.Error("got no error, want one for 26 choices")
		}
	})
}

func TestModal(t *testing.T) {
	form := &bot.Form{Command: "offer", Title: strings.Repeat("T", 60), Fields: []bot.FormField{
		{Name: "topics", Label: "Topics", Required: true, MaxLength: 621, Value: "go"},
		{Name: "goal", Label: strings.Repeat("L", 60), Multiline: true},
		{Name: "c", Label: "c"}, {Name: "d", Label: "d"}, {Name: "e", Label: "e"}, {Name: "f", Label: "f"},
	}}
	raw, err := discord.Modal(form, testGuild)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Type int
		Data struct {
			CustomID   string `json:"custom_id"`
			Title      string
			Components []struct {
				Type       int
				Components []struct {
					Type      int
					CustomID  string `json:"custom_id"`
					Label     string
					Style     int
					Required  bool
					MaxLength int `json:"max_length"`
					Value     string
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	if r.Type != 9 || r.Data.CustomID != "mb:"+testGuild+":form:offer" || utf8.RuneCountInString(r.Data.Title) > 45 {
		t.Errorf("got type %d, custom_id %q, title of %d; want 9, the form's ID, at most 45", r.Type, r.Data.CustomID, len(r.Data.Title))
	}
	if len(r.Data.Components) != 5 {
		t.Fatalf("got %d rows, want Discord's 5", len(r.Data.Components))
	}
	for _, row := range r.Data.Components {
		if row.Type != 1 || len(row.Components) != 1 || row.Components[0].Type != 4 {
			t.Errorf("got row %+v, want an action row holding one text input", row)
		}
	}
	topics, goal := r.Data.Components[0].Components[0], r.Data.Components[1].Components[0]
	if topics.CustomID != "topics" || !topics.Required || topics.MaxLength != 621 || topics.Value != "go" || topics.Style != 1 {
		t.Errorf("got topics %+v, want a required short input of 621, prefilled", topics)
	}
	if goal.Style != 2 || utf8.RuneCountInString(goal.Label) > 45 || goal.MaxLength != 4000 {
		t.Errorf("got goal %+v, want a paragraph, label at most 45, max_length 4000", goal)
	}
}

// TestFrenchOptionNames: an interaction whose options carry their French
// names (as a client may send them) reads as the English ones.
func TestFrenchOptionNames(t *testing.T) {
	h := MustHarness(t)
	r := h.Client.Command(t, "300000000000000002", "offer", discordtest.Option{Name: "sujets", Value: "go"}, discordtest.Option{Name: "capacité", Value: 3}, discordtest.Option{Name: "fuseau", Value: "europe/paris"})
	msg := MustEphemeral(t, r, "go")
	if text := msg.Text(); !strings.Contains(text, "0 of 3") || !strings.Contains(text, "Europe/Paris") {
		t.Fatalf("got %q, want capacity 3 and the time zone Europe/Paris", text)
	}
}

// TestDescriptionsNotClipped: every description fits Discord's 100
// characters as written, in both languages, so none is cut short.
func TestDescriptionsNotClipped(t *testing.T) {
	for _, c := range bot.New(bot.Config{}, nil, nil, nil, nil).Commands() {
		for _, o := range c.Options {
			for _, l := range bot.Langs {
				if d := bot.T(l, "opt."+o.Name); utf8.RuneCountInString(d) > 100 {
					t.Errorf("%s: opt.%s has %d characters, want at most 100", l, o.Name, utf8.RuneCountInString(d))
				}
			}
		}
	}
}
