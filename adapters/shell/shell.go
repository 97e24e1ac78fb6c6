package shell

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
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

// LangReader is what the shell may also ask of the bot: the language a
// member reads (bot.Bot.LangOf), so that what the shell itself says to a
// member it has not heard from yet ("You are now erin.") is in it too.
type LangReader interface {
	LangOf(ctx context.Context, m bot.MemberID) bot.Lang
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
	// OnAdvance, when set, moves the clock forward by d for :advance and
	// runs what falls due on the way (cmd/mentorbot runs the follow-up
	// jobs and the cron entries: the sweep, the digest). When nil,
	// :advance only moves the clock.
	OnAdvance func(ctx context.Context, d time.Duration)

	mu      sync.Mutex
	handler Handler
	current string
	buttons []shellButton
	msgs    int // the messages rendered with buttons or menus, numbered
	// langs is the language of each member, as their last reply was
	// written: the shell writes its own sentences and frames in it.
	langs map[string]bot.Lang
}

type shellButton struct {
	owner string
	// msg numbers the message the button is on: a click whose reply
	// replaces that message takes its other buttons away (gone), as
	// Slack and Discord do.
	msg  int
	gone bool
	bot.Button
	// menu is set for a select (menus.go): clicking it takes the
	// numbers of the choices.
	menu *bot.Select
}

var (
	_ bot.Platform  = (*Adapter)(nil)
	_ bot.Directory = (*Adapter)(nil)
)

// New returns an adapter printing to out. clock may be nil when the clock
// cannot be moved.
func New(out io.Writer, clock Advancer) *Adapter {
	return &Adapter{Tenant: DefaultTenant, out: out, clock: clock, current: "alice", langs: map[string]bot.Lang{}}
}

// SetHandler connects the bot.
func (a *Adapter) SetHandler(h Handler) { a.handler = h }

// Run reads lines from in until it ends, :quit, or ctx is cancelled.
func (a *Adapter) Run(ctx context.Context, in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	a.readLang(ctx, a.current)
	a.say("shell.welcome", "name", a.current)
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
		a.say("shell.help")
	case "as":
		a.switchTo(ctx, rest)
	case "click":
		a.click(ctx, strings.TrimSpace(rest))
	case ":advance":
		a.advance(ctx, strings.TrimSpace(rest))
	default:
		if strings.HasPrefix(word, ":") {
			a.say("shell.unknown_own", "command", word)
			return true
		}
		if strings.HasPrefix(word, "/") && word != "/mentor" {
			a.say("shell.unknown", "command", word)
			return true
		}
		a.command(ctx, line)
	}
	return true
}

// lang is the language user reads, as far as the shell knows: English
// until a reply to them says otherwise.
func (a *Adapter) lang(user string) bot.Lang {
	a.mu.Lock()
	defer a.mu.Unlock()
	if l, ok := a.langs[user]; ok {
		return l
	}
	return bot.English
}

// duration writes d in days, hours, minutes and seconds, in the acting
// member's language: "1 day 12 hours", « 1 jour 12 heures ».
func (a *Adapter) duration(d time.Duration) string {
	a.mu.Lock()
	lang := a.langs[a.current]
	a.mu.Unlock()
	if lang == "" {
		lang = bot.English
	}
	var parts []string
	for _, u := range []struct {
		key  string
		size time.Duration
	}{{"shell.days", 24 * time.Hour}, {"shell.hours", time.Hour}, {"shell.minutes", time.Minute}, {"shell.seconds", time.Second}} {
		switch n := int(d / u.size); {
		case n == 1:
			// « un jour », « une heure »: the catalog writes the
			// gender, and « de » elides before it.
			parts = append(parts, bot.T(lang, u.key+".1"))
			d -= u.size
		case n > 1:
			parts = append(parts, bot.Count(lang, n, u.key))
			d -= time.Duration(n) * u.size
		}
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	last := len(parts) - 1
	return bot.T(lang, "shell.duration_and", "first", strings.Join(parts[:last], ", "), "second", parts[last])
}

// say prints a sentence of the catalog in the acting member's language.
func (a *Adapter) say(key string, args ...string) {
	a.mu.Lock()
	user := a.current
	a.mu.Unlock()
	a.printf("%s\n", bot.T(a.lang(user), key, args...))
}

func (a *Adapter) switchTo(ctx context.Context, name string) {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" || len(name) > 32 || strings.IndexFunc(name, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_')
	}) >= 0 {
		a.say("shell.as_usage")
		return
	}
	a.mu.Lock()
	a.current = name
	a.mu.Unlock()
	a.readLang(ctx, name)
	a.say("shell.now", "name", name)
}

// readLang asks the bot which language user reads, when it can say:
// their choice, or the workspace's for a member who made none.
func (a *Adapter) readLang(ctx context.Context, user string) {
	r, ok := a.handler.(LangReader)
	if !ok {
		return
	}
	lang := r.LangOf(ctx, a.Tenant.Member(user))
	a.mu.Lock()
	a.langs[user] = lang
	a.mu.Unlock()
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
	num, picks, _ := strings.Cut(arg, " ")
	if _, err := fmt.Sscanf(num, "%d", &n); err != nil {
		a.say("shell.click_usage")
		return
	}
	a.mu.Lock()
	if n < 1 || n > len(a.buttons) {
		a.mu.Unlock()
		a.say("shell.no_button", "n", strconv.Itoa(n))
		return
	}
	b := a.buttons[n-1]
	a.mu.Unlock()
	if b.gone {
		a.say("shell.button_gone", "n", strconv.Itoa(n))
		return
	}
	me := a.me()
	if b.menu != nil {
		value, ok := b.pick(picks)
		if !ok {
			usage := "shell.select.usage_one" // a menu of one choice
			if b.menu.Multi {
				usage = "shell.select.usage"
			}
			a.say(usage, "n", strconv.Itoa(n), "max", strconv.Itoa(len(b.menu.Choices)))
			return
		}
		b.Value = value
	} else if strings.TrimSpace(picks) != "" {
		// A number after a button's: most likely a menu's number mistyped.
		// Pressing the button would answer what the member did not mean.
		a.say("shell.not_a_menu", "n", strconv.Itoa(n))
		return
	}
	r := a.handler.HandleAction(ctx, bot.Action{Member: me, ActionID: b.ActionID, Value: b.Value})
	if r.Replace {
		// The message's other buttons are gone. The clicked one can be
		// clicked again: that is a double click, whose second delivery
		// reaches the bot before the platform replaced the message.
		a.mu.Lock()
		for i := range a.buttons {
			if a.buttons[i].msg == b.msg && i != n-1 {
				a.buttons[i].gone = true
			}
		}
		a.mu.Unlock()
	}
	a.reply(me, r)
}

// maxAdvance is the most one :advance moves the clock: a year, time
// enough for a whole program.
const maxAdvance = 366 * 24 * time.Hour

func (a *Adapter) advance(ctx context.Context, arg string) {
	if a.clock == nil {
		a.say("shell.no_clock")
		return
	}
	d, err := bot.ParseDuration(arg)
	if err != nil || d <= 0 {
		a.say("shell.advance_usage")
		return
	}
	if d > maxAdvance {
		// Each hour runs the scheduled work the bot would have run: a
		// year takes seconds, thousands of days would not end.
		a.say("shell.advance_too_far", "days", strconv.Itoa(int(maxAdvance/(24*time.Hour))))
		return
	}
	a.say("shell.advanced", "duration", a.duration(d))
	if a.OnAdvance != nil {
		a.OnAdvance(ctx, d)
		return
	}
	a.clock.Advance(d)
}

// reply prints what only the acting member sees, and learns the language
// they read from it.
func (a *Adapter) reply(me bot.MemberID, r bot.Reply) {
	if r.Lang != "" {
		a.mu.Lock()
		a.langs[me.User] = r.Lang
		a.mu.Unlock()
	}
	lang := a.lang(me.User)
	var b strings.Builder
	if r.Replace {
		b.WriteString(bot.T(lang, "shell.replaced") + "\n")
	}
	if r.Form != nil {
		b.WriteString(bot.T(lang, "shell.form") + "\n")
	}
	b.WriteString(bot.T(lang, "shell.to_you", "name", me.User) + " ")
	b.WriteString(a.render(me.User, r.Message))
	a.printf("%s", b.String())
}

// Send implements bot.Platform.
func (a *Adapter) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	if msg.Lang != "" {
		// The language the core wrote it in is the one they read.
		a.mu.Lock()
		a.langs[to.User] = msg.Lang
		a.mu.Unlock()
	}
	a.printf("%s %s", bot.T(a.lang(to.User), "shell.to", "name", to.User), a.render(to.User, msg))
	return nil
}

// Introduce implements bot.Platform: one message to several members.
func (a *Adapter) Introduce(ctx context.Context, members []bot.MemberID, msg bot.Message) error {
	lang := a.lang(members[0].User)
	names := members[0].User
	for _, m := range members[1:] {
		names = bot.T(lang, "shell.and", "first", names, "second", m.User)
	}
	a.printf("%s %s", bot.T(lang, "shell.together", "names", names), a.render(members[0].User, msg))
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
