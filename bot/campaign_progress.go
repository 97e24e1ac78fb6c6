package bot

import "context"

// Editor is an optional Platform feature: a DM that the bot edits later,
// such as a campaign's progress. SendEditable delivers msg as Send does
// and returns a reference to the posted message (IDs only); Edit replaces
// that message. ENOTFOUND when the message is gone.
type Editor interface {
	SendEditable(ctx context.Context, to MemberID, msg Message) (string, error)
	Edit(ctx context.Context, to MemberID, ref string, msg Message) error
}

// progressMessage is the manager's view of a campaign: "sent 1,240 of
// 5,000; 3 could not be reached".
func progressMessage(c Campaign) Message {
	l := c.Lang
	text := T(l, "campaign.progress", "sent", Number(l, c.Sent), "total", Number(l, c.Total))
	if c.Unreachable > 0 {
		text += T(l, "campaign.progress.unreachable", "n", Number(l, c.Unreachable), "count", itoa(c.Unreachable))
	}
	if c.Skipped > 0 {
		text += T(l, "campaign.progress.skipped", "n", Number(l, c.Skipped), "count", itoa(c.Skipped))
	}
	state := "campaign.progress.going"
	if c.Done() {
		state = "campaign.progress.done"
	}
	return Message{
		Title: T(l, "campaign.progress.title."+c.Kind, "program", c.Program),
		Text:  text + "\n" + T(l, state),
	}
}

// showProgress shows a campaign's progress to its manager: a new DM when
// it starts (kept for edits where the platform can edit), then edits of
// it; a platform that cannot edit gets only the first and the last.
// Progress is a courtesy: a failure is logged, never retried.
func (b *Bot) showProgress(ctx context.Context, c Campaign, first bool) {
	p, err := b.platform(c.Manager)
	if err != nil {
		return
	}
	msg := progressMessage(c)
	ed, editable := p.(Editor)
	switch {
	case first && editable:
		ref, err := ed.SendEditable(ctx, c.Manager, msg)
		if err == nil {
			err = b.store.campaigns.SetCampaignRef(ctx, c.Tenant, c.ID, ref)
		}
		b.progressFailed(c, err)
	case editable && c.Ref != "":
		b.progressFailed(c, ed.Edit(ctx, c.Manager, c.Ref, msg))
	case first || c.Done():
		b.progressFailed(c, p.Send(ctx, c.Manager, msg))
	}
}

func (b *Bot) progressFailed(c Campaign, err error) {
	if err != nil {
		b.log.Warn("campaign progress not shown", "tenant", c.Tenant.String(), "campaign", c.ID, "code", string(ErrorCode(err)))
	}
}
