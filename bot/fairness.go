package bot

import (
	"context"
	"time"
)

// FairnessWindow is how soon a request must be matched (its pair
// introduced, both having accepted the charter) to count as matched in
// the fairness report.
const FairnessWindow = 7 * 24 * time.Hour

// Time-zone regions of the fairness report, by UTC offset at request time.
const (
	RegionAmericas = "americas" // UTC−12 to −3
	RegionEurope   = "europe"   // Europe and Africa: UTC−2 to +3
	RegionAsia     = "asia"     // Asia and Oceania: UTC+4 to +14
	RegionUnknown  = "unknown"  // no time zone, or one that cannot be read
)

// fairDims are the dimensions of the fairness report, in report order.
var fairDims = []string{"lang", "region", "kind"}

// regionOf places a time zone in a region at t.
func regionOf(tz string, t time.Time) string {
	if tz == "" {
		return RegionUnknown
	}
	loc, err := loadLocation(tz)
	if err != nil {
		return RegionUnknown
	}
	_, off := t.In(loc).Zone()
	switch {
	case off < -2*3600: // so Newfoundland's −2:30 in summer stays in the Americas
		return RegionAmericas
	case off <= 3*3600:
		return RegionEurope
	}
	return RegionAsia
}

// fairnessGroups are the groups a request counts in: all, its language
// (the first it accepts: asked for, else one the mentee speaks), the mentee's region and its kind.
func fairnessGroups(r Request, mentee Member, at time.Time) []string {
	var lang Lang
	if langs := requestLanguages(r, mentee); len(langs) > 0 {
		lang = langs[0]
	}
	return []string{"all", "lang:" + string(lang), "region:" + regionOf(mentee.TZ, at), "kind:" + string(r.Kind)}
}

// fairHeld is the fairness group of the requests held for their
// program's kick-off: counted apart, in no share (fairnessOf).
const fairHeld = "held"

// recordRequest counts a new request, with the groups of the fairness
// report and its window: a pair introduced within FairnessWindow counts
// it as matched (introduce). A request held for its program's kick-off
// (heldPrograms) is not open to the matching: it is counted in the group
// fairHeld only, with no window, so that the report neither blames the
// matching for the wait the program chose nor counts its match.
func (b *Bot) recordRequest(ctx context.Context, r Request, mentee Member) {
	e := Event{Kind: EventRequest, Member: r.Mentee, Ref: r.ID, Topic: r.Topic,
		Groups: fairnessGroups(r, mentee, b.clock.Now()), Duration: FairnessWindow}
	if b.isHeld(ctx, r) {
		e.Groups, e.Duration = []string{fairHeld}, 0
	}
	b.record(ctx, e)
}

// isHeld reports whether r waits for its program's kick-off. A failure
// to read the programs counts it as not held.
func (b *Bot) isHeld(ctx context.Context, r Request) bool {
	if r.Program == "" {
		return false
	}
	held, err := b.heldPrograms(ctx, r.Mentee.Tenant())
	_, ok := held[r.InProgram()]
	return err == nil && ok
}

// recordRepeatAvoided counts one re-pairing that repeat avoidance
// prevented for the request: the matcher passed over a mentor the mentee
// had already met, or, once for a new request, one with whom a proposal
// or a pair of theirs did not work out.
func (b *Bot) recordRepeatAvoided(ctx context.Context, t Tenant, request string) {
	b.record(ctx, Event{Kind: EventRepeatAvoided, Member: t.Member(""), Ref: request})
}
