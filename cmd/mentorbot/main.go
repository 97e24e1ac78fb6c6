package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/shell"
	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/chart"
	"github.com/mentorbot/mentorbot/metrics"
	"github.com/mentorbot/mentorbot/schedule"
	"github.com/mentorbot/mentorbot/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	inv, err := parseArgs(os.Args[1:], os.Stdout)
	switch {
	case errors.Is(err, errFlag):
		os.Exit(2) // the flag package said why, with the help
	case err != nil:
		exit(osGetenv("LOG_FORMAT"), nil, err, 2)
	case inv.help:
		return
	}
	// Every check that needs no network runs here, before anything
	// connects: a refusal exits with status 2, and nothing started. An
	// operator's command needs no platform: it checks the values alone.
	cfg, err := ConfigFromEnv(osGetenv)
	if err == nil && inv.op == "" {
		err = cfg.Check()
	}
	if err == nil && inv.op == "" {
		err = cfg.CheckShell(stdinIs())
	}
	if err != nil {
		exit(osGetenv("LOG_FORMAT"), nil, err, 2)
	}
	m := NewMain()
	m.Config = cfg
	if inv.op != "" {
		err = m.Operate(ctx, inv.op, inv.member)
	} else {
		err = m.Run(ctx)
	}
	stop() // a second signal during the shutdown kills at once
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		exit(cfg.LogFormat, m.Log, err, exitStatus(err))
	}
}

// exit says why mentorbot stops, then exits with code: the line
// "mentorbot: …" on standard error, or with LOG_FORMAT=json one JSON
// line through log (a new one when nil), so that a log collector reads
// it as it reads the rest.
func exit(format string, log *slog.Logger, err error, code int) {
	if !isJSON(format) {
		fmt.Fprintln(os.Stderr, "mentorbot:", redact(err.Error()))
		os.Exit(code)
	}
	if log == nil {
		log = newLogger("error", format, os.Stderr)
	}
	msg := "exiting"
	if code == 2 {
		msg = "configuration refused"
	}
	log.Error(msg, "err", err, "status", code)
	os.Exit(code)
}

// stdinIs reports whether standard input is a terminal, and whether it
// is the null device, which a container started without -i reads (a
// character device too, but no terminal).
func stdinIs() (terminal, null bool) {
	fi, err := os.Stdin.Stat()
	if err != nil {
		return false, false
	}
	if dev, err := os.Stat(os.DevNull); err == nil && os.SameFile(fi, dev) {
		return false, true
	}
	return fi.Mode()&os.ModeCharDevice != 0, false
}

// Main is the program: configuration in, everything wired, shared by the
// binary and the end-to-end tests (which set Clock, Rand, SlackOptions
// and the platform API URLs to fakes).
type Main struct {
	Config Config // NewMain starts from DefaultConfig
	Stdin  io.Reader
	Stdout io.Writer // the shell's terminal and the start-up notices
	Log    *slog.Logger
	Clock  bot.Clock // nil: the real clock (movable with :advance in the shell)
	Rand   io.Reader // nil: crypto/rand (seeded in the shell on the embedded Redis)

	// LogOutput is where the log goes when Log is nil (Open builds it
	// from Config.LogLevel and LogFormat). Nil: standard error.
	LogOutput io.Writer
	// ShutdownTimeout bounds Close in all; zero: DefaultShutdownTimeout (25 s).
	ShutdownTimeout time.Duration
	// SlackOptions, when set, adjusts the Slack adapter's options before
	// Open creates it. End-to-end tests shorten retries and timeouts with
	// it; the binary leaves it nil.
	SlackOptions func(*slackadapter.Options)
	// DiscordOptions, when set, adjusts the Discord adapter's settings
	// before Open creates it, as SlackOptions does for Slack.
	DiscordOptions func(*discord.Config)

	Store *store.Store
	Bot   *bot.Bot
	Shell *shell.Adapter
	slack *slackadapter.Adapter // SlackAdapter

	embedded *store.Embedded
	mux      *http.ServeMux
	server   *http.Server
	listener net.Listener
	// adapters are closed by Close, all at once, after stopSchedule.
	adapters     []closer
	stopSchedule func()

	health  probeSet         // the readiness checks (health.go)
	metrics *metrics.Metrics // GET /metrics, the core's Observer (metrics.go)

	// started is set once Open has returned without error: Close says
	// "shutting down" and "stopped" only then. stopping is set as Close
	// begins: the log then lowers what the shutdown cancelled (logger.go).
	started  bool
	stopping atomic.Bool
}

// NewMain returns a Main with the default configuration, reading stdin
// and writing stdout.
func NewMain() *Main {
	return &Main{Config: DefaultConfig(), Stdin: os.Stdin, Stdout: os.Stdout, mux: http.NewServeMux()}
}

// SlackAdapter returns the Slack adapter Open started, or nil.
func (m *Main) SlackAdapter() *slackadapter.Adapter { return m.slack }

// Open connects the store, builds the bot and starts every configured
// adapter without blocking. The HTTP server listens once Open returns.
func (m *Main) Open(ctx context.Context) error {
	if err := m.open(ctx); err != nil {
		return err
	}
	m.started = true
	return nil
}

func (m *Main) open(ctx context.Context) error {
	if m.Log == nil {
		level := m.Config.LogLevel
		if level == "" && m.Config.Shell() {
			level = "warn" // keep the terminal for the conversation
		}
		m.Log = newProgramLogger(level, m.Config.LogFormat, m.LogOutput, &m.stopping)
	}
	switch {
	case m.Rand != nil:
	case m.Config.Shell() && m.Config.RedisURL == "":
		// The shell on the embedded Redis starts empty every time: seeded
		// IDs make a script replay the same, down to the order of the
		// messages of jobs due at one moment (ordered by ID) and so the
		// buttons' numbers. With a Redis that keeps data, IDs must not
		// repeat from one run to the next.
		m.Rand = mrand.NewChaCha8([32]byte{'m', 'e', 'n', 't', 'o', 'r', 'b', 'o', 't'}) // the bot draws one at a time
	default:
		m.Rand = rand.Reader
	}
	v, goVersion := buildVersion()
	m.Log.Info("mentorbot starting", "version", v, "go", goVersion)
	store.SetLogger(m.Log)
	if err := m.openStore(ctx); err != nil {
		return err
	}
	m.openMetrics()
	if m.Clock == nil {
		m.Clock = bot.SystemClock{}
		if m.Config.Shell() {
			m.Clock = &bot.OffsetClock{}
		}
	}
	managers := m.newBot()
	if m.Config.Shell() {
		m.openShell(managers)
		return m.startSchedule()
	}
	if err := m.openSlack(ctx); err != nil {
		return fmt.Errorf("slack: %w", err)
	}
	if err := m.openDiscord(ctx); err != nil {
		return fmt.Errorf("discord: %w", err)
	}
	if err := m.openHTTP(); err != nil {
		return err
	}
	return m.startSchedule()
}

// newBot builds the core from the configuration, wiring the chart and
// the metrics, and returns the managers it was given. The shell has no
// rate limit, and alice manages it unless MENTORBOT_MANAGERS says
// otherwise, so that one person can try /mentor admin.
func (m *Main) newBot() []string {
	cfg := m.Config.Config
	cfg.Chart, cfg.Observer, cfg.CheckSchedule, cfg.NextDigest = chart.Draw, m.metrics, checkDigestSchedule, digestNext
	if m.Config.Shell() {
		cfg.RateLimit = bot.RateLimit{}
		if len(cfg.Managers) == 0 {
			cfg.Managers = []string{"alice"}
		}
	}
	m.Bot = bot.New(cfg, m.Store, m.Clock, m.Rand, m.Log)
	m.warnUnqualifiedManagers()
	return cfg.Managers
}

// warnUnqualifiedManagers warns when MENTORBOT_MANAGERS names plain user
// IDs while the deployment may serve several workspaces: Discord user IDs
// are global, so such an ID is a manager in every guild the bot joins.
// "workspace:user" limits an entry to one workspace.
func (m *Main) warnUnqualifiedManagers() {
	if !m.Config.ManyWorkspaces() {
		return
	}
	if ids := bot.UnqualifiedManagers(m.Config.Managers); len(ids) > 0 {
		m.Log.Warn("MENTORBOT_MANAGERS: these user IDs have no workspace, so each is a manager in every workspace or guild served here; write workspace:user",
			"ids", strings.Join(ids, ","))
	}
}

// openShell wires the terminal adapter, and says so.
func (m *Main) openShell(managers []string) {
	adv, _ := m.Clock.(shell.Advancer)
	m.Shell = shell.New(m.Stdout, adv)
	m.Shell.SetHandler(m.Bot)
	// In the shell, moving the clock runs what falls due on the way.
	m.Shell.OnAdvance = m.advance
	m.Bot.Register(shell.Platform, m.Shell)
	fmt.Fprintf(m.Stdout, "mentorbot: no SLACK_BOT_TOKEN or DISCORD_BOT_TOKEN set: starting the terminal (shell) adapter; managers: %s.\n", strings.Join(managers, ", "))
}

// startSchedule runs the follow-up tick and the cron entries until Close.
// Tests that drive the clock themselves set Config.Tick to a negative
// value to leave the scheduler off.
func (m *Main) startSchedule() error {
	if m.Bot.Config().Tick < 0 {
		return nil
	}
	r := m.scheduler()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := r.Run(ctx); err != nil {
			m.Log.Error("schedule", "err", err)
		}
	}()
	m.stopSchedule = func() { cancel(); <-done }
	return nil
}

// scheduler is the follow-up tick and the cron entries: the sweep on
// Config.MatchSchedule, and the check of the workspaces' digests.
func (m *Main) scheduler() *schedule.Runner {
	cfg := m.Bot.Config()
	return &schedule.Runner{
		TickEvery: cfg.Tick, Tick: m.Bot.Tick, Lock: m.Store, Log: m.Log, Now: m.Clock.Now,
		Entries: []schedule.Entry{
			{Name: "sweep", Spec: cfg.MatchSchedule, Run: func(ctx context.Context, _ time.Time) error { return m.Bot.Sweep(ctx) }},
			// The digest's spec is read in each workspace's time zone, so a
			// frequent entry checks which workspaces are due.
			{Name: "digest", Spec: digestCheckSpec, Run: m.postDigests},
			{Name: "retention", Spec: retentionSpec, Run: m.prune},
			{Name: "leavers", Spec: leaversSpec, Run: m.forgetLeavers},
		},
	}
}

// advance is the shell's :advance: it moves the clock forward by d as if
// the time passed. At each cron activation inside the interval, in order,
// the clock stops, the follow-up jobs due by then run, then the entry (the
// sweep, the Monday digest in the managers' channel). At the end, the jobs
// due by then run.
func (m *Main) advance(ctx context.Context, d time.Duration) {
	clock, ok := m.Clock.(shell.Advancer)
	if !ok {
		return
	}
	from, moved := m.Clock.Now(), time.Duration(0)
	step := func(ctx context.Context, at time.Time) {
		if gap := at.Sub(from) - moved; gap > 0 {
			clock.Advance(gap)
			moved += gap
		}
		if _, err := m.Bot.Tick(ctx); err != nil {
			m.Log.Error("tick", "err", err)
		}
	}
	if err := m.scheduler().CatchUp(ctx, from, from.Add(d), step); err != nil {
		m.Log.Error("schedule", "err", err)
	}
	step(ctx, from.Add(d))
}

func (m *Main) openStore(ctx context.Context) error {
	if m.Config.RedisURL == "" {
		e, err := store.OpenEmbedded(ctx)
		if err != nil {
			return fmt.Errorf("embedded redis: %w", err)
		}
		m.embedded, m.Store = e, e.Store
		fmt.Fprintln(m.Stdout, "mentorbot: no REDIS_URL set: using an embedded in-memory Redis; nothing is kept after exit.")
		return nil
	}
	s, err := store.Open(ctx, m.Config.RedisURL)
	// A Redis of the wrong kind for the URL (a cluster URL on a single
	// node, a single-node URL on a cluster's node) is a configuration
	// refused, status 2, as a refused password: a restart will not fix it.
	switch {
	case errors.Is(err, store.ErrNotCluster) && m.Config.redisVar() == "REDIS_CLUSTER_ADDRS":
		// The store's advice names a URL: say which variable takes it.
		return &configError{fmt.Errorf("REDIS_CLUSTER_ADDRS: %w (for one node, unset REDIS_CLUSTER_ADDRS and set REDIS_URL=redis://host:port/0)", err)}
	case errors.Is(err, store.ErrNotCluster):
		return &configError{fmt.Errorf("REDIS_URL: %w", err)}
	case errors.Is(err, store.ErrClusterNode):
		return &configError{err} // the sentence names REDIS_URL
	case err != nil:
		if why := redisAuth(err, m.Config.redisVar()); why != "" {
			return &configError{errors.New(m.Config.redisVar() + ": " + why)}
		}
		return fmt.Errorf("redis: %w", err)
	}
	m.Store = s
	return nil
}

// openHTTP serves /healthz, /readyz (health.go), /metrics and the
// adapters' endpoints.
func (m *Main) openHTTP() error {
	m.mux.HandleFunc("GET /healthz", m.healthz)
	m.mux.HandleFunc("GET /readyz", m.readyz)
	m.mux.Handle("GET /metrics", m.metrics.Handler())
	ln, err := net.Listen("tcp", m.Config.HTTPAddr)
	if err != nil {
		return fmt.Errorf("MENTORBOT_HTTP_ADDR: %w", err)
	}
	m.listener = ln
	m.server = &http.Server{Handler: m.mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	go func() {
		if err := m.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.Log.Error("http server", "err", err)
		}
	}()
	m.Log.Info("listening", "addr", ln.Addr().String())
	return nil
}

// HTTPURL is the base URL the HTTP server listens on ("" if none).
func (m *Main) HTTPURL() string {
	if m.listener == nil {
		return ""
	}
	return "http://" + m.listener.Addr().String()
}

// Run opens everything, then drives the shell until its input ends, or
// waits for ctx to be cancelled (a signal).
func (m *Main) Run(ctx context.Context) error {
	if err := m.Open(ctx); err != nil {
		return err
	}
	if m.Shell != nil {
		return m.Shell.Run(ctx, m.Stdin)
	}
	<-ctx.Done()
	return nil
}

// digestCheckSpec is how often the workspaces' digest schedules are
// checked, and digestLookBack the interval each check looks back over: a
// digest that fell due in it and was not posted (every replica down, the
// platform failing, a replica killed mid-post) is posted then, up to a
// day late.
const (
	digestCheckSpec = "*/5 * * * *"
	digestLookBack  = 24 * time.Hour
)

// postDigests is the digest entry: bot.PostDueDigests over the last day,
// with schedule reading the cron specs.
func (m *Main) postDigests(ctx context.Context, at time.Time) error {
	return m.Bot.PostDueDigests(ctx, at.Add(-digestLookBack), at, digestDue)
}

// digestDue is a bot.Due: the cron spec read in the time zone tz.
func digestDue(spec, tz string, since, until time.Time) (time.Time, error) {
	loc, err := bot.LoadLocation(tz)
	if err != nil {
		return time.Time{}, err
	}
	return schedule.LastIn(spec, loc, since, until)
}

// digestNext is bot.Config.NextDigest: when the cron spec, read in the
// time zone tz as digestDue reads it, next falls due after t.
func digestNext(spec, tz string, t time.Time) (time.Time, error) {
	loc, err := bot.LoadLocation(tz)
	if err != nil {
		return time.Time{}, err
	}
	return schedule.NextIn(spec, loc, t)
}

// checkDigestSchedule is bot.Config.CheckSchedule: whether digestDue
// reads spec, the digest-schedule a workspace sets.
func checkDigestSchedule(spec string) error {
	_, err := schedule.Parse("CRON_TZ=UTC " + spec)
	return err
}
