package bot

import "context"

// LangIn returns the language the bot answers member id in, as
// HandleCommand would: their choice, else the platform's locale of the
// request (locale), else the workspace's default. It only reads, and
// never fails. An adapter that refuses a request itself (a Discord option
// of the wrong type) answers in it, as the core would.
func (b *Bot) LangIn(ctx context.Context, id MemberID, locale string) Lang {
	m, err := b.store.members.GetMember(ctx, id)
	return b.langFor(ctx, id, m, err, locale)
}
