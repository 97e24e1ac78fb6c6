package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// MustHarness returns a bot on a fresh in-memory store, in
// a tenant of its own.
func MustHarness(tb testing.TB) *bottest.Harness {
	tb.Helper()
	return harnessOn(tb, storetest.MustMemory(tb))
}

// MustHarnessOn is MustHarness on a store of backend b, for the tests
// that each backend must pass through the core (what the contract suite
// does not cover: retention, leavers).
func MustHarnessOn(tb testing.TB, b storetest.Backend) *bottest.Harness {
	tb.Helper()
	return harnessOn(tb, b.Open(tb))
}

func harnessOn(tb testing.TB, st bot.Store) *bottest.Harness {
	tb.Helper()
	// A platform name of its own: Tick serves only registered platforms,
	// so tests sharing one Redis never run each other's jobs.
	t := storetest.Tenant(tb, "test")
	t.Platform = "test-" + t.Workspace
	return bottest.New(tb, st, t, bot.Config{})
}

// MustContain fails unless the reply's text contains want.
func MustContain(tb testing.TB, r bot.Reply, want string) {
	tb.Helper()
	if !strings.Contains(r.Message.Text, want) {
		tb.Fatalf("got reply %q, want it to contain %q", r.Message.Text, want)
	}
}

// TestBadCommands: each wrong command gets a clear sentence in the
// member's language, and changes nothing.
func TestBadCommands(t *testing.T) {
	h := MustHarness(t)
	h.Run("fr", "lang fr")
	tests := []struct {
		name, user, text, want string
	}{
		{"Misspelled", "en", "ofer go", "Did you mean `/mentor offer`?"},
		// Closest to the French word "offrir": typed in French by a member
		// whose language nothing else tells, answered in French
		// (frenchtypo_test.go has an English client's).
		{"MisspelledNearFrench", "en", "ofrir go", "Vouliez-vous dire `/mentor propose`"},
		{"MisspelledNearFrenchFR", "fr", "ofrir go", "Vouliez-vous dire `/mentor propose`"},
		{"MisspelledFrench", "fr", "requets go", "Vouliez-vous dire `/mentor demande`"},
		{"Unknown", "en", "xyzzy", "I don't know the command “xyzzy”"},
		// Neither a pause nor an offer: nothing to resume, said so.
		{"ResumeNothing", "rn", "resume", "Nothing is paused, so there is nothing to resume. To offer mentoring: `/mentor offer <topics>`."},
		{"ResumeNothingFR", "fr", "reprendre", "Rien n'est en pause\u202f: il n'y a rien à reprendre."},
		// 300 accented letters typed decomposed (e + U+0301) are 300
		// letters, within a goal's 500, not 600 code points over it.
		{"DecomposedAccents", "nfc", "request go goal:" + strings.Repeat("e\u0301", 300), "request on “go”"},
		// Control characters are not echoed: an escape sequence would act
		// on a terminal.
		{"UnknownEscape", "en", "\x1b[2J clear", "I don't know the command “[2j”"},
		{"ControlOnlyIsEmpty", "en", "\x00\x01", "/mentor help — list the commands"}, // nothing visible: the help
		{"Empty", "en", "", "mentorbot: how to use /mentor"},
		{"Oversized", "en", "offer " + strings.Repeat("go, ", 1000), "keep commands under 2,000 characters"},
		{"OversizedFR", "fr", "offer " + strings.Repeat("go, ", 1000), "moins de 2\u202f000 caractères"},
		{"NoTopics", "en", "offer", "Please give the topics."},
		{"NoTopicFrench", "fr", "request", "Merci d'indiquer le sujet."},
		{"TopicTooLong", "en", "request " + strings.Repeat("k", 61), "That's too long for the topic: 60 characters at most."},
		{"OfferTopicTooLong", "en", "offer go, " + strings.Repeat("k", 61), "is too long for a topic: each takes 60 characters at most (separate topics with commas)."},
		{"OfferTopicTooLongFrench", "fr", "propose " + strings.Repeat("k", 61), "est trop long pour un sujet\u202f: chacun fait au plus 60 caractères (séparez les sujets par des virgules)."},
		{"BadCapacity", "en", "offer go capacity:lots", "For the number of mentees at once, please give a whole number from 1 to 20."},
		{"CapacityTooHigh", "fr", "offer go capacity:99", "Pour le nombre de places, indiquez un nombre entier de 1 à 20."},
		{"BadTimeZone", "en", "offer go tz:Mars/Olympus", "I don't know the time zone “Mars/Olympus”"},
		{"BadKind", "en", "request go kind:telepathy", "“telepathy” is not a valid value for the kind of mentoring."},
		{"MisspelledOption", "en", "offer go capcity:2", "Did you mean `capacity:`?"},
		{"TooManyTopics", "en", "offer a,b,c,d,e,f,g,h,i,j,k", "at most 10 topics"},
		{"CancelNothing", "en", "cancel", "You have no open request to cancel."},
		{"PauseWithoutOffer", "fr", "pause", "Vous ne proposez pas encore de mentorat."},
		{"BadLang", "en", "lang klingon", "“klingon” is not a valid value for the language."},
		{"ControlCharacters", "en", "request \x00\u202e", "Please give the topic."},
		{"PunctuationTopic", "en", "request ,", "“,” has no letters or digits"},
		{"PunctuationTopicFrench", "fr", "demande !!", "«\u202f!!\u202f» ne contient ni lettre ni chiffre"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.Run(tt.user, tt.text)
			if tt.name == "Empty" {
				if r.Message.Title != "mentorbot: how to use /mentor" {
					t.Fatalf("got title %q, want the help", r.Message.Title)
				}
				return
			}
			MustContain(t, r, tt.want)
		})
	}
	for _, u := range []string{"en", "fr"} {
		if _, err := h.Store.GetOffer(context.Background(), h.Tenant.Member(u)); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Fatalf("%s: got offer error %v, want none stored", u, err)
		}
	}
}

// TestBadClicks: stale, foreign, doubled and forged clicks change nothing.
func TestBadClicks(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Run("alice", "request go")
	MustContain(t, h.Click("mallory", "bob", bot.ActionProposalAccept), "meant for someone else")
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: "proposal.accept", Value: "nonexistent"}), "This button no longer works")
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: "self.destruct", Value: "x"}), "This button no longer works")
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: "proposal.accept", Value: strings.Repeat("x", 5000)}), "This button no longer works")
	r := h.Click("bob", "bob", bot.ActionProposalAccept)
	if !r.Replace {
		t.Fatalf("got %+v, want the proposal replaced", r)
	}
	again := h.Click("bob", "bob", bot.ActionProposalAccept)
	MustContain(t, again, "already accepted")
	if again.Replace {
		t.Fatal("got Replace on a double click, want the original message left alone")
	}
	MustContain(t, h.Click("bob", "bob", bot.ActionProposalDecline), "already accepted")
	pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("bob"))
	if len(pairs) != 1 {
		t.Fatalf("got %d pairs, want 1", len(pairs))
	}
	// A charter click by someone outside the pair, then a retried delivery.
	MustContain(t, h.Click("mallory", "alice", bot.ActionCharterAccept), "meant for someone else")
	h.Click("alice", "alice", bot.ActionCharterAccept)
	MustContain(t, h.Click("alice", "alice", bot.ActionCharterAccept), "already answered")
}

// TestMentorWhoLeft: a proposal to a mentor who left the workspace goes to
// the next mentor instead, and the request is not lost.
func TestMentorWhoLeft(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go years:20")
	h.Run("carol", "offer go years:3")
	h.Platform.Gone["bob"] = true
	MustContain(t, h.Run("alice", "request go years:1"), "I've asked a mentor")
	if got := len(h.Platform.To("carol")); got != 1 {
		t.Fatalf("got %d messages to carol, want the proposal", got)
	}
	h.Platform.Gone["carol"] = true
	h.Run("alice", "cancel")
	MustContain(t, h.Run("alice", "request go"), "No mentor can take it right now")
}

// TestRedisDown: with the store unreachable, the member is told in their
// language (from the platform's locale hint) and the bot keeps running.
func TestRedisDown(t *testing.T) {
	e, err := store.OpenEmbedded(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	tn := storetest.Tenant(t, "test")
	h := bottest.New(t, e.Store, tn, bot.Config{})
	h.Run("bob", "offer go")
	e.Server().Close()
	for _, tt := range []struct{ locale, want string }{
		{"fr-FR", "Je ne parviens pas à joindre ma base de données"},
		{"en-US", "I can't reach my database right now"},
	} {
		r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: tn.Member("alice"), Text: "request go", Locale: tt.locale})
		MustContain(t, r, tt.want)
		a := h.Bot.HandleAction(context.Background(), bot.Action{Member: tn.Member("bob"), ActionID: bot.ActionProposalAccept, Value: "x", Locale: tt.locale})
		MustContain(t, a, tt.want)
	}
	// The help needs nothing stored: it is answered all the same.
	for _, tt := range []struct{ text, locale, want string }{
		{"help", "en-US", "/mentor offer"},
		{"aide", "en-US", "/mentor propose"},
		{"help request", "fr-FR", "/mentor demande"},
	} {
		r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: tn.Member("carol"), Text: tt.text, Locale: tt.locale})
		if strings.Contains(r.Message.Text, "database") || strings.Contains(r.Message.Text, "base de données") {
			t.Fatalf("%s: got %q, want the help", tt.text, r.Message.Text)
		}
		MustContain(t, r, tt.want)
	}
	if err := e.Server().Restart(); err != nil {
		t.Fatal(err)
	}
	// go-redis re-dials in the background after a run of failed dials:
	// wait (bounded) until it answers again.
	for i := 0; i < 100 && e.Ping(context.Background()) != nil; i++ {
		time.Sleep(20 * time.Millisecond)
	}
	MustContain(t, h.Run("alice", "request go"), "I've asked a mentor")
}

// TestForms: an empty command on a platform with forms opens one; a bad
// submitted value comes back as an inline field error.
func TestForms(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	r := h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("bob"), Name: "offer", Forms: true})
	if r.Form == nil || r.Form.Command != "offer" || len(r.Form.Fields) != bot.MaxFormFields || r.Form.Fields[0].Name != "topics" {
		t.Fatalf("got %+v, want the offer form with topics first", r.Form)
	}
	r = h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("bob"), Name: "offer", FromForm: true,
		Values: map[string]string{"topics": "go", "capacity": "zero"}})
	if r.FieldErrors["capacity"] == "" {
		t.Fatalf("got %+v, want an inline capacity error", r)
	}
	r = h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("bob"), Name: "offer", FromForm: true,
		Values: map[string]string{"topics": "go", "capacity": "3", "kinds": "Flash, 1:1"}})
	MustContain(t, r, "You are now a mentor for: go")
	o, err := h.Store.GetOffer(ctx, h.Tenant.Member("bob"))
	if err != nil || o.Capacity != 3 || len(o.Kinds) != 2 || o.Kinds[1] != "one-to-one" {
		t.Fatalf("got %+v, %v; want capacity 3, kinds flash and one-to-one", o, err)
	}
	r = h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("bob"), Name: "offer", Forms: true})
	if r.Form.Fields[0].Value != "go" || r.Form.Fields[1].Value != "3" {
		t.Fatalf("got %+v, want the form prefilled with the offer", r.Form.Fields)
	}
}

// TestNewcomerLanguage: a newcomer is answered in the platform's locale
// hint, else in the workspace's default language, from their first reply.
func TestNewcomerLanguage(t *testing.T) {
	h := MustHarness(t)
	MustContain(t, h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("ana"), Text: "offer go", Locale: "fr-CA"}), "Vous êtes maintenant mentor")
	if err := h.Store.SetSetting(context.Background(), h.Tenant, "default-lang", "fr"); err != nil {
		t.Fatal(err)
	}
	h2 := bottest.New(t, h.Store, h.Tenant, bot.Config{}) // a fresh replica: no cached settings
	MustContain(t, h2.Run("zoe", "offer go"), "Vous êtes maintenant mentor")
	MustContain(t, h2.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("max"), Text: "offer go", Locale: "en-GB"}), "You are now a mentor")
}
