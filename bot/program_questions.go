package bot

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"
)

// A program may ask questions of its own at the end of its final survey
// (Program.Questions, set with questions: when it is created): after the
// usual ones, each member of a pair of the program gets a button that
// opens a form with one field per question; the shell's members type
// `/mentor answers` with first:, second:, third:. Answers are a pair's:
// a member with several pairs answers for the pair of their last final
// survey, or of the last such button they clicked, and is told which. The answers are survey answers
// ("program:1", ...), in the export with the others and erased with them.

// MaxProgramQuestions and MaxProgramQuestionLen bound a program's own
// questions: few and short, as a form shows them.
const (
	MaxProgramQuestions   = 3
	MaxProgramQuestionLen = 150
	maxProgramAnswerLen   = 1000
)

// ActionProgramAnswers opens the form of a program's own questions; its
// value is "<pair>:<stage>" of the final survey.
const ActionProgramAnswers = "program.answers"

// answerNames are the options that carry the answers, in order.
var answerNames = []string{"first", "second", "third"}

// programQuestions reads questions: one question per line or between
// semicolons.
func programQuestions(text string) ([]string, error) {
	var qs []string
	for _, q := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == '\n' }) {
		if q = strings.TrimSpace(q); q == "" {
			continue
		}
		if utf8.RuneCountInString(q) > MaxProgramQuestionLen {
			return nil, &Error{Code: EINVALID, Key: "err.program.question_long", Args: []string{"max", itoa(MaxProgramQuestionLen)}, Field: "questions"}
		}
		qs = append(qs, q)
	}
	if len(qs) > MaxProgramQuestions {
		return nil, &Error{Code: EINVALID, Key: "err.program.questions_many", Args: []string{"max", itoa(MaxProgramQuestions)}, Field: "questions"}
	}
	return qs, nil
}

// ownQuestions returns the questions of pair's program, none for a pair
// of the default program or a program without questions.
func (b *Bot) ownQuestions(ctx context.Context, t Tenant, pair Pair) (Program, []string) {
	id, err := b.pairProgram(ctx, t, pair)
	if err != nil || id == DefaultProgram {
		return Program{}, nil
	}
	p, err := b.store.programs.GetProgram(ctx, t, id)
	if err != nil {
		return Program{}, nil
	}
	return p, p.Questions
}

// ownQuestionsButton is the button of a final survey's thanks for a pair
// whose program has questions of its own, with the sentence that goes
// with it; ok is false otherwise.
func (b *Bot) ownQuestionsButton(ctx context.Context, pair Pair, stage string, lang Lang) (string, Button, bool) {
	p, qs := b.ownQuestions(ctx, pair.Mentor.Tenant(), pair)
	if len(qs) == 0 {
		return "", Button{}, false
	}
	return T(lang, "program.questions_ask", "name", p.Name, "count", itoa(len(qs))),
		Button{Label: T(lang, "btn.program_answers"), ActionID: ActionProgramAnswers, Value: pair.ID + ":" + stage, Style: StylePrimary}, true
}

// openProgramAnswers answers the button with the form of the program's
// questions (the shell says what to type).
func openProgramAnswers(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	pairID, _, _ := strings.Cut(value, ":")
	pair, err := b.store.pairs.GetPair(ctx, who.Tenant(), pairID)
	if err != nil {
		return Reply{}, charterError(err) // a button of a pair gone is stale, as the check-in's
	}
	if pair.Role(who) == "" {
		return Reply{}, Errorf(EFORBIDDEN, "err.not_your_button")
	}
	p, qs := b.ownQuestions(ctx, who.Tenant(), pair)
	if len(qs) == 0 {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	// The form, and /mentor answers typed after this click, answer for
	// this pair: a member with several pairs chooses by its button.
	if _, stage, ok := strings.Cut(value, ":"); ok && finalStage(stage) {
		b.surveySent(ctx, who, pair.ID+":"+stage)
	}
	f := &Form{Command: "answers", Title: T(lang, "form.answers.title"), Submit: T(lang, "form.submit")}
	var list []string
	for i, q := range qs {
		f.Fields = append(f.Fields, FormField{Name: answerNames[i], Label: clip(q, 45), Placeholder: clip(q, 100), Multiline: true, MaxLength: maxProgramAnswerLen})
		list = append(list, "• "+q)
	}
	text := T(lang, "program.answers_how", "name", p.Name) + "\n" + strings.Join(list, "\n")
	if ov, err := b.store.members.Overview(ctx, who); err == nil && len(finalPairs(ov.Pairs)) > 1 {
		text += "\n" + T(lang, "answers.for_pair", "name", otherName(who, ov, pair), "topic", pair.Topic)
	}
	return Reply{Form: f, Message: Message{Text: text}}, nil
}

// runAnswers records a member's answers to the own questions of the
// program of their last final survey (or of the pair whose button they
// clicked since); with several pairs, the reply names the pair, and
// offers a button for each other pair whose questions wait.
func runAnswers(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	pairID, stage, _ := strings.Cut(in.Me.LastSurvey, ":")
	if pairID == "" || !finalStage(stage) {
		return Reply{}, b.noAnswers(ctx, in.Member)
	}
	pair, err := b.store.pairs.GetPair(ctx, t, pairID)
	if ErrorCode(err) == ENOTFOUND {
		return Reply{}, b.noAnswers(ctx, in.Member)
	}
	if err != nil {
		return Reply{}, err
	}
	p, qs := b.ownQuestions(ctx, t, pair)
	if len(qs) == 0 {
		return Reply{}, b.noAnswers(ctx, in.Member)
	}
	saved, again := 0, 0
	for i := range qs {
		text := strings.TrimSpace(in.Text(answerNames[i]))
		if text == "" {
			continue
		}
		err := b.store.followups.AnswerSurvey(ctx, t, SurveyID(in.Me.LastSurvey), in.Member, "program:"+itoa(i+1), text, b.clock.Now().UTC())
		switch ErrorCode(err) {
		case "":
			saved++
		case ESTALE:
			again++
		default:
			return Reply{}, err
		}
	}
	if saved == 0 && again == 0 {
		return Reply{}, &Error{Code: EINVALID, Key: "err.answers.empty", Args: []string{"name", p.Name}, Field: "first"}
	}
	// Answers are a pair's: a member with several pairs is told which
	// one these went to, and offered the others still waiting for theirs.
	ov, err := b.store.members.Overview(ctx, in.Member)
	if err != nil {
		return Reply{}, err
	}
	several := len(finalPairs(ov.Pairs)) > 1
	others := b.unansweredPairs(ctx, in.Member, ov, pair.ID)
	var text string
	switch {
	case saved == 0 && !several:
		return Reply{}, Errorf(ESTALE, "err.answers.done")
	case saved == 0 && len(others) == 0:
		return Reply{}, Errorf(ESTALE, "answers.done_pair", "name", otherName(in.Member, ov, pair), "topic", pair.Topic)
	case saved == 0:
		text = T(in.Lang, "answers.done_pair", "name", otherName(in.Member, ov, pair), "topic", pair.Topic)
	case several:
		text = T(in.Lang, "answers.saved_pair", "program", p.Name, "name", otherName(in.Member, ov, pair), "topic", pair.Topic)
	default:
		text = T(in.Lang, "program.answers_saved", "name", p.Name)
	}
	if saved > 0 {
		b.log.Info("program questions answered", "member", in.Member.String(), "pair", pair.ID, "answers", saved)
	}
	msg := Message{Text: text}
	if len(others) > 0 {
		msg.Text += "\n\n" + T(in.Lang, "answers.others", "n", itoa(len(others)), "pairs", pairList(in.Lang, in.Member, ov, others))
		for _, o := range others[:min(len(others), maxEndButtons)] {
			msg.Buttons = append(msg.Buttons, Button{Label: T(in.Lang, "btn.answers_pair", "name", otherName(in.Member, ov, o), "topic", o.Topic),
				ActionID: ActionProgramAnswers, Value: o.ID + ":" + o.EndReason})
		}
	}
	return Reply{Message: msg}, nil
}

// noAnswers is the refusal of /mentor answers with no program's questions
// to answer: a member in a program is told theirs has none waiting; a
// member in no program (an offer, a request or a pair in none, as before
// programs) is told that, rather than of a program they are not in.
func (b *Bot) noAnswers(ctx context.Context, who MemberID) error {
	if in, err := b.inAProgram(ctx, who); err == nil && !in {
		return Errorf(ENOTFOUND, "err.answers.no_program")
	}
	return Errorf(ENOTFOUND, "err.answers.none")
}

// inAProgram reports whether who is in a program other than the default
// one: by their offer, their open request, or one of their pairs.
func (b *Bot) inAProgram(ctx context.Context, who MemberID) (bool, error) {
	ov, err := b.store.members.Overview(ctx, who)
	if err != nil {
		return false, err
	}
	if ov.Offer != nil && slices.ContainsFunc(ov.Offer.InPrograms(), func(id ProgramID) bool { return id != DefaultProgram }) {
		return true, nil
	}
	if ov.Request != nil && ov.Request.State.Open() && ov.Request.InProgram() != DefaultProgram {
		return true, nil
	}
	for _, p := range ov.Pairs {
		id, err := b.pairProgram(ctx, who.Tenant(), p)
		if err != nil {
			return false, err
		}
		if id != DefaultProgram {
			return true, nil
		}
	}
	return false, nil
}

// unansweredPairs are the member's other pairs past their final survey
// whose program has questions of its own they have not all answered.
func (b *Bot) unansweredPairs(ctx context.Context, who MemberID, ov Overview, except string) []Pair {
	var out []Pair
	for _, p := range finalPairs(ov.Pairs) {
		if p.ID == except {
			continue
		}
		_, qs := b.ownQuestions(ctx, who.Tenant(), p)
		if len(qs) == 0 {
			continue
		}
		answers, err := b.store.followups.Survey(ctx, who.Tenant(), SurveyID(p.ID+":"+p.EndReason), who)
		if err != nil {
			continue
		}
		for i := range qs {
			if answers["program:"+itoa(i+1)] == "" {
				out = append(out, p)
				break
			}
		}
	}
	return out
}
