package bot_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
)

// TestOfferPartialUpdate: an update changes only what it names; topics
// are added and removed one at a time; the reply shows the whole offer.
func TestOfferPartialUpdate(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	offer := func(t *testing.T) bot.Offer {
		t.Helper()
		o, err := h.Store.GetOffer(ctx, h.Tenant.Member("bob"))
		if err != nil {
			t.Fatalf("got offer error %v, want an offer", err)
		}
		return o
	}
	h.Run("bob", "offer go, kubernetes capacity:2 languages:en tz:Europe/Paris")

	t.Run("CapacityOnly", func(t *testing.T) {
		r := h.Run("bob", "offer capacity:3")
		o := offer(t)
		if o.Capacity != 3 || !slices.Equal(o.Topics, []string{"go", "kubernetes"}) || o.TZ != "Europe/Paris" {
			t.Fatalf("got capacity %d, topics %v, tz %q; want 3, [go kubernetes], Europe/Paris", o.Capacity, o.Topics, o.TZ)
		}
		MustContain(t, r, "Your offer is updated: go and kubernetes.")
		if len(r.Message.Fields) == 0 || !strings.Contains(r.Message.Fields[0].Value, "of 3") {
			t.Fatalf("got fields %v, want the whole offer with capacity 3", r.Message.Fields)
		}
	})
	t.Run("FrenchCapacity", func(t *testing.T) {
		h.Run("bob", "offer capacité:4")
		if o := offer(t); o.Capacity != 4 || len(o.Topics) != 2 {
			t.Fatalf("got capacity %d, topics %v; want 4 and the topics kept", o.Capacity, o.Topics)
		}
	})
	t.Run("Add", func(t *testing.T) {
		r := h.Run("bob", "offer add:rust")
		if o := offer(t); !slices.Equal(o.Topics, []string{"go", "kubernetes", "rust"}) || o.Capacity != 4 {
			t.Fatalf("got topics %v capacity %d, want [go kubernetes rust] and 4", o.Topics, o.Capacity)
		}
		MustContain(t, r, "go, kubernetes and rust")
	})
	t.Run("AddKnownTopicKeepsOne", func(t *testing.T) {
		h.Run("bob", "offer ajouter:Golang")
		if o := offer(t); !slices.Equal(o.Topics, []string{"go", "kubernetes", "rust"}) {
			t.Fatalf("got topics %v, want golang read as go", o.Topics)
		}
	})
	t.Run("Remove", func(t *testing.T) {
		h.Run("bob", "offer retirer:kubernetes")
		if o := offer(t); !slices.Equal(o.Topics, []string{"go", "rust"}) {
			t.Fatalf("got topics %v, want [go rust]", o.Topics)
		}
	})
	t.Run("ErrRemoveNotOffered", func(t *testing.T) {
		r := h.Run("bob", "offer remove:python")
		MustContain(t, r, "You don't offer “python”, so I changed nothing. Your topics are still “go” and “rust”.")
		// The whole command is refused: the topics told are those saved,
		// not those it would have left.
		r = h.Run("bob", "offer add:sql remove:rust,python")
		MustContain(t, r, "You don't offer “python”, so I changed nothing. Your topics are still “go” and “rust”.")
		if o := offer(t); !slices.Equal(o.Topics, []string{"go", "rust"}) {
			t.Fatalf("got topics %v, want [go rust] kept", o.Topics)
		}
		MustContain(t, h.Run("nobody", "offer remove:python"), "You have no offer yet, so there is nothing to remove. To offer your help: `/mentor offer <topics>`.")
	})
	t.Run("ErrRemoveLast", func(t *testing.T) {
		r := h.Run("bob", "offer remove:go, rust")
		MustContain(t, r, "An offer keeps at least one topic.")
		if o := offer(t); len(o.Topics) != 2 {
			t.Fatalf("got topics %v, want them kept", o.Topics)
		}
	})
	t.Run("TopicsSetTheList", func(t *testing.T) {
		h.Run("bob", "offer python, sql")
		if o := offer(t); !slices.Equal(o.Topics, []string{"python", "sql"}) || o.Capacity != 4 {
			t.Fatalf("got topics %v capacity %d, want [python sql] and capacity kept", o.Topics, o.Capacity)
		}
	})
	t.Run("NothingShowsTheOffer", func(t *testing.T) {
		r := h.Run("bob", "offer")
		MustContain(t, r, "Your offer: python and sql.")
	})
	t.Run("ErrNewOfferNeedsTopics", func(t *testing.T) {
		r := h.Run("carol", "offer capacity:3")
		MustContain(t, r, "Please give the topics.")
	})
	t.Run("NewOfferWithAdd", func(t *testing.T) {
		h.Run("dan", "offer add:go")
		if o, err := h.Store.GetOffer(ctx, h.Tenant.Member("dan")); err != nil || !slices.Equal(o.Topics, []string{"go"}) {
			t.Fatalf("got %v, %v; want an offer of go", o.Topics, err)
		}
	})
}

// TestOfferNoOptionSwallowed: options written in French after a topic
// are options, not part of the topic.
func TestOfferNoOptionSwallowed(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer développement années:10 capacité:3 fuseau:Europe/Paris")
	o, err := h.Store.GetOffer(context.Background(), h.Tenant.Member("bob"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(o.Topics, []string{"développement"}) || o.Years != 10 || o.Capacity != 3 || o.TZ != "Europe/Paris" {
		t.Fatalf("got topics %v, years %d, capacity %d, tz %q", o.Topics, o.Years, o.Capacity, o.TZ)
	}
	r := h.Run("carol", "offer go level:senior")
	MustContain(t, r, "I don't know the option `level:`.")
	if _, err := h.Store.GetOffer(context.Background(), h.Tenant.Member("carol")); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v, want no offer stored", err)
	}
}

// TestValuesChecked: languages and time zones are read as members write
// them, stored in one form, and refused with a hint when unknown.
func TestValuesChecked(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	h.Run("fr", "lang fr")
	tests := []struct {
		name, user, text string
		langs            []bot.Lang
		tz               string
		want             string // part of the reply
	}{
		{"LanguageNames", "en", "offer go languages:French, anglais, Spanish, español, pt-BR", []bot.Lang{"fr", "en", "es", "pt"}, "", ""},
		{"LanguageCodes", "en", "offer go languages:FR,de", []bot.Lang{"fr", "de"}, "", ""},
		{"ErrUnknownLanguage", "en", "offer go languages:xx,klingon", nil, "", "I don't know the language “xx”. Write a code like fr or es"},
		{"ErrLanguageSuggest", "fr", "offer go langues:espagnl", nil, "", "Vouliez-vous dire espagnol (es)\u202f?"},
		{"ErrLanguageSuggestEnglish", "en", "offer go languages:Germn", nil, "", "Did you mean German (de)?"},
		{"FrenchKinds", "fr", "offer go types:individuel, entre pairs, inversé, mentorat flash", nil, "", ""},
		{"TZLowerCase", "en", "offer go tz:europe/paris", nil, "Europe/Paris", ""},
		{"TZUTC", "en", "offer go tz:utc", nil, "UTC", ""},
		{"TZCET", "en", "offer go tz:cet", nil, "CET", ""},
		{"TZGMT", "en", "offer go tz:GMT", nil, "UTC", ""},
		{"TZOffset", "en", "offer go tz:UTC+2", nil, "UTC+2", ""},
		{"TZHalfHour", "en", "offer go tz:utc-5:30", nil, "UTC-5:30", ""},
		{"TZUnderscore", "en", "offer go tz:america/new_york", nil, "America/New_York", ""},
		{"ErrTZ", "en", "offer go tz:Mars/Olympus", nil, "", "I don't know the time zone “Mars/Olympus”. Use a name like Europe/Paris or America/New_York, or an offset like UTC+2."},
		{"ErrTZOffset", "en", "offer go tz:UTC+15", nil, "", "I don't know the time zone “UTC+15”"},
		{"ErrTZLocal", "en", "offer go tz:local", nil, "", "I don't know the time zone “local”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.Run(tt.user, tt.text)
			if tt.want != "" {
				MustContain(t, r, tt.want)
				return
			}
			o, err := h.Store.GetOffer(ctx, h.Tenant.Member(tt.user))
			if err != nil {
				t.Fatalf("got %v (reply %q), want an offer", err, r.Message.Text)
			}
			if tt.langs != nil && !slices.Equal(o.Languages, tt.langs) {
				t.Fatalf("got languages %v, want %v", o.Languages, tt.langs)
			}
			if tt.name == "FrenchKinds" && !slices.Equal(o.Kinds, []matching.Kind{matching.OneToOne, matching.Peer, matching.Reverse, matching.Flash}) {
				t.Fatalf("got kinds %v, want the four kinds read from French", o.Kinds)
			}
			if tt.tz != "" && o.TZ != tt.tz {
				t.Fatalf("got tz %q, want %q", o.TZ, tt.tz)
			}
		})
	}
}

// TestErrorsNameOptionsInWords: a member never reads an option's internal
// name in an error, in either language.
func TestErrorsNameOptionsInWords(t *testing.T) {
	h := MustHarness(t)
	h.Run("fr", "lang fr")
	tests := []struct{ name, user, text, want string }{
		{"RequiredFrench", "fr", "request", "Merci d'indiquer le sujet."},
		{"BadChoiceFrench", "fr", "request go type:bogus", "«\u202fbogus\u202f» n'est pas une valeur possible pour la forme de mentorat."},
		{"BadChoiceEnglish", "en", "offer go kinds:bogus", "“bogus” is not a valid value for the kinds of mentoring."},
		{"LangEnglish", "en", "lang xx", "“xx” is not a valid value for"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			MustContain(t, h.Run(tt.user, tt.text), tt.want)
		})
	}
}

// TestEveryOptionHasAName: each option has its name-in-a-sentence in both
// languages, and no two names of one command fold to the same word.
func TestEveryOptionHasAName(t *testing.T) {
	b := bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil)
	for _, c := range b.Commands() {
		for _, o := range c.Options {
			for _, l := range bot.Langs {
				if !bot.HasKey(l, "optname."+o.Name) {
					t.Errorf("%s: missing %q", l, "optname."+o.Name)
				}
			}
			for _, n := range o.Names() {
				got, ok := c.Lookup(n)
				if !ok || got.Name != o.Name {
					t.Errorf("/mentor %s: %q reads as %q, want %q", c.Name, n, got.Name, o.Name)
				}
			}
		}
	}
}

// TestHelpNamesOptionsInTheReadersLanguage: /mentor help offer lists the
// options by the names the member reads.
func TestHelpNamesOptionsInTheReadersLanguage(t *testing.T) {
	h := MustHarness(t)
	h.Run("fr", "lang fr")
	fr := h.Run("fr", "help offer").Message.Text
	for _, want := range []string{"\n    capacité\u202f: ", "\n    langues\u202f: ", "\n    fuseau\u202f: ", "\n    années\u202f: ", "\n    ajouter\u202f: ", "capacité:2"} {
		if !strings.Contains(fr, want) {
			t.Errorf("got %q, want it to contain %q", fr, want)
		}
	}
	if strings.Contains(fr, "capacity:") {
		t.Errorf("got %q, want no English option name", fr)
	}
	if en := h.Run("en", "help offer").Message.Text; !strings.Contains(en, "\n    capacity: ") {
		t.Errorf("got %q, want capacity:", en)
	}
}

// TestDocsNameOptionsInBothLanguages: docs/commands.md gives every option's
// French name beside its English one.
func TestDocsNameOptionsInBothLanguages(t *testing.T) {
	readme, err := os.ReadFile("../docs/commands.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil).Commands() {
		for _, o := range c.Options {
			if o.French == "" {
				continue
			}
			if want := "`" + o.Name + ":`/`" + o.French + ":`"; !strings.Contains(string(readme), want) {
				t.Errorf("docs/commands.md: got no %s (/mentor %s)", want, c.Name)
			}
		}
	}
}

// TestAdminSettingsInFrench: a manager sets settings by their French
// names, and the workspace's time zone is read as a member's is.
func TestAdminSettingsInFrench(t *testing.T) {
	h := MustAdminHarness(t)
	r := h.Run("alice", "admin settings délai-proposition:3d fuseau:utc+1 types:flash")
	if !strings.HasPrefix(r.Message.Text, "Saved: proposal-timeout, kinds, tz.") {
		t.Fatalf("got %q", r.Message.Text)
	}
	s := h.Bot.Settings(context.Background(), h.Tenant)
	if s.ProposalTimeout != 72*time.Hour || s.TZ != "UTC+1" {
		t.Fatalf("got proposal-timeout %v and tz %q, want 72h and UTC+1", s.ProposalTimeout, s.TZ)
	}
}

// TestStructuredOptionNames: values from Discord or a form may be keyed
// by an option's French name; a name that is no option of the command is
// refused as typed.
func TestStructuredOptionNames(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	bob := h.Tenant.Member("bob")
	r := h.Bot.HandleCommand(ctx, bot.Command{Member: bob, Name: "offer", Values: map[string]string{"sujets": "go", "capacité": "3"}})
	if o, err := h.Store.GetOffer(ctx, bob); err != nil || o.Capacity != 3 {
		t.Fatalf("got %+v, %v (reply %q), want an offer of capacity 3", o, err, r.Message.Text)
	}
	r = h.Bot.HandleCommand(ctx, bot.Command{Member: bob, Name: "offer", Values: map[string]string{"goal": "x"}})
	MustContain(t, r, "I don't know the option “goal”.")
}

// TestOfferKindsNotRun: a mentor who offers only kinds the workspace does
// not run (its kinds setting) is told no request will come, and which
// kinds it runs; one who offers some of them is told which requests will
// come. Before, the offer was saved with "I'll send you requests that
// fit" and never got one.
func TestOfferKindsNotRun(t *testing.T) {
	h := MustAdminHarness(t)
	MustContain(t, h.Run("alice", "admin settings kinds:flash,peer"), "Saved")
	MustContain(t, h.Run("bob", "offer go kinds:one-to-one,reverse"), "This workspace does not run one-to-one mentoring or reverse mentoring at the moment, only flash mentoring (Meet & Share) and peer mentoring: no request will reach you until your offer includes a kind it runs (`kinds:`) or a manager opens yours.")
	MustContain(t, h.Run("bob", "offer kinds:one-to-one,flash"), "This workspace does not run one-to-one mentoring at the moment: the requests you receive will be for flash mentoring (Meet & Share).")
	if r := h.Run("bob", "offer kinds:flash"); strings.Contains(r.Message.Text, "does not run") {
		t.Errorf("got %q, want no word on kinds all run", r.Message.Text)
	}
	if r := h.Run("carl", "offer go"); strings.Contains(r.Message.Text, "does not run") {
		t.Errorf("got %q, want no word for an offer of every kind", r.Message.Text)
	}
	h.Run("bob", "lang fr")
	MustContain(t, h.Run("bob", "offer types:individuel,inversé"), "Cet espace de travail ne propose pas le mentorat individuel ni le mentorat inversé pour le moment, seulement le mentorat flash (Meet & Share) et le mentorat entre pairs\u202f: aucune demande ne vous parviendra")
}
