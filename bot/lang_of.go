package bot

import "context"

// LangOf returns the language the bot writes to member id in, as it would
// answer them now: their choice, else the workspace's default (for a
// member it has never met too). It only reads, and never fails: with the
// store down it is the workspace's default. An adapter that writes
// sentences of its own (the shell's "You are now erin.") asks it.
func (b *Bot) LangOf(ctx context.Context, id MemberID) Lang {
	m, err := b.store.members.GetMember(ctx, id)
	return b.langFor(ctx, id, m, err, "")
}
