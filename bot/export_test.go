package bot

import "context"

// RecordRepeatAvoided exposes recordRepeatAvoided to the black-box tests:
// the matcher's caller records it, not a command.
func (b *Bot) RecordRepeatAvoided(ctx context.Context, t Tenant, request string) {
	b.recordRepeatAvoided(ctx, t, request)
}

// Reasons exposes the sentences of the matcher's reasons to the
// black-box table of every reason: a match reason as the mentor reads it
// (mentor "") or as both members read it in the introduction, and a
// waiting reason as the mentee or a manager reads it.
var (
	ReasonText      = reasonText
	WaitingReason   = waitingReason
	WaitingReasonOf = waitingReasonOf
)

// DuplicateKeys are the catalog keys two catalog files define.
func DuplicateKeys() []string { return duplicateKeys }

// CampaignKinds are the kinds of campaign the core sends.
func CampaignKinds() []string {
	var kinds []string
	for k := range campaignBuilders() {
		kinds = append(kinds, k)
	}
	return kinds
}
