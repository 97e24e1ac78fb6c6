package slack_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// The labels of the introduction's fields, in each language, in the
// order each language reads them.
var (
	introFr = []string{"*Objectif*", "*Pourquoi ce binôme*", "*Prochaine étape suggérée*", "*Créneaux proposés*", "*Pour choisir*"}
	introEn = []string{"*Goal*", "*Why you were matched*", "*Suggested next step*", "*Suggested times*", "*To pick a time*"}
)

// sectionLabels returns, for each section of blocks that has fields, the
// first line of each field (its bold label).
func sectionLabels(tb testing.TB, blocks []map[string]any) [][]string {
	tb.Helper()
	var out [][]string
	for _, b := range blocks {
		fields, _ := b["fields"].([]any)
		if b["type"] != "section" || len(fields) == 0 {
			continue
		}
		if len(fields) > 10 {
			tb.Errorf("got a section of %d fields, want at most 10 (Slack refuses more: invalid_blocks)", len(fields))
		}
		var labels []string
		for _, f := range fields {
			text, _ := f.(map[string]any)["text"].(string)
			label, _, _ := strings.Cut(text, "\n")
			labels = append(labels, label)
		}
		out = append(out, labels)
	}
	return out
}

// TestRenderfixBilingualIntroSections: a French mentee and an English
// mentor get one introduction in both languages, in their group DM. Slack
// lays a section's fields out two per row, so each language's fields are
// a section of their own, in their order: no row shows a French label
// beside an English one, and no section holds more than 10 fields.
func TestRenderfixBilingualIntroSections(t *testing.T) {
	l, _ := mustLiveStore(t)
	const mentee = "UFANNY"
	mustContain(t, l.run(t, uMentor, "offer go languages:en,fr"), "go")
	l.run(t, mentee, "request go kind:one-to-one goal:ship a small service")
	mustContain(t, l.click(t, uMentor, l.dm(t, uMentor, bot.ActionProposalAccept), bot.ActionProposalAccept, ""), "You accepted")
	l.click(t, mentee, l.dm(t, mentee, bot.ActionCharterAccept), bot.ActionCharterAccept, "")
	l.click(t, uMentor, l.dm(t, uMentor, bot.ActionCharterAccept), bot.ActionCharterAccept, "")
	intro := l.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool {
		return strings.HasPrefix(c.Get("channel"), "G")
	}, 5*time.Second)[0]
	mustContain(t, intro, "Objectif", "Goal", "ship a small service")

	got := sectionLabels(t, intro.Blocks())
	want := [][]string{introFr, introEn}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got field sections %q, want one section per language %q", got, want)
	}
}

// TestRenderfixFieldsByLanguage: the renderer keeps each language's
// fields in sections of their own, in the message's order, ten at most to
// a section; fields of one language, or of none, fill sections of ten.
func TestRenderfixFieldsByLanguage(t *testing.T) {
	fields := func(lang bot.Lang, n int) []bot.Field {
		var out []bot.Field
		for i := range n {
			out = append(out, bot.Field{Label: fmt.Sprintf("%s%d", lang, i), Value: "v", Lang: lang})
		}
		return out
	}
	for _, tt := range []struct {
		name   string
		fields []bot.Field
		want   []int // fields in each section, in order
		first  []string
	}{
		{"OneLanguage", fields("", 12), []int{10, 2}, []string{"*0*", "*10*"}},
		{"TwoLanguages", append(fields("fr", 5), fields("en", 5)...), []int{5, 5}, []string{"*fr0*", "*en0*"}},
		{"ElevenEach", append(fields("fr", 11), fields("en", 11)...), []int{10, 1, 10, 1}, []string{"*fr0*", "*fr10*", "*en0*", "*en10*"}},
		{"Interleaved", append(append(fields("fr", 3), fields("en", 3)...), fields("fr", 2)...), []int{3, 3, 2}, []string{"*fr0*", "*en0*", "*fr0*"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var blocks []map[string]any
			if err := json.Unmarshal([]byte(slack.RenderJSON(bot.Message{Text: "hi", Fields: tt.fields})), &blocks); err != nil {
				t.Fatal(err)
			}
			var sizes []int
			var first []string
			for _, labels := range sectionLabels(t, blocks) {
				sizes = append(sizes, len(labels))
				first = append(first, labels[0])
			}
			if fmt.Sprint(sizes) != fmt.Sprint(tt.want) || fmt.Sprint(first) != fmt.Sprint(tt.first) {
				t.Fatalf("got sections of %v fields starting %q, want %v starting %q", sizes, first, tt.want, tt.first)
			}
		})
	}
}
