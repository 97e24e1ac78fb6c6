package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// tally counts what was lost and doubled, by what.
type tally struct {
	lost, doubled map[string]int
	// unknown counts the replies not received whose response_url post
	// hung: Slack may have taken them, and the adapter sends a reply once
	// at most (docs/slack.md, "A reply goes out once at most"), so they
	// are neither lost nor doubled by the bot's fault; reported apart.
	unknown map[string]int
}

func (t tally) sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func (t tally) detail(m map[string]int) string {
	var parts []string
	for k, v := range m {
		if v > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, v))
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// messageKey names a message to a member: its channel, text and button
// values. Two sends with one key are one message sent twice.
func messageKey(c slackfake.Call) string {
	var vals []string
	for _, b := range c.Buttons() {
		vals = append(vals, b.ActionID+"="+b.Value)
	}
	return c.Get("channel") + "\x00" + c.AllText() + "\x00" + strings.Join(vals, ",")
}

// check reads the recorded sends and prints the report; it returns the
// exit code: 1 on any loss or doubling.
func check(out io.Writer, fake *slackfake.Server, p *player, elapsed time.Duration, proxy *faultProxy, faults []*fault) int {
	t := tally{lost: map[string]int{}, doubled: map[string]int{}, unknown: map[string]int{}}
	posts := fake.Calls("chat.postMessage")
	updates := fake.Calls("chat.update")
	responses := fake.Calls("response_url")
	ok := func(c slackfake.Call) bool { return c.Status == 200 && (c.Answer == nil || c.Answer["ok"] == true) }

	// 1. Every message a member received, once.
	seen := map[string]int{}
	sentAt := map[string][]string{}
	for _, c := range posts {
		if ok(c) {
			seen[messageKey(c)]++
			sentAt[messageKey(c)] = append(sentAt[messageKey(c)], c.At.UTC().Format("15:04:05.000"))
		}
	}
	var examples []string
	for k, n := range seen {
		if n > 1 {
			t.doubled["DMs"] += n - 1
			ch, rest, _ := strings.Cut(k, "\x00")
			_, vals, _ := strings.Cut(rest, "\x00")
			examples = append(examples, fmt.Sprintf("doubled DM to %s at %s, buttons %q", ch, strings.Join(sentAt[k], " and "), vals))
		}
	}

	// 2. Every acked command and click answered, once.
	byName := map[string]int{}
	for _, c := range responses {
		if ok(c) {
			byName[strings.TrimPrefix(c.Path, "/response/")]++
		}
	}
	updated := map[string][]time.Time{}
	for _, c := range updates {
		if ok(c) {
			k := c.Get("channel") + "|" + c.Get("ts")
			updated[k] = append(updated[k], c.At)
		}
	}
	dmTo := map[string][]time.Time{} // DMs without buttons: a reply's last resort
	for _, c := range posts {
		if ok(c) && len(c.Buttons()) == 0 {
			dmTo[c.Get("channel")] = append(dmTo[c.Get("channel")], c.At)
		}
	}
	after := func(ts []time.Time, t0 time.Time) bool {
		for _, x := range ts {
			if !x.Before(t0) {
				return true
			}
		}
		return false
	}
	p.mu.Lock()
	acts := append([]*act(nil), p.acts...)
	fails, refusedN := p.fails, p.refused
	p.mu.Unlock()
	var lat []time.Duration
	acked, unacked := 0, 0
	byAction := map[string]int{}
	requested := map[string]bool{}
	accepted := map[string]bool{}
	for _, a := range acts {
		if !a.acked {
			unacked++
			continue
		}
		acked++
		lat = append(lat, a.lat)
		if a.click {
			byAction[a.action]++
		} else {
			byAction[strings.Fields(a.text)[0]]++
		}
		n := byName[a.name]
		if a.inline {
			n++
		}
		kind := "command replies"
		if a.click {
			kind = "click replies"
			if n == 0 && after(updated[a.channel+"|"+a.ts], a.at) {
				n = 1
			}
			if a.action == bot.ActionProposalAccept {
				accepted[a.value] = true
			}
		} else if strings.HasPrefix(a.text, "request") {
			requested[a.user] = true
		}
		if n == 0 && after(dmTo["D"+a.user], a.at) {
			n = 1
		}
		switch {
		case n == 0 && proxy.wasHung(a.name):
			t.unknown[kind]++
		case n == 0:
			t.lost[kind]++
			what := a.action
			if !a.click {
				what = strings.Fields(a.text)[0]
			}
			examples = append(examples, fmt.Sprintf("lost %s: %s %s (%s, acked %s after %d attempts)", kind, a.user, what, a.name, a.at.UTC().Format("15:04:05.000"), a.attempts))
		case n > 1:
			t.doubled[kind] += n - 1
			examples = append(examples, fmt.Sprintf("doubled %s: %s %s (%s)", kind, a.user, a.action, a.name))
		}
	}

	// 3. The messages the acked actions owe to members.
	proposals := map[string]bool{}
	charters := map[string]bool{}
	got := map[string]bool{} // channel|pair:stage for check-ins and surveys
	for _, c := range posts {
		if !ok(c) {
			continue
		}
		ch := c.Get("channel")
		for _, b := range c.Buttons() {
			switch action(b) {
			case bot.ActionProposalAccept:
				proposals[b.Value] = true
			case bot.ActionCharterAccept:
				pair, _, _ := strings.Cut(bare(b.Value), ":") // "<pair>:<version>"
				charters[ch+"|"+pair] = true
			case bot.ActionCheckinYes:
				got[ch+"|"+bare(b.Value)] = true // pair:round
			case bot.ActionSurveyAnswer:
				if parts := strings.Split(bare(b.Value), ":"); len(parts) == 4 && parts[2] == "rating" {
					got[ch+"|"+parts[0]+":"+parts[1]] = true
				}
			}
		}
	}
	if d := len(requested) - len(proposals); d > 0 {
		t.lost["proposals"] += d
	}
	menteeCharters := 0
	for k := range charters {
		if strings.HasPrefix(k, "DUME") {
			menteeCharters++
		}
	}
	if d := len(accepted) - menteeCharters; d > 0 {
		t.lost["charters"] += d
	}
	pairs := chartered(fake, p)
	for pair, chans := range pairs {
		for _, ch := range chans {
			for _, want := range []string{pair + ":1", pair + ":" + bot.SurveyMid, pair + ":" + bot.SurveyEnd} {
				if !got[ch+"|"+want] {
					kind := "check-ins"
					if !strings.HasSuffix(want, ":1") {
						kind = "surveys"
					}
					t.lost[kind]++
					examples = append(examples, fmt.Sprintf("lost %s to %s for %s", kind, ch, want))
				}
			}
		}
	}

	sent := 0
	for _, c := range append(append(posts, updates...), responses...) {
		if ok(c) {
			sent++
		}
	}
	fmt.Fprintf(out, "\nmentorload: %d requests acked (%d attempts not acked, %d answered busy or database down and tried again, %d given up) in %s: %.0f acks/s\n",
		acked, fails, refusedN, unacked, elapsed.Round(time.Second), float64(acked)/elapsed.Seconds())
	fmt.Fprintf(out, "mentorload: ack latency p50 %s, p99 %s, max %s\n", ms(pct(lat, 0.5)), ms(pct(lat, 0.99)), ms(pct(lat, 1)))
	fmt.Fprintf(out, "mentorload: program: %d requests, %d proposals, %d accepted, %d charter messages, %d pairs chartered by both\n",
		len(requested), len(proposals), len(accepted), len(charters), len(pairs))
	fmt.Fprintf(out, "mentorload: acked by action: %s\n", tally{}.detail(byAction))
	fmt.Fprintf(out, "mentorload: messages sent: %d (%d chat.postMessage, %d chat.update, %d response_url)\n",
		sent, count(posts, ok), count(updates, ok), count(responses, ok))
	fmt.Fprintf(out, "mentorload: faults: Web API answers refused %d, response_url posts hung %d\n", proxy.refused.Load(), proxy.hung.Load())
	for _, f := range faults {
		state := "off"
		if f.on {
			state = "not run"
			if !f.start.IsZero() {
				state = fmt.Sprintf("%s, %s", f.start.UTC().Format("15:04:05"), f.end.Sub(f.start).Round(100*time.Millisecond))
			}
			if f.err != nil {
				state += " (failed: " + f.err.Error() + ")"
			}
		}
		fmt.Fprintf(out, "mentorload:   %s: %s\n", f.name, state)
	}
	lost, doubled := t.sum(t.lost), t.sum(t.doubled)
	fmt.Fprintf(out, "mentorload: lost %d, doubled %d\n", lost, doubled)
	if lost > 0 {
		fmt.Fprintf(out, "mentorload: lost: %s\n", t.detail(t.lost))
	}
	if doubled > 0 {
		fmt.Fprintf(out, "mentorload: doubled: %s\n", t.detail(t.doubled))
	}
	if unknown := t.sum(t.unknown); unknown > 0 {
		fmt.Fprintf(out, "mentorload: not received after their response_url post hung (Slack may have taken them; sent once at most, by design): %s\n", t.detail(t.unknown))
	}
	sort.Strings(examples)
	for i, e := range examples {
		if i == 10 {
			fmt.Fprintf(out, "mentorload:   ... and %d more\n", len(examples)-i)
			break
		}
		fmt.Fprintf(out, "mentorload:   %s\n", e)
	}
	if lost > 0 || doubled > 0 || len(pairs) == 0 {
		return 1
	}
	return 0
}

func count(cs []slackfake.Call, ok func(slackfake.Call) bool) int {
	n := 0
	for _, c := range cs {
		if ok(c) {
			n++
		}
	}
	return n
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond)) }

// bare is a button's value without the owner the adapter prefixes it
// with ("@U123:pair" is pair).
func bare(v string) string {
	if strings.HasPrefix(v, "@") {
		if _, rest, ok := strings.Cut(v, ":"); ok {
			return rest
		}
	}
	return v
}
