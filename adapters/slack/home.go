package slack

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// The App Home tab: each member's home (bot.Home), published with
// views.publish when they open the tab (app_home_opened) and again after
// every change that concerns them (bot.HomePublisher). Its buttons come
// back as block_actions from a view: no channel, no response_url. They
// need none: a button that opens a form opens it with the click's
// trigger_id, and any other reply goes as a DM (replyTo without a
// response_url), since a home tab cannot show an ephemeral message; the
// refreshed home then shows the change.

// homeHandler is the part of the Handler that shows homes. *bot.Bot
// implements it; a Handler without it has no home tab.
type homeHandler interface {
	Home(ctx context.Context, m bot.MemberID, locale string, opened bool) (bot.Message, bot.Lang, bool, error)
}

var _ bot.HomePublisher = (*Adapter)(nil)

// DefaultHomeDelay is how long a change waits before the member's home is
// published again, when Options.HomeDelay is zero: the changes of one
// command or one job (a pair formed, a proposal answered) go out as one
// views.publish.
const DefaultHomeDelay = 2 * time.Second

// homeQueue gathers the members whose home changed, until they are
// published together after the delay.
type homeQueue struct {
	mu      sync.Mutex
	pending map[bot.MemberID]bool
	timer   *time.Timer
	closed  bool
}

// HomeChanged implements bot.HomePublisher: it notes the member and
// returns at once. Their home is published after Options.HomeDelay, once
// for all the changes that came meanwhile, and only if they ever opened
// it (bot.Home says so).
func (a *Adapter) HomeChanged(m bot.MemberID) {
	if m.Platform != Platform || !validUserID(m.User) {
		return
	}
	if _, ok := a.h.(homeHandler); !ok {
		return
	}
	q := &a.homes
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return
	}
	if q.pending == nil {
		q.pending = map[bot.MemberID]bool{}
	}
	q.pending[m] = true
	if q.timer == nil {
		q.timer = time.AfterFunc(a.opt.HomeDelay, a.flushHomes)
	}
}

// flushHomes publishes the pending homes, in turn, on one work slot:
// refreshing homes never takes the slots that commands and clicks need,
// however many members acted. Homes left when no slot is free, or when
// the slot's time runs out, wait for the next round.
func (a *Adapter) flushHomes() {
	q := &a.homes
	q.mu.Lock()
	pending := q.pending
	q.pending, q.timer = nil, nil
	q.mu.Unlock()
	if len(pending) == 0 {
		return // dropped: published as their homes were opened
	}
	err := a.jobs.start(func(ctx context.Context) {
		for m := range pending {
			if ctx.Err() != nil {
				a.HomeChanged(m)
				continue
			}
			a.publishHome(ctx, m, false)
		}
	})
	if err == errBusy {
		for m := range pending {
			a.HomeChanged(m)
		}
	}
}

// drop forgets the refresh of m's home waiting for the delay, if any.
func (q *homeQueue) drop(m bot.MemberID) {
	q.mu.Lock()
	defer q.mu.Unlock()
	delete(q.pending, m)
}

// closeHomes stops the refreshes still waiting: Close comes.
func (a *Adapter) closeHomes() {
	q := &a.homes
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	if q.timer != nil {
		q.timer.Stop()
	}
	q.pending, q.timer = nil, nil
}

// onHomeOpened publishes the home of a member who opened the App Home
// tab. The Messages tab fires the same event: it needs nothing.
func (a *Adapter) onHomeOpened(team string, raw json.RawMessage) {
	var e struct {
		User string `json:"user"`
		Tab  string `json:"tab"`
	}
	if json.Unmarshal(raw, &e) != nil || e.Tab != "home" || team == "" || !validUserID(e.User) {
		return
	}
	if _, ok := a.h.(homeHandler); !ok {
		return
	}
	m := member(team, e.User)
	err := a.jobs.start(func(ctx context.Context) {
		// The home read now shows every change noted so far: a refresh
		// still waiting for them would publish the same home again.
		a.homes.drop(m)
		a.publishHome(ctx, m, true)
	})
	if err != nil {
		a.log.Warn("slack: home not published", "member", m.String(), "err", err)
	}
}

// publishHome asks the core for the member's home and publishes it.
func (a *Adapter) publishHome(ctx context.Context, m bot.MemberID, opened bool) {
	h := a.h.(homeHandler)
	msg, _, show, err := h.Home(ctx, m, a.cachedLocale(m), opened)
	if err != nil {
		a.log.Warn("slack: home not read", "member", m.String(), "code", string(bot.ErrorCode(err)), "err", err)
		return
	}
	if !show {
		return
	}
	api, err := a.clientOf(ctx, m.Workspace)
	if err != nil {
		return
	}
	req := slack.PublishViewContextRequest{UserID: m.User, View: homeView(msg)}
	err = call(ctx, a.opt.Retry, "views.publish", func(ctx context.Context) error {
		_, err := api.PublishViewContext(ctx, req)
		return err
	})
	if err != nil {
		a.log.Warn("slack: views.publish failed", "member", m.String(), "code", string(bot.ErrorCode(err)), "err", err)
	}
}

// homeView is a home as an App Home tab: the message's blocks, which
// renderBlocks keeps within Block Kit's limits (50 blocks, under a home
// tab's 100; clipped texts; unique action IDs; buttons whose value fits).
func homeView(msg bot.Message) slack.HomeTabViewRequest {
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: renderBlocks(msg)}, CallbackID: "mentorbot.home"}
}
