package main_test

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestSlackfixInstallWelcomeLang: the installer's welcome DM is in the
// installer's language, from their Slack profile (the bot has never met
// them), not in the workspace's default: French for a fr-FR installer
// where the default is English, English for an en-US installer where
// the default is French.
func TestSlackfixInstallWelcomeLang(t *testing.T) {
	for _, c := range []struct {
		name      string
		installer slackfake.User
		defaultIs bot.Lang
		want, not bot.Lang
	}{
		{"FR", elise, bot.English, bot.French, bot.English},
		{"EN", alice, bot.French, bot.English, bot.French},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := MustStartSlack(t, withOAuth(t), func(m *main.Main, _ *slackfake.Server) { m.Config.DefaultLang = c.defaultIs })
			b := &world{tb: t, m: a.m, fake: a.fake, team: newTeam(t)}
			b.seq.Store(1 << 20)
			installByOAuth(t, a.m, a.fake, "code-b", slackfake.Grant{Team: b.team, TeamName: "Alumni B", Token: "xoxb-" + strings.ToLower(b.team), BotUser: "UBOTB", Installer: c.installer.ID})
			welcome := b.dms(c.installer, 1, nil)[0]
			MustContain(t, welcome, bot.T(c.want, "install.welcome_title"), bot.T(c.want, "install.welcome", "tz", c.installer.TZ))
			if strings.Contains(welcome.AllText(), mrkdwn(bot.T(c.not, "install.welcome_title"))) {
				t.Fatalf("got the welcome in %s too:\n%s", c.not, welcome.AllText())
			}
			if ok, err := a.m.Store.IsManager(t.Context(), bot.Tenant{Platform: slackadapter.Platform, Workspace: b.team}.Member(c.installer.ID)); !ok || err != nil {
				t.Fatalf("got %v, %v; want the installer a manager", ok, err)
			}
		})
	}
}

// TestSlackfixDirectoryAfterInstall: a workspace installed by OAuth has
// its member directory read right after the install, not at the next
// refresh (12 h by default): a French member's first command there is
// answered in French at once.
func TestSlackfixDirectoryAfterInstall(t *testing.T) {
	logs := &lockedBuffer{}
	dan := slackfake.User{ID: "UDAN", Name: "dan", RealName: "Dan Rivière", TZ: "Europe/Paris", Locale: "fr-FR"}
	a := MustStartSlack(t, withOAuth(t), func(m *main.Main, fake *slackfake.Server) {
		fake.AddUser(dan)
		m.SlackOptions = func(o *slackadapter.Options) {
			fastOptions(o)
			o.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
		}
	})
	b := &world{tb: t, m: a.m, fake: a.fake, team: newTeam(t)}
	b.seq.Store(1 << 20)
	installByOAuth(t, a.m, a.fake, "code-b", slackfake.Grant{Team: b.team, TeamName: "Alumni B", Token: "xoxb-" + strings.ToLower(b.team), BotUser: "UBOTB", Installer: admin.ID})
	want := `msg="slack: directory read after install" team=` + b.team
	for deadline := time.Now().Add(wait); !strings.Contains(logs.String(), want); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("got log:\n%s\nwant %q", logs.String(), want)
		}
	}
	before := a.fake.Count("users.info")
	r := b.MustCommand(dan, "admin")
	MustContain(t, r, fr("err.forbidden"))
	if n := a.fake.Count("users.info") - before; n > 1 { // the admin check's own
		t.Fatalf("got %d users.info calls, want the locale from the directory", n)
	}
	if strings.Contains(logs.String(), "Rivière") {
		t.Fatal("a member's name is in the log")
	}
}
