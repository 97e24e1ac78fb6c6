package bot

import (
	"context"
	"slices"
	"strings"
)

// answerNeeds records one menu of the needs survey: the clicker's own
// answer, whoever the message was posted to. The reply says what was
// kept and, for topics, offers to turn the answer into an offer or a
// request in one click.
func answerNeeds(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	base, chosen := splitSelect(value)
	parts := strings.Split(base, ":")
	if len(parts) != 3 {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	id, field := parts[0], parts[1]
	s, err := b.needsSurvey(ctx, who.Tenant(), id)
	if err != nil {
		return Reply{}, err
	}
	if parts[2] != s.version() {
		return Reply{}, Errorf(ESTALE, "err.needs.changed")
	}
	var options []string
	switch field {
	case NeedsLearn, NeedsTeach:
		options = s.Topics
	case NeedsKind:
		options = b.needsKinds(ctx, s.Tenant)
	case NeedsMonth:
		options = needsMonthsOf(s)
	default:
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	var picked []string
	for _, c := range chosen {
		i, ok := number(c)
		if !ok || i < 0 || i >= len(options) {
			return Reply{}, Errorf(ESTALE, "err.unknown_button")
		}
		if !slices.Contains(picked, options[i]) {
			picked = append(picked, options[i])
		}
	}
	if len(picked) > 1 && (field == NeedsKind || field == NeedsMonth) {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	return b.saveNeeds(ctx, who, lang, s, map[string][]string{field: picked})
}

// saveNeeds stores answered fields (an empty list clears one) and says
// what was kept, with the one-click sign-ups.
func (b *Bot) saveNeeds(ctx context.Context, who MemberID, lang Lang, s NeedsSurvey, fields map[string][]string) (Reply, error) {
	now := b.clock.Now().UTC()
	order := []string{NeedsLearn, NeedsTeach, NeedsKind, NeedsMonth, NeedsOther}
	for _, f := range order {
		if v, ok := fields[f]; ok {
			if err := b.store.needs.SetNeedsAnswer(ctx, who, s.ID, f, strings.Join(v, ","), now); err != nil {
				return Reply{}, err
			}
		}
	}
	// The whole answer so far, not only the menu just answered: each
	// confirmation says all that is kept, with its sign-up buttons. Unread,
	// the fields just given.
	shown := fields
	if a, err := b.needsAnswer(ctx, who, s.ID); err == nil {
		shown = needsFields(a)
		for f, v := range fields {
			if len(v) == 0 {
				shown[f] = nil // cleared just now: said so
			}
		}
	}
	var lines []string
	var buttons []Button
	for _, f := range order {
		v, ok := shown[f]
		if !ok {
			continue
		}
		if len(v) == 0 {
			lines = append(lines, T(lang, "needs.saved.none."+f))
			continue
		}
		shown := andList(lang, v) // « go et réseaux »
		switch f {
		case NeedsKind:
			shown = T(lang, "kind."+v[0])
		case NeedsMonth:
			shown = monthLabel(lang, v[0])
		case NeedsLearn:
			buttons = append(buttons, Button{Label: clip(T(lang, "btn.needs.mentee", "topic", v[0]), 75), ActionID: ActionNeedsMentee, Value: s.ID, Style: StylePrimary})
		case NeedsTeach:
			buttons = append(buttons, Button{Label: clip(T(lang, "btn.needs.mentor", "topics", andList(lang, v)), 75), ActionID: ActionNeedsMentor, Value: s.ID, Style: StylePrimary})
		}
		lines = append(lines, T(lang, "needs.saved."+f, "value", shown))
	}
	b.log.Info("needs answered", "member", who.String(), "survey", s.ID)
	return Reply{Message: Message{Text: T(lang, "needs.thanks", "program", s.Program) + "\n" + strings.Join(lines, "\n"), Buttons: buttons}}, nil
}

// needsFields are the answered fields of a, as saveNeeds takes them.
func needsFields(a NeedsAnswer) map[string][]string {
	out := map[string][]string{}
	for f, v := range map[string]string{NeedsKind: a.Kind, NeedsMonth: a.Month, NeedsOther: a.Other} {
		if v != "" {
			out[f] = []string{v}
		}
	}
	if len(a.Learn) > 0 {
		out[NeedsLearn] = a.Learn
	}
	if len(a.Teach) > 0 {
		out[NeedsTeach] = a.Teach
	}
	return out
}

// runNeeds answers the survey by command:
// /mentor needs "Mentorat 2027" learn:go teach:sql kind:flash month:2027-03.
// Topics are free here, as in an offer. With no answer it shows the
// survey itself.
func runNeeds(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	s, err := b.latestSurvey(ctx, in.Member.Tenant(), programName(in.Text("program")))
	if ErrorCode(err) == ENOTFOUND {
		// A member's sentence: starting a survey is the managers'.
		return Reply{}, &Error{Code: ENOTFOUND, Key: "err.needs.none_member", Args: []string{"program", clip(programName(in.Text("program")), MaxProgramLen)}, Err: err}
	}
	if err != nil {
		return Reply{}, err
	}
	fields := map[string][]string{}
	for _, f := range []string{NeedsLearn, NeedsTeach} {
		if _, ok := in.Values[f]; ok {
			fields[f] = in.List(f)
		}
	}
	if k := in.Text("kind"); k != "" {
		fields[NeedsKind] = []string{k}
	}
	if v := in.Text("month"); v != "" {
		m, ok := needsMonthOf(s, v)
		if !ok {
			return Reply{}, &Error{Code: EINVALID, Key: "err.needs.month", Field: "month", Args: []string{"value", clip(v, 20)}}
		}
		fields[NeedsMonth] = []string{m}
	}
	if o := strings.TrimSpace(in.Text("other")); o != "" {
		fields[NeedsOther] = []string{o}
	}
	if len(fields) == 0 {
		return Reply{Message: b.needsMessage(ctx, in.Lang, s)}, nil
	}
	return b.saveNeeds(ctx, in.Member, in.Lang, s, fields)
}

// openNeedsOther answers "Something else": a form with the free field.
func openNeedsOther(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
	s, err := b.needsSurvey(ctx, who.Tenant(), id)
	if err != nil {
		return Reply{}, err
	}
	f := &Form{Command: "needs", Title: clip(T(lang, "form.needs.title"), 24), Submit: T(lang, "form.submit"), Fields: []FormField{
		{Name: "program", Label: T(lang, "label.program"), Value: s.Program, Required: true, MaxLength: MaxProgramLen + 12},
		{Name: "other", Label: T(lang, "label.other"), Placeholder: clip(T(lang, "opt.other"), 100), Multiline: true, Required: true, MaxLength: MaxCommentLen},
	}}
	return Reply{Form: f, Message: Message{Text: T(lang, "needs.other_how", "program", s.Program)}}, nil
}

// needsSignUp answers "Yes, sign me up": the member's answer becomes an
// offer (mentor) or a request (mentee) through the commands themselves,
// with their checks and replies.
func needsSignUp(mentor bool) actionFunc {
	return func(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
		s, err := b.needsSurvey(ctx, who.Tenant(), id)
		if err != nil {
			return Reply{}, err
		}
		a, err := b.needsAnswer(ctx, who, s.ID)
		if err != nil {
			return Reply{}, err
		}
		// Locale: a member the bot meets here reads the language they
		// clicked in.
		c := Command{Member: who, Values: map[string]string{}, Locale: string(lang)}
		if b.openProgram(ctx, who.Tenant(), s.Program) {
			// The survey's program, once a manager created it;
			// until then the current one, as for any offer.
			c.Values["program"] = s.Program
		}
		switch {
		case mentor && len(a.Teach) > 0:
			c.Name = "offer"
			field := "topics"
			if _, err := b.store.offers.GetOffer(ctx, who); err == nil {
				field = "add" // keep what the member offers already
			}
			c.Values[field] = strings.Join(a.Teach, ", ")
			if a.Kind != "" {
				c.Values["kinds"] = a.Kind
			}
		case !mentor && len(a.Learn) > 0:
			c.Name = "request"
			c.Values["topic"] = a.Learn[0]
			if a.Kind != "" {
				c.Values["kind"] = a.Kind
			}
		default:
			return Reply{}, Errorf(ESTALE, "err.needs.no_topics")
		}
		return b.HandleCommand(ctx, c), nil
	}
}

// openProgram reports whether the workspace has an open program of
// that name (the survey's, once created with /mentor admin program).
func (b *Bot) openProgram(ctx context.Context, t Tenant, name string) bool {
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		return false
	}
	for _, p := range programs {
		if p.ID == programSlug(name) && p.State != ProgramClosed {
			return true
		}
	}
	return false
}

// needsAnswer returns a member's answer to a survey; ESTALE if none.
func (b *Bot) needsAnswer(ctx context.Context, who MemberID, survey string) (NeedsAnswer, error) {
	all, err := b.store.needs.NeedsAnswers(ctx, who.Tenant(), survey)
	if err != nil {
		return NeedsAnswer{}, err
	}
	for _, a := range all {
		if a.Member == who {
			return a, nil
		}
	}
	return NeedsAnswer{}, Errorf(ESTALE, "err.needs.no_topics")
}
