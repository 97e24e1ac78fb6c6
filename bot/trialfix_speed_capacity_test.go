package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// speedRaised plays a mentor, max, whose one slot is taken (dan's
// proposal waits for his answer) and who says yes to continue with ema
// after a speed-mentoring round: his capacity goes from 1 to 2.
func speedRaised(t *testing.T, lang string) *adminHarness {
	t.Helper()
	h, reg := speedHarness(t, "")
	for _, u := range []string{"max", "ema", "dan"} {
		h.Run(u, "lang "+lang)
	}
	h.Run("max", "offer go capacity:1")
	h.Run("dan", "request go")
	click(h, "max", reg, 0)
	click(h, "ema", reg, 1)
	h.At(2, 10, 15)
	h.Click("ema", "ema", bot.ActionSpeedContinue)
	r := h.Click("max", "max", bot.ActionSpeedContinue)
	want := map[string]string{"en": "your capacity goes from 1 to 2", "fr": "votre nombre de places passe donc de 1 à 2"}[lang]
	MustContain(t, r, want)
	h.Platform.Take()
	return h
}

// TestTrialfixSpeedRaiseUndone: the capacity raised to hold a speed pair
// goes back when that pair is cancelled before it started (ema declines
// the charter, or erases her data), and the mentor is told; not when he
// changed his capacity meanwhile.
func TestTrialfixSpeedRaiseUndone(t *testing.T) {
	for _, c := range []struct {
		name, lang, how string
		changed         bool
		field, status   string
		told            string
	}{
		{"DeclinedEN", "en", "decline", false, "Capacity", "1 of 1 in use (1 awaiting your answer)", "your capacity is back to 1"},
		{"DeclinedFR", "fr", "decline", false, "Nombre de places", "1 place occupée sur 1, dont 1 par une proposition en attente de votre réponse", "votre nombre de places revient donc à 1"},
		{"ForgetEN", "en", "forget", false, "Capacity", "1 of 1 in use (1 awaiting your answer)", "your capacity is back to 1"},
		{"ForgetFR", "fr", "forget", false, "Nombre de places", "1 place occupée sur 1, dont 1 par une proposition en attente de votre réponse", "votre nombre de places revient donc à 1"},
		{"EndedEN", "en", "end", false, "Capacity", "1 of 1 in use (1 awaiting your answer)", "Your pair from the speed-mentoring event has ended, so your capacity is back to 1"},
		{"ChangedMeanwhile", "en", "decline", true, "Capacity", "1 of 3 in use (1 awaiting your answer)", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := speedRaised(t, c.lang)
			if c.changed {
				h.Run("max", "offer capacity:3")
			}
			switch c.how {
			case "end":
				clickAll(h, "max", bot.ActionCharterAccept)
				clickAll(h, "ema", bot.ActionCharterAccept)
				r := h.Run("ema", "end")
				for _, b := range r.Message.Buttons {
					if b.ActionID == bot.ActionEndConfirm {
						h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("ema"), ActionID: b.ActionID, Value: b.Value})
					}
				}
			case "decline":
				h.Click("ema", "ema", bot.ActionCharterDecline)
			case "forget":
				r := h.Run("ema", "forget")
				for _, b := range r.Message.Buttons {
					if b.ActionID == bot.ActionForgetConfirm {
						h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("ema"), ActionID: b.ActionID, Value: b.Value})
					}
				}
			}
			var told []string
			for _, m := range h.Platform.To("max") {
				told = append(told, m.Text)
			}
			all := strings.Join(told, "\n")
			if c.told != "" && !strings.Contains(all, c.told) {
				t.Errorf("max was told %q, want %q", all, c.told)
			}
			if c.told == "" && (strings.Contains(all, "back to") || strings.Contains(all, "revient à")) {
				t.Errorf("max was told %q, want no capacity back", all)
			}
			mustField(t, h.Run("max", "status"), c.field, c.status)
		})
	}
}
