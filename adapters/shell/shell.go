package shell

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/mentorbot/mentorbot/bot"
)

// Handler is what the shell needs of the bot.
type Handler interface {
	HandleCommand(ctx context.Context, c bot.Command) bot.Reply
	HandleAction(ctx context.Context, a bot.Action) bot.Reply
}

// Advancer moves a settable clock forward; the shell's :advance uses it.
type Advancer interface {
	Advance(d time.Duration)
}

// Platform name and workspace of shell members.
const (
	Platform  = "shell"
	Workspace = "local"
)

// DefaultTenant is the shell's workspace unless Adapter.Tenant is changed.
var DefaultTenant = bot.Tenant{Platform: Platform, Workspace: Workspace}

// Adapter is the terminal adapter. It implements bot.Platform and
// bot.Directory.
type Adapter struct {
	// Tenant is the workspace the shell's members belong to; tests give
	// each run its own so that runs sharing one Redis never meet.
	Tenant bot.Tenant

	out   io.Writer
	clock Advancer
	// OnAdvance, when set, runs after :advance (the follow-up tick).
	OnAdvance func(ctx context.Context)

	mu      sync.Mutex
	handler Handler
	current string
	buttons []shellButton
}

type shellButton struct {
	owner string
	bot.Button
}

var (
	_ bot.Platform  = (*Adapter)(nil)
	_ bot.Directory = (*Adapter)(nil)
)

// New returns an adapter printing to out. clock may be nil when the clock
// cannot be moved.
func New(out io.Writer, clock Advancer) *Adapter {
	return &Adapter{Tenant: DefaultTenant, out: out, clock: clock, current: "alice"}
}

// SetHandler connects the bot.
func (a *Adapter) SetHandler(h Handler) { a.handler = h }

// Run reads lines from in until it ends, :quit, or ctx is cancelled.
func (a *Adapter) Run(ctx context.Context, in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	a.printf("mentorbot shell. You are %s. Type :help for help.\n", a.current)
	for sc.Scan() {
		if ctx.Err() != nil {
			return nil
		}
		if !a.Line(ctx, sc.Text()) {
			return nil
		}
	}
	return sc.Err()
}

// Line handles one line of input and reports whether to go on.
func (a *Adapter) Line(ctx context.Context, line string) bool {
	line = strings.TrimSpace(line)
	word, rest, _ := strings.Cut(line, " ")
	switch strings.ToLower(word) {
	case "":
	case ":quit", ":q", "quit", "exit":
		return false
	case ":help", "help":
		a.printf("%s\n", usage)
	case "as":
		a.switchTo(rest)
	case "click":
		a.click(ctx, strings.TrimSpace(rest))
	case ":advance":
		a.advance(ctx, strings.TrimSpace(rest))
	default:
		if strings.HasPrefix(word, "/") && word != "/mentor" {
			a.printf("Unknown command %s: only /mentor is installed here.\n", word)
			return true
		}
		a.command(ctx, line)
	}
	return true
}

const usage = `  as NAME          act as member NAME (letters, digits, - and _)
  /mentor ...      run a command, e.g. /mentor help
  click N          click button [N] of a message you received
  :advance 3d      move the clock forward (s, m, h, d)
  :quit            leave (nothing is kept after exit with the embedded Redis)`

func (a *Adapter) switchTo(name string) {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" || len(name) > 32 || strings.IndexFunc(name, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_')
	}) >= 0 {
		a.printf("Usage: as NAME, where NAME is letters, digits, - or _ (at most 32).\n")
		return
	}
	a.mu.Lock()
	a.current = name
	a.mu.Unlock()
	a.printf("You are now %s.\n", name)
}

func (a *Adapter) me() bot.MemberID {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.Tenant.Member(a.current)
}

func (a *Adapter) command(ctx context.Context, line string) {
	me := a.me()
	r := a.handler.HandleCommand(ctx, bot.Command{Member: me, Text: line})
	a.reply(me, r)
}

func (a *Adapter) click(ctx context.Context, arg string) {
	var n int
	if _, err := fmt.Sscanf(arg, "%d", &n); err != nil {
		a.printf("Usage: click N, where N is a button number like [2].\n")
		return
	}
	a.mu.Lock()
	if n < 1 || n > len(a.buttons) {
		a.mu.Unlock()
		a.printf("There is no button [%d].\n", n)
		return
	}
	b := a.buttons[n-1]
	a.mu.Unlock()
	me := a.me()
	r := a.handler.HandleAction(ctx, bot.Action{Member: me, ActionID: b.ActionID, Value: b.Value})
	a.reply(me, r)
}

func (a *Adapter) advance(ctx context.Context, arg string) {
	if a.clock == nil {
		a.printf("The clock can't be moved here.\n")
		return
	}
	d, err := bot.ParseDuration(arg)
	if err != nil || d <= 0 {
		a.printf("Usage: :advance 3d (a positive duration: 90m, 12h, 3d).\n")
		return
	}
	a.clock.Advance(d)
	a.printf("The clock moves forward %s.\n", arg)
	if a.OnAdvance != nil {
		a.OnAdvance(ctx)
	}
}

// reply prints what only the acting member sees.
func (a *Adapter) reply(me bot.MemberID, r bot.Reply) {
	var b strings.Builder
	if r.Replace {
		fmt.Fprintf(&b, "(the message you clicked is updated, its buttons are gone)\n")
	}
	if r.Form != nil {
		fmt.Fprintf(&b, "(a form would open here; in the shell, type the options instead)\n")
	}
	fmt.Fprintf(&b, "[to %s, only you] ", me.User)
	b.WriteString(a.render(me.User, r.Message))
	a.printf("%s", b.String())
}

// Send implements bot.Platform.
func (a *Adapter) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	a.printf("[to %s] %s", to.User, a.render(to.User, msg))
	return nil
}

// Introduce implements bot.Platform: one message to several members.
func (a *Adapter) Introduce(ctx context.Context, members []bot.MemberID, msg bot.Message) error {
	names := make([]string, len(members))
	for i, m := range members {
		names[i] = m.User
	}
	a.printf("[to %s, together] %s", strings.Join(names, " & "), a.render(members[0].User, msg))
	return nil
}

// Profile implements bot.Directory: a shell member is named after their
// handle ("alice" is Alice).
func (a *Adapter) Profile(ctx context.Context, id bot.MemberID) (bot.Profile, error) {
	r := []rune(id.User)
	if len(r) == 0 {
		return bot.Profile{}, bot.Errorf(bot.EGONE, "err.gone")
	}
	r[0] = unicode.ToUpper(r[0])
	return bot.Profile{Name: string(r)}, nil
}

func (a *Adapter) printf(format string, args ...any) {
	a.mu.Lock()
	defer a.mu.Unlock()
	fmt.Fprintf(a.out, format, args...)
}
