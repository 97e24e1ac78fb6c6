package bot

import "context"

// Withdrawing a request with a button: the "Withdraw my request" of
// /mentor status and the home, as /mentor cancel does, after a second
// click on "Yes, withdraw it". Every value is the request's ID: a button
// of a request since withdrawn, paired or replaced by another changes
// nothing (the store checks the ID in the step that withdraws). A request
// back in the queue after a declined charter is the same request: its
// buttons still withdraw it.
const (
	ActionWithdrawAsk     = "withdraw.ask"     // asks "are you sure?"
	ActionWithdrawConfirm = "withdraw.confirm" // withdraws the request
	ActionWithdrawKeep    = "withdraw.keep"    // keeps it
)

// withdrawButton is the status's and the home's button for request r.
func withdrawButton(lang Lang, r Request) Button {
	return Button{Label: T(lang, "btn.withdraw"), ActionID: ActionWithdrawAsk, Value: r.ID}
}

// withdrawable reads who's open request, if it is still requestID.
func (b *Bot) withdrawable(ctx context.Context, who MemberID, requestID string) (Request, error) {
	r, err := b.store.requests.OpenRequest(ctx, who)
	switch {
	case ErrorCode(err) == ENOTFOUND || err == nil && r.ID != requestID:
		return r, Errorf(ESTALE, "withdraw.gone")
	case err != nil:
		return r, err
	}
	return r, nil
}

// askWithdraw asks "are you sure?" before the request goes.
func askWithdraw(ctx context.Context, b *Bot, who MemberID, lang Lang, requestID string) (Reply, error) {
	r, err := b.withdrawable(ctx, who, requestID)
	if err != nil {
		return Reply{}, err
	}
	return Reply{Message: Message{
		Title: T(lang, "withdraw.confirm_title"),
		Text:  T(lang, "withdraw.confirm", "topic", r.Topic),
		Buttons: []Button{
			{Label: T(lang, "btn.withdraw_confirm"), ActionID: ActionWithdrawConfirm, Value: r.ID, Style: StyleDanger},
			{Label: T(lang, "btn.withdraw_keep"), ActionID: ActionWithdrawKeep, Value: r.ID},
		},
	}}, nil
}

// confirmWithdraw withdraws the request, as /mentor cancel does. The
// store checks that it is still the open request, in the step that
// withdraws it: no read before.
func confirmWithdraw(ctx context.Context, b *Bot, who MemberID, lang Lang, requestID string) (Reply, error) {
	reply, err := b.cancelRequest(ctx, who, requestID, lang)
	switch ErrorCode(err) {
	case "":
	case ENOTFOUND, ESTALE: // withdrawn by a click just before, or replaced since
		return Reply{}, Errorf(ESTALE, "withdraw.gone")
	default:
		return Reply{}, err
	}
	reply.Replace = true
	return reply, nil
}

// keepRequest is "No, keep it": nothing changes.
func keepRequest(ctx context.Context, b *Bot, who MemberID, lang Lang, requestID string) (Reply, error) {
	r, err := b.withdrawable(ctx, who, requestID)
	if err != nil {
		return Reply{}, err
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, "withdraw.kept", "topic", r.Topic)}}, nil
}
