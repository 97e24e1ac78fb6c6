package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// pool is the state a run fills the workspace with before it measures,
// so that commands meet a realistic workspace rather than an empty one.
type pool struct {
	Offers  int // mentors, each offering 1 to 4 topics of the vocabulary
	Topics  int // size of the topic vocabulary
	Waiting int // requests that stay waiting: in French, which no pool mentor speaks
	// Share is the share of pool mentors who offer Hot, the topic the
	// measured request asks for (5 %: 250 of 5,000).
	Share float64
}

// The topics the measured commands name. Every pool mentor offers
// Everyone as well, so that a request on it has Offers candidates.
const (
	hotTopic      = "topic000"
	everyoneTopic = "leadership"
	offerTopic    = "rust"
)

// poolTopic is the i-th topic of the vocabulary.
func poolTopic(i int) string { return fmt.Sprintf("topic%03d", i) }

// offerText is the pool mentor i's /mentor offer: the hot topic for the
// first Share of them, then 0 to 3 more of the vocabulary, the shared
// topic, a capacity of 1 to 3, English only, and a time zone and
// experience that vary.
func (p pool) offerText(i int) string {
	topics := []string{}
	if float64(i) < p.Share*float64(p.Offers) {
		topics = append(topics, hotTopic)
	}
	for j := range 1 + i%3 {
		topics = append(topics, poolTopic(1+(i*7+j*31)%(p.Topics-1)))
	}
	topics = append(topics, everyoneTopic)
	zones := []string{"America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Paris", "Asia/Dubai", "Asia/Tokyo"}
	return fmt.Sprintf("%s capacity:%d languages:en tz:%s years:%d", strings.Join(topics, ", "), 1+i%3, zones[i%len(zones)], 1+i%25)
}

// waitingText is the pool mentee i's request: a topic of the vocabulary,
// in French, which no pool mentor speaks, so it stays waiting.
func (p pool) waitingText(i int) string {
	return fmt.Sprintf("request %s language:fr", poolTopic(i%p.Topics))
}

// fill sends the pool's commands to mentorbot, signed, from users of their
// own, with a few concurrent clients, and waits until their work is done.
func (p pool) fill(ctx context.Context, out io.Writer, client *http.Client, g *generator, url string, m *meter) error {
	start := time.Now()
	var texts []string
	for i := range p.Offers {
		texts = append(texts, "offer "+p.offerText(i))
	}
	for i := range p.Waiting {
		texts = append(texts, p.waitingText(i))
	}
	var next, failed, inline atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if i >= int64(len(texts)) {
					return
				}
				user := userID(poolPrefix(texts[i]), i+1)
				// A command the bot was too busy to take is sent again.
				for ctx.Err() == nil {
					s := send(client, g.request(url, texts[i], user))
					if !s.ok {
						failed.Add(1)
					}
					if s.inline {
						inline.Add(1)
					}
					if !s.busy {
						break
					}
					time.Sleep(10 * time.Millisecond)
				}
			}
		})
	}
	wg.Wait()
	if n := failed.Load(); n > 0 {
		return fmt.Errorf("filling the pool: %d of %d commands failed", n, len(texts))
	}
	m.acked, m.inline = m.acked+len(texts), m.inline+int(inline.Load())
	if got := drain(m.done, m.acked); got < m.acked {
		return fmt.Errorf("filling the pool: %d of %d commands did their work", got, m.acked)
	}
	fmt.Fprintf(out, "slackload: filled the workspace with %d offers (%d on %q, all on %q) over %d topics and %d waiting requests in %s\n",
		p.Offers, int(p.Share*float64(p.Offers)), hotTopic, everyoneTopic, p.Topics, p.Waiting, time.Since(start).Round(time.Millisecond))
	return nil
}

// poolPrefix numbers the pool's mentors and mentees apart from the
// measured users.
func poolPrefix(text string) string {
	if strings.HasPrefix(text, "offer") {
		return "UPO"
	}
	return "UPW"
}

// addPoolUsers makes the pool's users members of the fake workspace's
// directory, as the measured users are.
func (p pool) addPoolUsers(fake *slackfake.Server) int {
	for i := range p.Offers + p.Waiting {
		prefix := "UPO"
		if i >= p.Offers {
			prefix = "UPW"
		}
		id := userID(prefix, int64(i+1))
		fake.AddUser(slackfake.User{ID: id, Name: "pool", RealName: "Pool " + id, TZ: "Europe/Paris", Locale: "fr-FR"})
	}
	return p.Offers + p.Waiting
}
