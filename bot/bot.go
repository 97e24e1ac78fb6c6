package bot

import (
	"context"
	"encoding/base32"
	"io"
	"log/slog"
	"strings"
	"sync"

	"github.com/mentorbot/mentorbot/matching"
)

// Bot is the mentoring core. Adapters hand it commands and clicks; it
// answers with a Reply and talks to other members through their Platform.
type Bot struct {
	cfg      Config
	store    stores // the Store, one seam per use case (store.go)
	clock    Clock
	rand     io.Reader
	randMu   sync.Mutex // one draw at a time (randomName)
	log      *slog.Logger
	commands []CommandSpec
	actions  map[string]actionFunc
	jobs     map[string]jobFunc
	// settingsCache and synonymCache keep the workspaces' settings and
	// topic aliases (cache.go).
	settingsCache tenantCache[Settings]
	synonymCache  tenantCache[matching.Synonyms]
	// reindexed holds the workspaces (Tenant) this process has reindexed.
	reindexed sync.Map
	// ranking bounds the candidates that instant proposals read and rank
	// at once (matchmaker.go, candidates.go).
	ranking *rankSlots
	// proposing counts the proposals being recorded (candidates.go).
	proposing proposing
	// waits keeps the explanations of waits on full topics (candidates.go).
	waits waitCache

	mu        sync.RWMutex
	platforms map[string]Platform
}

type actionFunc func(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error)

// New returns a Bot. Register at least one Platform before handling input.
func New(cfg Config, store Store, clock Clock, rand io.Reader, log *slog.Logger) *Bot {
	cfg = cfg.withDefaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	b := &Bot{cfg: cfg, store: storesOf(store), clock: clock, rand: rand, log: log, platforms: map[string]Platform{}}
	b.commands = commandTable()
	b.actions = actionTable()
	for id, run := range homeActions() {
		b.actions[id] = run
	}
	b.jobs = jobTable()
	b.ranking = newRankSlots(rankingSlots())
	return b
}

// Register makes p the Platform for members whose MemberID.Platform is name.
func (b *Bot) Register(name string, p Platform) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.platforms[name] = p
}

// platform returns the Platform of a member.
func (b *Bot) platform(id MemberID) (Platform, error) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	p, ok := b.platforms[id.Platform]
	if !ok {
		return nil, &Error{Code: EINTERNAL, Err: errorString("no platform registered for " + id.Platform)}
	}
	return p, nil
}

type errorString string

func (e errorString) Error() string { return string(e) }

// newID returns a random ID: 16 base32 characters (80 bits).
func (b *Bot) newID() (string, error) { return b.randomName(10) }

// randomName draws n random bytes as a name. The draws are one at a time:
// the randomness given to New may be a seeded generator (the tests', the
// shell's), which is not safe for the goroutines of concurrent commands.
func (b *Bot) randomName(n int) (string, error) {
	buf := make([]byte, n)
	b.randMu.Lock()
	_, err := io.ReadFull(b.rand, buf)
	b.randMu.Unlock()
	if err != nil {
		return "", Wrap(EINTERNAL, err, "read randomness")
	}
	return idText(buf), nil
}

// idText writes bytes as an ID: lower-case base32, no padding.
func idText(b []byte) string {
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

// newRoom returns an unguessable video-call room URL (160 random bits)
// under t's meet-url setting.
func (b *Bot) newRoom(ctx context.Context, t Tenant) (string, error) {
	name, err := b.randomName(20)
	if err != nil {
		return "", err
	}
	return b.settings(ctx, t).MeetURL + "mentorbot-" + name, nil
}
