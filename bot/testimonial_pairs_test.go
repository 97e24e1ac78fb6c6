package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// mustTwoFinalSurveys plays two flash pairs of bob, who reads French:
// he mentors carole on go and hugo on réseau, and both final surveys
// reach him the same day.
func mustTwoFinalSurveys(t *testing.T) *adminHarness {
	t.Helper()
	h := MustAdminHarness(t)
	h.Run("bob", "lang fr")
	h.Run("bob", "offer go, réseau languages:fr,en")
	h.Run("carole", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("carole", "carole", bot.ActionCharterAccept)
	h.Run("hugo", "request réseau")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("hugo", "hugo", bot.ActionCharterAccept)
	MustTick(t, h.Harness, 3*day)
	for _, m := range h.Platform.To("bob") {
		for _, b := range m.Buttons {
			if b.ActionID == bot.ActionCheckinYes {
				h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: b.ActionID, Value: b.Value})
			}
		}
	}
	MustTick(t, h.Harness, time.Minute)
	surveys := 0
	for _, m := range h.Platform.To("bob") {
		if len(m.Buttons) > 0 && m.Buttons[0].ActionID == bot.ActionSurveyAnswer {
			surveys++
		}
	}
	if surveys != 2 {
		t.Fatalf("got %d final surveys to bob, want 2", surveys)
	}
	// Bob answers both to their last question: a testimonial comes after.
	for _, m := range h.Platform.To("bob") {
		if len(m.Buttons) == 5 && m.Buttons[4].ActionID == bot.ActionSurveyAnswer {
			b := m.Buttons[4]
			r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: b.ActionID, Value: b.Value})
			clickIn(h.Harness, "bob", r, bot.ActionSurveyAnswer)
		}
	}
	return h
}

// TestTestimonialSeveralPairs: a mentor whose two pairs reached their
// final survey the same day is asked which one a typed testimonial is
// about, and it is filed under the pair pair:/binôme: names (by first
// name or topic, before or after the sentence), never under a guess; a
// "word:" meant as an option is not published as part of the sentence.
func TestTestimonialSeveralPairs(t *testing.T) {
	h := mustTwoFinalSurveys(t)
	sentence := "Voir Carole progresser a été une joie."

	t.Run("AsksWhich", func(t *testing.T) {
		r := h.Run("bob", "témoignage "+sentence)
		MustContain(t, r, "Votre phrase peut porter sur plusieurs binômes, avec Carole («\u202fgo\u202f») et Hugo («\u202fréseau\u202f»)\u202f: lequel\u202f?")
		if b := r.Message.Buttons; len(b) != 2 || b[0].Label != "Carole («\u202fgo\u202f»)" || b[1].Label != "Hugo («\u202fréseau\u202f»)" {
			t.Fatalf("got buttons %s, want one per pair", labels(b))
		}
		mustQuotes(t, h) // nothing saved
		form := clickIn(h.Harness, "bob", r, "Hugo («\u202fréseau\u202f»)")
		if form.Form == nil || form.Form.Fixed["pair"] == "" || len(form.Form.Fields) != 1 || !form.Form.Fields[0].Required {
			t.Fatalf("got form %+v, want the sentence's form for hugo's pair", form.Form)
		}
		MustContain(t, form, "puis `binôme:Hugo`\u202f: elle porte sur votre binôme avec Hugo («\u202fréseau\u202f»).")
		// The form's submission is filed under the pair it carries.
		sub := h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("bob"), Name: "testimonial", FromForm: true,
			Values: map[string]string{"sentence": "Hugo posait les bonnes questions.", "pair": form.Form.Fixed["pair"]}})
		MustContain(t, sub, "Merci, votre phrase sur votre binôme avec Hugo («\u202fréseau\u202f») est enregistrée.")
		clickIn(h.Harness, "bob", sub, "Oui, anonymement")
	})
	t.Run("PairBeforeTheSentence", func(t *testing.T) {
		r := h.Run("bob", "témoignage binôme:Carole "+sentence)
		MustContain(t, r, "Merci, votre phrase sur votre binôme avec Carole («\u202fgo\u202f») est enregistrée.")
		MustContain(t, r, "seulement si Carole accepte aussi")
		clickIn(h.Harness, "bob", r, "Oui, anonymement")
		mustQuotes(t, h, "“Hugo posait les bonnes questions.” — a mentor (réseau)", "“"+sentence+"” — a mentor (go)")
	})
	t.Run("PairAfterTheSentenceByTopic", func(t *testing.T) {
		r := h.Run("bob", "témoignage Verdict: une belle rencontre. binôme:réseau")
		MustContain(t, r, "cette phrase sur votre binôme avec Hugo («\u202fréseau\u202f») remplace celle que vous aviez écrite")
		clickIn(h.Harness, "bob", r, "Oui, anonymement")
		mustQuotes(t, h, "“Verdict: une belle rencontre.” — a mentor (réseau)", "“"+sentence+"” — a mentor (go)")
	})
	t.Run("ErrOptionAttempt", func(t *testing.T) {
		for _, typed := range []string{"binom:Carole Super", "sujet:go Super", "paire:Hugo Super"} {
			r := h.Run("bob", "témoignage "+typed)
			word, _, _ := strings.Cut(typed, ":")
			MustContain(t, r, "`"+word+":`")
			if strings.Contains(r.Message.Text, "enregistrée") {
				t.Fatalf("%s: got %q, want it refused", typed, r.Message.Text)
			}
		}
		mustQuotes(t, h, "“Verdict: une belle rencontre.” — a mentor (réseau)", "“"+sentence+"” — a mentor (go)")
	})
	t.Run("ErrNoSuchPair", func(t *testing.T) {
		MustContain(t, h.Run("bob", "témoignage Super binôme:Zoé"), "Aucun de vos binômes arrivés au dernier questionnaire n'est avec «\u202fZoé\u202f»\u202f: les vôtres sont Carole («\u202fgo\u202f») et Hugo («\u202fréseau\u202f»).")
	})
	t.Run("OnePairNeedsNoChoice", func(t *testing.T) {
		r := h.Click("carole", "carole", "5")
		clickIn(h.Harness, "carole", clickIn(h.Harness, "carole", r, bot.ActionSurveyAnswer), bot.ActionSurveyAnswer)
		r = h.Run("carole", "testimonial Bob was great.")
		MustContain(t, r, "Thank you, your sentence about “go” is saved.")
	})
}

// clickAll clicks, as user, every button with action in the messages user
// received, oldest first, and returns the replies.
func clickAll(h *adminHarness, user, action string) []bot.Reply {
	var out []bot.Reply
	for _, m := range h.Platform.To(user) {
		for _, b := range m.Buttons {
			if b.ActionID == action {
				out = append(out, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(user), ActionID: b.ActionID, Value: b.Value}))
			}
		}
	}
	return out
}

// TestProgramAnswersSeveralPairs: a program's own questions are answered
// per pair. A mentor with two pairs of the program answers for the pair
// of the survey he finished last, is told which, and is offered the other
// one's button; after it, /mentor answers answers for the other pair,
// rather than "you already answered".
func TestProgramAnswersSeveralPairs(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin digest-channel #managers")
	h.Run("alice", `admin program create "Mentorat 2027" start:2026-11-10 end:2026-11-20 questions:What did you learn?; Would you recommend it?`)
	h.Run("bob", "offer go, réseau program:mentorat-2027")
	h.Run("carole", "request go kind:one-to-one program:mentorat-2027")
	h.Run("hugo", "request réseau kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1)
	mustSendKickoff(t, h)
	clickAll(h, "bob", bot.ActionProposalAccept)
	clickAll(h, "bob", bot.ActionCharterAccept)
	clickAll(h, "carole", bot.ActionCharterAccept)
	clickAll(h, "hugo", bot.ActionCharterAccept)
	mustSayMet(t, h.Harness, "carole") // pairs that met get the final survey
	mustSayMet(t, h.Harness, "hugo")
	h.At(21, 0, 1)
	// Carole's survey first, then Hugo's.
	var surveys []bot.Message
	for _, topic := range []string{"“go”", "“réseau”"} {
		for _, m := range h.Platform.To("bob") {
			if len(m.Buttons) > 0 && m.Buttons[0].ActionID == bot.ActionSurveyAnswer && strings.Contains(m.Title, topic+" is ending") {
				surveys = append(surveys, m)
			}
		}
	}
	if len(surveys) != 2 {
		t.Fatalf("got %d final surveys to bob, want 2", len(surveys))
	}
	for _, m := range surveys {
		r := h.ClickReply("bob", bot.Reply{Message: m}, "5")
		MustContain(t, h.ClickReply("bob", r, "Yes"), "Mentorat 2027 has 2 questions of its own for you.")
	}

	r := h.Run("bob", "answers first:Patience. second:Yes")
	MustContain(t, r, "Thank you: your answers to the questions of Mentorat 2027 for your pair with Hugo (“réseau”) are saved.")
	MustContain(t, r, "The questions also wait for your answers for your pair with Carole (“go”)")
	r = h.Run("bob", "answers first:Again.")
	MustContain(t, r, "You already answered these questions for your pair with Hugo (“réseau”).")
	form := clickIn(h.Harness, "bob", r, "Carole (“go”)")
	if form.Form == nil || form.Form.Command != "answers" {
		t.Fatalf("got %+v, want the questions' form", form)
	}
	MustContain(t, form, "These answers are for your pair with Carole (“go”).")
	r = h.Run("bob", "answers first:Listening. second:Yes")
	MustContain(t, r, "for your pair with Carole (“go”) are saved.")
	if len(r.Message.Buttons) != 0 {
		t.Errorf("got buttons %s, want none: no pair waits", labels(r.Message.Buttons))
	}
	h.Run("bob", "lang fr")
	MustContain(t, h.Run("bob", "réponses première:encore"), "Vous avez déjà répondu à ces questions pour votre binôme avec Carole («\u202fgo\u202f»). Merci\u202f!")

	e, err := h.Store.Export(context.Background(), h.Tenant)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bot.SurveyID{}
	for _, a := range e.Answers {
		if a.Member.User == "bob" && a.Question == "program:1" {
			got[a.Answer] = a.Survey
		}
	}
	if len(got) != 2 || got["Patience."] == got["Listening."] {
		t.Errorf("got bob's answers %v, want one per pair", got)
	}
}
