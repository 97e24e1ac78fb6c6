package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// speedHarness opens a 2-round event at 10:00 in #general and returns the
// harness and the registration message.
func speedHarness(t *testing.T, extra string) (*adminHarness, bot.Message) {
	t.Helper()
	h := MustAdminHarness(t)
	r := h.Run("alice", `admin event "Speed test" rounds:2 minutes:15 start:2026-11-02T10:00 channel:#general`+extra)
	if !strings.Contains(r.Message.Text, "is open") {
		t.Fatalf("open: got %q", r.Message.Text)
	}
	posts := h.Posting.Posts()
	if len(posts) != 1 || posts[0].Channel != "general" || len(posts[0].Message.Buttons) != 3 {
		t.Fatalf("got posts %+v", posts)
	}
	return h, posts[0].Message
}

// click clicks button i of a shared message as user.
func click(h *adminHarness, user string, msg bot.Message, i int) bot.Reply {
	b := msg.Buttons[i]
	return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(user), ActionID: b.ActionID, Value: b.Value})
}

// rooms returns the group messages sent since the last Take, by the pair
// of users ("mentor+mentee" as the mentions list them), and what each
// member received alone.
func rooms(h *adminHarness) (map[string]bot.Message, map[string][]bot.Message) {
	together, alone := map[string]bot.Message{}, map[string][]bot.Message{}
	for _, s := range h.Platform.Take() {
		if s.Together {
			together[s.To[0].User+"+"+s.To[1].User] = s.Message
			continue
		}
		alone[s.To[0].User] = append(alone[s.To[0].User], s.Message)
	}
	return together, alone
}

func TestSpeedEvent(t *testing.T) {
	h, reg := speedHarness(t, "")
	h.Run("ema", "request go") // ema's topic; nobody offers go: the request waits
	for _, u := range []string{"max", "mia"} {
		if r := click(h, u, reg, 0); !strings.Contains(r.Message.Text, "registered for “Speed test” as a mentor") {
			t.Fatalf("%s: got %q", u, r.Message.Text)
		}
	}
	for _, u := range []string{"ema", "eli", "eve"} {
		click(h, u, reg, 1)
	}
	t.Run("DoubleClick", func(t *testing.T) {
		if r := click(h, "max", reg, 0); r.Message.Text != "You are already registered for “Speed test” as a mentor." {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
	t.Run("OtherRole", func(t *testing.T) {
		if r := click(h, "ema", reg, 0); !strings.Contains(r.Message.Text, "registered for “Speed test” as a mentee. To take part as a mentor") {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
	h.Platform.Take()

	// Round 1: two sessions, one mentee sits out and is told why.
	h.At(2, 10, 0)
	together, alone := rooms(h)
	if len(together) != 2 {
		t.Fatalf("round 1: got %d rooms, want 2: %v", len(together), together)
	}
	var out1 string
	for _, u := range []string{"ema", "eli", "eve"} {
		if len(alone[u]) == 1 {
			out1 = u
			if !strings.Contains(alone[u][0].Text, "more mentees than mentors") {
				t.Fatalf("sat out: got %q", alone[u][0].Text)
			}
		}
	}
	if out1 == "" {
		t.Fatalf("nobody sat out: %v", alone)
	}
	met := map[string]string{}
	for k, m := range together {
		mentor, mentee, _ := strings.Cut(k, "+")
		met[mentee] = mentor
		if m.Link == nil || !strings.HasPrefix(m.Link.URL, "https://meet.jit.si/") {
			t.Fatalf("room link: %+v", m.Link)
		}
		if mentee == "ema" && !strings.Contains(m.Text, "Topic: go.") {
			t.Fatalf("ema's room: %q", m.Text)
		}
	}
	t.Run("Twice", func(t *testing.T) {
		h.Tick()
		if got := h.Platform.Take(); len(got) != 0 {
			t.Fatalf("a second tick sent %d messages", len(got))
		}
	})

	// Round 2: the mentee who sat out comes first; nobody meets the
	// same mentor twice; each member of round 1 is asked to continue.
	h.At(2, 10, 15)
	together, alone = rooms(h)
	if len(together) != 2 {
		t.Fatalf("round 2: got %d rooms", len(together))
	}
	paired2 := map[string]string{}
	for k := range together {
		mentor, mentee, _ := strings.Cut(k, "+")
		paired2[mentee] = mentor
		if met[mentee] == mentor {
			t.Errorf("%s met %s twice", mentee, mentor)
		}
	}
	if paired2[out1] == "" {
		t.Errorf("%s sat out round 1 and again round 2", out1)
	}
	var firstMentee string
	for mentee, mentor := range met {
		if len(alone[mentee]) == 0 || alone[mentee][0].Buttons[0].Label != "Yes, continue" || len(alone[mentor]) == 0 {
			t.Fatalf("continue question: %v", alone)
		}
		firstMentee = mentee
	}

	t.Run("OneYes", func(t *testing.T) {
		mentor := met[firstMentee]
		r := h.Click(firstMentee, firstMentee, "Yes, continue")
		if !strings.Contains(r.Message.Text, "If "+strings.ToUpper(mentor[:1])+mentor[1:]+" wishes it too") {
			t.Fatalf("got %q", r.Message.Text)
		}
		if got := h.Platform.Take(); len(got) != 0 {
			t.Fatalf("one yes told someone: %+v", got)
		}
		if r := h.Click(firstMentee, firstMentee, "No, thank you"); r.Message.Text != "You have already answered this question." {
			t.Fatalf("changed answer: got %q", r.Message.Text)
		}
	})
	t.Run("TwoYeses", func(t *testing.T) {
		mentor := met[firstMentee]
		r := h.Click(mentor, mentor, "Yes, continue")
		if !strings.Contains(r.Message.Text, "you are now a one-to-one pair") {
			t.Fatalf("got %q", r.Message.Text)
		}
		sent := h.Platform.Take()
		var told, charters int
		for _, s := range sent {
			if strings.Contains(s.Message.Text, "wants to continue with you too") && s.To[0].User == firstMentee {
				told++
				// The event has no topic: the pair's is the event's
				// name, which is not said as a topic.
				if !strings.Contains(s.Message.Text, "is now your mentor, on what you choose together.") {
					t.Errorf("got %q, want no topic named", s.Message.Text)
				}
			}
			for _, b := range s.Message.Buttons {
				if b.ActionID == bot.ActionCharterAccept {
					charters++
				}
			}
		}
		if told != 1 || charters != 2 {
			t.Fatalf("told %d, charters %d: %+v", told, charters, sent)
		}
		pairs, err := h.Store.PairsOf(context.Background(), h.Tenant.Member(firstMentee))
		if err != nil || len(pairs) != 1 || pairs[0].Kind != "one-to-one" || pairs[0].State != bot.PairCharter {
			t.Fatalf("pairs %+v, %v", pairs, err)
		}
	})
	t.Run("NotYours", func(t *testing.T) {
		b := h.Button(firstMentee, "Yes, continue")
		r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("zed"), ActionID: b.ActionID, Value: b.Value})
		if !strings.Contains(r.Message.Text, "not") {
			t.Fatalf("got %q", r.Message.Text)
		}
	})

	// A mentee leaves during round 2: their mentor gets the mentee who
	// sits out, if they have not met.
	t.Run("LeaveRepairs", func(t *testing.T) {
		var leaver, sitter string
		for _, u := range []string{"ema", "eli", "eve"} {
			if paired2[u] == "" {
				sitter = u
			}
		}
		for mentee, mentor := range paired2 {
			if met[sitter] != mentor {
				leaver = mentee
			}
		}
		mentor := paired2[leaver]
		if r := click(h, leaver, reg, 2); !strings.Contains(r.Message.Text, "no longer registered") {
			t.Fatalf("got %q", r.Message.Text)
		}
		together, alone := rooms(h)
		if _, ok := together[mentor+"+"+sitter]; !ok {
			t.Fatalf("no new room %s+%s: %v", mentor, sitter, together)
		}
		if len(alone[mentor]) != 1 || !strings.Contains(alone[mentor][0].Text, "had to leave the event: I have paired you") {
			t.Fatalf("mentor told: %+v", alone[mentor])
		}
		if r := click(h, leaver, reg, 2); !strings.Contains(r.Message.Text, "were not registered") {
			t.Fatalf("twice: got %q", r.Message.Text)
		}
	})
	t.Run("Over", func(t *testing.T) {
		if r := click(h, "zoe", reg, 1); !strings.Contains(r.Message.Text, "closed") {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
}

func TestSpeedForgetMidRound(t *testing.T) {
	h, reg := speedHarness(t, " video:https://meet.example.org/speed")
	click(h, "max", reg, 0)
	click(h, "emaxq", reg, 1)
	h.At(2, 10, 0)
	together, _ := rooms(h)
	if m, ok := together["max+emaxq"]; !ok || m.Link.URL != "https://meet.example.org/speed" {
		t.Fatalf("got %v", together)
	}
	t.Run("ExportMe", func(t *testing.T) {
		h.Posting.Posts()
		h.Run("emaxq", "export-me")
		posts := h.Posting.Posts()
		if len(posts) != 1 || posts[0].File == nil {
			t.Fatalf("got %+v, want the file", posts)
		}
		var got struct {
			Speed []bot.SpeedTaking `json:"speed_mentoring"`
		}
		if err := json.Unmarshal(posts[0].File.Data, &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Speed) != 1 || got.Speed[0].Registered != bot.SpeedMentee || len(got.Speed[0].Rounds) != 1 ||
			got.Speed[0].Rounds[0].With != "max" || got.Speed[0].Rounds[0].Role != "mentee" {
			t.Fatalf("got %+v", got.Speed)
		}
	})
	r := h.Run("emaxq", "forget")
	if len(r.Message.Buttons) == 0 || r.Message.Buttons[0].ActionID != bot.ActionForgetConfirm {
		t.Fatalf("got %+v", r.Message)
	}
	h.ClickReply("emaxq", r, r.Message.Buttons[0].Label)
	if where := storetest.Mentions(t, h.Store, "emaxq"); len(where) != 0 {
		t.Errorf("ema is still in %v", where)
	}
	_, alone := rooms(h)
	if len(alone["max"]) != 1 || !strings.Contains(alone["max"][0].Text, "Emaxq had to leave the event, and nobody you have not met is free") ||
		!strings.Contains(alone["max"][0].Text, "next round starts at 10:15 (UTC)") {
		t.Fatalf("got %+v", alone["max"])
	}
	h.At(2, 10, 15)
	if _, alone := rooms(h); len(alone["emaxq"]) != 0 || len(alone["max"]) != 1 || !strings.Contains(alone["max"][0].Text, "No mentee for you in round 2") {
		t.Fatalf("round 2: %+v", alone)
	}
}

func TestSpeedFrench(t *testing.T) {
	h, reg := speedHarness(t, "")
	h.Run("max", "lang fr")
	h.Run("ema", "lang fr")
	if r := click(h, "max", reg, 0); !strings.Contains(r.Message.Text, "Votre inscription à «\u202fSpeed test\u202f» comme mentor est enregistrée") {
		t.Fatalf("got %q", r.Message.Text)
	}
	if r := click(h, "ema", reg, 1); !strings.Contains(r.Message.Text, "conversations libres") {
		t.Fatalf("got %q", r.Message.Text)
	}
	click(h, "eve", reg, 1) // English: sits out
	h.Platform.Take()
	h.At(2, 10, 0)
	together, alone := rooms(h)
	m, ok := together["max+ema"]
	if !ok {
		m, ok = together["max+eve"]
	}
	if !ok || !strings.Contains(m.Title, "tour 1 sur 2") {
		t.Fatalf("got %v", together)
	}
	for u, msgs := range alone {
		if u == "ema" && !strings.Contains(msgs[0].Text, "Vous ne participez pas au tour 1") {
			t.Fatalf("ema: %q", msgs[0].Text)
		}
		if u == "eve" && !strings.Contains(msgs[0].Text, "You sit out round 1") {
			t.Fatalf("eve: %q", msgs[0].Text)
		}
	}
	h.At(2, 10, 15)
	if b := h.Button("max", bot.ActionSpeedContinue); b.Label != "Oui, continuer" {
		t.Fatalf("got %+v", b)
	}
	t.Run("BadInput", func(t *testing.T) {
		for _, c := range []struct{ cmd, want string }{
			{`admin event "X" tours:2 minutes:15 début:demain canal:#general`, "Je ne comprends pas le début"},
			{`admin event "X" tours:2 minutes:15 début:2020-01-01T10:00 canal:#general`, "doit être dans le futur"},
			{`admin event "X" tours:2 minutes:15 début:2026-12-01T10:00`, "Où les membres doivent-ils s'inscrire"},
			{`admin event "X" tours:2 minutes:15 début:2026-12-01T10:00 canal:#general visio:http://x`, "n'est pas un lien"},
		} {
			if r := h.Run("max", c.cmd); !strings.Contains(r.Message.Text, "responsable") {
				t.Fatalf("not a manager: %q", r.Message.Text)
			}
			h.Run("alice", "lang fr")
			if r := h.Run("alice", c.cmd); !strings.Contains(r.Message.Text, c.want) {
				t.Errorf("%s: got %q", c.cmd, r.Message.Text)
			}
		}
	})
}

var _ = bottest.Start

// TestSpeedMentorLeaves: a mentor who unregisters mid-round hands their
// mentee to the mentor who sat the round out.
func TestSpeedMentorLeaves(t *testing.T) {
	h, reg := speedHarness(t, "")
	click(h, "max", reg, 0)
	click(h, "mia", reg, 0)
	click(h, "ema", reg, 1)
	h.Platform.Take()
	h.At(2, 10, 0)
	together, alone := rooms(h)
	if len(together) != 1 {
		t.Fatalf("got rooms %v", together)
	}
	var busy, idle string
	for k := range together {
		busy, _, _ = strings.Cut(k, "+")
	}
	idle = map[string]string{"max": "mia", "mia": "max"}[busy]
	if len(alone[idle]) != 1 || !strings.Contains(alone[idle][0].Text, "No mentee for you in round 1") {
		t.Fatalf("got %v", alone)
	}
	click(h, busy, reg, 2)
	together, alone = rooms(h)
	if _, ok := together[idle+"+ema"]; !ok || len(alone["ema"]) != 1 || !strings.Contains(alone["ema"][0].Text, "had to leave the event: I have paired you") {
		t.Fatalf("got rooms %v, messages %v", together, alone)
	}
}

// TestSpeedEventInProgram: an event of a program makes the pairs its
// "continue?" forms pairs of that program, counted in its report; an
// unknown program is refused.
func TestSpeedEventInProgram(t *testing.T) {
	h := mustProgramHarness(t) // Mentorat 2027
	MustContain(t, h.Run("alice", `admin event "Speed" rounds:1 minutes:15 start:2026-11-02T10:00 channel:#general program:nope`), "I know no program “nope”.")
	MustContain(t, h.Run("alice", `admin event "Speed" rounds:1 minutes:15 start:2026-11-02T10:00 channel:#general program:mentorat-2027`), "is open")
	var reg bot.Message
	for _, p := range h.Posting.Posts() {
		if p.Channel == "general" {
			reg = p.Message
		}
	}
	click(h, "max", reg, 0)
	click(h, "eli", reg, 1)
	h.At(2, 10, 0)
	h.At(2, 10, 15)
	h.Platform.Take()
	h.Click("eli", "eli", bot.ActionSpeedContinue)
	h.Click("max", "max", bot.ActionSpeedContinue)
	h.Click("max", "max", bot.ActionCharterAccept)
	h.Click("eli", "eli", bot.ActionCharterAccept)
	mustSayMet(t, h.Harness, "eli") // said at a check-in: a pair nobody said met is not thanked at the end
	r, err := h.Bot.ProgramReport(context.Background(), h.Tenant, "mentorat-2027")
	if err != nil {
		t.Fatal(err)
	}
	if r.Figures.Pairs != 1 || r.Figures.Mentors != 1 {
		t.Fatalf("got %+v, want the event's pair in the program", r.Figures)
	}
	// The program's end reaches the pair: its final survey and thanks.
	h.Posting.Posts()
	h.At(21, 0, 1)
	ended := false
	for _, p := range h.Posting.Posts() {
		ended = ended || strings.Contains(p.Message.Text, "Final survey and thanks: 1 pair.")
	}
	if !ended {
		t.Fatal("got no end counting the event's pair, want it ended with its program")
	}
}
