package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestProgramPairFollowsItsProgram: a pair of a program has its
// mid-program survey halfway to the program's end, and its final survey
// at the program's end, whatever the workspace's program-length says.
func TestProgramPairFollowsItsProgram(t *testing.T) {
	h := mustProgramHarness(t) // Mentorat 2027: 10 to 20 November 2026
	h.Run("alice", "admin settings program-length:8d")
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1)
	mustSendKickoff(t, h)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept) // official at 00:01 on the 10th; the program ends at 00:00 on the 21st
	mustSayMet(t, h.Harness, "ann")                // a pair that met gets the final survey
	h.Platform.Take()
	surveys := func() []string {
		var out []string
		for _, line := range inbox(h.Harness) {
			if strings.Contains(line, "Halfway through") || strings.Contains(line, "is ending") {
				out = append(out, line[:strings.Index(line, "|")])
			}
		}
		return out
	}
	h.At(15, 11, 0)
	if got := surveys(); len(got) != 0 {
		t.Fatalf("got %v before halfway to the program's end", got)
	}
	h.At(15, 13, 0)
	if got := strings.Join(surveys(), ","); got != "bob: Halfway through your mentoring with Ann on “go” ,ann: Halfway through your mentoring with Bob on “go” " {
		t.Fatalf("got %q, want the mid-program survey halfway to the program's end", got)
	}
	h.At(20, 23, 0) // program-length (8 days) has passed: no final survey yet
	if got := surveys(); len(got) != 0 {
		t.Fatalf("got %v before the program's end", got)
	}
	h.At(21, 0, 1)
	if got := strings.Join(surveys(), ","); !strings.Contains(got, "bob: Your mentoring with Ann on “go” is ending") {
		t.Fatalf("got %q, want the final survey at the program's end", got)
	}
	if p := mustPost(t, h); !strings.Contains(p.Text, "Final survey and thanks: 1 pair.") || !strings.Contains(p.Text, "Its end-of-program report comes here on 28 November 2026") {
		t.Errorf("got %q, want the pair counted at the end and the report announced", p.Text)
	}
}

// TestProgramOwnQuestions: a program's own questions come after its final
// survey, with a button that opens their form; the answers are kept once,
// in the export; bad input is told plainly.
func TestProgramOwnQuestions(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin digest-channel #managers")
	MustContain(t, h.Run("alice", `admin program create "Q" start:2026-11-10 end:2026-11-20 questions:`+strings.Repeat("x", 151)), "A question may have 150 characters at most.")
	MustContain(t, h.Run("alice", `admin program create "Q" start:2026-11-10 end:2026-11-20 questions:a; b; c; d`), "at most")
	h.Run("alice", `admin program create "Mentorat 2027" start:2026-11-10 end:2026-11-20 questions:What did you learn?; Would you recommend it?`)
	MustContain(t, h.Run("alice", "admin program show mentorat-2027"), "Its own questions, at the end of its final survey:\n• What did you learn?\n• Would you recommend it?")
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	MustContain(t, h.Run("ann", "answers first:too early"), "no questions of its own waiting for you")
	h.At(10, 0, 1)
	mustSendKickoff(t, h)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept)
	mustSayMet(t, h.Harness, "ann")
	h.At(21, 0, 1)
	r := h.ClickReply("ann", h.ClickReply("ann", h.Click("ann", "ann", "5"), "Yes"), "No")
	MustContain(t, r, "Mentorat 2027 has 2 questions of its own for you.")
	if len(r.Message.Buttons) == 0 || r.Message.Buttons[0].ActionID != bot.ActionProgramAnswers {
		t.Fatalf("got buttons %+v, want the program's questions first", r.Message.Buttons)
	}
	ctx := context.Background()
	b := r.Message.Buttons[0]
	MustContain(t, h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("bob"), ActionID: b.ActionID, Value: b.Value}), "meant for someone else")
	form := h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("ann"), ActionID: b.ActionID, Value: b.Value})
	if form.Form == nil || form.Form.Command != "answers" || len(form.Form.Fields) != 2 || form.Form.Fields[0].Placeholder != "What did you learn?" {
		t.Fatalf("got %+v, want the form of the two questions", form.Form)
	}
	MustContain(t, h.Run("ann", "answers"), "Please write at least one answer to the questions of Mentorat 2027")
	MustContain(t, h.Run("ann", "answers first:Goroutines, and patience. second:Yes"), "your answers to the questions of Mentorat 2027 are saved")
	MustContain(t, h.Run("ann", "answers first:again"), "You already answered these questions.")
	e, err := h.Store.Export(ctx, h.Tenant)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range e.Answers {
		if a.Member.User == "ann" {
			got[a.Question] = a.Answer
		}
	}
	if got["program:1"] != "Goroutines, and patience." || got["program:2"] != "Yes" {
		t.Errorf("got answers %v, want both kept", got)
	}
	h.Run("ann", "lang fr")
	MustContain(t, h.Run("ann", "answers première:encore"), "Vous avez déjà répondu à ces questions.")
}
