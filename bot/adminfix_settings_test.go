package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestChannelSettingsOffAndNotChannel: the channel settings take off in
// either language (non, désactivé, aucun…), and refuse a word that is no
// channel, naming the setting with an example, rather than store it as
// #mentorat; a channel as the adapters pass one (#name, #ID) or a bare
// platform ID is saved.
func TestChannelSettingsOffAndNotChannel(t *testing.T) {
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	h := bottest.New(t, storetest.MustMemory(t), tn, bot.Config{Managers: []string{"alice"}})
	h.Bot.Register(tn.Platform, &channelPlatform{Platform: h.Platform})
	field := func(r bot.Reply, label string) string {
		t.Helper()
		for _, f := range r.Message.Fields {
			if f.Label == label {
				return f.Value
			}
		}
		t.Fatalf("no field %q in %+v", label, r.Message)
		return ""
	}
	MustContain(t, h.Run("alice", "admin settings intro-channel:#intros digest-channel:#C0MANAGERS"), "Saved: digest-channel, intro-channel.")
	for _, off := range []string{"non", "désactivé", "Desactive", "aucun", "no", "none"} {
		h.Run("alice", "admin settings intro-channel:#intros digest-channel:#managers")
		r := h.Run("alice", "admin settings intro-channel:"+off+" digest-channel:"+off)
		if got := field(r, "intro-channel"); got != "one direct message each" {
			t.Fatalf("intro-channel:%s: got %q, want DMs", off, got)
		}
		if got := field(r, "digest-channel"); strings.HasPrefix(got, "#") {
			t.Fatalf("digest-channel:%s: got %q, want it cleared", off, got)
		}
	}
	if r := h.Run("alice", "admin settings digest-channel:mentorat"); r.Message.Text != "“mentorat” is not a channel for `digest-channel:`. Name a channel with #, such as `digest-channel:#mentoring-team`, or write no (or off) to stop the digest." {
		t.Fatalf("got %q", r.Message.Text)
	}
	h.Run("alice", "lang fr")
	if r := h.Run("alice", "admin settings canal-présentations:mentorat"); r.Message.Text != "«\u202fmentorat\u202f» n'est pas un canal pour `canal-présentations:`. Nommez un canal avec #, comme `canal-présentations:#presentations`, ou écrivez non (ou off) pour un message privé à chacun." {
		t.Fatalf("got %q", r.Message.Text)
	}
	r := h.Run("alice", "admin settings canal-bilan:#equipe canal-présentations:123456789012345678")
	if got := field(r, "canal-bilan"); got != "#equipe" {
		t.Fatalf("got %q, want #equipe", got)
	}
	if got := field(r, "canal-présentations"); got != "#123456789012345678" {
		t.Fatalf("got %q, want the Discord channel by its ID", got)
	}
}
