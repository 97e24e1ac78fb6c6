package discord

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// rootCommand is the one slash command; each row of the command table is
// one of its subcommands.
const rootCommand = "mentor"

// Discord's limits on slash commands.
const (
	maxDescription  = 100
	maxOptions      = 25
	maxChoices      = 25
	maxStringOption = 6000
	// maxCommandSize bounds a whole slash command: the characters of
	// every name, description and choice value in it, subcommands,
	// options and choices included, each counted in its longest
	// localization. Over it, Discord refuses the registration.
	maxCommandSize = 8000
)

// register overwrites the application's commands with cmds (the bulk
// overwrite: registering again is harmless).
//
// Every 5xx is tried again, Config.RetryAttempts in all, RetryBackoff
// apart then twice as long each time: the transport retries 500, 502,
// 503 and 504 itself, and answers any other 5xx at once (a proxy's 501,
// a 505, 507...), which register then retries the same way.
func (a *Adapter) register(ctx context.Context, cmds []*discordgo.ApplicationCommand) error {
	wait := a.cfg.RetryBackoff
	for attempt := 1; ; attempt++ {
		err := call(ctx, "register commands", func(opt discordgo.RequestOption) error {
			_, err := a.rest.ApplicationCommandBulkOverwrite(a.cfg.AppID, a.cfg.GuildID, cmds, opt)
			return err
		})
		if err == nil {
			a.log.Info("commands registered", "app", a.cfg.AppID, "guild", a.cfg.GuildID)
			return nil
		}
		if restStatus(err) < http.StatusInternalServerError || attempt >= a.cfg.RetryAttempts || !sleepCtx(ctx, wait) {
			return fmt.Errorf("register /%s: %w", rootCommand, a.atAPIURL(err))
		}
		wait *= 2
	}
}

// sleepCtx waits d, and reports false if ctx ended first.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// unavailable reports whether a registration failed because Discord could
// not be reached or failed itself (network errors, 5xx, a rate limit
// outlasting the call, after the transport's retries), rather than
// refused it (4xx: a bad token, a command it rejects).
func unavailable(err error) bool {
	return bot.ErrorCode(coded(err, "register commands")) == bot.EUNAVAILABLE
}

// validName is Discord's rule for command and option names (lower case).
var validName = regexp.MustCompile(`^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$`)

// applicationCommands generates /mentor from the command table: "offer"
// becomes a subcommand, "admin stats" a subcommand "stats" of the group
// "admin". OptInt becomes an integer with min and max, OptChoice a string
// with choices, anything else a string with max_length. Descriptions come
// from the catalog in English, with French as a localization; an option's
// French name (bot.Option.French) is its French name localization. It fails on
// a table Discord would refuse, so that a bad table stops the start.
func applicationCommands(specs []bot.CommandSpec) ([]*discordgo.ApplicationCommand, error) {
	root := &discordgo.ApplicationCommand{
		Name: rootCommand, Type: discordgo.ChatApplicationCommand,
		Description:              clip(plainSpans(text(bot.English, "root")), maxDescription),
		DescriptionLocalizations: &map[discordgo.Locale]string{discordgo.French: clip(plainSpans(text(bot.French, "root")), maxDescription)},
		// The bot works per server: hide /mentor from DMs (serve still
		// answers a DM politely, for clients that show it anyway).
		Contexts: &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
	}
	t := tree{root: root, groups: map[string]*discordgo.ApplicationCommandOption{}, names: map[string]bool{}, short: map[*discordgo.ApplicationCommandOption]described{}}
	for _, spec := range specs {
		if err := t.add(spec); err != nil {
			return nil, err
		}
	}
	if err := uniqueNames(rootCommand, root.Options); err != nil {
		return nil, err
	}
	if len(root.Options) > maxOptions {
		return nil, fmt.Errorf("/%s: %d subcommands, Discord takes %d", rootCommand, len(root.Options), maxOptions)
	}
	for _, g := range t.groups {
		if len(g.Options) > maxOptions {
			return nil, fmt.Errorf("/%s %s: %d subcommands, Discord takes %d", rootCommand, g.Name, len(g.Options), maxOptions)
		}
	}
	for _, sub := range root.Options {
		if err := uniqueNames(rootCommand+" "+sub.Name, sub.Options); err != nil {
			return nil, err
		}
		for _, c := range sub.Options {
			if c.Type == discordgo.ApplicationCommandOptionSubCommand {
				if err := uniqueNames(rootCommand+" "+sub.Name+" "+c.Name, c.Options); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := fitSize(root, t.short); err != nil {
		return nil, err
	}
	return []*discordgo.ApplicationCommand{root}, nil
}

// fitSize keeps /mentor within maxCommandSize by shortening the
// descriptions of its options longer than the longest length that fits:
// each becomes the option's short name ("optname.<name>", "the end
// date"), in short, or is cut at a word when even that is longer; names,
// choices and the subcommands' descriptions, which the command picker
// shows, are kept whole. The whole table, with its help in two
// languages, is larger than Discord takes.
func fitSize(root *discordgo.ApplicationCommand, short map[*discordgo.ApplicationCommandOption]described) error {
	size := longest(root.Name, nil) + longest(root.Description, *root.DescriptionLocalizations)
	var opts []*discordgo.ApplicationCommandOption
	var walk func(o *discordgo.ApplicationCommandOption)
	walk = func(o *discordgo.ApplicationCommandOption) {
		size += longest(o.Name, o.NameLocalizations)
		for _, c := range o.Choices {
			size += longest(c.Name, c.NameLocalizations) + utf8.RuneCountInString(fmt.Sprint(c.Value))
		}
		if o.Type != discordgo.ApplicationCommandOptionSubCommand && o.Type != discordgo.ApplicationCommandOptionSubCommandGroup {
			opts = append(opts, o)
			return
		}
		size += longest(o.Description, o.DescriptionLocalizations)
		for _, sub := range o.Options {
			walk(sub)
		}
	}
	for _, o := range root.Options {
		walk(o)
	}
	// An option's description within n characters.
	fit := func(o *discordgo.ApplicationCommandOption, n int) described {
		d := described{o.Description, o.DescriptionLocalizations}
		if d.size() <= n {
			return d
		}
		if s, ok := short[o]; ok && s.size() <= n {
			return s
		}
		cut := described{shorten(d.text, n), map[discordgo.Locale]string{}}
		for l, t := range d.localized {
			cut.localized[l] = shorten(t, n)
		}
		return cut
	}
	// The largest length n at which the options' descriptions fit.
	within := func(n int) bool {
		total := size
		for _, o := range opts {
			total += fit(o, n).size()
		}
		return total <= maxCommandSize
	}
	n := maxDescription
	for n > 0 && !within(n) {
		n--
	}
	if n < 10 {
		return fmt.Errorf("/%s: over Discord's %d characters, even with its options' descriptions shortened", rootCommand, maxCommandSize)
	}
	for _, o := range opts {
		d := fit(o, n)
		o.Description, o.DescriptionLocalizations = d.text, d.localized
	}
	return nil
}

// described is a description and its localizations.
type described struct {
	text      string
	localized map[discordgo.Locale]string
}

// size is the length Discord counts: the longest of them.
func (d described) size() int { return longest(d.text, d.localized) }

// longest is the length of s or of its longest localization, the one
// Discord counts.
func longest(s string, localized map[discordgo.Locale]string) int {
	n := utf8.RuneCountInString(s)
	for _, l := range localized {
		n = max(n, utf8.RuneCountInString(l))
	}
	return n
}

// shorten cuts s to at most n characters at the end of a word, marking
// the cut with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	head := string(r[:n-1])
	if i := strings.LastIndex(head, " "); i >= len(head)/2 {
		head = head[:i]
	}
	return strings.TrimRight(head, " ,;:(\u00a0\u202f") + "…"
}

// tree is /mentor being built: its subcommands and subcommand groups.
type tree struct {
	root   *discordgo.ApplicationCommand
	groups map[string]*discordgo.ApplicationCommandOption
	names  map[string]bool // full names seen, and group names
	// short describes each option in a few words (its "optname" entry),
	// for when its help does not fit (fitSize).
	short map[*discordgo.ApplicationCommandOption]described
}

// add puts one row of the command table in the tree. Discord refuses a
// name used twice at one level, so add does too.
func (t *tree) add(spec bot.CommandSpec) error {
	group, name := spec.Group()
	if t.names[spec.Name] || (group == "" && t.groups[name] != nil) {
		return fmt.Errorf("command %q: name used twice", spec.Name)
	}
	t.names[spec.Name] = true
	sub, err := subcommand(spec)
	if err != nil {
		return err
	}
	for _, o := range spec.Options {
		for _, opt := range sub.Options {
			if opt.Name == o.Name && bot.HasKey(bot.English, "optname."+o.LabelName()) {
				en, fr := describe("optname." + o.LabelName())
				t.short[opt] = described{en, fr}
			}
		}
	}
	if group == "" {
		t.root.Options = append(t.root.Options, sub)
		return nil
	}
	g, ok := t.groups[group]
	if !ok {
		if !validName.MatchString(group) || t.names[group] {
			return fmt.Errorf("command group %q: invalid or used as a command", group)
		}
		g = &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommandGroup, Name: group}
		// The group's French name is the first word of its commands'
		// ("admin" in "admin programme").
		fr, _, _ := strings.Cut(spec.NameIn(bot.French), " ")
		if err := localize(&g.NameLocalizations, group, fr); err != nil {
			return fmt.Errorf("command group %q: %w", group, err)
		}
		g.Description, g.DescriptionLocalizations = groupDescription(group)
		t.groups[group] = g
		t.root.Options = append(t.root.Options, g)
	}
	g.Options = append(g.Options, sub)
	return nil
}

// subcommand generates the subcommand of one row of the command table.
// Required options come first, as Discord demands.
func subcommand(spec bot.CommandSpec) (*discordgo.ApplicationCommandOption, error) {
	_, name := spec.Group()
	if !validName.MatchString(name) {
		return nil, fmt.Errorf("command %q: invalid Discord name", spec.Name)
	}
	if len(spec.Options) > maxOptions {
		return nil, fmt.Errorf("command %q: %d options, Discord takes %d", spec.Name, len(spec.Options), maxOptions)
	}
	sub := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name}
	// French clients show the command's French name, the word the French
	// catalog writes ("propose", "admin programme"); interactions still
	// carry its name.
	fr := spec.NameIn(bot.French)
	if i := strings.LastIndexByte(fr, ' '); i >= 0 {
		fr = fr[i+1:]
	}
	if err := localize(&sub.NameLocalizations, name, fr); err != nil {
		return nil, fmt.Errorf("command %q: %w", spec.Name, err)
	}
	sub.Description, sub.DescriptionLocalizations = describe(spec.CatalogKey() + ".summary")
	for _, o := range spec.Options {
		opt, err := option(o)
		if err != nil {
			return nil, fmt.Errorf("command %q: %w", spec.Name, err)
		}
		if spec.Form && o.Name == spec.Positional {
			// "/mentor request" with nothing opens the form (where the
			// field is required): a client sends no command whose
			// required option is empty, so the option is not.
			opt.Required = false
		}
		sub.Options = append(sub.Options, opt)
	}
	sort.SliceStable(sub.Options, func(i, j int) bool { return sub.Options[i].Required && !sub.Options[j].Required })
	return sub, nil
}

// option generates one option of a subcommand.
func option(o bot.Option) (*discordgo.ApplicationCommandOption, error) {
	if !validName.MatchString(o.Name) {
		return nil, fmt.Errorf("option %q: invalid Discord name", o.Name)
	}
	opt := &discordgo.ApplicationCommandOption{Name: o.Name, Required: o.Required}
	opt.Description, opt.DescriptionLocalizations = describe(o.HelpKey())
	// French clients show the option's French name; interactions still
	// carry Name, and the core reads either.
	if err := localize(&opt.NameLocalizations, o.Name, o.NameIn(bot.French)); err != nil {
		return nil, fmt.Errorf("option %q: %w", o.Name, err)
	}
	switch o.Type {
	case bot.OptInt:
		lo, hi := float64(o.Min), float64(o.Max)
		opt.Type, opt.MinValue, opt.MaxValue = discordgo.ApplicationCommandOptionInteger, &lo, hi
	case bot.OptChoice:
		if len(o.Choices) > maxChoices {
			return nil, fmt.Errorf("option %q: %d choices, Discord takes %d", o.Name, len(o.Choices), maxChoices)
		}
		opt.Type = discordgo.ApplicationCommandOptionString
		for _, c := range o.Choices {
			ch := &discordgo.ApplicationCommandOptionChoice{Name: clip(c, maxDescription), Value: c}
			// French clients show the choice's French name ("oui");
			// the value stays the choice.
			if fr := o.ChoiceIn(bot.French, c); fr != c {
				ch.NameLocalizations = map[discordgo.Locale]string{discordgo.French: clip(fr, maxDescription)}
			}
			opt.Choices = append(opt.Choices, ch)
		}
	case bot.OptUser:
		// Discord's member picker; the value is the user's ID.
		opt.Type = discordgo.ApplicationCommandOptionUser
	case bot.OptChannel:
		opt.Type = discordgo.ApplicationCommandOptionChannel
		opt.ChannelTypes = []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews}
	default:
		opt.Type = discordgo.ApplicationCommandOptionString
		if o.MaxLength > 0 {
			opt.MaxLength = min(o.MaxLength, maxStringOption)
		}
	}
	return opt, nil
}

// describe returns a catalog entry in English and its French version,
// its code spans as plain text (Discord renders no markdown in a
// description: plainSpans), clipped to Discord's 100 characters.
// An entry Discord words its own way (ownWords) is the adapter's.
func describe(key string) (string, map[discordgo.Locale]string) {
	entry := func(lang bot.Lang) string {
		if own, ok := ownWords[key]; ok {
			return text(lang, own)
		}
		return bot.T(lang, key)
	}
	en := clip(plainSpans(entry(bot.English)), maxDescription)
	fr := clip(plainSpans(entry(bot.French)), maxDescription)
	return en, map[discordgo.Locale]string{discordgo.French: fr}
}

// groupDescription describes a subcommand group: its catalog entry
// "cmd.<group>.summary" when there is one, else a generic sentence.
func groupDescription(group string) (string, map[discordgo.Locale]string) {
	if bot.HasKey(bot.English, "cmd."+group+".summary") {
		return describe("cmd." + group + ".summary")
	}
	return clip(fillGroup(bot.English, group), maxDescription),
		map[discordgo.Locale]string{discordgo.French: clip(fillGroup(bot.French, group), maxDescription)}
}

func fillGroup(lang bot.Lang, group string) string {
	return plainSpans(strings.ReplaceAll(text(lang, "group"), "{group}", group))
}

// localName is a name as Discord takes it: it holds no apostrophe, so
// "jusqu'au" is "jusqu-au", which the core reads as the same option.
func localName(s string) string { return strings.NewReplacer("'", "-", "’", "-").Replace(s) }

// localize sets the French name localization of a command, group or
// option named name, whose French name is fr: none when they are the
// same; an error for a name Discord would refuse.
func localize(l *map[discordgo.Locale]string, name, fr string) error {
	fr = localName(fr)
	if fr == "" || fr == name {
		return nil
	}
	if !validName.MatchString(fr) {
		return fmt.Errorf("invalid Discord name %q", fr)
	}
	*l = map[discordgo.Locale]string{discordgo.French: fr}
	return nil
}

// uniqueNames refuses siblings (the subcommands of /mentor or of a
// group, the options of a subcommand) that two share a name in some
// locale, as Discord does: each name as a client of that locale shows
// it, its localization or else its name.
func uniqueNames(parent string, siblings []*discordgo.ApplicationCommandOption) error {
	for _, locale := range []discordgo.Locale{"", discordgo.French} {
		seen := map[string]string{}
		for _, o := range siblings {
			shown := o.Name
			if l, ok := o.NameLocalizations[locale]; ok && locale != "" {
				shown = l
			}
			if other, ok := seen[shown]; ok {
				return fmt.Errorf("/%s: %q and %q are both named %q in locale %q", parent, other, o.Name, shown, locale)
			}
			seen[shown] = o.Name
		}
	}
	return nil
}
