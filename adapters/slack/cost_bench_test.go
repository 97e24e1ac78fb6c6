package slack_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// BenchmarkCommandCost measures the adapter's own cost per slash command,
// without TCP and without a core (the handler answers at once): checking
// the signature (verify), parsing the form (parse), and the whole
// endpoint, from the signed request to the ack, with the reply in the ack
// (inline) or sent to the fake's response_url after an empty ack
// (response_url; the time includes the fake's side of each reply, and
// waiting for the replies, 64 at most in flight).
// Compare with BenchmarkRequestRealisticPool in store: the core's cost.
func BenchmarkCommandCost(b *testing.B) {
	body := func(i int) []byte {
		return slackfake.Command{Team: "T1", User: fmt.Sprintf("U%07d", i), Text: "request topic000 language:en",
			ResponseURL: "http://127.0.0.1:1/hooks", TriggerID: fmt.Sprintf("%d.1.abc", i)}.Body()
	}
	requests := func(b *testing.B, url string, bodies func(i int) []byte) []*http.Request {
		now := time.Now()
		out := make([]*http.Request, b.N)
		for i := range out {
			out[i] = slackfake.NewRequest(url, secret, now, bodies(i))
		}
		return out
	}
	b.Run("verify", func(b *testing.B) {
		reqs := requests(b, "http://x/slack/commands", body)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := slack.VerifyRequest(httptest.NewRecorder(), reqs[i], secret, 1<<16); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		forms := make([][]byte, b.N)
		for i := range forms {
			forms[i] = body(i)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if err := slack.ParseCommandCost(forms[i]); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, inline := range []bool{true, false} {
		name := map[bool]string{true: "inline", false: "response_url"}[inline]
		b.Run(name, func(b *testing.B) {
			h := &recorder{reply: bot.Reply{Message: bot.Message{Text: "done"}}}
			r := MustRig(b, h, func(o *slack.Options) {
				if inline {
					o.InlineBudget = time.Second
				}
			})
			r.fake.AnyUser()
			r.fake.SetRecording(false)
			mux := http.NewServeMux()
			r.a.Register(mux)
			reqs := requests(b, "http://x/slack/commands", func(i int) []byte {
				return slackfake.Command{Team: "T1", User: fmt.Sprintf("U%07d", i), Text: "request topic000 language:en",
					ResponseURL: r.fake.ResponseURL(fmt.Sprintf("U%07d", i)), TriggerID: fmt.Sprintf("%d.1.abc", i)}.Body()
			})
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				w := httptest.NewRecorder()
				mux.ServeHTTP(w, reqs[i])
				if w.Code != http.StatusOK || inline != (w.Body.Len() > 0) {
					b.Fatalf("got %d %q", w.Code, w.Body.String())
				}
				if !inline && i%64 == 63 {
					// At most 64 replies in flight, far from the
					// adapter's 256 jobs, which would ack "busy".
					for r.fake.Count("response_url") < i-63 {
						time.Sleep(100 * time.Microsecond)
					}
				}
			}
			r.a.Close() // waits for the replies
		})
	}
}
