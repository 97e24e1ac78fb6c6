package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestLanguageSuggestionSaysFull: when every mentor of a suggested topic
// speaks other languages and has no free place, the suggestion says so,
// and so does the question that widens the request's languages once the
// topic is changed, before the member clicks, in English and in French.
func TestLanguageSuggestionSaysFull(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	click := func(user string, r bot.Reply) bot.Reply {
		t.Helper()
		if len(r.Message.Buttons) != 1 {
			t.Fatalf("got %+v, want one button", r.Message)
		}
		b := r.Message.Buttons[0]
		return h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member(user), ActionID: b.ActionID, Value: b.Value})
	}
	h.Run("bob", "offer kubernetes capacity:1 languages:fr")
	r := h.Run("carol", "request kubernete")
	if strings.Contains(r.Message.Text, "no free place") {
		t.Fatalf("got %q, want no warning while Bob has a place", r.Message.Text)
	}
	MustContain(t, h.Run("dan", "request kubernetes language:fr"), "I've asked a mentor")
	c := click("carol", r)
	MustContain(t, c, "1 French-speaking mentor does.\nThis mentor has no free place right now: your request would wait for one.\nIf a mentor who speaks French suits you too, click the button: your request will be proposed as soon as a place is free.")
	if strings.Contains(c.Message.Text, "at once") {
		t.Errorf("got %q, want no “look again at once”", c.Message.Text)
	}
	MustContain(t, h.Run("erin", "request kubernete"), "Did you mean “kubernetes”? 1 French-speaking mentor offers it. This mentor has no free place right now: your request would wait for one.")
	h.Run("fay", "lang fr")
	r = h.Run("fay", "demande kubernete langue:en")
	MustContain(t, r, "1 mentor parlant français le propose. Ce mentor n'a pas de place libre pour l'instant")
	MustContain(t, click("fay", r), "Ce mentor n'a pas de place libre pour l'instant\u202f: votre demande attendrait qu'une place se libère.\nSi un mentor parlant français vous convient aussi, cliquez sur le bouton\u202f: votre demande sera proposée dès qu'une place se libérera.")
}
