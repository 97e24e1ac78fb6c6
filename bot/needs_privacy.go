package bot

import (
	"context"
	"sort"
)

// memberData is everything the bot keeps about a member, for
// /mentor export-me and /mentor forget: what PrivacyStore.MemberData
// reads, with the needs survey's answers and the campaign opt-out, which
// live behind their own seams. PrivacyStore.Erase erases those too.
func (b *Bot) memberData(ctx context.Context, id MemberID) (MemberData, error) {
	d, err := b.store.privacy.MemberData(ctx, id)
	if err != nil {
		return d, err
	}
	if d.Needs, err = b.store.needs.MemberNeeds(ctx, id); err != nil {
		return d, err
	}
	sort.Slice(d.Needs, func(i, j int) bool { return d.Needs[i].Survey < d.Needs[j].Survey })
	if d.Goals, err = b.memberGoals(ctx, id, d.Pairs); err != nil {
		return d, err
	}
	if d.CampaignOptOut, err = b.store.campaigns.CampaignOptedOut(ctx, id); err != nil {
		return d, err
	}
	if p, err := b.store.pauses.GetPause(ctx, id); err == nil {
		d.Pause = &p // pause.go
	} else if ErrorCode(err) != ENOTFOUND {
		return d, err
	}
	if d.OpenedHome, err = b.store.homes.HasOpenedHome(ctx, id); err != nil {
		return d, err
	}
	// The installation names who installed the app (install.go).
	switch in, err := b.store.installs.Installation(ctx, id.Tenant()); {
	case err == nil && in.InstalledBy == id.User:
		d.InstalledApp = &in.InstalledAt
	case err != nil && ErrorCode(err) != ENOTFOUND:
		return d, err
	}
	return d, nil
}
