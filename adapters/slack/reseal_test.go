package slack_test

import (
	"bytes"
	"encoding/base64"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	sealing "github.com/mentorbot/mentorbot/secret"
)

// TestResealAfterRotation follows docs/configuration.md's rotation of
// MENTORBOT_TOKEN_KEY with the real keyring: a token sealed with the old
// key is sealed again with the new one when the adapter starts with
// "new,old", so that the old key can then go; the workspace is served
// all along with its own token.
func TestResealAfterRotation(t *testing.T) {
	oldKey, newKey := bytes.Repeat([]byte{1}, 32), bytes.Repeat([]byte{2}, 32)
	old, err := sealing.ParseKeys(b64(oldKey))
	if err != nil {
		t.Fatal(err)
	}
	store := newInstalls()
	sealed, err := old.Seal([]byte(teamA.Token), tenant(teamA.Team).String())
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SaveInstallation(t.Context(), bot.Installation{Tenant: tenant(teamA.Team), BotUser: teamA.BotUser, Token: sealed}); err != nil {
		t.Fatal(err)
	}
	both, err := sealing.ParseKeys(b64(newKey) + "," + b64(oldKey))
	if err != nil {
		t.Fatal(err)
	}
	fake := slackfake.MustNew(t)
	fake.AddUser(slackfake.User{ID: "U1", Locale: "en-US"})
	fake.AddWorkspace(teamA.Team, teamA.Token, teamA.BotUser)
	r := MustRigOn(t, fake, &recorder{}, func(o *slack.Options) {
		o.BotToken, o.Installs, o.Sealer, o.DirectoryRefresh = "", store, both, -1
	})

	kept := store.get(tenant(teamA.Team)).Token
	if !both.Current(kept) || bytes.Equal(kept, sealed) {
		t.Fatal("the token is still sealed with the old key after a start with the new key first")
	}
	onlyNew, _ := sealing.ParseKeys(b64(newKey))
	if plain, err := onlyNew.Open(kept, tenant(teamA.Team).String()); err != nil || string(plain) != teamA.Token {
		t.Fatalf("the token does not open with the new key alone: %v", err)
	}
	if err := r.a.Send(t.Context(), memberOf(teamA.Team, "U1"), proposal); err != nil {
		t.Fatalf("send after the rotation: %v", err)
	}
	if got := tokens(fake.Calls("chat.postMessage")); len(got) != 1 || got[0] != teamA.Token {
		t.Fatalf("got chat.postMessage with tokens %v, want the workspace's own", got)
	}
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }
