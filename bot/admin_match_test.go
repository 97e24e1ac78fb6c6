package bot_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/bot"
)

// mustRoundPool makes four requests wait with nobody to take them (ann
// and ben on go, cat on python, dan on rust), then stores offers of mia
// (go, one slot) and max (python) without a sweep: a round has work.
func mustRoundPool(t *testing.T) *adminHarness {
	h := MustAdminHarness(t)
	for _, r := range []string{"ann request go", "ben request go", "cat request python", "dan request rust"} {
		user, text, _ := strings.Cut(r, " ")
		h.Run(user, text)
		h.Clock.Advance(3600e9)
	}
	for _, o := range []bot.Offer{
		{Mentor: h.Tenant.Member("mia"), Topics: []string{"go"}, Capacity: 1, Languages: []bot.Lang{bot.English}},
		{Mentor: h.Tenant.Member("max"), Topics: []string{"python"}, Capacity: 1},
	} {
		mustSaveMember(t, h, o.Mentor.User)
		if err := h.Store.SaveOffer(context.Background(), o); err != nil {
			t.Fatal(err)
		}
	}
	h.Platform.Take()
	return h
}

func mustSaveMember(t *testing.T, h *adminHarness, user string) {
	t.Helper()
	m := bot.Member{ID: h.Tenant.Member(user), Name: strings.ToUpper(user[:1]) + user[1:], Lang: bot.English}
	if err := h.Store.SaveMember(context.Background(), m); err != nil {
		t.Fatal(err)
	}
}

// mustWaiting fails unless the users' requests wait, in this order.
func mustWaiting(t *testing.T, h *adminHarness, want ...string) {
	t.Helper()
	waiting, err := h.Store.Waiting(context.Background(), h.Tenant)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range waiting {
		got = append(got, r.Mentee.User)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("got waiting %v, want %v", got, want)
	}
}

// proposalsTo counts the proposals each mentor has received so far.
func proposalsTo(h *adminHarness, users ...string) map[string]int {
	out := map[string]int{}
	for _, u := range users {
		for _, m := range h.Platform.To(u) {
			for _, b := range m.Buttons {
				if b.ActionID == bot.ActionProposalAccept {
					out[u]++
				}
			}
		}
	}
	return out
}

func TestAdminMatchPreview(t *testing.T) {
	h := mustRoundPool(t)
	r := h.Run("alice", "admin match")
	if want := "A round of proposals: preview"; r.Message.Title != want {
		t.Fatalf("got title %q, want %q", r.Message.Title, want)
	}
	MustLines(t, r.Message.Text,
		"This round would propose 2 pairs, the best total fit for the 4 requests waiting:",
		"• Ann with Mia, “go”, score 0.94: Mia offers “go”; both speak English; Mia offers flash mentoring (Meet & Share)",
		"• Cat with Max, “python”, score 0.90: Max offers “python”; Max offers flash mentoring (Meet & Share)",
		"It would leave 2 requests waiting:",
		"• Ben, “go”, less than a day: The mentor for “go” who could take it is taken by another request in this round (a better fit, a longer wait, or a tie).",
		"• Dan, “rust”, less than a day: Nobody offers “rust” yet.",
	)
	if got := len(r.Message.Buttons); got != 2 || r.Message.Buttons[0].ActionID != bot.ActionRoundSend || r.Message.Buttons[1].ActionID != bot.ActionRoundCancel {
		t.Fatalf("got buttons %+v, want Send these proposals and Cancel", r.Message.Buttons)
	}
	if sent := h.Platform.Take(); len(sent) != 0 {
		t.Errorf("got %d messages sent by a preview, want none", len(sent))
	}
	mustWaiting(t, h, "ann", "ben", "cat", "dan")
}

// previewFr is the preview in French, with its typography.
func TestAdminMatchPreviewFrench(t *testing.T) {
	h := mustRoundPool(t)
	h.Run("alice", "lang fr")
	r := h.Run("alice", "admin match")
	MustLines(t, r.Message.Text,
		"Cette vague proposerait 2 binômes, la meilleure répartition d'ensemble pour 4 demandes en attente :",
		"• Ben, « go », moins d'un jour : le mentor de « go » qui pourrait la prendre est pris par une autre demande dans cette vague (meilleure correspondance, attente plus longue ou égalité).",
	)
	if want := "anglais en commun ; Mia propose"; !strings.Contains(r.Message.Text, want) {
		t.Errorf("got %s\nwant the reasons joined by %q", r.Message.Text, " ; ")
	}
	if got := r.Message.Buttons[0].Label; got != "Envoyer ces propositions" {
		t.Errorf("got button %q, want Envoyer ces propositions", got)
	}
}

func TestAdminMatchSend(t *testing.T) {
	h := mustRoundPool(t)
	preview := h.Run("alice", "admin match")
	r := h.ClickReply("alice", preview, "Send these proposals")
	if !r.Replace {
		t.Errorf("got a reply that does not replace the preview, want its buttons gone")
	}
	MustLines(t, r.Message.Text, "Sent 2 proposals:", "• Ann with Mia, “go”", "• Cat with Max, “python”")
	if got := proposalsTo(h, "mia", "max"); got["mia"] != 1 || got["max"] != 1 {
		t.Fatalf("got proposals %v, want one to mia and one to max", got)
	}
	mustWaiting(t, h, "ben", "dan")

	t.Run("DoubleClick", func(t *testing.T) {
		r := h.ClickReply("alice", preview, "Send these proposals")
		if want := bot.T(bot.English, "round.already_sent", "command", "`/mentor admin match`"); r.Message.Text != want {
			t.Errorf("got %q, want %q", r.Message.Text, want)
		}
		if got := proposalsTo(h, "mia", "max"); got["mia"] != 1 || got["max"] != 1 {
			t.Errorf("got proposals %v, want still one each", got)
		}
	})
}

// TestAdminMatchConcurrentClicks: two clicks at once send the round once.
func TestAdminMatchConcurrentClicks(t *testing.T) {
	h := mustRoundPool(t)
	preview := h.Run("alice", "admin match")
	var wg sync.WaitGroup
	replies := make([]bot.Reply, 2)
	for i := range replies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			replies[i] = h.ClickReply("alice", preview, "Send these proposals")
		}()
	}
	wg.Wait()
	if got := proposalsTo(h, "mia", "max"); got["mia"] != 1 || got["max"] != 1 {
		t.Fatalf("got proposals %v, want one to mia and one to max", got)
	}
	sent := 0
	for _, r := range replies {
		if strings.HasPrefix(r.Message.Text, "Sent 2 proposals:") {
			sent++
		}
	}
	if sent != 1 {
		t.Errorf("got replies %q and %q, want one saying what was sent", replies[0].Message.Text, replies[1].Message.Text)
	}
}

func TestAdminMatchCancel(t *testing.T) {
	h := mustRoundPool(t)
	r := h.ClickReply("alice", h.Run("alice", "admin match"), "Cancel")
	if want := "Preview discarded: nothing was sent."; r.Message.Text != want || !r.Replace {
		t.Fatalf("got %+v, want %q replacing the preview", r, want)
	}
	if sent := h.Platform.Take(); len(sent) != 0 {
		t.Errorf("got %d messages, want none", len(sent))
	}
	mustWaiting(t, h, "ann", "ben", "cat", "dan")
}

// TestAdminMatchCancelThenSend: the Send button of a discarded preview
// (a copy of the message still on screen) sends nothing, and says so to
// the clicker alone (the message keeps "Preview discarded"); a new preview
// of the same pool sends, and Cancel on a sent round says it was sent.
// Before, the discarded preview's Send sent the round.
func TestAdminMatchCancelThenSend(t *testing.T) {
	h := mustRoundPool(t)
	preview := h.Run("alice", "admin match")
	h.ClickReply("alice", preview, "Cancel")
	r := h.ClickReply("alice", preview, "Send these proposals")
	if want := bot.T(bot.English, "round.discarded", "command", "`/mentor admin match`"); r.Message.Text != want || r.Replace {
		t.Fatalf("got %+v, want %q, not replacing the message", r, want)
	}
	if got := proposalsTo(h, "mia", "max"); got["mia"] != 0 || got["max"] != 0 {
		t.Fatalf("got proposals %v, want none", got)
	}
	again := h.Run("alice", "admin match")
	MustLines(t, h.ClickReply("alice", again, "Send these proposals").Message.Text, "Sent 2 proposals:", "• Ann with Mia, “go”", "• Cat with Max, “python”")
	if r := h.ClickReply("alice", again, "Cancel"); r.Message.Text != bot.T(bot.English, "round.already_sent", "command", "`/mentor admin match`") {
		t.Fatalf("Cancel after Send: got %q, want it said sent", r.Message.Text)
	}
}

// TestAdminMatchChanged: a mentor offers rust after the preview; the click
// shows the new round instead of sending the old one, and the new one sends.
func TestAdminMatchChanged(t *testing.T) {
	h := mustRoundPool(t)
	preview := h.Run("alice", "admin match")
	mustSaveMember(t, h, "rio")
	if err := h.Store.SaveOffer(context.Background(), bot.Offer{Mentor: h.Tenant.Member("rio"), Topics: []string{"rust"}, Capacity: 1}); err != nil {
		t.Fatal(err)
	}
	r := h.ClickReply("alice", preview, "Send these proposals")
	MustLines(t, r.Message.Text,
		"The requests or offers changed since the preview, so nothing was sent. Here is the round as it is now.",
		"This round would propose 3 pairs, the best total fit for the 4 requests waiting:",
	)
	if !strings.Contains(r.Message.Text, "• Dan with Rio, “rust”") {
		t.Errorf("got %s\nwant dan with rio in the new round", r.Message.Text)
	}
	if sent := h.Platform.Take(); len(sent) != 0 {
		t.Fatalf("got %d messages, want nothing sent from a stale preview", len(sent))
	}
	mustWaiting(t, h, "ann", "ben", "cat", "dan")
	r = h.ClickReply("alice", r, "Send these proposals")
	MustLines(t, r.Message.Text, "Sent 3 proposals:")
	mustWaiting(t, h, "ben")
}

// TestAdminMatchNotManager: a member who is not a manager cannot send a
// round, even with its button.
func TestAdminMatchNotManager(t *testing.T) {
	h := mustRoundPool(t)
	preview := h.Run("alice", "admin match")
	r := h.ClickReply("bob", preview, "Send these proposals")
	if want := bot.T(bot.English, "err.forbidden"); r.Message.Text != want {
		t.Fatalf("got %q, want %q", r.Message.Text, want)
	}
	mustWaiting(t, h, "ann", "ben", "cat", "dan")
	// A workspace admin (per the platform) may.
	b := preview.Message.Buttons[0]
	r = h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("olga"), ActionID: b.ActionID, Value: b.Value, IsAdmin: true})
	MustLines(t, r.Message.Text, "Sent 2 proposals:")
}

func TestAdminMatchEmpty(t *testing.T) {
	h := MustAdminHarness(t)
	r := h.Run("alice", "admin match")
	if want := "Nobody is waiting for a mentor: there is no round to make."; r.Message.Text != want || len(r.Message.Buttons) != 0 {
		t.Fatalf("got %+v, want %q without buttons", r.Message, want)
	}
}

// TestAdminMatchLong: a long list is cut, with the rest counted.
func TestAdminMatchLong(t *testing.T) {
	h := MustAdminHarness(t)
	long := "rust " + strings.Repeat("x", bot.MaxTopicLen-5)
	for i := 0; i < 25; i++ {
		h.Run("m"+itoa2(i), "request "+long)
	}
	r := h.Run("alice", "admin match")
	if n := utf8.RuneCountInString(r.Message.Title + r.Message.Text); n > 4000 {
		t.Errorf("got %d characters, want the preview under Discord's 4,096", n)
	}
	MustLines(t, r.Message.Text, "This round would propose no pair. Waiting (25 requests):")
	if !strings.Contains(r.Message.Text, "\n… and ") {
		t.Errorf("got %s\nwant the list cut with “… and N more”", r.Message.Text)
	}
	if len(r.Message.Buttons) != 0 {
		t.Errorf("got buttons %+v, want none with nothing to send", r.Message.Buttons)
	}
}

func itoa2(i int) string { return string(rune('a'+i/10)) + string(rune('a'+i%10)) }
