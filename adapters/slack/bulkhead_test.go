package slack_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// stuckHook is a response_url that never answers until released: it
// holds every post it receives.
type stuckHook struct {
	srv     *httptest.Server
	release chan struct{}
	held    atomic.Int64
	arrived chan struct{} // one value per post received
}

func mustStuckHook(tb testing.TB) *stuckHook {
	tb.Helper()
	s := &stuckHook{release: make(chan struct{}), arrived: make(chan struct{}, 1024)}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.held.Add(1)
		s.arrived <- struct{}{}
		select {
		case <-s.release:
		case <-r.Context().Done():
		}
	}))
	tb.Cleanup(s.srv.Close)
	return s
}

// ackOf posts a command and returns its ack's body, failing the test if
// the ack is still held after a generous guard: before the bulkheads, an
// ack waited for a job slot held by a post to the stuck response_url, and
// here (AckBudget of an hour) it would wait until the guard.
func ackOf(tb testing.TB, r *rig, c slackfake.Command) string {
	tb.Helper()
	type ack struct {
		status int
		body   string
	}
	got := make(chan ack, 1)
	go func() {
		res, err := http.DefaultClient.Do(slackfake.NewRequest(r.srv.URL+"/slack/commands", secret, time.Now(), c.Body()))
		if err != nil {
			got <- ack{}
			return
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		got <- ack{res.StatusCode, string(b)}
	}()
	select {
	case a := <-got:
		if a.status != http.StatusOK {
			tb.Fatalf("got status %d for %s, want 200", a.status, c.User)
		}
		return a.body
	case <-time.After(10 * time.Second):
		tb.Fatalf("ack for %s still waiting: it waits on outbound work", c.User)
		return ""
	}
}

// TestBulkheads shows that a response_url that never answers degrades
// only the replies bound for it: other members' commands are acked and
// answered while every post to it is still held.
func TestBulkheads(t *testing.T) {
	t.Run("StuckResponseURLStarvesNobody", func(t *testing.T) {
		hook := mustStuckHook(t)
		defer close(hook.release) // before the rig closes, which waits for the held posts
		h := &recorder{reply: bot.Reply{Message: bot.Message{Text: "done"}}}
		r := MustRig(t, h, func(o *slack.Options) {
			o.MaxInFlight = 8
			o.AckBudget = time.Hour
			o.CloseTimeout = 5 * time.Second
			o.Outbound = slack.Outbound{Workers: 2, Queue: 3, ResponseURLTimeout: time.Hour}
		})
		r.fake.AnyUser()
		const stuck, others = 30, 20
		accepted := 0 // a burst may find every slot taken: then "busy"
		for i := range stuck {
			user := fmt.Sprintf("US%02d", i)
			if ackOf(t, r, slackfake.Command{Team: "T1", User: user, ResponseURL: hook.srv.URL + "/" + user}) == "" {
				accepted++
			}
		}
		// Both response_url workers are now held by the stuck hook, and the
		// stuck members' replies that did not fit in its queue (all less 2
		// held less 3 queued) went as DMs.
		for range 2 {
			<-hook.arrived
		}
		isStuck := func(c slackfake.Call) bool { return strings.HasPrefix(c.Get("channel"), "DUS") }
		r.fake.WaitCalls(t, "chat.postMessage", accepted-2-3, isStuck, 10*time.Second)
		for i := range others {
			user := fmt.Sprintf("UO%02d", i)
			if body := ackOf(t, r, slackfake.Command{Team: "T1", User: user, ResponseURL: r.fake.ResponseURL(user)}); body != "" {
				t.Fatalf("got ack %q for %s, want an empty ack: nothing is overloaded but one destination", body, user)
			}
			// Each one's reply arrives before the next command is sent,
			// while the stuck hook still holds its posts.
			r.fake.WaitCalls(t, "chat.postMessage", i+1, func(c slackfake.Call) bool {
				return strings.HasPrefix(c.Get("channel"), "DUO")
			}, 10*time.Second)
		}
		if got := hook.held.Load(); got != 2 {
			t.Fatalf("got %d posts held by the stuck response_url, want 2 (its workers only)", got)
		}
		seen := map[string]int{}
		for _, c := range r.fake.Calls("chat.postMessage") {
			seen[strings.TrimPrefix(c.Get("channel"), "D")]++
		}
		for i := range others {
			if user := fmt.Sprintf("UO%02d", i); seen[user] != 1 {
				t.Fatalf("got %d replies to %s, want 1", seen[user], user)
			}
		}
		if got := len(r.fake.Calls("chat.postMessage")) - others; got != accepted-2-3 {
			t.Fatalf("got %d DMs to stuck members, want %d", got, accepted-2-3)
		}
	})
	t.Run("StuckResponseURLNotRepeated", func(t *testing.T) {
		// Each post is taken and never answered: Slack may have shown it,
		// so after the response_url's 50 ms it counts as delivered, and
		// no DM follows (it once did: the member read the reply twice).
		hook := mustStuckHook(t)
		defer close(hook.release)
		var logs syncBuffer
		h := &recorder{reply: bot.Reply{Message: bot.Message{Text: "done"}}}
		r := MustRig(t, h, func(o *slack.Options) {
			o.Outbound = slack.Outbound{ResponseURLTimeout: 50 * time.Millisecond}
			o.Log = slog.New(slog.NewTextHandler(&logs, nil))
		})
		r.fake.AnyUser()
		const n = 5
		for i := range n {
			user := fmt.Sprintf("US%02d", i)
			ackOf(t, r, slackfake.Command{Team: "T1", User: user, ResponseURL: hook.srv.URL + "/" + user})
		}
		mustLogged(t, &logs, "reply outcome unknown; not repeated", n, 5*time.Second)
		if got := hook.held.Load(); got != n {
			t.Fatalf("got %d posts to the response_url, want %d: one each, never tried again", got, n)
		}
		if got := r.fake.Count("chat.postMessage"); got != 0 {
			t.Fatalf("got %d DMs, want 0: a reply Slack may have taken is not sent again", got)
		}
	})
	t.Run("UnreachableResponseURLFallsBackToDM", func(t *testing.T) {
		// A response_url that refuses the connection certainly took
		// nothing: the reply goes as a DM.
		gone := httptest.NewServer(http.NotFoundHandler())
		gone.Close()
		h := &recorder{reply: bot.Reply{Message: bot.Message{Text: "done"}}}
		r := MustRig(t, h, func(o *slack.Options) {
			o.Outbound = slack.Outbound{ResponseURLTimeout: 50 * time.Millisecond}
		})
		r.fake.AnyUser()
		const n = 5
		for i := range n {
			user := fmt.Sprintf("US%02d", i)
			ackOf(t, r, slackfake.Command{Team: "T1", User: user, ResponseURL: gone.URL + "/" + user})
		}
		// The guard is below the 10 s client timeout a post once waited.
		r.fake.WaitCalls(t, "chat.postMessage", n, nil, 5*time.Second)
		seen := map[string]int{}
		for _, c := range r.fake.Calls("chat.postMessage") {
			seen[c.Get("channel")]++
		}
		if len(seen) != n {
			t.Fatalf("got DMs %v, want one to each of %d members", seen, n)
		}
	})
}

// mustFullRig returns a rig on h whose only job slot is held by a command
// of U0 (until h's gate is closed), and whose member UFR reads French.
func mustFullRig(t *testing.T, h slack.Handler) *rig {
	t.Helper()
	fake := slackfake.MustNew(t)
	fake.SetTeam("T1")
	fake.AddUser(slackfake.User{ID: "U0", Locale: "en-US"}, slackfake.User{ID: "UFR", Locale: "fr-FR"})
	r := MustRigOn(t, fake, h, func(o *slack.Options) {
		o.MaxInFlight, o.AckBudget, o.DirectoryRefresh = 1, 100*time.Millisecond, -1
	})
	if _, err := r.a.ReadDirectory(t.Context()); err != nil {
		t.Fatal(err)
	}
	if body := ackOf(t, r, slackfake.Command{Team: "T1", User: "U0", ResponseURL: r.fake.ResponseURL("u0")}); body != "" {
		t.Fatalf("got ack %q, want an empty one", body)
	}
	return r
}

// mustBusyClick clicks as UFR on a rig whose slot is taken (mustFullRig):
// the click is acked empty, and its response_url gets want.
func mustBusyClick(t *testing.T, r *rig, want string) {
	t.Helper()
	click := slackfake.Click{Team: "T1", User: "UFR", Channel: "DUFR", TS: "1.2", ResponseURL: r.fake.ResponseURL("click"), TriggerID: "tr1",
		Button: slackfake.Button{ActionID: "mentor.accept", Value: "x", Text: "Accept"}}
	if status, body := r.post(t, "/slack/interactions", time.Now(), click.Body()); status != http.StatusOK || body != "" {
		t.Fatalf("got %d %q, want an empty 200", status, body)
	}
	got := r.fake.WaitCalls(t, "response_url", 1, func(c slackfake.Call) bool { return strings.HasSuffix(c.Path, "/click") }, 5*time.Second)
	if !strings.Contains(got[0].AllText(), want) {
		t.Fatalf("got %q, want %q", got[0].AllText(), want)
	}
}

// TestBusy: with every job slot taken, an ack leaves at once and says the
// bot is busy, in the member's language, and nothing runs.
func TestBusy(t *testing.T) {
	busyFR := bot.T(bot.French, "err.busy")
	mustFull := func(t *testing.T) (*rig, *recorder) {
		h := &recorder{gate: make(chan struct{}), reply: bot.Reply{Message: bot.Message{Text: "done"}}}
		r := mustFullRig(t, h)
		t.Cleanup(func() { close(h.gate) }) // before the rig closes: cleanups run last first
		return r, h
	}
	t.Run("Command", func(t *testing.T) {
		r, h := mustFull(t)
		body := ackOf(t, r, slackfake.Command{Team: "T1", User: "UFR", Text: "status", ResponseURL: r.fake.ResponseURL("fr")})
		if !strings.Contains(body, busyFR) {
			t.Fatalf("got ack %q, want %q in it", body, busyFR)
		}
		if n := len(h.Commands()); n != 0 {
			t.Fatalf("got %d commands run, want 0", n)
		}
	})
	t.Run("Click", func(t *testing.T) {
		r, h := mustFull(t)
		mustBusyClick(t, r, busyFR)
		if n := len(h.Actions()); n != 0 {
			t.Fatalf("got %d clicks run, want 0", n)
		}
	})
	t.Run("Submission", func(t *testing.T) {
		r, h := mustFull(t)
		input := func(id string) map[string]any {
			return map[string]any{"type": "input", "block_id": id, "label": map[string]any{"type": "plain_text", "text": id},
				"element": map[string]any{"type": "plain_text_input", "action_id": id}}
		}
		view := map[string]any{"callback_id": "mentor.form", "private_metadata": `{"c":"request","r":"` + r.fake.ResponseURL("form") + `"}`,
			"blocks": []any{input("topic"), input("about")}}
		sub := slackfake.Submission{Team: "T1", User: "UFR", View: view, Values: map[string]string{"topic": "go", "about": "x"}}
		status, body := r.post(t, "/slack/interactions", time.Now(), sub.Body())
		if status != http.StatusOK || !strings.Contains(body, `"topic":"`+busyFR) || !strings.Contains(body, `"response_action":"errors"`) {
			t.Fatalf("got %d %q, want the busy sentence under the first field, the modal kept open", status, body)
		}
		if n := len(h.Commands()); n != 0 {
			t.Fatalf("got %d commands run, want 0", n)
		}
	})
}

// BenchmarkAck measures acks of slash commands over HTTP while replies
// go out: "Healthy" with every response_url answering, "HalfStuck" with
// every other command's response_url never answering. The ratio of the
// two is what one dead destination costs everyone else's acks.
func BenchmarkAck(b *testing.B) {
	for _, stuck := range []bool{false, true} {
		name := map[bool]string{false: "Healthy", true: "HalfStuck"}[stuck]
		b.Run(name, func(b *testing.B) {
			hook := mustStuckHook(b)
			defer close(hook.release)
			h := &recorder{reply: bot.Reply{Message: bot.Message{Text: "done"}}}
			r := MustRig(b, h, func(o *slack.Options) { o.CloseTimeout = time.Second })
			r.fake.AnyUser()
			r.fake.SetRecording(false)
			i, busy := 0, 0
			for b.Loop() {
				user := fmt.Sprintf("U%07d", i)
				url := r.fake.ResponseURL(user)
				if stuck && i%2 == 0 {
					url = hook.srv.URL + "/" + user
				}
				i++
				status, body := r.post(b, "/slack/commands", time.Now(), slackfake.Command{Team: "T1", User: user, ResponseURL: url}.Body())
				if status != http.StatusOK {
					b.Fatalf("got %d, want 200", status)
				}
				if body != "" {
					busy++
				}
			}
			b.ReportMetric(float64(busy)/float64(i), "busy/op")
		})
	}
}

// keeper is a recorder that keeps deliveries before their ack, as
// *bot.Bot does in Redis (Receive, Handled).
type keeper struct {
	*recorder
	mu   sync.Mutex
	kept map[string][]byte
	// whose is the member each delivery was kept for, and wrong the
	// deliveries forgotten as someone else's: the store takes a delivery
	// out of the index of the member it is forgotten as (bot.Bot.Handled).
	whose map[string]bot.MemberID
	wrong []string
}

func (k *keeper) Receive(_ context.Context, who bot.MemberID, key string, data []byte) (bool, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.kept[key]; ok {
		return false, nil
	}
	k.kept[key] = data
	if k.whose == nil {
		k.whose = map[string]bot.MemberID{}
	}
	k.whose[key] = who
	return true, nil
}

func (k *keeper) Handled(_ context.Context, who bot.MemberID, key string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.kept, key)
	if w, ok := k.whose[key]; ok && w != who {
		k.wrong = append(k.wrong, key+" kept for "+w.String()+", forgotten as "+who.String())
	}
	return nil
}

// mismatches returns the deliveries forgotten as another member's than
// the one they were kept for.
func (k *keeper) mismatches() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([]string(nil), k.wrong...)
}

func (k *keeper) all() [][]byte {
	k.mu.Lock()
	defer k.mu.Unlock()
	var out [][]byte
	for _, v := range k.kept {
		out = append(out, v)
	}
	return out
}

// TestBusyKept: when the handler keeps deliveries before their ack (the
// bot does, in Redis), a command or a click that finds every slot taken
// is not refused but deferred: the member reads, in French, that it was
// kept and will be done, and the kept copy stays for a replica to
// redeliver once it falls due; redelivered, it runs once and answers.
func TestBusyKept(t *testing.T) {
	keptFR := bot.T(bot.French, "err.busy_kept")
	mustFull := func(t *testing.T) (*rig, *keeper) {
		h := &keeper{recorder: &recorder{gate: make(chan struct{}), reply: bot.Reply{Message: bot.Message{Text: "done"}}}, kept: map[string][]byte{}}
		return mustFullRig(t, h), h
	}
	redeliver := func(t *testing.T, r *rig, h *keeper) {
		kept := h.all()
		close(h.gate) // the slot frees
		if len(kept) != 2 {
			t.Fatalf("got %d kept deliveries, want 2: the one running and the deferred one", len(kept))
		}
		for _, data := range kept {
			if err := r.a.Redeliver(t.Context(), bot.Tenant{Platform: "slack", Workspace: "T1"}, data); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Run("Command", func(t *testing.T) {
		r, h := mustFull(t)
		body := ackOf(t, r, slackfake.Command{Team: "T1", User: "UFR", Text: "status", ResponseURL: r.fake.ResponseURL("fr")})
		if !strings.Contains(body, keptFR) {
			t.Fatalf("got ack %q, want %q in it", body, keptFR)
		}
		redeliver(t, r, h)
		var fr []bot.Command
		for _, c := range h.Commands() {
			if c.Member.User == "UFR" {
				fr = append(fr, c)
			}
		}
		if len(fr) != 1 || fr[0].Text != "status" || fr[0].Forms {
			t.Fatalf("got UFR's commands %+v, want status run once, without forms", fr)
		}
		r.fake.WaitCalls(t, "response_url", 1, func(c slackfake.Call) bool { return strings.HasSuffix(c.Path, "/fr") }, 5*time.Second)
	})
	t.Run("AdminCommand", func(t *testing.T) {
		// A workspace admin's /mentor admin command, kept while busy, is
		// redelivered as theirs: Slack is asked again whether they are
		// an admin, or the core would tell them it is for managers only.
		r, h := mustFull(t)
		r.fake.AddUser(slackfake.User{ID: "UADM", Locale: "en-US", Admin: true})
		ackOf(t, r, slackfake.Command{Team: "T1", User: "UADM", Text: "admin match", ResponseURL: r.fake.ResponseURL("adm")})
		redeliver(t, r, h)
		var adm []bot.Command
		for _, c := range h.Commands() {
			if c.Member.User == "UADM" {
				adm = append(adm, c)
			}
		}
		if len(adm) != 1 || adm[0].Text != "admin match" || !adm[0].IsAdmin {
			t.Fatalf("got the admin's commands %+v, want admin match run once as a workspace admin's", adm)
		}
		r.fake.WaitCalls(t, "response_url", 1, func(c slackfake.Call) bool { return strings.HasSuffix(c.Path, "/adm") }, 5*time.Second)
	})
	t.Run("Click", func(t *testing.T) {
		r, h := mustFull(t)
		mustBusyClick(t, r, keptFR)
		redeliver(t, r, h)
		if a := h.Actions(); len(a) != 1 || a[0].ActionID != "mentor.accept" {
			t.Fatalf("got clicks %+v, want the deferred one run once", a)
		}
	})
}

// flakyKeeper is a keeper whose Handled fails its first fails calls, as
// while Redis is stopped.
type flakyKeeper struct {
	*keeper
	fails atomic.Int32
	calls atomic.Int32
}

func (k *flakyKeeper) Handled(ctx context.Context, who bot.MemberID, key string) error {
	k.calls.Add(1)
	if k.fails.Add(-1) >= 0 {
		return &bot.Error{Code: bot.EUNAVAILABLE, Err: errors.New("redis down")}
	}
	return k.keeper.Handled(ctx, who, key)
}

// TestForgetRetried: a click answered while Redis does not take the write
// that forgets its kept copy is forgotten once Redis is back, by the
// replica that answered it. Before, one failed try left the copy, which a
// replica redelivered after its lease: the member got the reply twice
// (mentorload, Redis stopped for 10 s: nine check-in replies doubled).
func TestForgetRetried(t *testing.T) {
	k := &flakyKeeper{keeper: &keeper{recorder: &recorder{reply: bot.Reply{Message: bot.Message{Text: "done"}}}, kept: map[string][]byte{}}}
	k.fails.Store(2)
	r := MustRig(t, k)
	click := slackfake.Click{Team: "T1", User: "U1", Channel: "DU1", TS: "1.2", ResponseURL: r.fake.ResponseURL("click"), TriggerID: "tr1",
		Button: slackfake.Button{ActionID: "mentor.accept", Value: "x", Text: "Accept"}}
	if status, _ := r.post(t, "/slack/interactions", time.Now(), click.Body()); status != http.StatusOK {
		t.Fatalf("got %d, want 200", status)
	}
	r.fake.WaitCalls(t, "response_url", 1, func(c slackfake.Call) bool { return strings.HasSuffix(c.Path, "/click") }, 5*time.Second)
	deadline := time.Now().Add(10 * time.Second)
	for len(k.all()) > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := len(k.all()); n != 0 || k.calls.Load() != 3 {
		t.Fatalf("got %d kept deliveries after %d tries to forget, want none after 3", n, k.calls.Load())
	}
}
