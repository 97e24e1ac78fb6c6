package bot_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// runReportedProgram plays "Mentorat 2027" (10 to 20 November 2026) with
// two pairs, both met, both rated at the end, then opens the next
// program, which one mentor joins and one mentee joins as a mentor.
func runReportedProgram(t *testing.T) *adminHarness {
	t.Helper()
	h := mustProgramHarness(t)
	h.Run("alice", "admin settings checkin-after:2d")
	h.Run("bob", "offer go program:mentorat-2027 capacity:2")
	h.Run("carol", "offer design program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	h.Run("dan", "request Design kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1) // the kick-off round, sent by alice
	MustContain(t, mustSendKickoff(t, h), "Sent 2 proposals")
	h.At(10, 9, 0)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("carol", "carol", bot.ActionProposalAccept)
	for _, m := range []string{"bob", "ann", "carol", "dan"} {
		h.Click(m, m, bot.ActionCharterAccept)
	}
	h.At(12, 10, 0)                             // the check-in, two days on
	h.Click("ann", "ann", bot.ActionCheckinYes) // met: 2 days 1 hour after the pair formed
	h.Click("dan", "dan", bot.ActionCheckinYes) // so did Carol and Dan (a pair nobody said met is not completed: followfix_stall_test.go)
	h.Platform.Take()
	h.Posting.Posts()
	h.At(21, 0, 1) // the end: the final survey
	h.At(21, 9, 0)
	h.ClickReply("ann", h.ClickReply("ann", h.Click("ann", "ann", "5"), "Yes"), "Yes")
	h.Click("bob", "bob", "4")
	h.ClickReply("dan", h.Click("dan", "dan", "3"), "Partly")
	h.Platform.Take()
	h.Posting.Posts()
	h.Run("alice", `admin program create "Mentorat 2028" start:2026-11-25 end:2027-03-31`)
	h.Run("bob", "offer program:mentorat-2028")
	h.Run("ann", "offer career change program:mentorat-2028")
	h.Platform.Take()
	h.Posting.Posts()
	return h
}

// TestProgramReport checks each figure of the report against the scripted
// program, in English and French, and the comparison with the program
// before.
func TestProgramReport(t *testing.T) {
	h := runReportedProgram(t)
	r := h.Run("alice", `admin report program:"Mentorat 2027"`)
	if r.Message.Title != "End-of-program report: Mentorat 2027" {
		t.Errorf("got title %q", r.Message.Title)
	}
	for _, want := range []string{
		"From 10 November 2026 to 20 November 2026.",
		"• Pairs that started (charter accepted): 2",
		"• Pairs who met: 2 of 2 (100%)",
		"• Pairs who completed the program: 2 of 2 (100%)",
		"• Satisfaction at the end: 4.0/5 (3 answers)",
		"• Mentees whose questions the mentor answered: 50% yes, 50% partly (2 answers)",
		"• Mentors who mentor again in the next program: 1 of 2 (50%)",
		"• Mentees who became mentors: 1 of 2 (50%)",
		"• Time to a first meeting (median): 2 d 1 h",
		"• Topic balance: Design 1 (50%), go 1 (50%)",
	} {
		MustContain(t, r, want)
	}
	if strings.Contains(r.Message.Text, "program before") {
		t.Errorf("got %q, want no comparison for the first program", r.Message.Text)
	}
	files := h.Posting.Posts()
	if len(files) != 2 || files[0].File == nil || files[0].File.Type != "image/png" || files[1].File == nil || files[1].File.Type != "text/csv" || files[1].To != h.Tenant.Member("alice") {
		t.Fatalf("got %+v, want the chart and the CSV sent to alice", files)
	}
	rows, err := csv.NewReader(bytes.NewReader(files[1].File.Data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, row := range rows[1:] {
		got[row[0]] = row[1]
	}
	for k, v := range map[string]string{"name": "Mentorat 2027", "pairs_started": "2", "pairs_cancelled_before_start": "0", "met": "2", "completed": "2", "average_rating": "4.0",
		"answered_yes": "1", "answered_partly": "1", "mentors": "2", "mentors_renewed": "1", "mentees_became_mentors": "1", "topic:go": "1"} {
		if got[k] != v {
			t.Errorf("CSV %s: got %q, want %q (rows %v)", k, got[k], v, rows)
		}
	}

	h.Run("alice", "lang fr")
	r = h.Run("alice", `admin report programme:"Mentorat 2027"`)
	for _, want := range []string{
		"Du 10 novembre 2026 au 20 novembre 2026.",
		"• Binômes qui se sont rencontrés\u202f: 2 sur 2 (100\u00a0%)",
		"• Satisfaction à la fin\u202f: 4,0/5 (3 réponses)",
		"• Mentors qui reviennent au programme suivant\u202f: 1 sur 2 (50\u00a0%)",
		"• Délai avant une première rencontre (médiane)\u202f: 2 j 1 h",
	} {
		MustContain(t, r, want)
	}

	// The next program, compared with this one: nothing yet, and no
	// program after it.
	h.Run("alice", "lang en")
	h.Posting.Posts()
	r = h.Run("alice", "admin report mentorat-2028")
	for _, want := range []string{
		"In brackets, the program before: Mentorat 2027.",
		"• Pairs that started (charter accepted): 0 (2)",
		"• Mentors who mentor again in the next program: no next program yet (1 of 2 (50%))",
		"No pair was formed in this program.",
	} {
		MustContain(t, r, want)
	}
}

// TestProgramReportBadInput: a manager's mistakes are told plainly, and a
// member is refused.
func TestProgramReportBadInput(t *testing.T) {
	h := runReportedProgram(t)
	MustContain(t, h.Run("alice", "admin report"), "Which program? Write `/mentor admin report program:`")
	MustContain(t, h.Run("alice", "admin report program:nope"), "I know no program “nope”.")
	MustContain(t, h.Run("ann", "admin report program:mentorat-2027"), "managers")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin report"), "Quel programme\u202f? Écrivez `/mentor admin rapport programme:`")
}

// TestPostProgramReport: the report reaches the managers' channel once,
// with its chart, whatever retries do.
func TestPostProgramReport(t *testing.T) {
	h := runReportedProgram(t)
	ctx := context.Background()
	for range 2 {
		if err := h.Bot.PostProgramReport(ctx, h.Tenant, "mentorat-2027"); err != nil {
			t.Fatal(err)
		}
	}
	posts := h.Posting.Posts()
	if len(posts) != 2 || posts[0].File == nil || posts[0].File.Type != "image/png" || !strings.HasPrefix(posts[0].Message.Title, "End-of-program report: Mentorat 2027") || posts[1].File.Type != "text/csv" {
		t.Fatalf("got %+v, want the report with its chart, then its CSV, once", posts)
	}
}

// TestProgramReportAfterEnd: a week after the program's end, its report
// reaches the managers' channel, once.
func TestProgramReportAfterEnd(t *testing.T) {
	h := runReportedProgram(t)
	h.At(27, 23, 0)
	for _, p := range h.Posting.Posts() {
		if strings.HasPrefix(p.Message.Title, "End-of-program report") {
			t.Fatalf("got the report before the week after the end: %+v", p)
		}
	}
	h.At(28, 1, 0)
	var reports []posted
	for _, p := range h.Posting.Posts() {
		if strings.HasPrefix(p.Message.Title, "End-of-program report: Mentorat 2027") {
			reports = append(reports, p)
			if p.Channel != "managers" || !strings.Contains(p.Message.Text, "• Satisfaction at the end: 4.0/5 (3 answers)") {
				t.Errorf("got %+v, want the report with its figures in the managers' channel", p)
			}
		}
	}
	if len(reports) != 1 {
		t.Fatalf("got %d reports, want 1", len(reports))
	}
	h.At(30, 1, 0)
	for _, p := range h.Posting.Posts() {
		if strings.HasPrefix(p.Message.Title, "End-of-program report") {
			t.Fatalf("got the report again: %+v", p)
		}
	}
}

// TestDigestHeldRequest: the digest tells a request held for its
// program's kick-off as such, not as one nobody can take; it has not
// waited for a mentor yet (its days count from the kick-off), though it
// was filed 7 days before.
func TestDigestHeldRequest(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	msg, _, err := h.Bot.Digest(context.Background(), h.Tenant, h.Clock.Now().Add(7*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msg.Text, "• Ann, “go”, less than a day: The request waits for the kick-off round of “Mentorat 2027”, on 10 November 2026.") {
		t.Errorf("got %q, want ann's request told as held for the kick-off", msg.Text)
	}
}

// mustSendKickoff clicks, as alice, Send on the kick-off round posted in
// the managers' channel since the last look, and returns her reply.
func mustSendKickoff(t *testing.T, h *adminHarness) bot.Reply {
	t.Helper()
	for _, p := range h.Posting.Posts() {
		if len(p.Message.Buttons) > 0 && p.Message.Buttons[0].ActionID == bot.ActionRoundSend {
			b := p.Message.Buttons[0]
			return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: b.ActionID, Value: b.Value})
		}
	}
	t.Fatal("no kick-off round posted")
	return bot.Reply{}
}

// TestTestimonialsByProgram: a testimonial belongs to its pair's program,
// and the managers' list can keep one program's.
func TestTestimonialsByProgram(t *testing.T) {
	h := runReportedProgram(t)
	r := h.Run("ann", "testimonial Bob made Go feel simple.")
	MustContain(t, r, "saved")
	h.ClickReply("ann", r, "Yes, anonymously")
	MustContain(t, h.Run("alice", "admin testimonials program:mentorat-2027"), "“Bob made Go feel simple.”")
	// None in the program asked for: said of it, pointing to the others.
	MustContain(t, h.Run("alice", "admin testimonials program:mentorat-2028"), "No testimonial from “Mentorat 2028” may be shared yet. 1 testimonial from outside it may be: `/mentor admin testimonials` without `program:` lists them.")
	MustContain(t, h.Run("alice", "admin testimonials format:csv program:mentorat-2028"), "No testimonial from “Mentorat 2028” may be shared yet.")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin testimonials programme:mentorat-2028"), "Aucun témoignage de «\u202fMentorat 2028\u202f» ne peut encore être partagé. 1 témoignage hors de ce programme peut l'être\u202f: `/mentor admin témoignages` sans `programme:` le montre.")
	h.Run("alice", "lang en")
	MustContain(t, h.Run("alice", "admin testimonials program:nope"), "I know no program “nope”.")
}
