package discordtest

import (
	"net/http"
	"strings"
	"sync"
)

// hold is a route that does not answer until released.
type hold struct {
	route   string
	release chan struct{}
	once    sync.Once
	held    int // calls waiting now
	seen    int // calls that arrived
}

// Hold makes every call whose route starts with route (like "PATCH
// webhooks/app/token") wait, unanswered, until the returned release is
// called or the caller gives up: a route that hangs. Once released, the
// held calls and those after are answered as usual. A call its caller
// gave up on is not recorded. Release before the test ends: the fake's
// server waits for held calls when it closes.
func (f *REST) Hold(route string) (release func()) {
	h := &hold{route: route, release: make(chan struct{})}
	f.locked(func() { f.holds = append(f.holds, h) })
	return func() { h.once.Do(func() { close(h.release) }) }
}

// Held returns how many calls on routes starting with route are being
// held now.
func (f *REST) Held(route string) int {
	return f.sumHolds(route, func(h *hold) int { return h.held })
}

// HeldEver returns how many calls on routes starting with route arrived
// while held, released or not.
func (f *REST) HeldEver(route string) int {
	return f.sumHolds(route, func(h *hold) int { return h.seen })
}

func (f *REST) sumHolds(route string, count func(*hold) int) int {
	n := 0
	f.locked(func() {
		for _, h := range f.holds {
			if strings.HasPrefix(h.route, route) {
				n += count(h)
			}
		}
	})
	return n
}

// wait holds a call on a held route until its release, and reports
// whether the caller is still there to be answered.
func (f *REST) wait(r *http.Request, route string) bool {
	var h *hold
	f.locked(func() {
		for _, c := range f.holds {
			select {
			case <-c.release:
				continue
			default:
			}
			if strings.HasPrefix(route, c.route) {
				h = c
				h.held++
				h.seen++
				return
			}
		}
	})
	if h == nil {
		return true
	}
	defer f.locked(func() { h.held-- })
	select {
	case <-h.release:
		return true
	case <-r.Context().Done():
		return false
	}
}
