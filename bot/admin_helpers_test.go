package bot_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/chart"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// posted is what a managersPlatform posted in a channel or sent as a file.
type posted struct {
	Channel string       // "" for a file sent to a member
	To      bot.MemberID // the member a file was sent to
	Message bot.Message
	File    *bot.File
}

// managersPlatform is the recording fake platform plus bot.Poster and
// bot.Uploader, recording what they post.
type managersPlatform struct {
	*bottest.Platform
	mu    sync.Mutex
	posts []posted
	tries int // posts and uploads tried, failed ones included
}

func (p *managersPlatform) Post(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) error {
	return p.add(posted{Channel: channel, Message: msg})
}

func (p *managersPlatform) Upload(ctx context.Context, t bot.Tenant, channel string, f bot.File, msg bot.Message) error {
	return p.add(posted{Channel: channel, Message: msg, File: &f})
}

func (p *managersPlatform) SendFile(ctx context.Context, to bot.MemberID, f bot.File, msg bot.Message) error {
	return p.add(posted{To: to, Message: msg, File: &f})
}

func (p *managersPlatform) add(x posted) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tries++
	if p.Fail != nil {
		return p.Fail
	}
	p.posts = append(p.posts, x)
	return nil
}

// Posts returns what was posted or sent as a file so far, and forgets it.
func (p *managersPlatform) Posts() []posted {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.posts
	p.posts = nil
	return out
}

// adminHarness is a harness whose manager is "alice", on a platform that
// posts and uploads; Charts records what the digest's chart was drawn from.
type adminHarness struct {
	*bottest.Harness
	Posting *managersPlatform
	mu      sync.Mutex
	charts  []bot.Chart
	draw    bool
}

// fakePNG stands for the chart where the image itself is not under test:
// drawing one takes a few hundred milliseconds with -race.
var fakePNG = []byte("\x89PNG fake")

// MustAdminHarness returns a harness where alice is a manager (from the
// configuration). The chart is drawn by chart.Draw after DrawCharts.
func MustAdminHarness(tb testing.TB) *adminHarness {
	tb.Helper()
	t := storetest.Tenant(tb, "test")
	t.Platform = "test-" + t.Workspace
	a := &adminHarness{}
	cfg := bot.Config{Managers: []string{"alice"}, Chart: func(c bot.Chart) ([]byte, error) {
		a.mu.Lock()
		a.charts = append(a.charts, c)
		draw := a.draw
		a.mu.Unlock()
		if !draw {
			return fakePNG, nil
		}
		return chart.Draw(c)
	}}
	a.Harness = bottest.New(tb, storetest.MustMemory(tb), t, cfg)
	a.Posting = &managersPlatform{Platform: a.Platform}
	a.Bot.Register(t.Platform, a.Posting)
	return a
}

// At moves the clock forward to November day, hour:minute (2026, UTC) and
// runs the jobs due.
func (a *adminHarness) At(day, hour, minute int) {
	a.TB.Helper()
	to := time.Date(2026, 11, day, hour, minute, 0, 0, time.UTC)
	d := to.Sub(a.Clock.Now())
	if d < 0 {
		a.TB.Fatalf("the clock is at %v, past %v", a.Clock.Now(), to)
	}
	MustTick(a.TB, a.Harness, d)
}

// Tick runs the jobs due now.
func (a *adminHarness) Tick() { a.TB.Helper(); MustTick(a.TB, a.Harness, 0) }

// DrawCharts makes the digest's charts real PNG images from now on.
func (a *adminHarness) DrawCharts() {
	a.mu.Lock()
	a.draw = true
	a.mu.Unlock()
}

// Charts returns the charts drawn so far.
func (a *adminHarness) Charts() []bot.Chart {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]bot.Chart(nil), a.charts...)
}

// ClickReply clicks the button labelled label in a reply (the next
// question of a survey comes as a reply), as member by.
func (a *adminHarness) ClickReply(by string, r bot.Reply, label string) bot.Reply {
	a.TB.Helper()
	for _, b := range r.Message.Buttons {
		if b.Label == label {
			return a.Bot.HandleAction(context.Background(), bot.Action{Member: a.Tenant.Member(by), ActionID: b.ActionID, Value: b.Value})
		}
	}
	a.TB.Fatalf("the reply has no button %q: %+v", label, r.Message)
	return bot.Reply{}
}

// MustLines fails unless text holds every line of want, in order.
func MustLines(tb testing.TB, text string, want ...string) {
	tb.Helper()
	lines := strings.Split(text, "\n")
	i := 0
	for _, w := range want {
		for i < len(lines) && lines[i] != w {
			i++
		}
		if i == len(lines) {
			tb.Fatalf("got text:\n%s\nwant the line (in this order):\n%s", text, w)
		}
	}
}
