package bot_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// mustFlashSurveyed plays a flash pair, bob mentoring dan (who reads
// French) on go, up to both members' last survey answer, and returns
// each one's last reply: the thanks with the testimonial's button.
func mustFlashSurveyed(t *testing.T) (h *adminHarness, bob, dan bot.Reply) {
	t.Helper()
	h = MustAdminHarness(t)
	h.Run("dan", "lang fr")
	h.Run("bob", "offer go languages:en,fr")
	h.Run("dan", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("dan", "dan", bot.ActionCharterAccept)
	MustContain(t, h.Run("bob", "testimonial Too soon"), bot.T(bot.English, "err.testimonial_no_survey"))
	MustTick(t, h.Harness, 3*day)
	h.Click("bob", "bob", bot.ActionCheckinYes)
	MustTick(t, h.Harness, time.Minute)
	bob = clickIn(h.Harness, "bob", h.Click("bob", "bob", "5"), bot.ActionSurveyAnswer)
	dan = clickIn(h.Harness, "dan", clickIn(h.Harness, "dan", h.Click("dan", "dan", "4"), bot.ActionSurveyAnswer), bot.ActionSurveyAnswer)
	return h, bob, dan
}

// TestTestimonial plays the final survey's testimonial in English and in
// French: the form, the sentence, the consent, its change, a new sentence
// and the manager's list, in which a first name shows only when both
// members of the pair agreed to theirs.
func TestTestimonial(t *testing.T) {
	h, bobEnd, danEnd := mustFlashSurveyed(t)
	MustContain(t, bobEnd, bot.T(bot.English, "testimonial.ask", "topic", "go"))
	MustContain(t, danEnd, bot.T(bot.French, "testimonial.ask", "topic", "go"))

	t.Run("FormOpens", func(t *testing.T) {
		r := clickIn(h.Harness, "bob", bobEnd, bot.ActionTestimonialWrite)
		if r.Form == nil || r.Form.Command != "testimonial" || len(r.Form.Fields) != 1 || r.Form.Fields[0].MaxLength != bot.MaxTestimonialLen {
			t.Fatalf("got form %+v, want the testimonial form with one field of %d characters", r.Form, bot.MaxTestimonialLen)
		}
		MustContain(t, r, "Type `/mentor testimonial` followed by your sentence.")
		fr := clickIn(h.Harness, "dan", danEnd, bot.ActionTestimonialWrite)
		if fr.Form == nil || fr.Form.Title != "Votre témoignage" || fr.Form.Fields[0].Label != "Votre phrase" {
			t.Fatalf("got form %+v, want it in French", fr.Form)
		}
	})
	t.Run("ErrForeignClick", func(t *testing.T) {
		MustContain(t, clickIn(h.Harness, "carol", bobEnd, bot.ActionTestimonialWrite), bot.T(bot.English, "err.not_your_button"))
	})
	t.Run("ErrEmpty", func(t *testing.T) {
		MustContain(t, h.Run("bob", "testimonial sentence:   "), "`sentence:` has no value")
		MustContain(t, h.Run("bob", "testimonial pair:Dan"), "Please give the sentence.")
	})
	t.Run("ErrTooLong", func(t *testing.T) {
		MustContain(t, h.Run("dan", "testimonial "+strings.Repeat("a", bot.MaxTestimonialLen+1)), "300 caractères au maximum.")
	})

	var bobConsent bot.Reply
	t.Run("WriteAndShare", func(t *testing.T) {
		bobConsent = h.Run("bob", "testimonial Dan asked   the best\nquestions.")
		MustContain(t, bobConsent, "Thank you, your sentence about “go” is saved.")
		MustContain(t, bobConsent, "only if Dan also agrees to show theirs")
		r := clickIn(h.Harness, "bob", bobConsent, "Yes, with my first name")
		if !r.Replace || len(r.Message.Buttons) != 3 {
			t.Fatalf("got %+v, want the question replaced, its buttons kept", r)
		}
		MustContain(t, r, "with your first name, Bob, if Dan also agrees")
		MustContain(t, clickIn(h.Harness, "bob", bobConsent, "Yes, with my first name"), "That was already your answer.")

		fr := h.Run("dan", "testimonial Merci Bob, tout était clair.")
		MustContain(t, fr, "Merci, votre phrase sur «\u202fgo\u202f» est enregistrée.")
		MustContain(t, clickIn(h.Harness, "dan", fr, "Oui, anonymement"), "sans votre nom")
		mustQuotes(t, h, "“Dan asked the best questions.” — a mentor (go)", "“Merci Bob, tout était clair.” — a mentee (go)")

		MustContain(t, clickIn(h.Harness, "dan", fr, "Oui, avec mon prénom"), "Votre nouvelle réponse remplace la précédente.")
		mustQuotes(t, h, "“Dan asked the best questions.” — Bob, mentor (go)", "“Merci Bob, tout était clair.” — Dan, mentee (go)")
	})
	t.Run("NewSentenceAsksAgain", func(t *testing.T) {
		r := h.Run("bob", "testimonial Dan asked great questions.")
		MustContain(t, r, "replaces the one you wrote before, so please choose again")
		mustQuotes(t, h, "“Merci Bob, tout était clair.” — a mentee (go)")
		MustContain(t, clickIn(h.Harness, "bob", r, "No, do not share it"), "will never be shared")
		mustQuotes(t, h, "“Merci Bob, tout était clair.” — a mentee (go)")
		MustContain(t, h.Run("dan", "admin testimonials"), bot.T(bot.French, "err.forbidden"))
	})
	t.Run("Files", func(t *testing.T) {
		h.Posting.Posts()
		MustContain(t, h.Run("alice", "admin testimonials format:csv"), "Your testimonials are on their way (1 in the file).")
		posts := h.Posting.Posts()
		if len(posts) != 1 || posts[0].To.User != "alice" || posts[0].File == nil || !strings.HasSuffix(posts[0].File.Name, ".csv") {
			t.Fatalf("got %+v, want the CSV sent to alice", posts)
		}
		if got, want := posts[0].Message.Text, "1 shareable testimonial, as the members allowed: "; !strings.HasPrefix(got, want) {
			t.Errorf("got the file's message %q, want it to begin %q", got, want)
		}
		want := "program,topic,role,name,shared_as,text,written\n,go,mentee,,anonymous,\"Merci Bob, tout était clair.\",2026-11-05T09:01:00Z\n"
		if got := string(posts[0].File.Data); got != want {
			t.Errorf("got CSV\n%s\nwant\n%s", got, want)
		}
		h.Run("alice", "lang fr")
		MustContain(t, h.Run("alice", "admin testimonials format:md"), "Vos témoignages arrivent (1 dans le fichier).")
		posts = h.Posting.Posts()
		want = "# Ce que disent nos membres\n\n> Merci Bob, tout était clair.\n>\n> — une personne mentorée (go)\n"
		if len(posts) != 1 || posts[0].File == nil || string(posts[0].File.Data) != want || posts[0].File.Type != "text/markdown" {
			t.Fatalf("got %+v, want the Markdown\n%s", posts, want)
		}
		if got, want := posts[0].Message.Text, "1 témoignage partageable, tel que les membres l'ont autorisé\u202f: "; !strings.HasPrefix(got, want) {
			t.Errorf("got the file's message %q, want it to begin %q", got, want)
		}
		h.Run("alice", "lang en")
	})
	t.Run("ExportMe", func(t *testing.T) {
		d, err := h.Store.MemberData(t.Context(), h.Tenant.Member("bob"))
		if err != nil {
			t.Fatal(err)
		}
		data, err := bot.MemberJSON(h.Tenant.Member("bob"), d, h.Clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		var out struct{ Testimonials []map[string]any }
		_ = json.Unmarshal(data, &out)
		if len(out.Testimonials) != 1 || out.Testimonials[0]["text"] != "Dan asked great questions." || out.Testimonials[0]["share"] != "no" {
			t.Fatalf("got %s, want bob's testimonial with its consent", data)
		}
	})
	t.Run("ForgetErasesAndNamingOnes", func(t *testing.T) {
		if err := h.Bot.Forget(t.Context(), h.Tenant.Member("bob")); err != nil {
			t.Fatal(err)
		}
		MustContain(t, h.Run("alice", "admin testimonials"), bot.T(bot.English, "admin.testimonials.none"))
		all, _ := h.Store.Testimonials(t.Context(), h.Tenant)
		if len(all) != 0 {
			t.Fatalf("got %+v, want bob's testimonial and dan's naming Bob erased", all)
		}
		MustContain(t, clickIn(h.Harness, "dan", danEnd, bot.ActionTestimonialWrite), bot.T(bot.French, "err.testimonial_gone"))
		MustContain(t, h.Run("dan", "testimonial Encore"), bot.T(bot.French, "err.testimonial_gone"))
		MustContain(t, clickIn(h.Harness, "bob", bobConsent, "Yes, anonymously"), bot.T(bot.English, "err.testimonial_gone"))
	})
}

// mustQuotes checks the manager's list of shareable testimonials.
func mustQuotes(t *testing.T, h *adminHarness, want ...string) {
	t.Helper()
	r := h.Run("alice", "admin testimonials")
	lines := strings.Split(r.Message.Text, "\n")[1:]
	for i := range lines {
		lines[i] = strings.TrimPrefix(lines[i], "• ")
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got quotes\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// TestTestimonialOtherErased: both members chose their first name; once
// one of them is erased, the other's quote (which does not name them)
// stays, without a name, since a name needs both consents; Markdown's
// markup in a quote is escaped in the file.
func TestTestimonialOtherErased(t *testing.T) {
	h, bobEnd, _ := mustFlashSurveyed(t)
	clickIn(h.Harness, "dan", h.Run("dan", "testimonial *Très* clair_ : #1 <b>merci</b>"), "Oui, avec mon prénom")
	clickIn(h.Harness, "bob", h.Run("bob", "testimonial - A fine session."), "Yes, with my first name")
	mustQuotes(t, h, "“- A fine session.” — Bob, mentor (go)", "“*Très* clair_ : #1 <b>merci</b>” — Dan, mentee (go)")
	h.Posting.Posts()
	h.Run("alice", "admin testimonials format:markdown")
	want := "# What our members say\n\n> \\- A fine session.\n>\n> — Bob, mentor (go)\n\n> \\*Très\\* clair\\_ : \\#1 \\<b\\>merci\\</b\\>\n>\n> — Dan, mentee (go)\n"
	if posts := h.Posting.Posts(); len(posts) != 1 || posts[0].File == nil || string(posts[0].File.Data) != want {
		t.Fatalf("got %+v, want the Markdown\n%s", posts, want)
	}

	if err := h.Bot.Forget(t.Context(), h.Tenant.Member("bob")); err != nil {
		t.Fatal(err)
	}
	mustQuotes(t, h, "“*Très* clair_ : #1 <b>merci</b>” — a mentee (go)")
	MustContain(t, clickIn(h.Harness, "bob", bobEnd, bot.ActionTestimonialWrite), bot.T(bot.English, "err.testimonial_gone"))
}

// TestTestimonialListIsCapped: the list in chat shows the first ten
// quotes and says how many more the files hold.
func TestTestimonialListIsCapped(t *testing.T) {
	h := MustAdminHarness(t)
	for i := range 12 {
		user := h.Tenant.Member("m" + itoaTest(i))
		tm := bot.Testimonial{Pair: "p" + itoaTest(i), Member: user, Role: "mentee", Topic: "go", Text: "Quote " + itoaTest(i), At: h.Clock.Now().Add(time.Duration(i) * time.Minute)}
		if _, err := h.Store.WriteTestimonial(t.Context(), h.Tenant, tm); err != nil {
			t.Fatal(err)
		}
		if _, err := h.Store.ShareTestimonial(t.Context(), h.Tenant, tm.Pair, user, bot.ShareAnonymous); err != nil {
			t.Fatal(err)
		}
	}
	r := h.Run("alice", "admin testimonials")
	lines := strings.Split(r.Message.Text, "\n")
	if r.Message.Title != "12 testimonials you may share" || len(lines) != 12 || lines[1] != "• “Quote a” — a mentee (go)" ||
		lines[11] != "… and 2 more: `/mentor admin testimonials format:csv` or `format:markdown` sends them all." {
		t.Fatalf("got %q\n%s\nwant 10 quotes, oldest first, and 2 more", r.Message.Title, r.Message.Text)
	}
	// The file's message counts them all, in the plural.
	for _, tc := range []struct {
		lang bot.Lang
		want string
	}{
		{bot.English, "12 shareable testimonials, as the members allowed: "},
		{bot.French, "12 témoignages partageables, tels que les membres l'ont autorisé\u202f: "},
	} {
		h.Run("alice", "lang "+string(tc.lang))
		h.Posting.Posts()
		h.Run("alice", "admin testimonials format:csv")
		if posts := h.Posting.Posts(); len(posts) != 1 || !strings.HasPrefix(posts[0].Message.Text, tc.want) {
			t.Errorf("%s: got %+v, want the file's message to begin %q", tc.lang, posts, tc.want)
		}
	}
}

// itoaTest names the i-th of a few: "a", "b", …
func itoaTest(i int) string { return string(rune('a' + i)) }
