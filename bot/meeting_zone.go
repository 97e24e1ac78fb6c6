package bot

import (
	"context"
	"strconv"
)

// commonZones are the zones the introduction's menu offers a member who
// gave none: at most MaxChoices, west to east, then UTC.
var commonZones = []string{
	"America/Los_Angeles", "America/Chicago", "America/New_York", "America/Toronto", "America/Sao_Paulo",
	"Africa/Dakar", "Africa/Abidjan", "Africa/Casablanca", "Europe/London", "Europe/Paris", "Europe/Brussels",
	"Europe/Berlin", "Europe/Madrid", "Europe/Zurich", "Africa/Lagos", "Europe/Athens", "Africa/Nairobi",
	"Europe/Moscow", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney",
	"Pacific/Noumea", "UTC",
}

// askZone is the introduction's "Set my time zone" (value "<pair>"): a
// menu of common zones, for the clicker alone.
func askZone(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	if _, err := b.meetPair(ctx, who, value); err != nil {
		return Reply{}, err
	}
	sel := Select{ActionID: ActionMeetZone, Value: value, Placeholder: T(lang, "meet.tz_placeholder")}
	for i, z := range commonZones {
		sel.Choices = append(sel.Choices, Choice{Label: z, Value: strconv.Itoa(i)})
	}
	return Reply{Message: Message{Text: T(lang, "meet.tz_ask"), Selects: []Select{sel}}}, nil
}

// chooseZone saves the zone chosen in askZone's menu (value
// "<pair>|<n>") as the member's, and offers the pair new times that take
// it into account, unless a time is already agreed.
func chooseZone(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	pairID, chosen := splitSelect(value)
	if len(chosen) != 1 {
		return Reply{}, Errorf(EINVALID, "meet.tz_ask")
	}
	n, err := strconv.Atoi(chosen[0])
	if err != nil || n < 0 || n >= len(commonZones) {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	pair, err := b.meetPair(ctx, who, pairID)
	if err != nil {
		return Reply{}, err
	}
	me, err := b.member(ctx, who)
	if err != nil {
		return Reply{}, err
	}
	zone := commonZones[n]
	changed := me.TZ != zone
	me.TZ = zone
	if changed {
		if err := b.store.members.SaveMember(ctx, me); err != nil {
			return Reply{}, err
		}
		if err := b.zoneToOffer(ctx, me); err != nil {
			return Reply{}, err
		}
	}
	msg := Message{Text: T(lang, "meet.tz_saved", "zone", zone)}
	m, err := b.store.meetings.GetMeeting(ctx, who.Tenant(), pair.ID)
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return Reply{}, err
	}
	if changed && m.Agreed.IsZero() {
		_, thread, err := b.sendNewTimes(ctx, pair, m)
		if err != nil {
			return Reply{}, err
		}
		sent := timesSent(lang, thread, "meet.sent")
		msg.Text += " " + sent.Text
		msg.Channels = sent.Channels
	}
	return Reply{Message: msg, Replace: true}, nil
}
