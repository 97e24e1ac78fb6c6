package bot_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSpeedFirstClickLocale: a member whose first contact is an event's
// button is recorded reading their client's language, not the
// workspace's: later messages and the matching follow it.
func TestSpeedFirstClickLocale(t *testing.T) {
	h, reg := speedHarness(t, "")
	h.Run("alice", "admin settings default-lang:fr")
	b := reg.Buttons[1] // register as a mentee
	r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("newbie"), ActionID: b.ActionID, Value: b.Value, Locale: "en-US"})
	MustContain(t, r, "registered")
	if got := h.Run("newbie", "status").Lang; got != bot.English {
		t.Errorf("got newbie's language %q, want en", got)
	}
}

// TestSpeedSatOutTrueReason: round 1 with two mentors and two French
// mentees: the French mentor is with one of them, the English one is
// free but speaks no French. The other mentee is told just that, not
// that there are more mentees than mentors; the English mentor, that no
// mentee still free speaks his language.
func TestSpeedSatOutTrueReason(t *testing.T) {
	const nb = "\u202f"
	h, reg := speedHarness(t, "")
	h.Run("fm", "offer go languages:fr")
	h.Run("em", "offer python languages:en")
	h.Run("m1", "lang fr")
	h.Run("m2", "lang fr")
	click(h, "fm", reg, 0)
	click(h, "em", reg, 0)
	click(h, "m1", reg, 1)
	click(h, "m2", reg, 1)
	h.Platform.Take()
	h.At(2, 10, 0)
	together, alone := rooms(h)
	if len(together) != 1 {
		t.Fatalf("got sessions %v, want one", together)
	}
	out := "m2"
	if _, ok := together["fm+m1"]; !ok {
		out = "m1"
	}
	var text string
	for _, m := range alone[out] {
		text += m.Text
	}
	want := "Vous ne participez pas au tour 1" + nb + ": les mentors que vous n'avez pas encore rencontrés et qui parlent l'une de vos langues sont tous déjà en rencontre, et ceux qui sont encore libres ne parlent aucune de vos langues."
	if !strings.Contains(text, want) || strings.Contains(text, "plus de personnes mentorées") {
		t.Errorf("got %s told %q, want %q", out, text, want)
	}
	var em string
	for _, m := range alone["em"] {
		em += m.Text
	}
	if !strings.Contains(em, "No mentee for you in round 1: no mentee still free speaks one of your languages.") {
		t.Errorf("got em told %q", em)
	}
}

// postEdit is an EditPost call.
type postEdit struct {
	Ref     string
	Message bot.Message
}

// postEditingPlatform is managersPlatform that can edit its posts.
type postEditingPlatform struct {
	*managersPlatform
	mu    sync.Mutex
	refs  int
	edits []postEdit
}

func (p *postEditingPlatform) PostEditable(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) (string, error) {
	if err := p.Post(ctx, t, channel, msg); err != nil {
		return "", err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.refs++
	return channel + "/" + strings.Repeat("x", p.refs), nil
}

func (p *postEditingPlatform) EditPost(ctx context.Context, t bot.Tenant, ref string, msg bot.Message) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.edits = append(p.edits, postEdit{ref, msg})
	return nil
}

func (p *postEditingPlatform) Edits() []postEdit {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.edits
	p.edits = nil
	return out
}

// TestSpeedRegistrationClosed: where the platform can edit posts, the
// registration message loses its buttons when the event is cancelled,
// and when it ends, and says why.
func TestSpeedRegistrationClosed(t *testing.T) {
	h := MustAdminHarness(t)
	ep := &postEditingPlatform{managersPlatform: h.Posting}
	h.Bot.Register(h.Tenant.Platform, ep)
	h.Run("alice", `admin event "Cancelled one" rounds:2 minutes:15 start:2026-11-02T10:00 channel:#general`)
	h.Run("alice", `admin event "Ended one" rounds:2 minutes:15 start:2026-11-02T11:00 channel:#general lang:both`)
	if posts := h.Posting.Posts(); len(posts) != 2 || len(posts[0].Message.Buttons) != 3 {
		t.Fatalf("got posts %+v", posts)
	}
	r := h.Run("alice", `admin events cancel "Cancelled one"`)
	var cancel bot.Button
	for _, b := range r.Message.Buttons {
		if b.ActionID == bot.ActionSpeedCancel {
			cancel = b
		}
	}
	h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: cancel.ActionID, Value: cancel.Value})
	h.Tick()
	edits := ep.Edits()
	if len(edits) != 1 || edits[0].Ref != "general/x" || len(edits[0].Message.Buttons) != 0 ||
		!strings.Contains(edits[0].Message.Text, "This event is cancelled: registration is closed.") ||
		!strings.Contains(edits[0].Message.Title, "Cancelled one") {
		t.Fatalf("got edits %+v, want the first post without buttons, cancelled", edits)
	}
	h.At(2, 11, 20) // the last round started at 11:15: registration closed
	if edits := ep.Edits(); len(edits) != 1 || len(edits[0].Message.Buttons) != 0 ||
		!strings.Contains(edits[0].Message.Text, "The last round has started: registration is closed.") ||
		!strings.Contains(edits[0].Message.Text, "Le dernier tour a commencé\u202f: les inscriptions sont closes.") {
		t.Errorf("got edits %+v, want the second post without buttons as its last round starts", edits)
	}
	h.At(2, 11, 30)
	edits = ep.Edits()
	if len(edits) != 1 || edits[0].Ref != "general/xx" || len(edits[0].Message.Buttons) != 0 ||
		!strings.Contains(edits[0].Message.Text, "This event is over: registration is closed.") ||
		!strings.Contains(edits[0].Message.Text, "Cet événement est terminé\u202f: les inscriptions sont closes.") {
		t.Fatalf("got edits %+v, want the second post without buttons, over, in both languages", edits)
	}
}

// TestNeedsResultsAction: the needs survey's results have an option of
// their own (action:results, a field on Discord), and the hint after
// posting names it on Discord.
func TestNeedsResultsAction(t *testing.T) {
	h := MustAdminHarness(t)
	r := h.Run("alice", `admin needs "Mentorat 2027" channel:#general`)
	MustContain(t, r, "See the answers at any time with `/mentor admin needs results \"Mentorat 2027\"`.")
	r = h.Run("alice", `admin needs "Mentorat 2027" action:results`)
	if r.Message.Title == "" && !strings.Contains(r.Message.Text, "Mentorat 2027") || strings.Contains(r.Message.Text, "posted") {
		t.Errorf("got %q / %q, want the results", r.Message.Title, r.Message.Text)
	}
	want := h.Run("alice", `admin needs results "Mentorat 2027"`)
	if r.Message.Title != want.Message.Title || r.Message.Text != want.Message.Text {
		t.Errorf("got %q, want %q", r.Message.Text, want.Message.Text)
	}
	fr := h.Run("alice", `admin besoins "Mentorat 2027" action:résultats`)
	if fr.Message.Text == "" || strings.Contains(fr.Message.Text, "publiée") {
		t.Errorf("got %q, want the results", fr.Message.Text)
	}
	if got := bot.T(bot.English, "needs.results_how.discord", "program", "Mentorat 2027"); !strings.Contains(got, "action:results") {
		t.Errorf("got %q", got)
	}
}
