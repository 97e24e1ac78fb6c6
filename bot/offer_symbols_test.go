package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestOfferSymbolTopic: a topic of only punctuation or symbols ("---",
// "🚀"), which no request can match, is refused by name with the reason,
// in either language, and the offer stays as it was: it neither replaces
// real topics nor makes a new mentor of no topic.
func TestOfferSymbolTopic(t *testing.T) {
	ctx := context.Background()
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Run("fred", "lang fr")
	tests := []struct {
		name, user, text, topic string
		lang                    bot.Lang
	}{
		{"ReplaceEN", "bob", "offer ---", "---", bot.English},
		{"TopicsEN", "bob", "offer topics:!!! capacity:3", "!!!", bot.English},
		{"AddEN", "bob", "offer add:rust, 🚀", "🚀", bot.English},
		{"MixedEN", "bob", "offer go, ???", "???", bot.English},
		{"NewEN", "eve", "offer !!!", "!!!", bot.English},
		{"NewFR", "fred", "propose ???", "???", bot.French},
		{"AddFR", "fred", "offer ajouter:---", "---", bot.French},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.Run(tt.user, tt.text)
			MustContain(t, r, bot.T(tt.lang, "err.offer_topic_no_letters", "topic", tt.topic))
			for _, word := range []string{"updated", "mise à jour", "No longer offered", "ne proposez plus", "I'll send you requests", "Je vous enverrai"} {
				if strings.Contains(r.Message.Text, word) {
					t.Fatalf("got %q, want no word of a saved offer", r.Message.Text)
				}
			}
		})
	}
	MustContain(t, h.Run("bob", "offer ---"), "“---” has no letters or digits, only punctuation or symbols: no one could ask for it")
	MustContain(t, h.Run("fred", "offer ---"), "«\u202f---\u202f» ne contient ni lettre ni chiffre, seulement de la ponctuation ou des symboles\u202f: personne ne pourrait le demander")
	o, err := h.Store.GetOffer(ctx, h.Tenant.Member("bob"))
	if err != nil || !slices.Equal(o.Topics, []string{"go"}) || o.Capacity != bot.DefaultCapacity {
		t.Fatalf("got bob's offer %v capacity %d (%v), want go, unchanged", o.Topics, o.Capacity, err)
	}
	for _, u := range []string{"eve", "fred"} {
		if _, err := h.Store.GetOffer(ctx, h.Tenant.Member(u)); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Fatalf("got %s's offer (%v), want none", u, err)
		}
	}
	// A topic with symbols and a word is a topic: its word matches.
	MustContain(t, h.Run("bob", "offer add:🚀 rust"), "Your offer is updated")
}

// TestRequestSymbolTopic: a request on a topic of only punctuation or
// symbols says the topic has no letters or digits (the member did give
// one); no topic at all is still asked for.
func TestRequestSymbolTopic(t *testing.T) {
	h := MustHarness(t)
	h.Run("fred", "lang fr")
	MustContain(t, h.Run("carol", "request ---"), "“---” has no letters or digits, only punctuation or symbols: no mentor could offer it.")
	MustContain(t, h.Run("carol", "request 🚀"), bot.T(bot.English, "err.topic_no_letters", "topic", "🚀", "example", bot.T(bot.English, "cmd.request.example")))
	MustContain(t, h.Run("fred", "demande !!"), "«\u202f!!\u202f» ne contient ni lettre ni chiffre")
	MustContain(t, h.Run("carol", "request"), "Please give the topic.")
	MustContain(t, h.Run("carol", "request \u200b"), "Please give the topic.")
}

// TestOfferInvisibleText: text that cleaning leaves empty (a zero-width
// space) is no text: an offer shows itself as it is, without a false
// "updated", and a new offer still asks for its topics.
func TestOfferInvisibleText(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Run("fred", "lang fr")
	h.Run("fred", "offer go")
	for _, text := range []string{"offer \u200b", "offer \u200b\u2060\ufeff"} {
		r := h.Run("bob", text)
		if want := bot.T(bot.English, "offer.current", "topics", "go"); !strings.HasPrefix(r.Message.Text, want) {
			t.Fatalf("got %q after %q, want the offer as it is: %q", r.Message.Text, text, want)
		}
	}
	if r := h.Run("fred", "propose \u200b"); !strings.HasPrefix(r.Message.Text, bot.T(bot.French, "offer.current", "topics", "go")) {
		t.Fatalf("got %q, want the offer as it is, in French", r.Message.Text)
	}
	MustContain(t, h.Run("eve", "offer \u200b"), "Please give the topics.")
}
