package bot

import "context"

// speedStranded reports whether a member who just registered for e on
// side role could meet nobody as things stand: someone is registered on
// the other side, and none of them shares a language with the member
// (shareAny, as the rounds pair them), with the member's languages. A
// member who gave no language speaks any; one on the other side the bot
// cannot read is counted as sharing, so that no false warning goes out.
// Only the member registering is told: those registered before them are
// not written to (their rounds tell them why they sit out). A failure to
// read the entrants means no warning.
func (b *Bot) speedStranded(ctx context.Context, e SpeedEvent, me Member, role SpeedRole) (bool, []string) {
	mine := langCodes(spoken(me))
	if len(mine) == 0 {
		return false, nil
	}
	t := me.ID.Tenant()
	entrants, err := b.store.speed.SpeedEntrants(ctx, t, e.ID)
	if err != nil {
		b.log.Warn("speed registration: read entrants", "event", e.ID, "code", string(ErrorCode(err)))
		return false, nil
	}
	var others []string
	for _, en := range entrants {
		if en.Role != role && en.Member.User != "" && en.Member.User != me.ID.User {
			others = append(others, en.Member.User)
		}
	}
	if len(others) == 0 {
		return false, nil // nobody yet on the other side: the usual reply
	}
	known, err := b.store.members.Members(ctx, t, others)
	if err != nil {
		b.log.Warn("speed registration: read members", "event", e.ID, "code", string(ErrorCode(err)))
		return false, nil
	}
	for _, u := range others {
		m, ok := known[u]
		// As the rounds read them (member): the workspace's language
		// for one who never chose theirs.
		if !ok || shareAny(mine, langCodes(spoken(b.withLang(ctx, m)))) {
			return false, nil
		}
	}
	return true, mine
}
