package bot

import (
	"context"
	"sort"
	"strings"
)

// NeedsResult is what a needs survey found: demand and supply per topic,
// the preferred start months and kinds, and how many are ready to mentor.
type NeedsResult struct {
	Survey  NeedsSurvey
	Answers int
	Topics  []TopicBalance // most asked first
	Months  map[string]int // "2027-01" → answers
	Kinds   map[string]int
	Mentors int      // answers with a topic to mentor
	Others  []string // the free answers, at most maxOthers
}

// TopicBalance is demand (members who want a mentor on a topic) and
// supply (members who could mentor it).
type TopicBalance struct {
	Topic          string
	Demand, Supply int
}

// Imbalance is "short" when more want a mentor than could mentor (or
// nobody could), "unused" when some could mentor and nobody asked, ""
// when the two are close.
func (tb TopicBalance) Imbalance() string {
	switch {
	case tb.Demand > 0 && tb.Supply == 0, tb.Demand > 2*tb.Supply:
		return "short"
	case tb.Supply > 0 && tb.Demand == 0:
		return "unused"
	}
	return ""
}

// maxOthers bounds the free answers the results quote, without names.
const maxOthers = 10

// needsResult counts a survey's answers. Topics are folded as matching
// folds them: "K8s" typed by command counts with "kubernetes".
func (b *Bot) needsResult(ctx context.Context, s NeedsSurvey) (NeedsResult, error) {
	answers, err := b.store.needs.NeedsAnswers(ctx, s.Tenant, s.ID)
	if err != nil {
		return NeedsResult{}, err
	}
	syn := b.synonyms(ctx, s.Tenant)
	r := NeedsResult{Survey: s, Answers: len(answers), Months: map[string]int{}, Kinds: map[string]int{}}
	byKey := map[string]*TopicBalance{}
	var order []string
	count := func(topic string, mentor bool) {
		key := syn.Normalize(topic)
		if key == "" {
			return
		}
		tb := byKey[key]
		if tb == nil {
			tb = &TopicBalance{Topic: topic}
			byKey[key] = tb
			order = append(order, key)
		}
		if mentor {
			tb.Supply++
		} else {
			tb.Demand++
		}
	}
	for _, t := range s.Topics {
		if syn.Normalize(t) != "" { // in the survey's order
			count(t, false)
			byKey[syn.Normalize(t)].Demand--
		}
	}
	for _, a := range answers {
		for _, t := range a.Learn {
			count(t, false)
		}
		for _, t := range a.Teach {
			count(t, true)
		}
		if len(a.Teach) > 0 {
			r.Mentors++
		}
		if a.Month != "" {
			r.Months[a.Month]++
		}
		if a.Kind != "" {
			r.Kinds[a.Kind]++
		}
		if a.Other != "" && len(r.Others) < maxOthers {
			r.Others = append(r.Others, a.Other)
		}
	}
	for _, k := range order {
		if tb := byKey[k]; tb.Demand > 0 || tb.Supply > 0 {
			r.Topics = append(r.Topics, *tb)
		}
	}
	sort.SliceStable(r.Topics, func(i, j int) bool {
		a, c := r.Topics[i], r.Topics[j]
		return a.Demand > c.Demand || a.Demand == c.Demand && a.Supply > c.Supply
	})
	return r, nil
}

// needsResults answers "/mentor admin needs results <program>": the
// figures, and the chart privately where the platform can upload.
func (b *Bot) needsResults(ctx context.Context, in *Invocation, program string) (Reply, error) {
	s, err := b.latestSurvey(ctx, in.Member.Tenant(), program)
	if err != nil {
		return Reply{}, err
	}
	r, err := b.needsResult(ctx, s)
	if err != nil {
		return Reply{}, err
	}
	if png := b.needsChart(in.Lang, r); png != nil {
		if up, ok := b.uploader(in.Member); ok {
			f := File{Name: "mentorbot-needs.png", Type: "image/png", Data: png}
			if err := up.SendFile(ctx, in.Member, f, Message{Text: T(in.Lang, "needs.results.chart", "program", s.Program)}); err != nil {
				b.log.Warn("needs chart not sent", "member", in.Member.String(), "code", string(ErrorCode(err)))
			}
		}
	}
	return Reply{Message: needsResultMessage(in.Lang, r)}, nil
}

// uploader returns the member's platform when it can send files.
func (b *Bot) uploader(who MemberID) (Uploader, bool) {
	p, err := b.platform(who)
	if err != nil {
		return nil, false
	}
	up, ok := p.(Uploader)
	return up, ok
}

// needsResultMessage writes the results: one line per topic, demand and
// supply side by side, the imbalance flagged.
func needsResultMessage(l Lang, r NeedsResult) Message {
	msg := Message{Title: T(l, "needs.results.title", "program", r.Survey.Program)}
	if r.Answers == 0 {
		msg.Text = T(l, "needs.results.none")
		return msg
	}
	lines := []string{T(l, "needs.results.answers", "n", Number(l, r.Answers), "count", itoa(r.Answers),
		"mentors", Number(l, r.Mentors), "m", itoa(r.Mentors))}
	for _, tb := range r.Topics {
		line := T(l, "needs.results.topic", "topic", tb.Topic, "demand", Number(l, tb.Demand), "supply", Number(l, tb.Supply))
		if f := tb.Imbalance(); f != "" {
			line += " " + T(l, "needs.results."+f)
		}
		lines = append(lines, line)
	}
	if list := ranked(l, r.Months, func(m string) string { return monthLabel(l, m) }); list != "" {
		lines = append(lines, T(l, "needs.results.month", "list", list))
	}
	if list := ranked(l, r.Kinds, func(k string) string { return T(l, "kind."+k) }); list != "" {
		lines = append(lines, T(l, "needs.results.kind", "list", list))
	}
	if len(r.Others) > 0 {
		quoted := make([]string, len(r.Others))
		for i, o := range r.Others {
			quoted[i] = T(l, "needs.results.quote", "text", quotedWords(l, clip(o, 200)))
		}
		lines = append(lines, T(l, "needs.results.others", "list", strings.Join(quoted, " ")))
	}
	msg.Text = strings.Join(lines, "\n")
	return msg
}

// top returns the key counted most (the first in order on a tie).
// ranked writes the answers of m, most chosen first (then in key order),
// four at most, each with its count: a tie shows every choice tied.
func ranked(l Lang, m map[string]int, label func(string) string) string {
	keys := make([]string, 0, len(m))
	for k, n := range m {
		if n > 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	items := make([]string, 0, 4)
	for _, k := range keys[:min(len(keys), 4)] {
		items = append(items, T(l, "needs.results.item", "label", label(k), "n", Number(l, m[k]), "count", itoa(m[k])))
	}
	return strings.Join(items, ", ")
}

func top(m map[string]int) (string, int) {
	best, n := "", 0
	for k, v := range m {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best, n
}

// needsChart draws demand and supply per topic, as bars in the digest's
// style; nil without Config.Chart, without topics, or when it fails.
func (b *Bot) needsChart(l Lang, r NeedsResult) []byte {
	if b.cfg.Chart == nil || len(r.Topics) == 0 {
		return nil
	}
	c := Chart{Title: T(l, "needs.results.title", "program", r.Survey.Program), Bars: true,
		Counts: []ChartSeries{{Label: T(l, "needs.chart.demand")}, {Label: T(l, "needs.chart.supply")}}}
	for _, tb := range r.Topics[:min(len(r.Topics), 12)] {
		c.Weeks = append(c.Weeks, clip(tb.Topic, 14))
		c.Counts[0].Values = append(c.Counts[0].Values, float64(tb.Demand))
		c.Counts[1].Values = append(c.Counts[1].Values, float64(tb.Supply))
	}
	png, err := b.cfg.Chart(c)
	if err != nil {
		b.log.Error("needs chart", "survey", r.Survey.ID, "err", err)
		return nil
	}
	return png
}
