package bot

import "context"

// An invitation to mentor (a re-invitation, or one to mentor in turn) is
// answered once. The first answer replaces the message with its outcome,
// whose buttons disappear; a second click on a copy of it (a double
// click, another device, a message sent again) changes nothing and says
// the invitation was answered, to the clicker alone. The answer is kept
// as a delivery mark, of the member and the program, until the program
// ends (and sentKept more). "Yes" to a member with no offer only opens
// the offer form: the invitation stays to be answered until they submit
// it (or click again).

// A "Yes" (or "Change my topics") from a member whose offer is already in
// the program, not paused (offersIn: they joined it since, by
// `/mentor offer program:` or another invitation), answers the
// invitation by saying so, and changes nothing: the offer command is not
// run again (its "updated" reply, its new date, a new matching round of
// the offer), nor is the join logged as one more mentor who came back.

// invitationAnswer does what one button of an invitation to program p
// says, and reports whether that answered it (false: nothing done yet,
// the offer form opens).
type invitationAnswer func(p Program) (Reply, bool, error)

// answerInvitation runs answer for who's invitation of kind to the
// program id, once; already is the catalog key of what a second click
// reads. program reads the program (recruitProgram refuses a closed one;
// "Not this time" takes it as it is).
func (b *Bot) answerInvitation(ctx context.Context, who MemberID, lang Lang, kind, id, already string,
	program func(context.Context, Tenant, string) (Program, error), answer invitationAnswer) (Reply, error) {
	t := who.Tenant()
	p, err := program(ctx, t, id)
	if err != nil {
		return Reply{}, err
	}
	key := "answer:" + kind + ":" + string(p.ID) + ":" + who.User
	prev, err := b.store.delivery.MarkSent(ctx, t, key, b.lease())
	switch {
	case err != nil:
		return Reply{}, err
	case prev == markDone || prev == markUnknown || prev == markPending:
		return alreadyDone(T(lang, already, "name", p.Name, "id", string(p.ID))), nil
	}
	r, answered, err := answer(p)
	if err != nil || !answered {
		if uerr := b.store.delivery.UnmarkSent(context.WithoutCancel(ctx), t, key); uerr != nil {
			b.log.Warn("invitation: answer not unmarked", "member", who.String(), "code", string(ErrorCode(uerr)))
		}
		return r, err
	}
	kept := sentKept
	if left := p.End.Sub(b.clock.Now()); left > 0 {
		kept += left
	}
	if err := b.store.delivery.ConfirmSent(context.WithoutCancel(ctx), t, key, markDone, kept); err != nil {
		// Answered all the same: a later click may act again, as before.
		b.log.Warn("invitation: answer not kept", "member", who.String(), "code", string(ErrorCode(err)))
	}
	r.Replace = true
	return r, nil
}

// programAsIs reads the program of an invitation, closed or not.
func (b *Bot) programAsIs(ctx context.Context, t Tenant, id string) (Program, error) {
	return b.store.programs.GetProgram(ctx, t, ProgramID(id))
}

// thanked puts line above the reply's text.
func thanked(r Reply, line string) Reply {
	if r.Message.Text == "" {
		r.Message.Text = line
	} else {
		r.Message.Text = line + "\n" + r.Message.Text
	}
	return r
}

// alreadyIn answers a "Yes" from a member who offers in p already
// (offersIn): in reports whether they do, and the reply says so.
func (b *Bot) alreadyIn(ctx context.Context, who MemberID, lang Lang, p Program) (r Reply, in bool, err error) {
	if in, err = b.offersIn(ctx, who, p.ID); err != nil || !in {
		return Reply{}, false, err
	}
	return Reply{Message: Message{Text: T(lang, "recruit.already_in", "name", p.Name)}}, true, nil
}

func reinviteYes(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
	return b.answerInvitation(ctx, who, lang, CampaignReinvite, id, "recruit.reinvite_answered", b.recruitProgram, func(p Program) (Reply, bool, error) {
		if r, in, err := b.alreadyIn(ctx, who, lang, p); err != nil || in {
			return r, in, err
		}
		r, joined, err := b.joinProgram(ctx, who, lang, p)
		if err != nil || !joined {
			return r, false, err
		}
		b.log.Info("mentor re-invited: joined", "member", who.String(), "program", id)
		return thanked(r, T(lang, "recruit.reinvite_yes", "name", p.Name)), true, nil
	})
}

func reinviteChange(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
	return b.answerInvitation(ctx, who, lang, CampaignReinvite, id, "recruit.reinvite_answered", b.recruitProgram, func(p Program) (Reply, bool, error) {
		spec, _ := b.command("offer")
		if in, err := b.offersIn(ctx, who, p.ID); err != nil {
			return Reply{}, false, err
		} else if in {
			// In p already: the form changes their topics, and nothing
			// else is done.
			r := Reply{Message: Message{Text: T(lang, "recruit.already_in_change", "name", p.Name)}}
			r.Form = b.form(ctx, spec, &Invocation{Member: who, Lang: lang})
			return r, true, nil
		}
		r, joined, err := b.joinProgram(ctx, who, lang, p)
		if err != nil || !joined {
			return r, false, err
		}
		b.log.Info("mentor re-invited: joined, changing topics", "member", who.String(), "program", id)
		r.Form = b.form(ctx, spec, &Invocation{Member: who, Lang: lang})
		r.Message.Text += "\n" + T(lang, "recruit.change_how", "name", p.Name)
		return thanked(r, T(lang, "recruit.reinvite_yes", "name", p.Name)), true, nil
	})
}

func reinviteNo(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
	return b.answerInvitation(ctx, who, lang, CampaignReinvite, id, "recruit.reinvite_answered", b.programAsIs, func(p Program) (Reply, bool, error) {
		b.log.Info("mentor re-invited: not this time", "member", who.String(), "program", id)
		return Reply{Message: Message{Text: T(lang, "recruit.reinvite_no", "name", p.Name, "id", string(p.ID))}}, true, nil
	})
}

func giveBackYes(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
	return b.answerInvitation(ctx, who, lang, CampaignGiveBack, id, "recruit.giveback_answered", b.recruitProgram, func(p Program) (Reply, bool, error) {
		// One who says yes by the offer form a first Yes opened clicks
		// again to be done with it: thanked, with nothing run again.
		if in, err := b.offersIn(ctx, who, p.ID); err != nil || in {
			return Reply{Message: Message{Text: T(lang, "recruit.giveback_already", "name", p.Name)}}, in, err
		}
		r, joined, err := b.joinProgram(ctx, who, lang, p)
		if err != nil || !joined {
			return r, false, err
		}
		return thanked(r, T(lang, "recruit.giveback_yes", "name", p.Name)), true, nil
	})
}

func giveBackNo(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
	return b.answerInvitation(ctx, who, lang, CampaignGiveBack, id, "recruit.giveback_answered", b.programAsIs, func(p Program) (Reply, bool, error) {
		return Reply{Message: Message{Text: T(lang, "recruit.giveback_no")}}, true, nil
	})
}
