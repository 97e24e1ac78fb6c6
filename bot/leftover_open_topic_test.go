package bot_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// quotedOpen is the marker quoted as a member's topic, or the marker's
// word joiner: what no sentence shows.
var quotedOpen = regexp.MustCompile("“open topic”|«\u202fsujet libre\u202f»|« sujet libre »|\u2060")

// mustOpenTopicPair forms erin's (French) and dave's (English) pair after
// a speed-mentoring round, erin having no request: a pair on
// bot.OpenTopic, official.
func mustOpenTopicPair(t *testing.T) *adminHarness {
	t.Helper()
	h, reg := speedHarness(t, "")
	h.Run("erin", "lang fr")
	h.Run("dave", "offer go languages:en,fr")
	click(h, "dave", reg, 0)
	click(h, "erin", reg, 1)
	h.At(2, 10, 15)
	h.Platform.Take()
	h.Click("erin", "erin", bot.ActionSpeedContinue)
	h.Click("dave", "dave", bot.ActionSpeedContinue)
	if pairs := speedPairsOf(t, h, "erin"); len(pairs) != 1 || pairs[0].Topic != bot.OpenTopic {
		t.Fatalf("got erin's pairs %+v, want one on bot.OpenTopic", pairs)
	}
	return h
}

// TestLeftoverOpenTopicWording: the messages about a pair from a
// speed-mentoring event without a request (bot.OpenTopic) say where it
// comes from, in each reader's language, and never quote the marker as
// the pair's topic: "your pair from the speed-mentoring event", not "your
// pair on “open topic”". Ended, the mentee is asked whether they want a
// new match, not one "on" the marker.
func TestLeftoverOpenTopicWording(t *testing.T) {
	h := mustOpenTopicPair(t)
	clickAll(h, "dave", bot.ActionCharterAccept)
	clickAll(h, "erin", bot.ActionCharterAccept)
	var texts []string
	for _, s := range h.Platform.Take() {
		texts = append(texts, s.Message.Title+"\n"+s.Message.Text)
	}
	for _, u := range []string{"dave", "erin"} {
		r := h.Run(u, "status")
		texts = append(texts, r.Message.Text)
		for _, b := range r.Message.Buttons {
			texts = append(texts, b.Label)
		}
	}
	end := h.Run("erin", "terminer")
	texts = append(texts, end.Message.Text)
	r := clickIn(h.Harness, "erin", end, bot.ActionEndConfirm)
	texts = append(texts, r.Message.Text)
	for _, s := range h.Platform.Take() {
		texts = append(texts, s.Message.Title+"\n"+s.Message.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{
		"Before your pair from the speed-mentoring event becomes official",
		"Avant que votre binôme de l'événement de speed mentoring devienne officiel",
		"Erin, voici Dave\u202f: votre mentor de l'événement de speed mentoring, en mentorat individuel.",
		"Dave, meet Erin, whom you will mentor following the speed-mentoring event, for one-to-one mentoring.",
		"Mentor of Erin from the speed-mentoring event: active",
		"End the pair with Erin (open topic)",
		"Accompagnement par Dave de l'événement de speed mentoring",
		"Voulez-vous vraiment mettre fin à votre binôme avec Dave de l'événement de speed mentoring\u202f?",
		"Votre binôme avec Dave de l'événement de speed mentoring est terminé",
		"Dommage que cela n'ait pas fonctionné. Souhaitez-vous un nouveau binôme\u202f?",
		"Your pair with Erin from the speed-mentoring event has ended",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no message says %q:\n%s", want, all)
		}
	}
	if bad := quotedOpen.FindString(all); bad != "" {
		t.Errorf("a message says %q:\n%s", bad, all)
	}
}

// TestLeftoverOpenTopicCatalog: no sentence of the catalog, in either
// language, quotes the marker when its topic is bot.OpenTopic; a
// sentence's own words for it ("opentopic.<key>") are a sentence's.
func TestLeftoverOpenTopicCatalog(t *testing.T) {
	for _, lang := range bot.Langs {
		for _, k := range bot.CatalogKeys(lang) {
			if base, ok := strings.CutPrefix(k, "opentopic."); ok && !bot.HasKey(lang, base) {
				t.Errorf("%s %s: no sentence %q to word otherwise", lang, k, base)
			}
			got := bot.T(lang, k, "topic", bot.OpenTopic, "pair", bot.OpenTopic, "name", "Bob")
			if bad := quotedOpen.FindString(got); bad != "" {
				t.Errorf("%s %s: got %q in %q", lang, k, bad, got)
			}
		}
	}
	for _, c := range []struct {
		lang      bot.Lang
		key, want string
	}{
		{bot.English, "status.pair.mentor", "Mentor of Bob from the speed-mentoring event: active"},
		{bot.French, "status.pair.mentor", "Mentor de Bob de l'événement de speed mentoring\u202f: active"},
		{bot.English, "btn.end_pair", "End the pair with Bob (open topic)"},
		{bot.French, "btn.end_pair", "Mettre fin au binôme avec Bob (sujet libre)"},
		{bot.English, "testimonial.saved", "Thank you, your sentence about your pair from the speed-mentoring event is saved."},
		{bot.French, "goals.kept", "Très bien\u202f: vos objectifs pour votre binôme de l'événement de speed mentoring restent les mêmes."},
		{bot.English, "meet.ics_summary", "Mentoring with Bob"},
		// Another topic reads as before.
		{bot.English, "status.pair.mentor", "Mentor of Bob on “go”: active"},
	} {
		topic := bot.OpenTopic
		if strings.Contains(c.want, "go") {
			topic = "go"
		}
		if got := bot.T(c.lang, c.key, "name", "Bob", "topic", topic, "state", "active"); got != c.want {
			t.Errorf("%s %s: got %q, want %q", c.lang, c.key, got, c.want)
		}
	}
}

// TestLeftoverOpenTopicExports: the exports write bot.OpenTopic as its
// reader reads it, "open topic" or « sujet libre », without the marker's
// invisible word joiner: the managers' CSV in the manager's language, a
// member's own file in theirs, the testimonials' CSV in the manager's.
func TestLeftoverOpenTopicExports(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	pair := bot.Pair{ID: "p1", Topic: bot.OpenTopic, Kind: "one-to-one", State: bot.PairActive, Created: at}
	request := bot.Request{ID: "r1", Topic: bot.OpenTopic, State: bot.RequestWaiting, Created: at}
	for _, c := range []struct {
		lang bot.Lang
		want string
	}{{"", "open topic"}, {bot.English, "open topic"}, {bot.French, "sujet libre"}} {
		rows := MustCSV(t, bot.ExportCSV(bot.Export{Lang: c.lang, Pairs: []bot.Pair{pair}, Requests: []bot.Request{request}}))
		for _, row := range rows {
			if row["topic"] != c.want {
				t.Errorf("CSV in %q: got %s topic %q, want %q", c.lang, row["record"], row["topic"], c.want)
			}
		}
		quotes := bot.TestimonialsCSV(c.lang, []bot.Quote{{Testimonial: bot.Testimonial{Topic: bot.OpenTopic, Role: "mentee", Text: "Great", At: at}}})
		if got := string(quotes); !strings.Contains(got, ","+c.want+",") || strings.Contains(got, "\u2060") {
			t.Errorf("testimonials in %q: got %q, want the topic %q", c.lang, got, c.want)
		}
	}

	// Through the commands: the manager's export in French, Dave's own
	// file in English, Erin's in French.
	h := mustOpenTopicPair(t)
	h.Posting.Posts()
	h.Run("alice", "lang fr")
	h.Run("alice", "admin exporter")
	h.Run("dave", "export-me")
	h.Run("erin", "export-me")
	posts := h.Posting.Posts()
	if len(posts) != 3 {
		t.Fatalf("got %d files, want 3", len(posts))
	}
	found := false
	for _, row := range MustCSV(t, posts[0].File.Data) {
		if row["record"] == "pair" {
			found = true
			if row["topic"] != "sujet libre" {
				t.Errorf("manager's export: got the pair's topic %q, want « sujet libre »", row["topic"])
			}
		}
	}
	if !found {
		t.Error("manager's export: no pair")
	}
	for i, want := range map[int]string{1: "open topic", 2: "sujet libre"} {
		var got struct{ Pairs []struct{ Topic string } }
		if err := json.Unmarshal(posts[i].File.Data, &got); err != nil || len(got.Pairs) != 1 || got.Pairs[0].Topic != want {
			t.Errorf("%s's file: got %+v (%v), want the pair's topic %q", posts[i].To.User, got.Pairs, err, want)
		}
	}
	// The operator's export (cmd/mentorbot) reads it in the member's language.
	data, err := h.Bot.ExportMember(context.Background(), h.Tenant.Member("erin"))
	if err != nil || !strings.Contains(string(data), `"topic": "sujet libre"`) || strings.Contains(string(data), "\u2060") {
		t.Errorf("got %s (%v), want erin's pair on « sujet libre »", data, err)
	}
}
