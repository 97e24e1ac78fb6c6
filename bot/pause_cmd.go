package bot

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// maxPause is how far ahead a pause may end.
const maxPause = 366 * 24 * time.Hour

// resumeHour is the hour, in the member's time zone, at which a pause
// until a date ends that day: the member hears of it in working hours.
const resumeHour = 9

// runPause pauses the member. Without a date it pauses their offer, as it
// always did, and nothing else. With until: or for: it pauses their offer
// and their open request until that date, when a job resumes both.
func runPause(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	if in.Text("until") == "" && in.Text("for") == "" {
		return b.pauseOffer(ctx, in)
	}
	until, err := b.pauseEnd(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	h, err := b.heldBy(ctx, in.Member)
	if err != nil {
		return Reply{}, err
	}
	o, hasOffer, r, hasRequest := h.offer, h.hasOffer, h.request, h.hasRequest
	if !hasOffer && !hasRequest {
		return Reply{}, Errorf(ENOTFOUND, "err.pause_nothing")
	}
	p := Pause{Member: in.Member, Until: until, Offer: hasOffer, At: b.clock.Now().UTC()}
	// The job first: a pause saved without its job would never end. A
	// job whose pause was not saved finds none and does nothing.
	if err := b.store.jobs.ScheduleJobs(ctx, in.Member.Tenant(), false, unpauseJob(p)); err != nil {
		return Reply{}, err
	}
	if err := b.store.pauses.SetPause(ctx, p); err != nil {
		return Reply{}, err
	}
	if hasOffer && !o.Paused {
		o.Paused, o.Keys = true, topicKeys(o.Topics...)
		if err := b.store.offers.SaveOffer(ctx, o); err != nil {
			return Reply{}, err
		}
	}
	b.log.Info("paused", "member", in.Member.String(), "until", until.Format(time.RFC3339))
	date := Date(in.Lang, until.In(b.memberLoc(ctx, in.Me)))
	text := T(in.Lang, pausedUntilKey(hasOffer, hasRequest), "date", date, "topic", r.Topic) +
		b.pairsGoOn(ctx, in.Lang, in.Member) + " " + T(in.Lang, "pause.done_until_end")
	return Reply{Message: Message{Text: text}}, nil
}

// pauseOffer is the plain /mentor pause: the offer only, with no date. A
// member already paused until a date is told so: their pause goes on.
func (b *Bot) pauseOffer(ctx context.Context, in *Invocation) (Reply, error) {
	if p, ok := b.pauseOf(ctx, in.Member); ok && !p.Until.IsZero() {
		date := Date(in.Lang, p.Until.In(b.memberLoc(ctx, in.Me)))
		return Reply{Message: Message{Text: T(in.Lang, "pause.already_until", "date", date)}}, nil
	}
	o, hasOffer, err := b.offerOf(ctx, in.Member)
	if err != nil {
		return Reply{}, err
	}
	if !hasOffer {
		if r, hasRequest, _ := b.openRequestOf(ctx, in.Member); hasRequest {
			return Reply{}, Errorf(ENOTFOUND, "err.pause_need_date", "topic", r.Topic)
		}
		return Reply{}, Errorf(ENOTFOUND, "err.no_offer")
	}
	if o.Paused {
		// A second click or command: nothing changes, and it says so.
		return Reply{Message: Message{Text: T(in.Lang, "pause.already")}}, nil
	}
	o.Paused, o.Keys = true, topicKeys(o.Topics...)
	if err := b.store.offers.SaveOffer(ctx, o); err != nil {
		return Reply{}, err
	}
	text := T(in.Lang, "offer.paused") + b.pairsGoOn(ctx, in.Lang, in.Member)
	if _, hasRequest, _ := b.openRequestOf(ctx, in.Member); hasRequest {
		// The truth about what plain pause leaves alone.
		text += "\n" + T(in.Lang, "pause.request_goes_on")
	}
	return Reply{Message: Message{Text: text}}, nil
}

// pauseNoDate pauses the member's offer o with no date, as plain /mentor
// pause does, at their word given otherwise (no new match after a pair
// ended). Unlike the command, it replaces a pause until a date with one
// without, as a later pause does (the earlier one's job then does
// nothing): the member's word comes after that date was chosen. A pause
// with no date (the bot's) stays as it is. It returns the topic of the
// open request that the replaced pause held, and holds still; "" if none.
func (b *Bot) pauseNoDate(ctx context.Context, m MemberID, o Offer) (string, error) {
	held := ""
	if p, ok := b.pauseOf(ctx, m); ok && !p.Until.IsZero() {
		// At names the pause (its job finds it by At): never the same.
		at := b.clock.Now().UTC().Truncate(time.Millisecond)
		if !at.After(p.At) {
			at = p.At.Add(time.Millisecond)
		}
		if err := b.store.pauses.SetPause(ctx, Pause{Member: m, Offer: true, At: at}); err != nil {
			return "", err
		}
		b.log.Info("paused", "member", m.String(), "until", "resume")
		if r, open, err := b.openRequestOf(ctx, m); err == nil && open {
			held = r.Topic
		}
	}
	defer b.homeChanged(m) // home_publish.go: the home shows the pause
	if o.Paused {
		return held, nil
	}
	o.Paused, o.Keys = true, topicKeys(o.Topics...)
	return held, b.store.offers.SaveOffer(ctx, o)
}

// pairsGoOn is the sentence, after a space, that tells a member who
// pauses that their pairs in progress go on; "" when they have none (or
// when the store cannot say: better silent than untrue).
func (b *Bot) pairsGoOn(ctx context.Context, lang Lang, m MemberID) string {
	pairs, err := b.store.pairs.PairsOf(ctx, m)
	if err != nil {
		return ""
	}
	for _, p := range pairs {
		if !p.State.Closed() {
			return " " + T(lang, "pause.pairs_go_on")
		}
	}
	return ""
}

// runResume ends the member's pause, whatever made it: their offer takes
// requests again, and their open request is proposed again.
func runResume(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	what, err := b.resume(ctx, in.Member, time.Time{})
	if ErrorCode(err) == ENOTFOUND {
		// Neither a pause nor an offer: what resume would resume is
		// missing, which is what the member needs to hear.
		return Reply{}, Errorf(ENOTFOUND, "pause.nothing_to_resume")
	}
	if err != nil {
		return Reply{}, err
	}
	return Reply{Message: Message{Text: resumedText(in.Lang, what)}}, nil
}

// resumed says what a resume resumed.
type resumed struct {
	offer   bool   // the offer was paused and takes requests again
	request string // the topic of the open request proposed again; "" if none
	paused  bool   // the member had a pause record
	already bool   // nothing was paused: the offer already took requests
	// unreachable: a request proposed to the mentor as they resumed could
	// not reach them either (direct messages still closed): they are
	// paused again (pause_unreachable.go), and told so, not welcomed back.
	unreachable bool
}

// resume ends the member's pause (the one made at at, any when at is
// zero), resumes their offer and proposes their open request. A member
// with neither a pause nor an offer gets ENOTFOUND (err.no_offer), as
// /mentor resume always said.
func (b *Bot) resume(ctx context.Context, m MemberID, at time.Time) (resumed, error) {
	var what resumed
	ended, err := b.store.pauses.EndPause(ctx, m, at)
	if err != nil {
		return what, err
	}
	what.paused = ended
	b.answered(ctx, m)
	defer b.homeChanged(m) // home_publish.go: the home shows the pause
	o, hasOffer, err := b.offerOf(ctx, m)
	if err != nil {
		return what, err
	}
	if !hasOffer && !ended {
		return what, Errorf(ENOTFOUND, "err.no_offer")
	}
	if hasOffer {
		what.offer, what.already = o.Paused, !o.Paused && !ended
		// An offer left in programs that closed is opened outside them,
		// paused or not.
		if opened := b.openClosedOffer(ctx, &o); o.Paused || opened {
			o.Paused, o.Keys = false, topicKeys(o.Topics...)
			if err := b.store.offers.SaveOffer(ctx, o); err != nil {
				return what, err
			}
		}
		b.matchResumed(ctx, o)
		if p, ok := b.pauseOf(ctx, m); ok && p.Unreachable {
			what.unreachable = true
			return what, nil
		}
	}
	if !ended {
		return what, nil
	}
	r, open, err := b.openRequestOf(ctx, m)
	if err != nil || !open {
		return what, err
	}
	what.request = r.Topic
	if r.State == RequestWaiting {
		// Proposed now; if that fails, the sweep proposes it.
		b.requeueTelling(ctx, m.Tenant(), r.ID, false)
	}
	return what, nil
}

// resumedText tells a member what resumed.
func resumedText(lang Lang, what resumed) string {
	if what.already {
		return T(lang, "pause.not_paused")
	}
	if what.unreachable {
		return T(lang, "pause.resumed_unreachable")
	}
	var lines []string
	if what.offer {
		lines = append(lines, T(lang, "offer.resumed"))
	}
	if what.request != "" {
		lines = append(lines, T(lang, "pause.resumed_request", "topic", what.request))
	}
	if len(lines) == 0 {
		return T(lang, "pause.resumed_nothing")
	}
	return strings.Join(lines, "\n")
}

// pausedUntilKey is the sentence that says what a pause holds and until
// when, its verb agreeing: "Your offer is paused until …", « Votre offre
// et votre demande sur « go » sont en pause jusqu'au … ».
func pausedUntilKey(offer, request bool) string {
	switch {
	case offer && request:
		return "pause.done_until_both"
	case request:
		return "pause.done_until_request"
	}
	return "pause.done_until_offer"
}

// pausedWhat names what a pause holds: "your offer and your request
// for “go”".
func pausedWhat(lang Lang, offer bool, topic string, request bool) string {
	switch {
	case offer && request:
		return T(lang, "pause.what_both", "topic", topic)
	case request:
		return T(lang, "pause.what_request", "topic", topic)
	}
	return T(lang, "pause.what_offer")
}

// held is what a pause holds: the member's offer and open request, each
// with whether they have one.
type held struct {
	offer      Offer
	hasOffer   bool
	request    Request
	hasRequest bool
}

// heldBy reads what a pause of m would hold.
func (b *Bot) heldBy(ctx context.Context, m MemberID) (held, error) {
	var h held
	var err error
	if h.offer, h.hasOffer, err = b.offerOf(ctx, m); err != nil {
		return h, err
	}
	h.request, h.hasRequest, err = b.openRequestOf(ctx, m)
	return h, err
}

// offerOf returns the member's offer, and whether they have one.
func (b *Bot) offerOf(ctx context.Context, m MemberID) (Offer, bool, error) {
	o, err := b.store.offers.GetOffer(ctx, m)
	if ErrorCode(err) == ENOTFOUND {
		return Offer{}, false, nil
	}
	return o, err == nil, err
}

// openRequestOf returns the member's open request, and whether they have one.
func (b *Bot) openRequestOf(ctx context.Context, m MemberID) (Request, bool, error) {
	r, err := b.store.requests.OpenRequest(ctx, m)
	if ErrorCode(err) == ENOTFOUND {
		return Request{}, false, nil
	}
	return r, err == nil, err
}

// pauseEnd reads until: or for: as the moment the pause ends: resumeHour
// on that day in the member's time zone (else the workspace's). The day
// must come after today there, and within maxPause.
func (b *Bot) pauseEnd(ctx context.Context, in *Invocation) (time.Time, error) {
	loc := b.memberLoc(ctx, in.Me)
	now := b.clock.Now().In(loc)
	until, length := strings.TrimSpace(in.Text("until")), strings.TrimSpace(in.Text("for"))
	var day time.Time
	switch {
	case until != "" && length != "":
		return time.Time{}, &Error{Code: EINVALID, Key: "err.pause_both", Field: "until"}
	case until != "":
		d, ok := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, loc), true
		if w := strings.ToLower(until); w != "tomorrow" && w != "demain" {
			d, ok = parseDayIn(in.Lang, until, now, loc)
		}
		if !ok {
			if err := noSuchDay(in.Lang, "until", until); err != nil {
				return time.Time{}, err // "31/02/2027": read, and no such day
			}
			return time.Time{}, &Error{Code: EINVALID, Key: "err.pause_bad_until", Args: []string{"value", clip(until, 30)}, Field: "until"}
		}
		day = d
	default:
		n, unit, ok := parsePauseLength(length)
		if !ok {
			return time.Time{}, &Error{Code: EINVALID, Key: "err.pause_bad_for", Args: []string{"value", clip(length, 30)}, Field: "for"}
		}
		if n == 0 {
			// Understood, and not a length: say so, not "I can't read it".
			return time.Time{}, &Error{Code: EINVALID, Key: "err.pause_zero", Field: "for"}
		}
		today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
		switch unit {
		case 'd':
			day = today.AddDate(0, 0, n)
		case 'w':
			day = today.AddDate(0, 0, 7*n)
		default:
			day = today.AddDate(0, n, 0)
		}
	}
	end := time.Date(day.Year(), day.Month(), day.Day(), resumeHour, 0, 0, 0, loc)
	date := Date(in.Lang, end)
	tomorrow := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, loc)
	switch {
	case end.Before(tomorrow):
		return time.Time{}, &Error{Code: EINVALID, Key: "err.pause_past", Args: []string{"date", date}, Field: "until"}
	case end.Sub(now) > maxPause:
		return time.Time{}, &Error{Code: EINVALID, Key: "err.pause_too_far", Args: []string{"date", date}, Field: "until"}
	}
	return end.UTC(), nil
}

// pauseUnits are the units of for:, in English and French: days, weeks
// ("s" for semaines) and months ("m" is months here, never minutes).
var pauseUnits = map[string]rune{
	"d": 'd', "day": 'd', "days": 'd', "j": 'd', "jour": 'd', "jours": 'd',
	"w": 'w', "week": 'w', "weeks": 'w', "wk": 'w', "s": 'w', "sem": 'w', "semaine": 'w', "semaines": 'w',
	"m": 'm', "mo": 'm', "month": 'm', "months": 'm', "mois": 'm',
}

// parsePauseLength reads "3w", "10 days", "2 mois": a whole number of at
// most four digits and a unit. It reads "0d" too, which pauseEnd refuses
// for what it is: no length at all.
func parsePauseLength(s string) (n int, unit rune, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	if i <= 0 {
		return 0, 0, false
	}
	n, err := strconv.Atoi(s[:i])
	// Up to 9999: a length over a year is read, and refused as too far.
	if err != nil || i > 4 {
		return 0, 0, false
	}
	unit, ok = pauseUnits[strings.TrimSpace(s[i:])]
	return n, unit, ok
}
