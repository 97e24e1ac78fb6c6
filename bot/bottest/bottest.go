package bottest

import (
	"context"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// Sent is one message the fake platform delivered.
type Sent struct {
	To       []bot.MemberID // one member for Send, several for Introduce
	Message  bot.Message
	Together bool // sent with Introduce
}

// Platform is a recording fake of bot.Platform and bot.Directory. Members
// listed in Gone have left: sending to them fails with EGONE. Fail, when
// set, makes every send fail with it.
type Platform struct {
	mu   sync.Mutex
	sent []Sent // since the last Take
	all  []Sent // ever, for finding buttons
	Gone map[string]bool
	// Closed are members still in the workspace whose direct messages are
	// closed: sending to them fails with EGONE marked bot.Unreachable.
	Closed map[string]bool
	// Locales are members' platform locales ("fr-FR"), by user.
	Locales map[string]string
	// TZs are members' platform time zones ("America/Toronto"), by user.
	TZs  map[string]string
	Fail error
	// retracted are the messages replaced by Retract: key → replacement.
	retracted map[string]bot.Message
}

var (
	_ bot.Platform  = (*Platform)(nil)
	_ bot.Directory = (*Platform)(nil)
	_ bot.Retracter = (*Platform)(nil)
)

// Retract implements bot.Retracter: it records msg as the replacement of
// the message to received under key, if one was sent (ENOTFOUND if not).
func (p *Platform) Retract(ctx context.Context, to bot.MemberID, key string, msg bot.Message) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.all {
		if s.Message.Delivery == key && len(s.To) == 1 && s.To[0] == to {
			if p.retracted == nil {
				p.retracted = map[string]bot.Message{}
			}
			p.retracted[key] = msg
			return nil
		}
	}
	return bot.Errorf(bot.ENOTFOUND, "err.unknown_button")
}

// Retracted returns the replacement Retract recorded for key, if any.
func (p *Platform) Retracted(key string) (bot.Message, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	m, ok := p.retracted[key]
	return m, ok
}

// Send implements bot.Platform.
func (p *Platform) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	return p.record(Sent{To: []bot.MemberID{to}, Message: msg})
}

// Introduce implements bot.Platform.
func (p *Platform) Introduce(ctx context.Context, members []bot.MemberID, msg bot.Message) error {
	return p.record(Sent{To: members, Message: msg, Together: true})
}

func (p *Platform) record(s Sent) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.Fail != nil {
		return p.Fail
	}
	for _, m := range s.To {
		if p.Gone[m.User] {
			return bot.Errorf(bot.EGONE, "err.gone")
		}
		if p.Closed[m.User] {
			return &bot.Error{Code: bot.EGONE, Key: "err.gone", Err: dmsClosed{}}
		}
	}
	p.sent = append(p.sent, s)
	p.all = append(p.all, s)
	return nil
}

// Profile implements bot.Directory: "alice" is named Alice.
func (p *Platform) Profile(ctx context.Context, id bot.MemberID) (bot.Profile, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.Gone[id.User] {
		return bot.Profile{}, bot.Errorf(bot.EGONE, "err.gone")
	}
	return bot.Profile{Name: strings.ToUpper(id.User[:1]) + id.User[1:], Locale: p.Locales[id.User], TZ: p.TZs[id.User]}, nil
}

// Take returns the messages delivered so far, and forgets them.
func (p *Platform) Take() []Sent {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.sent
	p.sent = nil
	return s
}

// To returns every message ever delivered to user.
func (p *Platform) To(user string) []bot.Message {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []bot.Message
	for _, s := range p.all {
		for _, m := range s.To {
			if m.User == user {
				out = append(out, s.Message)
			}
		}
	}
	return out
}

// Start is the fixed time harnesses start at.
var Start = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

// Harness is a bot wired to a fake platform named "test".
type Harness struct {
	TB       testing.TB
	Bot      *bot.Bot
	Store    bot.Store
	Platform *Platform
	Clock    *bot.ManualClock
	Tenant   bot.Tenant
}

// New returns a harness on store st and tenant t.
func New(tb testing.TB, st bot.Store, t bot.Tenant, cfg bot.Config) *Harness {
	h := &Harness{TB: tb, Store: st, Platform: &Platform{Gone: map[string]bool{}, Closed: map[string]bool{}, Locales: map[string]string{}, TZs: map[string]string{}}, Clock: bot.NewManualClock(Start), Tenant: t}
	h.Bot = bot.New(cfg, st, h.Clock, rand.NewChaCha8([32]byte{7}), nil)
	h.Bot.Register(t.Platform, h.Platform)
	return h
}

// Run runs a command typed by user and returns the reply's text.
func (h *Harness) Run(user, text string) bot.Reply {
	return h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member(user), Text: text})
}

// Click clicks the button labelled label (or with that action ID) in the
// last message user received that has it, as member by.
func (h *Harness) Click(by, owner, label string) bot.Reply {
	h.TB.Helper()
	b := h.Button(owner, label)
	return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(by), ActionID: b.ActionID, Value: b.Value})
}

// Button finds the newest button of owner labelled label or with that action ID.
func (h *Harness) Button(owner, label string) bot.Button {
	h.TB.Helper()
	msgs := h.Platform.To(owner)
	for i := len(msgs) - 1; i >= 0; i-- {
		for _, b := range msgs[i].Buttons {
			if b.Label == label || b.ActionID == label {
				return b
			}
		}
	}
	h.TB.Fatalf("%s has no button %q", owner, label)
	return bot.Button{}
}

// dmsClosed is the error of a send to a member in Platform.Closed.
type dmsClosed struct{}

func (dmsClosed) Error() string     { return "direct messages closed" }
func (dmsClosed) Unreachable() bool { return true }
