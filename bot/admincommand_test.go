package bot_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// adminSpellings are commands as members type them, and whether the
// answer depends on the platform making the member an admin: the
// managers' commands in any case, French word or accents, mistyped
// options included (a member who is no manager learns that first), and
// the managers' help however it is asked for. Before bot.NeedsAdmin, the
// Slack adapter read these with a copy of the grammar, and told a
// workspace admin that "help commande: admin", "aide « admin »" or
// "help commandé:admin" were not for them.
var adminSpellings = map[string]bool{
	"admin": true, "Admin": true, "/mentor admin": true, "/mentor Admin": true, "/mentoradmin stats": true,
	"admin stats": true, "ADMIN STATS": true, "admin statistiques": true, "Admin Statistiques": true,
	"admin aide": true, "admin help": true, "admin réglages": true, "admin reglages": true, "admin RÉGLAGES": true,
	"admin paramètres": true, "admin responsables": true, "admin binome": true, "admin binôme": true,
	"admin témoignages": true, "admin temoignages": true, "admin événements": true, "admin evenement": true,
	"admin vague": true, "admin programme": true, "admin export": true, "admin exporter": true,
	"admin canal-bilan": true, "admin canal_bilan": true, "admin inviter-mentors": true, "admin sujets": true,
	"admin besoins": true, "admin needs": true, "admin event": true, "admin events": true,
	"admin stats foo:bar": true, "admin settings nope:1": true, "admin aide commande:réglages": true,
	"help admin": true, "HELP ADMIN": true, "  help   admin  ": true, "aide admin": true, "Aide Admin": true,
	"/mentor help admin": true, "/mentor aide admin": true, "/mentorhelp admin": true,
	"help\u00a0admin": true, "aide\u00a0admin": true, "help\tadmin": true, "help admin\n": true,
	"help command:admin": true, "help commande:admin": true, "help Commande:Admin": true, "aide commande:admin": true,
	"aide  commande:admin": true, "help command: admin": true, "help commande:  admin": true,
	"aide commande: admin": true, "help commandé:admin": true, "help COMMANDÉ:admin": true,
	"help  command:  ADMIN ": true, "help command:\"admin\"": true, "help \"admin\"": true, "help 'admin'": true,
	"aide «admin»": true, "aide « admin »": true, "help “admin”": true, "help ad\u200bmin": true,

	// Mistyped managers' commands are unknown to everyone alike; help
	// about one managers' command is for everyone.
	"admin statistique": false, "admin statz": false, "help admin stats": false, "aide admin stats": false,
	"help command:admin stats": false, "help admin please": false, "help command:admin extra": false,
	"hepl admin": false, "help admins": false, "help adm": false, "aide administration": false,
	"admins": false, "adm": false,
	// The members' commands.
	"": false, "help": false, "aide": false, "status": false, "statut": false, "help offer": false,
	"aide offrir": false, "aide commande:demande": false, "offer admin skills": false, "request admin": false,
	"help status": false, "cancel": false,
}

// TestNeedsAdmin: bot.NeedsAdmin says a command needs the platform's
// word on the member exactly when the core's answer to a member who is
// no manager changes with it.
func TestNeedsAdmin(t *testing.T) {
	tenant := bot.Tenant{Platform: "test", Workspace: "T1"}
	answers := func(c bot.Command) bool {
		t.Helper()
		run := func(admin bool) bot.Reply {
			h := bottest.New(t, storetest.MustMemory(t), tenant, bot.Config{})
			c.Member, c.IsAdmin = tenant.Member("ann"), admin
			return h.Bot.HandleCommand(t.Context(), c)
		}
		yes, no := run(true), run(false)
		return yes.Message.Title != no.Message.Title || yes.Message.Text != no.Message.Text
	}
	for text, want := range adminSpellings {
		c := bot.Command{Text: text}
		if got := bot.NeedsAdmin(c); got != want {
			t.Errorf("NeedsAdmin(%q): got %v, want %v", text, got, want)
		}
		if got := answers(c); got != want {
			t.Errorf("%q: got an answer that depends on IsAdmin %v, want %v", text, got, want)
		}
	}
	// A form's submission names its command.
	for _, tc := range []struct {
		c    bot.Command
		want bool
	}{
		{bot.Command{Name: "admin program", FromForm: true}, true},
		{bot.Command{Name: "admin stats", FromForm: true}, true},
		{bot.Command{Name: "help", Values: map[string]string{"commande": " Admin "}, FromForm: true}, true},
		{bot.Command{Name: "help", Values: map[string]string{"command": "offer"}, FromForm: true}, false},
		{bot.Command{Name: "offer", Values: map[string]string{"topics": "go"}, FromForm: true}, false},
		{bot.Command{Name: "admin nope", FromForm: true}, false},
	} {
		if got := bot.NeedsAdmin(tc.c); got != tc.want {
			t.Errorf("NeedsAdmin(%+v): got %v, want %v", tc.c, got, tc.want)
		}
		if got := answers(tc.c); got != tc.want {
			t.Errorf("%+v: got an answer that depends on IsAdmin %v, want %v", tc.c, got, tc.want)
		}
	}
}
