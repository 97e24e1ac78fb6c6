package bot

import (
	"context"
	"strconv"
	"strings"
)

// Survey actions. An answer button's value is
// "<pair>:<stage>:<question>:<answer>"; a comment button's is "<pair>:<stage>".
const (
	ActionSurveyAnswer  = "survey.answer"
	ActionSurveyComment = "survey.comment"
	// After a low mid-program rating (offerEnd), "Yes, end the pair" and
	// "No, keep it"; the value is "<pair>:<stage>".
	ActionSurveyEnd  = "survey.end"
	ActionSurveyKeep = "survey.keep"
)

// Survey questions, in the order each role is asked them after the rating.
var surveyQuestions = map[string][]string{
	"mentee": {"rating", "answered", "become"},
	"mentor": {"rating", "again"},
}

// finalOnly are the questions of a pair's last survey only (finalStage):
// a mentor is asked whether they would mentor again once their mentoring
// ends, not halfway through it.
var finalOnly = map[string]bool{"again": true}

// questionsFor returns the questions a survey stage asks role, in order.
func questionsFor(role, stage string) []string {
	var qs []string
	for _, q := range surveyQuestions[role] {
		if !finalOnly[q] || finalStage(stage) {
			qs = append(qs, q)
		}
	}
	return qs
}

// surveyChoices are the answers offered to each question.
var surveyChoices = map[string][]string{
	"rating":   {"1", "2", "3", "4", "5"},
	"answered": {"yes", "partly", "no"},
	"become":   {"yes", "no"},
	"again":    {"yes", "no"},
}

// lowRating, or less, at a relationship's mid-program survey offers the
// rater to end the pair (offerEnd).
const lowRating = 2

// surveyMessage asks one question of a survey.
func surveyMessage(lang Lang, pair Pair, stage, question, other string) Message {
	// Every question carries the title, which names the other member: a
	// member with two pairs on one topic knows whom they rate, even once
	// the next question replaced the first.
	m := Message{
		Title: T(lang, "survey.title."+stage, "name", other, "topic", pair.Topic),
		Text:  T(lang, "survey.q."+question, "name", other, "topic", pair.Topic),
	}
	for _, c := range surveyChoices[question] {
		label := c
		if question != "rating" {
			label = T(lang, "survey.a."+c)
		}
		m.Buttons = append(m.Buttons, Button{Label: label, ActionID: ActionSurveyAnswer,
			Value: pair.ID + ":" + stage + ":" + question + ":" + c})
	}
	return m
}

// runSurvey sends a survey to both members (survey:<pair>:<stage>). The
// flash and end surveys complete the pair, freeing the mentor's slot. A
// flash survey a member ended the pair before (surveyOwed) is still sent,
// to both, and completes nothing.
func runSurvey(ctx context.Context, b *Bot, t Tenant, j Job) error {
	pair, err := b.store.pairs.GetPair(ctx, t, j.Part(0))
	stage := j.Part(1)
	if err == nil && surveyOwed(pair, stage) {
		names, err := b.otherNames(ctx, pair)
		if err != nil {
			return err
		}
		return b.surveyBoth(ctx, pair, stage, names)
	}
	if err != nil || pair.State != PairActive {
		return ignoreGone(err)
	}
	if stage == SurveyFlash && pair.Met.IsZero() {
		// Nobody said the session took place: a survey on how it went
		// would be untrue, and would close the pair as done. The
		// check-ins go on as their replies promise, a "Yes" sends the
		// survey at once (checkinJobs), and a pair that stays silent or
		// says "not yet" twice is stalled, for the managers, and its
		// mentee asked about a new match (stalled.go). A job put off by
		// an older version ("after") finds the same.
		b.log.Info("flash survey not sent: not met", "pair", pair.ID)
		return nil
	}
	names, err := b.otherNames(ctx, pair)
	if err != nil {
		return err
	}
	_, err = b.sendSurvey(ctx, pair, stage, names)
	return ignoreStale(err)
}

// sendSurvey sends the survey of stage to both members of the active pair
// (names: otherNames), each once whatever retries do. The flash and end
// surveys then complete the pair, freeing the mentor's slot: it returns
// the pair as ended (ESTALE if it ended meanwhile); the mid survey sends
// the review of the goals, and returns the pair as it was.
func (b *Bot) sendSurvey(ctx context.Context, pair Pair, stage string, names map[string]string) (Pair, error) {
	if stage == SurveyEnd && pair.Met.IsZero() {
		// Nobody ever said they met: no rating of a mentoring that did
		// not take place, and no "completed" (stalled.go).
		return b.endNeverMet(ctx, pair, names)
	}
	if stage == SurveyMid && pair.Met.IsZero() {
		// Nor a rating halfway: the review of the goals alone, whose
		// "Readjust the pair" offers a new match.
		return pair, b.sendMidGoals(ctx, pair, JobSurvey+":"+pair.ID+":"+stage+":goals")
	}
	if err := b.surveyBoth(ctx, pair, stage, names); err != nil {
		return pair, err
	}
	if stage == SurveyMid {
		// The mid-way review of the pair's goals (goals.go).
		return pair, b.sendMidGoals(ctx, pair, JobSurvey+":"+pair.ID+":"+stage+":goals")
	}
	ended, err := b.store.pairs.EndPair(ctx, pair.Mentor.Tenant(), pair.ID, PairCompleted, stage, b.clock.Now().UTC())
	if err == nil {
		b.record(ctx, Event{Kind: EventCompleted, Member: ended.Mentor, Other: ended.Mentee, Ref: ended.ID, Topic: ended.Topic})
		b.freed(ctx, ended.Mentor)
	}
	return ended, err
}

// surveyBoth sends the first question of the survey of stage to both
// members of pair (names: otherNames), each once whatever retries and
// replicas do: the delivery key is the pair's and the stage's, whoever
// sends it (the job, "We've finished", the end of a pair that met).
func (b *Bot) surveyBoth(ctx context.Context, pair Pair, stage string, names map[string]string) error {
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		key := JobSurvey + ":" + pair.ID + ":" + stage
		if err := b.deliver(ctx, key, id, func(l Lang) Message { return surveyMessage(l, pair, stage, "rating", names[id.User]) }); err != nil {
			return err
		}
		b.surveySent(ctx, id, pair.ID+":"+stage)
	}
	return nil
}

// notWorkingReason is Pair.EndReason for a pair ended by the check-in's
// "It's not working out".
const notWorkingReason = "not-working"

// surveyOwed reports whether the survey of stage is still owed to a pair
// that ended: a flash pair a member said met (metFlash, which was told
// "a short survey is on its way", and so may the other member have been)
// and that a member then ended as not working out, before the survey
// went. Whoever said they met, the two deserve the survey: it is where
// the program learns why. A pair ended because a member left or erased
// their data is owed nothing (that member is gone, and so is a pair they
// had ended before); nor is one ended otherwise.
func surveyOwed(pair Pair, stage string) bool {
	return stage == SurveyFlash && pair.State == PairCancelled && metFlash(pair) &&
		(pair.EndReason == endReason || pair.EndReason == notWorkingReason)
}

// surveyAfterNotYet marks a flash survey put off once because the pair
// said "Not yet" (runSurvey).
const surveyAfterNotYet = "after"

func ignoreStale(err error) error {
	if ErrorCode(err) == ESTALE {
		return nil
	}
	return err
}

// answerSurvey records one answer and asks the next question. A survey
// takes one answer per person: a second click is refused politely.
func answerSurvey(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	parts := strings.Split(value, ":")
	if len(parts) != 4 || !validAnswer(parts[2], parts[3]) {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	t := who.Tenant()
	pair, err := b.store.pairs.GetPair(ctx, t, parts[0])
	if err != nil {
		return Reply{}, charterError(err)
	}
	role := pair.Role(who)
	if role == "" || !contains(surveyQuestions[role], parts[2]) {
		return Reply{}, Errorf(EFORBIDDEN, "err.not_your_button")
	}
	// A question this stage no longer asks (a mid-program "would you
	// mentor again?" sent before it was kept for the end) is still
	// recorded: nextQuestion then thanks.
	stage, question, answer := parts[1], parts[2], parts[3]
	id := SurveyID(pair.ID + ":" + stage)
	if err := b.store.followups.AnswerSurvey(ctx, t, id, who, question, answer, b.clock.Now().UTC()); err != nil {
		if ErrorCode(err) == ESTALE {
			return Reply{}, Errorf(ESTALE, "err.survey_done")
		}
		return Reply{}, err
	}
	b.recordAnswer(ctx, pair, who, question, answer)
	if question == "rating" && stage == SurveyMid && pair.State == PairActive {
		if n, _ := strconv.Atoi(answer); n <= lowRating {
			return b.offerEnd(ctx, pair, who, stage, lang)
		}
	}
	r, err := b.nextQuestion(ctx, pair, who, role, stage, question, lang)
	if err == nil && question == "become" && answer == "yes" {
		r.Message.Text = b.becomeNext(ctx, who, lang, r.Message.Text)
	}
	if err == nil && question == "again" && answer == "no" && finalStage(stage) {
		r.Message.Text = b.notAgain(ctx, who, lang) + r.Message.Text
	}
	return r, err
}

// notAgain acts on a mentor's "no" to "would you mentor again?": their
// offer, if it still takes requests, is paused with no date, as the "no"
// to the new-match question pauses it (pauseNoDate), so that no request
// goes to them and re-invitations skip them (recruit.go); the returned
// sentence, put before the thanks, says so and how to come back. "" when
// there was nothing to pause, or the pause could not be written (logged:
// better silent than untrue).
func (b *Bot) notAgain(ctx context.Context, who MemberID, lang Lang) string {
	o, has, err := b.offerOf(ctx, who)
	if err != nil || !has || o.Paused {
		return ""
	}
	if _, err := b.pauseNoDate(ctx, who, o); err != nil {
		b.log.Error("pause after a no to mentoring again", "member", who.String(), "code", string(ErrorCode(err)))
		return ""
	}
	b.log.Info("paused: no to mentoring again", "member", who.String())
	return T(lang, "survey.again_no_paused") + "\n\n"
}

// becomeNext adds to text, the reply to a mentee's "yes" to "would you
// like to mentor others one day?", how to: the offer command, unless they
// offer already.
func (b *Bot) becomeNext(ctx context.Context, who MemberID, lang Lang, text string) string {
	if _, has, err := b.offerOf(ctx, who); err != nil || has {
		return text
	}
	next := T(lang, "survey.become_next")
	if thanks := T(lang, "survey.thanks"); strings.HasPrefix(text, thanks) {
		return thanks + "\n" + next + text[len(thanks):]
	}
	return text + "\n\n" + next
}

// lowRatingReason is Pair.EndReason for a pair its member ended when
// offered to, after rating it lowRating or less at mid-program: for the
// managers' export only (a member's export says "ended-early").
const lowRatingReason = "low-rating"

// offerEnd answers a low mid-program rating, recorded already (the
// managers' digest flags it): it offers the rater, and only them, to end
// the pair, with the confirmation /mentor end asks for. Nothing ends
// without "Yes, end the pair" (endAfterRating), and then the pair ends as
// /mentor end ends it: the other member is told nothing of the rating.
// "No, keep it" goes on with the survey (keepAfterRating).
func (b *Bot) offerEnd(ctx context.Context, pair Pair, who MemberID, stage string, lang Lang) (Reply, error) {
	other, err := b.member(ctx, pair.Other(who))
	if err != nil {
		return Reply{}, err
	}
	msg := endConfirmMessage(lang, pair, other.displayName())
	msg.Text = T(lang, "survey.low_offer", "name", other.displayName(), "topic", pair.Topic)
	value := pair.ID + ":" + stage
	msg.Buttons[0].ActionID, msg.Buttons[0].Value = ActionSurveyEnd, value
	msg.Buttons[1].ActionID, msg.Buttons[1].Value = ActionSurveyKeep, value
	return Reply{Replace: true, Message: msg}, nil
}

// endAfterRating is "Yes, end the pair" after a low mid-program rating:
// the pair ends as confirmEnd ends it.
func endAfterRating(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	pairID, stage, ok := strings.Cut(value, ":")
	if !ok {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	pair, err := b.endPairOf(ctx, who, pairID)
	if err != nil {
		return Reply{}, err
	}
	reason := endReason
	if answers, err := b.store.followups.Survey(ctx, who.Tenant(), SurveyID(pairID+":"+stage), who); err == nil {
		if n, err := strconv.Atoi(answers["rating"]); err == nil && n <= lowRating {
			reason = lowRatingReason
		}
	}
	b.log.Info("pair ended by a member", "pair", pair.ID, "member", who.String())
	return b.endPair(ctx, pair, who, reason, lang)
}

// keepAfterRating is "No, keep it" after a low mid-program rating: the
// pair goes on, and so does the survey, at its next question.
func keepAfterRating(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	pairID, stage, ok := strings.Cut(value, ":")
	if !ok {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	pair, err := b.store.pairs.GetPair(ctx, who.Tenant(), pairID)
	if err != nil {
		return Reply{}, charterError(err)
	}
	role := pair.Role(who)
	if role == "" {
		return Reply{}, Errorf(EFORBIDDEN, "err.not_your_button")
	}
	r, err := b.nextQuestion(ctx, pair, who, role, stage, "rating", lang)
	if err == nil && pair.State == PairActive {
		r.Message.Text = T(lang, "end.kept", "topic", pair.Topic) + "\n\n" + r.Message.Text
	}
	return r, err
}

func validAnswer(question, answer string) bool {
	return contains(surveyChoices[question], answer)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// recordAnswer counts a survey answer; Member is who answered.
func (b *Bot) recordAnswer(ctx context.Context, pair Pair, who MemberID, question, answer string) {
	switch question {
	case "rating":
		n, _ := strconv.Atoi(answer)
		b.record(ctx, Event{Kind: EventSurvey, Member: who, Other: pair.Other(who), Ref: pair.ID, Topic: pair.Topic, Rating: n})
	case "answered":
		b.record(ctx, Event{Kind: EventAnswered, Member: who, Other: pair.Other(who), Ref: pair.ID, Topic: pair.Topic, Answer: answer})
	}
}

// nextQuestion replaces the answered question with the next one, or with
// thanks and an "Add a comment" button after the last (and, after a
// final survey, a "Write a testimonial" one: not for a pair that ended as
// not working out, whose survey surveyOwed sent).
func (b *Bot) nextQuestion(ctx context.Context, pair Pair, who MemberID, role, stage, question string, lang Lang) (Reply, error) {
	qs := questionsFor(role, stage)
	for i, q := range qs {
		if q == question && i+1 < len(qs) {
			other, _ := b.member(ctx, pair.Other(who))
			return Reply{Replace: true, Message: surveyMessage(lang, pair, stage, qs[i+1], other.displayName())}, nil
		}
	}
	m, err := b.member(ctx, who)
	if err == nil {
		m.LastSurvey = pair.ID + ":" + stage
		err = b.store.members.SaveMember(ctx, m)
	}
	if err != nil {
		return Reply{}, err
	}
	comment := Button{Label: T(lang, "btn.comment"), ActionID: ActionSurveyComment, Value: pair.ID + ":" + stage}
	if finalStage(stage) && pair.State != PairCancelled {
		// The last survey asks for a testimonial too (testimonial.go),
		// and the program's own questions (program_questions.go).
		msg := Message{
			Text:    T(lang, "survey.thanks") + "\n\n" + T(lang, "testimonial.ask", "topic", pair.Topic),
			Buttons: []Button{testimonialButton(lang, pair.ID, stage), comment},
		}
		if ask, own, ok := b.ownQuestionsButton(ctx, pair, stage, lang); ok {
			msg.Text += "\n\n" + ask
			msg.Buttons = append([]Button{own}, msg.Buttons...)
		}
		return Reply{Replace: true, Message: msg}, nil
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, "survey.thanks"), Buttons: []Button{comment}}}, nil
}

// commentButton opens the comment form (a modal on Slack and Discord; the
// shell asks for /mentor comment).
func commentButton(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	spec, _ := b.command("comment")
	f := b.form(ctx, spec, &Invocation{Member: who, Lang: lang})
	return Reply{Form: f, Message: Message{Text: T(lang, "survey.comment_how")}}, nil
}

// surveySent makes a survey just sent the one the member's comment goes
// to, so that a comment sent before its last answer is told what is left
// rather than "no survey". A failure is logged: it only affects that.
func (b *Bot) surveySent(ctx context.Context, id MemberID, survey string) {
	// The record as stored: b.member would save a default language the
	// member never chose.
	m, err := b.store.members.GetMember(ctx, id)
	if ErrorCode(err) == ENOTFOUND {
		return
	}
	if err == nil && m.LastSurvey != survey {
		m.LastSurvey = survey
		err = b.store.members.SaveMember(ctx, m)
	}
	if err != nil {
		b.log.Warn("survey: member not updated", "member", id.String(), "code", string(ErrorCode(err)))
	}
}

// runComment attaches a comment to the member's last survey, once every
// question of it is answered; before that, it says what is left.
func runComment(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	if in.Me.LastSurvey == "" {
		return Reply{}, Errorf(ENOTFOUND, "err.no_survey")
	}
	if err := b.surveyLeft(ctx, in); err != nil {
		return Reply{}, err
	}
	err := b.store.followups.AnswerSurvey(ctx, in.Member.Tenant(), SurveyID(in.Me.LastSurvey), in.Member, "comment", in.Text("text"), b.clock.Now().UTC())
	if ErrorCode(err) == ESTALE {
		return Reply{}, Errorf(ESTALE, "err.comment_done")
	}
	if err != nil {
		return Reply{}, err
	}
	return Reply{Message: Message{Text: T(in.Lang, "survey.comment_thanks")}}, nil
}

// surveyLeft returns an error that names the questions of the member's
// last survey they have not answered yet, nil when none is left.
func (b *Bot) surveyLeft(ctx context.Context, in *Invocation) error {
	t := in.Member.Tenant()
	pairID, _, _ := strings.Cut(in.Me.LastSurvey, ":")
	pair, err := b.store.pairs.GetPair(ctx, t, pairID)
	if err != nil {
		return ignoreGone(err)
	}
	return b.questionsLeft(ctx, in.Lang, in.Member, pair, SurveyID(in.Me.LastSurvey), "survey.left")
}

// questionsLeft returns an error with key that names the questions of a
// survey of pair that who has not answered yet, nil when none is left.
func (b *Bot) questionsLeft(ctx context.Context, lang Lang, who MemberID, pair Pair, survey SurveyID, key string) error {
	answers, err := b.store.followups.Survey(ctx, who.Tenant(), survey, who)
	if err != nil {
		return err
	}
	var left []string
	_, stage, _ := strings.Cut(string(survey), ":")
	for _, q := range questionsFor(pair.Role(who), stage) {
		if answers[q] == "" {
			left = append(left, q)
		}
	}
	if len(left) == 0 {
		return nil
	}
	other, err := b.member(ctx, pair.Other(who))
	if err != nil {
		return err
	}
	items := make([]string, len(left))
	for i, q := range left {
		question := T(lang, "survey.q."+q, "name", other.displayName(), "topic", pair.Topic)
		items[i] = T(lang, "survey.left_item", "question", question)
	}
	list := items[0]
	if n := len(items); n > 1 {
		list = strings.Join(items[:n-1], ", ") + T(lang, "survey.left_and") + items[n-1]
	}
	return Errorf(ECONFLICT, key, "topic", pair.Topic, "questions", list)
}
