package bot

import (
	"context"
	"strings"
	"time"
)

// FollowupStore records the answers to check-ins and surveys (checkin.go,
// survey.go), and the final survey's testimonials (testimonial.go).
type FollowupStore interface {
	TestimonialStore // testimonial.go

	// RecordCheckin records a member's answer to a check-in round of a pair:
	// "yes" sets Met (first time only), "notyet" adds one to NotYet.
	// ESTALE if the member already answered that round, EFORBIDDEN if by
	// is not in the pair. A round counts at most one "not yet", whoever
	// says it. then is given the pair as the answer leaves it and returns
	// it with the core's verdict on Stalled (stalled.go: the store writes
	// Stalled when it turns true, and nothing else then changes), and the
	// jobs scheduled in the same step (a job already scheduled moves
	// earlier if the new one is). ECONFLICT if the answer kept racing
	// with others to the same pair.
	RecordCheckin(ctx context.Context, t Tenant, pairID, round string, by MemberID, answer string, at time.Time, then func(Pair) (Pair, []Job)) (Pair, error)

	// CheckinAnswers returns the answers recorded by RecordCheckin for a
	// pair, by round then user ID (empty if none).
	CheckinAnswers(ctx context.Context, t Tenant, pairID string) (map[string]map[string]string, error)

	// AnswerSurvey records one answer of a member's survey. ESTALE if that
	// question was already answered: a survey takes one answer per person.
	AnswerSurvey(ctx context.Context, t Tenant, survey SurveyID, by MemberID, question, answer string, at time.Time) error

	// Survey returns a member's answers to a survey (empty if none).
	Survey(ctx context.Context, t Tenant, survey SurveyID, by MemberID) (map[string]string, error)
}

// Check-in and end-of-pair actions. Button values are "<pair>:<round>" for
// check-ins and "<pair>" for the new-match question.
const (
	ActionCheckinYes    = "checkin.yes"
	ActionCheckinNotYet = "checkin.notyet"
	ActionCheckinStop   = "checkin.stop" // asks "are you sure?" first
	// ActionCheckinStopConfirm is the confirmation of "It's not working
	// out": it records the answer and ends the pair.
	ActionCheckinStopConfirm = "checkin.stop.confirm"
	ActionNewMatchYes        = "newmatch.yes"
	ActionNewMatchNo         = "newmatch.no"
)

// checkinMessage asks a member whether the pair has been in touch, in
// round; a reminder (a round ending in "r") says it is one. from is the
// first round the message stands for (checkinValue).
func checkinMessage(lang Lang, pair Pair, round, from, other string) Message {
	v := checkinValue(pair.ID, round, from)
	text := T(lang, "checkin.text", "name", other)
	if strings.HasSuffix(round, "r") {
		text = T(lang, "checkin.text_reminder", "name", other)
	}
	return Message{
		Title: T(lang, "checkin.title", "topic", pair.Topic),
		Text:  text,
		Buttons: []Button{
			{Label: T(lang, "btn.checkin_yes"), ActionID: ActionCheckinYes, Value: v, Style: StylePrimary},
			{Label: T(lang, "btn.checkin_notyet"), ActionID: ActionCheckinNotYet, Value: v},
			{Label: T(lang, "btn.checkin_stop"), ActionID: ActionCheckinStop, Value: v, Style: StyleDanger},
		},
	}
}

// runCheckin asks both members of an active pair whether they have been in
// touch (checkin:<pair>:<n>, or checkinr:<pair>:<n> after a "not yet").
// A relationship's check-ins repeat every CheckinEvery until its end.
func runCheckin(ctx context.Context, b *Bot, t Tenant, j Job) error {
	pair, err := b.store.pairs.GetPair(ctx, t, j.Part(0))
	if err != nil || pair.State != PairActive {
		return ignoreGone(err)
	}
	if deferred, err := b.deferCheckin(ctx, t, pair, j); deferred || err != nil {
		return err // the first check-in waits for the meeting agreed (meeting.go)
	}
	round := j.Part(1)
	if j.Kind() == JobCheckinRemind {
		round += "r"
	}
	if j.Kind() == JobCheckin && pair.Relationship() {
		s := b.settings(ctx, t)
		next := b.clock.Now().Add(s.CheckinEvery)
		if next.Before(pair.Official.Add(s.ProgramLength)) {
			if err := b.store.jobs.ScheduleJobs(ctx, t, false, NewJob(next, JobCheckin, pair.ID, itoa(j.N(1)+1))); err != nil {
				return err
			}
		}
	}
	var answers map[string]map[string]string
	if j.Kind() == JobCheckinRemind {
		// A reminder is only for whoever has not said yes, and stands for
		// the rounds before it they left unanswered (remindedFrom).
		if answers, err = b.store.followups.CheckinAnswers(ctx, t, pair.ID); err != nil {
			return err
		}
	}
	// Each check-in asks where the pair's goals stand too (goals.go).
	goals, names := b.checkinGoals(ctx, pair), b.pairNames(ctx, pair)
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		if saidYes(answers, round, id.User) {
			continue
		}
		other, err := b.member(ctx, pair.Other(id))
		if err != nil {
			return err
		}
		from := remindedFrom(answers, round, id.User)
		if err := b.deliver(ctx, j.ID, id, func(l Lang) Message {
			return withGoals(l, checkinMessage(l, pair, round, from, other.displayName()), pair, goals, names, b.menuToken())
		}); err != nil {
			return err
		}
	}
	if j.Kind() == JobCheckin {
		// Nobody answers? Reminded once, then stalled (stalled.go).
		sent := j.Due
		if sent.IsZero() {
			sent = b.clock.Now()
		}
		if err := b.store.jobs.ScheduleJobs(ctx, t, false, quietJob(b.settings(ctx, t), pair.ID, round, sent)); err != nil {
			return err
		}
	}
	return b.checkinLapses(ctx, t, pair, j) // the round before, left without a click (pause_auto.go)
}

// saidYes reports whether user said yes to a round of the check-in that
// round belongs to (its first round and its reminders): a reminder is
// only for the others. answers is nil for a check-in's own job, which
// asks everyone.
func saidYes(answers map[string]map[string]string, round, user string) bool {
	base := strings.TrimRight(round, "r")
	for r, by := range answers {
		if strings.TrimRight(r, "r") == base && by[user] == "yes" {
			return true
		}
	}
	return false
}

// remindedFrom returns the first round a message asking round stands for,
// for user: round itself, or, for a reminder sent to a member who left the
// rounds before it unanswered, the first of them. Answering the member's
// check-in once answers all of them, whichever message they click.
func remindedFrom(answers map[string]map[string]string, round, user string) string {
	from, base := round, strings.TrimRight(round, "r")
	for len(from) > len(base) && answers[from[:len(from)-1]][user] == "" {
		from = from[:len(from)-1]
	}
	return from
}

// checkinValue is the value of a check-in's buttons: "<pair>:<round>",
// then ":<from>" when the message stands for the rounds from from on
// (remindedFrom), not only for round.
func checkinValue(pairID, round, from string) string {
	if from == "" || from == round {
		return pairID + ":" + round
	}
	return pairID + ":" + round + ":" + from
}

// parseCheckinValue reads a check-in button's value (checkinValue); from
// is round when the value has none.
func parseCheckinValue(value string) (pairID, round, from string, ok bool) {
	parts := strings.Split(value, ":")
	if len(parts) < 2 || len(parts) > 3 || parts[0] == "" || parts[1] == "" {
		return "", "", "", false
	}
	pairID, round, from = parts[0], parts[1], parts[1]
	if len(parts) == 3 {
		from = parts[2]
		if from == "" || !strings.HasPrefix(round, from) || strings.Trim(round[len(from):], "r") != "" ||
			strings.TrimRight(from, "r") != strings.TrimRight(round, "r") {
			return "", "", "", false
		}
	}
	return pairID, round, from, true
}

// checkinRound returns the round that who's click on a check-in message
// of round (standing for the rounds from from on) answers, or ESTALE
// (err.checkin_answered) when who answered it already: one member answers
// a check-in once, whichever of its messages (the check-in, its
// reminders) they click. A round whose reminder went out since (someone
// said "not yet" to it, and the reminder's job has run) was asked again:
// the click answers the newest round asked, so that its "not yet" counts
// in that round and brings the reminder its reply promises. The store
// refuses a second answer to that round atomically (RecordCheckin).
func (b *Bot) checkinRound(ctx context.Context, t Tenant, pairID string, who MemberID, round, from string) (string, error) {
	answers, err := b.store.followups.CheckinAnswers(ctx, t, pairID)
	if err != nil {
		return "", err
	}
	base := strings.TrimRight(from, "r")
	for r, by := range answers {
		if by[who.User] != "" && strings.TrimRight(r, "r") == base && len(r) >= len(from) {
			return "", Errorf(ESTALE, "err.checkin_answered")
		}
	}
	for saidNotYet(answers[round]) {
		id := NewJob(time.Time{}, JobCheckinRemind, pairID, round).ID
		due, err := b.store.homes.JobsDue(ctx, t, []string{id})
		if err != nil {
			return "", err
		}
		if _, waiting := due[id]; waiting {
			break // its reminder is still to come
		}
		round += "r" // the reminder asked round+"r"
	}
	return round, nil
}

// saidNotYet reports whether a round's answers hold a "not yet".
func saidNotYet(by map[string]string) bool {
	for _, a := range by {
		if a == "notyet" {
			return true
		}
	}
	return false
}

// answerCheckin records a check-in answer and acts on it.
func answerCheckin(answer string) actionFunc {
	return func(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
		t := who.Tenant()
		pairID, round, from, ok := parseCheckinValue(value)
		if !ok {
			return Reply{}, Errorf(ESTALE, "err.unknown_button")
		}
		before, err := b.store.pairs.GetPair(ctx, t, pairID)
		if err != nil {
			return Reply{}, charterError(err)
		}
		if (before.State == PairCompleted || before.EndReason == neverMetReason) && answer == "yes" && before.Role(who) != "" {
			// A late "yes" to a pair that completed (a flash session
			// whose survey came first), or that reached its end with
			// nobody saying they met, is still true: it is kept, and
			// schedules nothing.
			return b.lateCheckinYes(ctx, before, round, from, who, lang)
		}
		if before.State == PairCompleted && answer == "notyet" && before.Role(who) != "" && metFlash(before) {
			// A "not yet" to a flash session its survey completed, because
			// the other member said they met: nothing to change, but the
			// reply says why it is over.
			return Reply{}, b.lateNotYet(ctx, before, round, from, who, lang)
		}
		if before.State != PairActive && before.Role(who) != "" {
			return Reply{}, Errorf(ESTALE, "err.pair_over")
		}
		if round, err = b.checkinRound(ctx, t, pairID, who, round, from); err != nil {
			return Reply{}, err
		}
		now, s := b.clock.Now().UTC(), b.settings(ctx, t)
		then := func(p Pair) (Pair, []Job) {
			p.Stalled = p.Stalled || Stalled(p)
			return p, checkinJobs(s, p, round, answer, now)
		}
		pair, err := b.store.followups.RecordCheckin(ctx, t, pairID, round, who, answer, now, then)
		if err != nil {
			if ErrorCode(err) == ESTALE {
				return Reply{}, Errorf(ESTALE, "err.checkin_answered")
			}
			return Reply{}, charterError(err)
		}
		switch answer {
		case "yes":
			b.tellNotYetMet(ctx, pair, who, round)
			return b.checkinYes(ctx, before, pair, lang)
		case "notyet":
			return b.checkinNotYet(ctx, before, pair, who, lang)
		}
		return b.endPair(ctx, pair, who, notWorkingReason, lang)
	}
}

// askCheckinStop answers "It's not working out" with the confirmation
// /mentor end asks for: nothing ends on one click. The check-in stays as
// it was, to be answered otherwise; once the member answered it (its
// other buttons, whose reply replaced it), it is refused as they are.
func askCheckinStop(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	pairID, round, from, ok := parseCheckinValue(value)
	if !ok {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	msg, err := b.endQuestion(ctx, who, lang, pairID, endConfirmMessage)
	if err != nil {
		return Reply{}, err
	}
	if _, err := b.checkinRound(ctx, who.Tenant(), pairID, who, round, from); err != nil {
		return Reply{}, err
	}
	// Confirmed, it ends the pair as the check-in's answer (the round is
	// recorded, the reason is "not working").
	msg.Buttons[0].ActionID, msg.Buttons[0].Value = ActionCheckinStopConfirm, value
	return Reply{Message: msg}, nil
}

// checkinJobs are scheduled with a check-in answer, in the same step: a
// flash pair that met gets its survey now; a "not yet" gets the reminder
// its reply promises, CheckinReminder later, stalled or not (a stalled
// pair is also flagged to the managers), except in a flash pair the other
// member said met: its survey, sent already or about to be, completes the
// pair, so no reminder could ask (checkinNotYet says so). The reminder asks round+"r": a
// round of its own, so that a member who answered this one can answer it,
// and a "not yet" to it is reminded of in turn. For a member who left
// this round unanswered it stands for both (checkinRound): they answer
// once, whichever message they click.
func checkinJobs(s Settings, p Pair, round, answer string, now time.Time) []Job {
	switch {
	case answer == "yes" && !p.Relationship():
		return []Job{NewJob(now, JobSurvey, p.ID, SurveyFlash)}
	case answer == "notyet" && metFlash(p):
		return nil
	case answer == "notyet":
		return []Job{NewJob(now.Add(s.CheckinReminder), JobCheckinRemind, p.ID, round)}
	}
	return nil
}

func (b *Bot) checkinYes(ctx context.Context, before, pair Pair, lang Lang) (Reply, error) {
	b.recordMet(ctx, before, pair)
	if !pair.Relationship() {
		return Reply{Replace: true, Message: b.goalsStill(ctx, lang, pair, Message{Text: T(lang, "checkin.yes_flash")})}, nil
	}
	return Reply{Replace: true, Message: b.goalsStill(ctx, lang, pair, Message{Text: T(lang, "checkin.yes")})}, nil
}

// tellNotYetMet tells the other member of a flash pair, who said "not
// yet" to this check-in and was promised a reminder, that who says they
// met: the survey comes instead of the reminder (checkinJobs), which
// finds the pair completed and asks nothing.
func (b *Bot) tellNotYetMet(ctx context.Context, pair Pair, who MemberID, round string) {
	if pair.Relationship() {
		return
	}
	other := pair.Other(who)
	answers, err := b.store.followups.CheckinAnswers(ctx, who.Tenant(), pair.ID)
	if err != nil || other.User == "" {
		return
	}
	base := strings.TrimRight(round, "r")
	for r, by := range answers {
		if strings.TrimRight(r, "r") == base && by[other.User] == "notyet" {
			_ = b.notify(ctx, other, func(l Lang) Message {
				name, _ := b.otherName(ctx, pair, other, l)
				if name == "" {
					name = who.User
				}
				return Message{Text: T(l, "checkin.partner_met", "name", name, "topic", pair.Topic)}
			})
			return
		}
	}
}

// goalsStill keeps, in the reply that replaces a check-in, its question
// on the pair's goals, so that it can still be answered.
func (b *Bot) goalsStill(ctx context.Context, lang Lang, pair Pair, m Message) Message {
	if s := goalsSelect(lang, pair, b.checkinGoals(ctx, pair), b.menuToken()); s != nil {
		m.Selects = append(m.Selects, *s)
	}
	return m
}

// recordMet counts the pair's first meeting, and remembers that the two
// met, when the answer that left pair made it meet.
func (b *Bot) recordMet(ctx context.Context, before, pair Pair) {
	if before.Met.IsZero() && !pair.Met.IsZero() {
		b.record(ctx, Event{Kind: EventMeeting, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic})
		b.remember(ctx, pair.Mentee, pair.Mentor, VerdictMet)
	}
}

// lateCheckinYes records a "yes" to a check-in of a completed pair.
func (b *Bot) lateCheckinYes(ctx context.Context, before Pair, round, from string, who MemberID, lang Lang) (Reply, error) {
	t := who.Tenant()
	round, err := b.checkinRound(ctx, t, before.ID, who, round, from)
	if err != nil {
		return Reply{}, err
	}
	pair, err := b.store.followups.RecordCheckin(ctx, t, before.ID, round, who, "yes", b.clock.Now().UTC(), func(p Pair) (Pair, []Job) { return p, nil })
	if ErrorCode(err) == ESTALE {
		return Reply{}, Errorf(ESTALE, "err.checkin_answered")
	}
	if err != nil {
		return Reply{}, charterError(err)
	}
	b.recordMet(ctx, before, pair)
	return Reply{Replace: true, Message: Message{Text: T(lang, b.lateYesKey(ctx, before, who))}}, nil
}

// lateYesKey is the reply to a late "yes": a flash pair completed by its
// session's survey says the session is complete, and where its survey
// is: just below the check-in (it was sent after it), or answered
// already. A pair that ended otherwise says only that it has ended.
func (b *Bot) lateYesKey(ctx context.Context, pair Pair, who MemberID) string {
	if pair.State != PairCompleted || pair.EndReason != SurveyFlash {
		return "checkin.yes_late"
	}
	answers, err := b.store.followups.Survey(ctx, who.Tenant(), SurveyID(pair.ID+":"+SurveyFlash), who)
	if err != nil {
		return "checkin.yes_late_session"
	}
	for _, q := range questionsFor(pair.Role(who), SurveyFlash) {
		if answers[q] == "" {
			return "checkin.yes_late_survey"
		}
	}
	return "checkin.yes_late_surveyed"
}

// metFlash reports whether pair is a flash pair that a member said met:
// its survey is sent at once (checkinJobs) and completes it (survey.go),
// whatever the other member answers.
func metFlash(p Pair) bool { return !p.Relationship() && !p.Met.IsZero() }

// lateNotYet is the refusal of a "not yet" to a flash session that the
// other member said took place, and that its survey completed since: it
// names them and says where the survey is (as lateYesKey does). A member
// who answered the check-in already is told so first.
func (b *Bot) lateNotYet(ctx context.Context, pair Pair, round, from string, who MemberID, lang Lang) error {
	if _, err := b.checkinRound(ctx, who.Tenant(), pair.ID, who, round, from); err != nil {
		return err
	}
	key := "err.checkin_notyet_met"
	switch b.lateYesKey(ctx, pair, who) {
	case "checkin.yes_late_survey":
		key = "err.checkin_notyet_met_survey"
	case "checkin.yes_late_surveyed":
		key = "err.checkin_notyet_met_surveyed"
	}
	name, _ := b.otherName(ctx, pair, who, lang) // by their ID if unread
	if name == "" {
		name = pair.Other(who).User
	}
	return Errorf(ESTALE, key, "name", name)
}

// checkinNotYet answers a "not yet": the reminder comes CheckinReminder
// later, except in a flash pair the other member said met, whose survey
// is on its way instead (checkinJobs).
func (b *Bot) checkinNotYet(ctx context.Context, before, pair Pair, who MemberID, lang Lang) (Reply, error) {
	var ask func(Lang) Message // the mentee's question, when they clicked
	if pair.Stalled && !before.Stalled {
		// Flagged for the managers, and the mentee is asked whether they
		// want a new match (stalled.go): in the reply to their click when
		// it is theirs, after its answer, rather than in a message that
		// would come before it.
		var err error
		if who == pair.Mentee && !metFlash(pair) {
			ask, err = b.flagStalled(ctx, pair, b.clock.Now(), false)
		} else {
			err = b.stalledNow(ctx, pair, b.clock.Now(), false)
		}
		if err != nil {
			b.log.Warn("stalled: mentee not asked yet", "pair", pair.ID, "code", string(ErrorCode(err)))
		}
	}
	if metFlash(pair) {
		name, _ := b.otherName(ctx, pair, who, lang) // by their ID if unread
		if name == "" {
			name = pair.Other(who).User
		}
		text := T(lang, "checkin.notyet_met", "name", name)
		return Reply{Replace: true, Message: b.goalsStill(ctx, lang, pair, Message{Text: text})}, nil
	}
	days := itoa(int(b.settings(ctx, pair.Mentor.Tenant()).CheckinReminder.Hours() / 24))
	m := b.goalsStill(ctx, lang, pair, Message{Text: T(lang, "checkin.notyet", "days", days)})
	if ask != nil {
		q := ask(lang)
		m.Title, m.Text, m.Buttons = q.Title, m.Text+"\n\n"+q.Text, append(q.Buttons, m.Buttons...)
	}
	return Reply{Replace: true, Message: m}, nil
}

// endPair ends a pair kindly at a member's word (or a low rating), and
// asks each side whether they want a new match. A flash pair that met
// still gets the survey it was promised (surveyOwed).
func (b *Bot) endPair(ctx context.Context, pair Pair, who MemberID, reason string, lang Lang) (Reply, error) {
	t := pair.Mentor.Tenant()
	// Each notice names the other member (a mentor may have two pairs on
	// one topic): read before anything ends.
	names, err := b.otherNames(ctx, pair)
	if err != nil {
		return Reply{}, err
	}
	// A meeting agreed ahead is cancelled (meeting_cancel.go), by the job
	// scheduled first if this replica dies on the way.
	agreed, ahead, err := b.cancelAheadFirst(ctx, pair)
	if err != nil {
		return Reply{}, err
	}
	ended, err := b.store.pairs.EndPair(ctx, t, pair.ID, PairCancelled, reason, b.clock.Now().UTC())
	if err == nil && ahead {
		if err := b.sendCancels(ctx, ended, agreed, cancelEnded); err != nil {
			b.log.Warn("cancellation not delivered yet, its job will retry", "pair", pair.ID, "code", string(ErrorCode(err)))
		}
	}
	if err != nil {
		if ErrorCode(err) == ESTALE {
			return Reply{}, Errorf(ESTALE, "err.pair_over")
		}
		return Reply{}, err
	}
	b.record(ctx, Event{Kind: EventEnded, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic})
	// Ended early by a member's word ("it's not working out", or a low
	// rating): never paired again automatically.
	b.remember(ctx, pair.Mentee, pair.Mentor, VerdictNever)
	for _, id := range []MemberID{ended.Mentor, ended.Mentee} {
		role := ended.Role(id)
		err := b.deliver(ctx, "ended:"+pair.ID, id, func(l Lang) Message {
			return endedWith(l, pair, "ended.text_"+role, names[id.User])
		})
		if err != nil {
			b.log.Error("ended: not delivered", "pair", pair.ID, "to", id.String(), "code", string(ErrorCode(err)))
		}
	}
	b.freed(ctx, pair.Mentor)
	if surveyOwed(ended, SurveyFlash) {
		// They met, and were told its survey was coming: it still does,
		// now rather than at its job's next try (which then finds it
		// sent, or sends what this could not).
		if err := b.surveyBoth(ctx, ended, SurveyFlash, names); err != nil {
			b.log.Warn("survey of an ended pair not sent yet, its job will retry", "pair", pair.ID, "code", string(ErrorCode(err)))
		}
		return Reply{Replace: true, Message: Message{Text: T(lang, "checkin.stopped_survey", "name", names[who.User])}}, nil
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, "checkin.stopped", "name", names[who.User])}}, nil
}

// answerNewMatch acts on "would you like a new match?": a mentee's request
// goes back in the queue (without the same mentor); a mentor's offer is
// resumed, or paused on no.
func answerNewMatch(yes bool) actionFunc {
	return func(ctx context.Context, b *Bot, who MemberID, lang Lang, pairID string) (Reply, error) {
		t := who.Tenant()
		pair, err := b.store.pairs.GetPair(ctx, t, pairID)
		if err != nil {
			return Reply{}, charterError(err)
		}
		role := pair.Role(who)
		if role == "" {
			return Reply{}, Errorf(EFORBIDDEN, "err.not_your_button")
		}
		if a, err := b.store.followups.Survey(ctx, t, SurveyID(pair.ID+":newmatch"), who); err == nil && a["newmatch"] != "" {
			return Reply{}, Errorf(ESTALE, "err.checkin_done") // a second click
		}
		if role == "mentor" {
			return b.mentorAgain(ctx, pair, who, yes, lang)
		}
		if open, err := b.store.requests.OpenRequest(ctx, who); yes && err == nil && open.ID != "" {
			// Another request waits (a manager's pair on another topic
			// left it): one open request at a time, so nothing is recorded
			// and the button works again once it is withdrawn.
			return Reply{}, Errorf(ECONFLICT, "err.newmatch_open", "topic", open.Topic, "pair", pair.Topic)
		}
		if err := b.answerNewMatch(ctx, pair, who, yes); err != nil {
			return Reply{}, err
		}
		if !yes {
			return Reply{Replace: true, Message: Message{Text: T(lang, "newmatch.no_mentee")}}, nil
		}
		return b.rematch(ctx, pair, lang)
	}
}

// answerNewMatch records who's answer to "would you like a new match?"
// after pair, once: a second answer is refused (err.checkin_done).
func (b *Bot) answerNewMatch(ctx context.Context, pair Pair, who MemberID, yes bool) error {
	err := b.store.followups.AnswerSurvey(ctx, who.Tenant(), SurveyID(pair.ID+":newmatch"), who, "newmatch", yesNo(yes), b.clock.Now().UTC())
	if ErrorCode(err) == ESTALE {
		return Errorf(ESTALE, "err.checkin_done")
	}
	return err
}

func yesNo(yes bool) string {
	if yes {
		return "yes"
	}
	return "no"
}

// mentorAgain answers a mentor's "would you like to mentor someone
// else?" after pair ended, and records the answer. Yes ends their pause as /mentor resume does (a pause until a date
// included: its job then does nothing); no pauses their offer with no
// date, replacing a pause until a date (pauseNoDate). A mentor without an
// offer (paired by a manager) who says yes is told how to make one, and
// the question stays open: nothing was done,
// so nothing is recorded.
func (b *Bot) mentorAgain(ctx context.Context, pair Pair, who MemberID, yes bool, lang Lang) (Reply, error) {
	o, hasOffer, err := b.offerOf(ctx, who)
	if err != nil {
		return Reply{}, err
	}
	if !hasOffer && yes {
		return Reply{Message: Message{Text: T(lang, "newmatch.yes_no_offer", "topic", pair.Topic)}}, nil
	}
	if err := b.answerNewMatch(ctx, pair, who, yes); err != nil {
		return Reply{}, err
	}
	switch {
	case !hasOffer:
		return Reply{Replace: true, Message: Message{Text: T(lang, "newmatch.no_no_offer")}}, nil
	case yes:
		what, err := b.resume(ctx, who, time.Time{})
		if err != nil {
			return Reply{}, err
		}
		text := T(lang, "newmatch.yes_mentor")
		if what.request != "" {
			text += "\n" + T(lang, "pause.resumed_request", "topic", what.request)
		}
		return Reply{Replace: true, Message: Message{Text: text}}, nil
	}
	held, err := b.pauseNoDate(ctx, who, o)
	if err != nil {
		return Reply{}, err
	}
	text := T(lang, "newmatch.no_mentor")
	if held != "" {
		text += "\n" + T(lang, "newmatch.no_mentor_request", "topic", held)
	}
	return Reply{Replace: true, Message: Message{Text: text}}, nil
}

// rematch puts the mentee's need back in the queue as a new request, never
// to be proposed to the same mentor, of the pair's kind and in its program
// while that is open.
func (b *Bot) rematch(ctx context.Context, pair Pair, lang Lang) (Reply, error) {
	if pair.Topic == OpenTopic {
		// A pair from an event's round, on what its members chose: no
		// topic to ask again on. The mentee names one.
		return Reply{Replace: true, Message: Message{Text: T(lang, "newmatch.open_topic")}}, nil
	}
	t := pair.Mentee.Tenant()
	id, err := b.newID()
	if err != nil {
		return Reply{}, err
	}
	// In the pair's program, with the pair's kind (rematchProgram).
	prog, err := b.rematchProgram(ctx, pair)
	if err != nil {
		return Reply{}, err
	}
	r := Request{ID: id, Mentee: pair.Mentee, Topic: pair.Topic, Kind: pair.Kind, Goal: pair.Goal, Program: prog,
		State: RequestWaiting, Created: b.clock.Now().UTC(), Declined: []string{pair.Mentor.User}, Keys: topicKeys(pair.Topic)}
	if pair.State == PairCancelled && pair.EndReason != neverMetReason {
		// Ended early (not a pair that reached its end without meeting,
		// which was nobody's decision): never proposed again through the mentee's history
		// (written again here, in case the end could not), and its wait
		// says so, rather than that the mentor was asked about this new
		// request. If the history cannot be written, the mentor stays
		// among the request's declines: kept away all the same.
		if err := b.store.proposals.RememberPair(ctx, t, pair.Mentee.User, pair.Mentor.User, VerdictNever); err == nil {
			r.Declined = nil
		} else {
			b.log.Error("remember pair", "mentee", pair.Mentee.String(), "mentor", pair.Mentor.String(), "err", err)
		}
	}
	if err := b.fileInProgram(ctx, t, r); err != nil {
		return Reply{}, err
	}
	if err := b.store.requests.CreateRequest(ctx, r, requestJobs(b.settings(ctx, t), r)); err != nil {
		if ErrorCode(err) == ECONFLICT {
			// The request that is open, not the pair's, and where it
			// stands.
			open, err := b.store.requests.OpenRequest(ctx, pair.Mentee)
			if err != nil || open.Topic == "" {
				return Reply{}, Errorf(ECONFLICT, "err.request_exists_other")
			}
			return Reply{}, Errorf(ECONFLICT, "err.request_exists", "topic", open.Topic, "state", b.requestState(ctx, lang, open))
		}
		return Reply{}, err
	}
	mentee, err := b.member(ctx, pair.Mentee)
	if err != nil {
		return Reply{}, err
	}
	b.recordRequest(ctx, r, mentee)
	if text, held := b.heldText(ctx, lang, r); held {
		return Reply{Replace: true, Message: Message{Text: text}}, nil
	}
	res, err := b.proposeNext(ctx, r, mentee)
	if err != nil {
		return Reply{Replace: true, Message: Message{Text: T(lang, "request.waiting", "topic", r.Topic)}}, nil
	}
	if res.notAgain {
		b.recordRepeatAvoided(ctx, t, r.ID)
	}
	if !res.proposed {
		// With the true reason, as a new request's reply gives it.
		return Reply{Replace: true, Message: Message{Text: T(lang, "request.waiting", "topic", r.Topic) + "\n" + waitingReason(lang, r.Topic, res.why)}}, nil
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, "request.proposed", "topic", r.Topic)}}, nil
}

// endedMessage tells a member that their pair ended, in the words of key,
// and asks the new-match question.
func endedMessage(l Lang, p Pair, key string) Message {
	return Message{
		Title: T(l, "ended.title", "topic", p.Topic),
		Text:  T(l, key, "topic", p.Topic),
		Buttons: []Button{
			{Label: T(l, "btn.newmatch_yes"), ActionID: ActionNewMatchYes, Value: p.ID, Style: StylePrimary},
			{Label: T(l, "btn.newmatch_no"), ActionID: ActionNewMatchNo, Value: p.ID},
		},
	}
}

// endedWith is endedMessage naming the other member, name, in its title:
// a member with two pairs on one topic knows which one ended, and which
// the new-match question is about. (A member who erased their data is
// not named: forget.go uses endedMessage.)
func endedWith(l Lang, p Pair, key, name string) Message {
	m := endedMessage(l, p, key)
	m.Title = T(l, "ended.title_with", "name", name, "topic", p.Topic)
	return m
}
