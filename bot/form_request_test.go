package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// fieldNames lists a form's fields by option name.
func fieldNames(f *bot.Form) []string {
	var names []string
	for _, field := range f.Fields {
		names = append(names, field.Name)
	}
	return names
}

// formField returns the form's field of option name.
func formField(t *testing.T, f *bot.Form, name string) bot.FormField {
	t.Helper()
	for _, field := range f.Fields {
		if field.Name == name {
			return field
		}
	}
	t.Fatalf("got fields %v, want %q", fieldNames(f), name)
	return bot.FormField{}
}

// TestRequestFormProgram: with a program open to requests, the request
// form (the same on Slack and Discord: MaxFormFields at most) has a
// program field naming the open programs, and a request filed by it
// joins the program, with the program's kind; a name that is no open
// program is refused on its field. Without programs the form is as it
// was.
func TestRequestFormProgram(t *testing.T) {
	ctx := context.Background()
	open := func(h *adminHarness, user string) *bot.Form {
		t.Helper()
		r := h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member(user), Text: "request", Forms: true})
		if r.Form == nil || r.Form.Command != "request" {
			t.Fatalf("got %+v, want the request form", r)
		}
		return r.Form
	}
	t.Run("NoProgram", func(t *testing.T) {
		h := MustAdminHarness(t)
		if got := strings.Join(fieldNames(open(h, "dave")), ","); got != "topic,kind,language,languages,goal" {
			t.Fatalf("got fields %s, want the form as without programs", got)
		}
	})
	t.Run("English", func(t *testing.T) {
		h := mustProgramHarness(t)
		f := open(h, "dave")
		if got := strings.Join(fieldNames(f), ","); got != "topic,program,kind,languages,goal" || len(f.Fields) > bot.MaxFormFields {
			t.Fatalf("got fields %s, want a program field after the topic, %d fields at most", got, bot.MaxFormFields)
		}
		p := formField(t, f, "program")
		if p.Label != "Program" || p.Placeholder != "Mentorat 2027, or leave empty for the default program" || p.Required {
			t.Fatalf("got program field %+v", p)
		}
		r := h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("dave"), Name: "request", FromForm: true, Forms: true,
			Values: map[string]string{"topic": "go", "program": "Mentorat 2027"}})
		MustContain(t, r, "Your request on “go” is saved in “Mentorat 2027”.")
		req, err := h.Store.OpenRequest(ctx, h.Tenant.Member("dave"))
		if err != nil || req.Program != "mentorat-2027" || req.Kind != "one-to-one" {
			t.Fatalf("got %+v, %v; want a one-to-one request of mentorat-2027", req, err)
		}
		r = h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("erin"), Name: "request", FromForm: true, Forms: true,
			Values: map[string]string{"topic": "go", "program": "Mentorat 2072"}})
		if !strings.Contains(r.FieldErrors["program"], "Mentorat 2027") {
			t.Fatalf("got %+v, want the program refused on its field, naming the open ones", r)
		}
	})
	t.Run("French", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("dave", "lang fr")
		p := formField(t, open(h, "dave"), "program")
		if p.Label != "Programme" || p.Placeholder != "Mentorat 2027, ou vide pour le programme par défaut" {
			t.Fatalf("got program field %+v", p)
		}
	})
	t.Run("ClosedProgram", func(t *testing.T) {
		h := mustProgramHarness(t)
		ask := h.Run("alice", "admin program close mentorat-2027").Message.Buttons[0]
		h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("alice"), ActionID: ask.ActionID, Value: ask.Value})
		if got := strings.Join(fieldNames(open(h, "dave")), ","); got != "topic,kind,language,languages,goal" {
			t.Fatalf("got fields %s, want no program field: none is open", got)
		}
	})
}

// TestProgramFormQuestions: the program form on Slack, whose modals hold
// more than MaxFormFields fields, has a field for the program's own
// survey questions, and the form submitted with them creates the
// program with its questions. Elsewhere (a Discord modal holds
// MaxFormFields) the charter's placeholder says where they go.
func TestProgramFormQuestions(t *testing.T) {
	ctx := context.Background()
	t.Run("Slack", func(t *testing.T) {
		h := MustAdminHarness(t)
		alice := bot.MemberID{Platform: "slack", Workspace: h.Tenant.Workspace, User: "alice"}
		h.Bot.Register("slack", slackSized{h.Posting})
		r := h.Bot.HandleCommand(ctx, bot.Command{Member: alice, Text: "admin program create", Forms: true, IsAdmin: true})
		if r.Form == nil || strings.Join(fieldNames(r.Form), ",") != "name,kind,start,end,charter,questions" {
			t.Fatalf("got %+v, want the program form with its questions", r.Form)
		}
		q := formField(t, r.Form, "questions")
		if q.Label != "Questions of its own (optional)" || !q.Multiline || q.Required {
			t.Fatalf("got questions field %+v", q)
		}
		r = h.Bot.HandleCommand(ctx, bot.Command{Member: alice, Name: "admin program", FromForm: true, Forms: true, IsAdmin: true,
			Values: map[string]string{"name": "Mentorat 2027", "start": "2027-01-15", "end": "2027-06-30", "questions": "What did you learn?\nWould you mentor next year?"}})
		MustContain(t, r, "Program “Mentorat 2027” created")
		p, err := h.Store.GetProgram(ctx, alice.Tenant(), "mentorat-2027")
		if err != nil || strings.Join(p.Questions, "|") != "What did you learn?|Would you mentor next year?" {
			t.Fatalf("got %+v, %v; want the two questions", p, err)
		}
	})
	t.Run("FiveFields", func(t *testing.T) {
		h := MustAdminHarness(t)
		for _, lang := range []bot.Lang{bot.English, bot.French} {
			h.Run("alice", "lang "+string(lang))
			r := h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("alice"), Text: "admin program create", Forms: true})
			if r.Form == nil || len(r.Form.Fields) != bot.MaxFormFields {
				t.Fatalf("got %+v, want %d fields", r.Form, bot.MaxFormFields)
			}
			c := formField(t, r.Form, "charter")
			if want := bot.T(lang, "form.program.charter_no_questions"); c.Placeholder != want || len([]rune(want)) > 100 {
				t.Fatalf("got charter placeholder %q, want %q, whole", c.Placeholder, want)
			}
		}
	})
}

// slackSized is a platform whose forms hold as many inputs as Slack's
// modals (bot.FormSizer).
type slackSized struct{ *managersPlatform }

func (slackSized) FormFields() int { return 100 }
