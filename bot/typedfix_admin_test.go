package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestTypedFixProgramWithoutManagersChannel: with no managers' channel,
// creating a program does not promise a kick-off round posted there: it
// says that none can be, and what happens to the requests instead; with
// a channel, it promises the round there.
func TestTypedFixProgramWithoutManagersChannel(t *testing.T) {
	h := MustAdminHarness(t)
	r := h.Run("alice", `admin program create "Mentorat hiver" kind:one-to-one start:2026-12-09 end:2027-03-30`)
	if strings.Contains(r.Message.Text, "which I will post in the managers' channel") || !strings.Contains(r.Message.Text, "No managers' channel is set, so I cannot post its kick-off round") {
		t.Fatalf("got %q, want the missing channel said", r.Message.Text)
	}
	h.Run("alice", "lang fr")
	r = h.Run("alice", `admin programme créer "Mentorat printemps" type:individuel début:2027-03-09 fin:2027-06-30`)
	if !strings.Contains(r.Message.Text, "Aucun canal des responsables n'est choisi\u202f: je ne peux donc pas y publier sa vague de lancement") {
		t.Fatalf("got %q, want the missing channel said in French", r.Message.Text)
	}
	h.Run("alice", "admin digest-channel #managers")
	r = h.Run("alice", `admin programme créer "Mentorat été" type:individuel début:2027-06-09 fin:2027-09-30`)
	if !strings.Contains(r.Message.Text, "que je publierai dans le canal des responsables") {
		t.Fatalf("got %q, want the round promised in the managers' channel", r.Message.Text)
	}
}

// TestTypedFixTopicAliasQuotes: the quotes typed around an alias and its
// topic, and a lone '=', are no part of them.
func TestTypedFixTopicAliasQuotes(t *testing.T) {
	h := MustAdminHarness(t)
	for _, tc := range []struct{ text, alias, topic string }{
		{`admin topics alias "sre" "site reliability"`, "sre", "site reliability"},
		{"admin topics alias « devops-fr » = « ingénierie de production »", "devops-fr", "ingénierie de production"},
		{"admin topics alias “k8s ops” = ‘kubernetes’", "k8s ops", "kubernetes"},
		{"admin topics alias ’gp’ gestion projet", "gp", "gestion projet"},
		{`admin topics alias "conduite de projet" = "project management"`, "conduite de projet", "project management"},
	} {
		want := "From now on, “" + tc.alias + "” means “" + tc.topic + "”"
		if r := h.Run("alice", tc.text); !strings.HasPrefix(r.Message.Text, want) {
			t.Errorf("%s: got %q, want %q", tc.text, r.Message.Text, want)
		}
	}
	list := h.Run("alice", "admin topics list").Message.Text
	if strings.Contains(list, `"`) || strings.Contains(list, "«") || strings.Contains(list, "‘") || !strings.Contains(list, "“sre” as “site reliability”") {
		t.Fatalf("got list %q, want the aliases without their typed quotes", list)
	}
	MustContain(t, h.Run("alice", `admin topics remove "sre"`), "sre")
	if list := h.Run("alice", "admin topics list").Message.Text; strings.Contains(list, "“sre”") {
		t.Fatalf("got list %q, want sre removed", list)
	}
}

// TestTypedFixDigestChannelOffWhenNone: turning off a managers' channel
// that was never set says so, rather than that the digest stopped.
func TestTypedFixDigestChannelOffWhenNone(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "lang fr")
	r := h.Run("alice", "admin canal-bilan non")
	if r.Message.Text != bot.T(bot.French, "admin.digest_channel.was_off") {
		t.Fatalf("got %q, want that no channel was set", r.Message.Text)
	}
	h.Run("alice", "admin canal-bilan #responsables")
	if r := h.Run("alice", "admin canal-bilan non"); r.Message.Text != bot.T(bot.French, "admin.digest_channel.off") {
		t.Fatalf("got %q, want the digest stopped", r.Message.Text)
	}
}

// TestTypedFixSettingsListAgrees: where pairs are introduced in a
// channel, the unknown-setting error lists intro-channel, as the
// settings show it; elsewhere neither does (TestAdminSettingsUnknown).
func TestTypedFixSettingsListAgrees(t *testing.T) {
	h := MustAdminHarness(t)
	h.Bot.Register(h.Tenant.Platform, &channelPlatform{Platform: h.Platform})
	shown := h.Run("alice", "admin settings")
	if !strings.Contains(shown.Message.Text+fieldLabels(shown), "intro-channel") {
		t.Fatalf("got settings %+v, want intro-channel shown", shown.Message)
	}
	MustContain(t, h.Run("alice", "admin settings foo:1"), ", meet-url, intro-channel.")
}

func fieldLabels(r bot.Reply) string {
	var s []string
	for _, f := range r.Message.Fields {
		s = append(s, f.Label)
	}
	return strings.Join(s, "\n")
}

// TestTypedFixPairCorrectsTypoWithoutTopic: "/mentor admin pair bob
// carol" with no topic, when Carol's request is on a typo of a topic Bob
// offers, pairs them on Bob's topic and corrects the request.
func TestTypedFixPairCorrectsTypoWithoutTopic(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("bob", "offer kubernetes, go")
	h.Run("carol", "request kubernetess")
	r := h.Run("alice", "admin pair bob carol")
	if !strings.HasPrefix(r.Message.Text, "Done: Bob will mentor Carol on “kubernetes”.") || !strings.Contains(r.Message.Text, "Carol's request on “kubernetess” is now on “kubernetes”") {
		t.Fatalf("got %q, want the pair on kubernetes, the request corrected", r.Message.Text)
	}
	pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("carol"))
	if len(pairs) != 1 || pairs[0].Topic != "kubernetes" {
		t.Fatalf("got %+v, want one pair on kubernetes", pairs)
	}
	// A request on a topic the mentor offers as it is stays as it is.
	h.Run("dora", "offer rust")
	h.Run("eve", "request rust")
	h.Click("dora", "dora", bot.ActionProposalDecline)
	MustContain(t, h.Run("alice", "admin pair dora eve"), "on “rust”")
}
