package bot

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// speedAnyTopic is a word no topic has, added to every topic of a round:
// a mentor offers it, and every mentee asks for it next to their own
// topic, so that the matcher may pair anyone with anyone (a speed session
// is a conversation, not a commitment) while a mentor who offers the
// mentee's topic still scores above one who does not.
const speedAnyTopic = "zqxspeedround"

// speedWaitBonus is the priority a round gives a mentee for each earlier
// round they sat out: more than any difference of fit (at most 1), so
// that those left out last time are paired first.
const speedWaitBonus = 2.0

// runSpeed runs a round boundary (speed:<event>:<n>): the continue
// question of round n-1, then the pairing of round n. Each step is done
// once whatever retries and replicas do: the round is stored once (the
// first pairing wins) and each message goes through a delivery mark.
func runSpeed(ctx context.Context, b *Bot, t Tenant, j Job) error {
	e, err := b.store.speed.GetSpeedEvent(ctx, t, j.Part(0))
	if err != nil {
		return ignoreGone(err)
	}
	if !e.Cancelled.IsZero() {
		return nil // a manager cancelled it: no question, no round
	}
	n := j.N(1)
	// The question of the round that ends does not hold up the round that
	// starts: both are tried, and a retry redoes only what is not done.
	var asked error
	if n > 1 {
		asked = b.speedAskContinue(ctx, e, n-1)
	}
	switch n {
	case e.Rounds:
		// Registration closes as the last round starts (speed_register.go):
		// its buttons go then, not at the end.
		b.closeSpeedPost(ctx, e, "event.post_last_round")
	case e.Rounds + 1:
		b.closeSpeedPost(ctx, e, "event.post_ended") // said over, once it is
	}
	if n < 1 || n > e.Rounds {
		return asked
	}
	r, err := b.speedPairRound(ctx, e, n)
	if err != nil {
		return err
	}
	// A cancellation during the pairing: no room goes out after its
	// notices.
	if now, err := b.store.speed.GetSpeedEvent(ctx, t, e.ID); err == nil && !now.Cancelled.IsZero() {
		return asked
	}
	if err := b.speedAnnounce(ctx, e, r); err != nil {
		return err
	}
	return asked
}

// speedPairRound returns round n as stored, pairing it first if nobody has.
func (b *Bot) speedPairRound(ctx context.Context, e SpeedEvent, n int) (SpeedRound, error) {
	t := e.By.Tenant()
	r, err := b.store.speed.GetSpeedRound(ctx, t, e.ID, n)
	if ErrorCode(err) != ENOTFOUND {
		return r, err
	}
	entrants, err := b.store.speed.SpeedEntrants(ctx, t, e.ID)
	if err != nil {
		return SpeedRound{}, err
	}
	past, err := b.speedPast(ctx, e, n)
	if err != nil {
		return SpeedRound{}, err
	}
	r, err = b.speedSolve(ctx, e, n, entrants, past)
	if err != nil {
		return SpeedRound{}, err
	}
	r, created, err := b.store.speed.SaveSpeedRound(ctx, t, r)
	if err != nil || !created {
		return r, err
	}
	b.log.Info("speed round paired", "event", e.ID, "round", n, "sessions", len(r.Sessions), "sat_out", len(r.SatOut))
	return b.speedLateLeavers(ctx, e, r, entrants)
}

// speedLateLeavers handles the members who left while round r was being
// paired from entrants: they left before it was stored, so leaving found
// no round to drop them from. They are dropped now, as leaving does, and
// the round is read again.
func (b *Bot) speedLateLeavers(ctx context.Context, e SpeedEvent, r SpeedRound, entrants []SpeedEntrant) (SpeedRound, error) {
	t := e.By.Tenant()
	now, err := b.store.speed.SpeedEntrants(ctx, t, e.ID)
	if err != nil {
		return r, nil // the round stands; a leaver's room is the only cost
	}
	still := map[string]bool{}
	for _, en := range now {
		still[en.Member.User] = true
	}
	left := false
	for _, en := range entrants {
		if !still[en.Member.User] {
			b.speedDropped(ctx, e, en.Member)
			left = true
		}
	}
	if !left {
		return r, nil
	}
	return b.store.speed.GetSpeedRound(ctx, t, e.ID, r.N)
}

// speedHistory is what the earlier rounds of an event tell the next one.
type speedHistory struct {
	met    map[string][]string // mentee → mentors met (sessions paired, even cut short)
	satOut map[string]int      // mentee → rounds sat out
}

// speedPast reads rounds 1..n-1.
func (b *Bot) speedPast(ctx context.Context, e SpeedEvent, n int) (speedHistory, error) {
	h := speedHistory{met: map[string][]string{}, satOut: map[string]int{}}
	for k := 1; k < n; k++ {
		r, err := b.store.speed.GetSpeedRound(ctx, e.By.Tenant(), e.ID, k)
		if ErrorCode(err) == ENOTFOUND {
			continue
		}
		if err != nil {
			return h, err
		}
		for _, s := range r.Sessions {
			h.met[s.Mentee.User] = append(h.met[s.Mentee.User], s.Mentor.User)
		}
		for user := range r.SatOut {
			h.satOut[user]++
		}
	}
	return h, nil
}

// speedSolve pairs round n: one optimal round of the matcher, every
// mentor with capacity 1, the mentors each mentee met excluded, and a
// priority for the rounds each sat out.
func (b *Bot) speedSolve(ctx context.Context, e SpeedEvent, n int, entrants []SpeedEntrant, past speedHistory) (SpeedRound, error) {
	t := e.By.Tenant()
	syn := b.synonyms(ctx, t)
	r := SpeedRound{Event: e.ID, N: n, SatOut: map[string]string{}, Paired: b.clock.Now().UTC()}
	var needs []matching.Need
	var mentors []matching.Mentor
	speaks := map[string][]string{}
	byUser := map[string]SpeedEntrant{}
	for _, en := range entrants {
		m, err := b.member(ctx, en.Member)
		if err != nil {
			return r, err
		}
		byUser[en.Member.User] = en
		langs := langCodes(spoken(m))
		speaks[en.Member.User] = langs
		if en.Role == SpeedMentee {
			needs = append(needs, matching.Need{
				ID: en.Member.User, MenteeID: en.Member.User, Topic: speedTopic(syn, en.Topic), Kind: matching.Flash,
				Languages: langs, NoTZ: true, Exclude: past.met[en.Member.User],
				Waited: time.Duration(past.satOut[en.Member.User]) * 24 * time.Hour,
			})
			continue
		}
		topics := []string{speedAnyTopic}
		if o, err := b.store.offers.GetOffer(ctx, en.Member); err == nil {
			for _, tp := range o.Topics {
				topics = append(topics, speedTopic(syn, tp))
			}
		}
		mentors = append(mentors, matching.Mentor{ID: en.Member.User, Topics: topics, Languages: langs, NoTZ: true, Capacity: 1})
	}
	opt := matching.DefaultOptions()
	opt.MaxTZHours, opt.WaitPerDay, opt.MaxWaitDays, opt.LoadSpread = 0, speedWaitBonus, float64(e.Rounds), 0
	opt.NarrowerOffers = true // every mentor's "any" matches "<topic> any"
	taken := map[string]bool{}
	for _, a := range matching.Assign(needs, mentors, opt) {
		mentee, mentor := byUser[a.NeedID], byUser[a.Candidate.MentorID]
		room, err := b.speedRoom(ctx, e)
		if err != nil {
			return r, err
		}
		r.Sessions = append(r.Sessions, SpeedSession{Mentor: mentor.Member, Mentee: mentee.Member, Topic: mentee.Topic, Room: room})
		taken[mentee.Member.User], taken[mentor.Member.User] = true, true
	}
	for _, en := range entrants {
		if taken[en.Member.User] {
			continue
		}
		r.SatOut[en.Member.User] = speedWhy(en, entrants, past, speaks, taken)
	}
	return r, nil
}

// speedTopic is a topic as the round's matcher reads it: folded with the
// workspace's aliases, then with speedAnyTopic.
func speedTopic(syn matching.Synonyms, topic string) string {
	if n := syn.Normalize(topic); n != "" {
		return n + " " + speedAnyTopic
	}
	return speedAnyTopic
}

// speedWhy says truthfully why a present member sat out: a mentor had no
// mentee left (speedWhyMentor); a mentee met every mentor present, or
// shares no language with those they have not met, or the mentors free
// for them were all taken (taken: those in a session). Then what the
// mentors still free have against them is said too: met already, or no
// language in common; "more mentees than mentors" only when no mentor is
// free at all.
func speedWhy(en SpeedEntrant, entrants []SpeedEntrant, past speedHistory, speaks map[string][]string, taken map[string]bool) string {
	if en.Role == SpeedMentor {
		return speedWhyMentor(en, entrants, past, speaks, taken)
	}
	met := past.met[en.Member.User]
	var unmet, busy, freeMet, freeForeign, freeOK bool
	for _, o := range entrants {
		if o.Role != SpeedMentor {
			continue
		}
		seen := containsString(met, o.Member.User)
		shares := shareAny(speaks[en.Member.User], speaks[o.Member.User])
		switch {
		case !seen && shares && taken[o.Member.User]:
			busy = true
		case taken[o.Member.User]:
		case seen:
			freeMet = true
		case !shares:
			freeForeign = true
		default:
			freeOK = true // left free by the matcher: not said to be busy
		}
		unmet = unmet || !seen
	}
	switch {
	case !unmet:
		return SatOutMetAll
	case freeOK:
		return SatOutBusy
	case !busy:
		return SatOutLanguage
	case freeMet && freeForeign:
		return SatOutBusyBoth
	case freeMet:
		return SatOutBusyMet
	case freeForeign:
		return SatOutBusyLanguage
	}
	return SatOutBusy
}

// speedWhyMentor says why a mentor sat out, from the mentees left free
// this round (taken: those in a session): none (every mentee is with
// another mentor); or each of them met this mentor already, or shares no
// language with them, or some one and the others the other.
func speedWhyMentor(en SpeedEntrant, entrants []SpeedEntrant, past speedHistory, speaks map[string][]string, taken map[string]bool) string {
	met, foreign := false, false
	for _, o := range entrants {
		if o.Role != SpeedMentee || taken[o.Member.User] {
			continue
		}
		switch {
		case containsString(past.met[o.Member.User], en.Member.User):
			met = true
		case !shareAny(speaks[en.Member.User], speaks[o.Member.User]):
			foreign = true
		}
	}
	switch {
	case met && foreign:
		return SatOutMenteesMetLanguage
	case met:
		return SatOutMenteesMet
	case foreign:
		return SatOutMenteesLanguage
	}
	return SatOutNoMentee
}

// shareAny reports whether a and b share a language; a side that gave
// none speaks any.
func shareAny(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(x, y) {
				return true
			}
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// speedRoom is a session's video link: the event's, or a room of its own.
func (b *Bot) speedRoom(ctx context.Context, e SpeedEvent) (string, error) {
	if e.Video != "" {
		return e.Video, nil
	}
	return b.newRoom(ctx, e.By.Tenant())
}

// speedAnnounce posts each session its room, in a group DM, and tells each
// member who sits out why. Each message goes once.
func (b *Bot) speedAnnounce(ctx context.Context, e SpeedEvent, r SpeedRound) error {
	var firstErr error
	keep := func(err error) {
		if err != nil && firstErr == nil && ErrorCode(err) != EGONE {
			firstErr = err
		}
	}
	for i, s := range r.Sessions {
		if s.Left != "" || s.Mentor.User == "" || s.Mentee.User == "" {
			continue
		}
		keep(b.speedSendRoom(ctx, e, r.N, s, speedRoomKey(e, r.N, i)))
	}
	users := make([]string, 0, len(r.SatOut))
	for u := range r.SatOut {
		users = append(users, u)
	}
	sort.Strings(users)
	for _, u := range users {
		if u == "" {
			continue
		}
		keep(b.speedSendSatOut(ctx, e, r.N, e.By.Tenant().Member(u), r.SatOut[u]))
	}
	return firstErr
}

// speedRoomKey is the delivery key of the room of session i of round n:
// sessions are only ever appended, so i names one session for good, and
// the key names no member (erasing one leaves no trace of them in it).
func speedRoomKey(e SpeedEvent, n, i int) string {
	return "speedroom:" + e.ID + ":" + itoa(n) + ":" + itoa(i)
}

// speedSendRoom sends a session its room: one message to both, in each
// one's language (both, one after the other, when they differ).
func (b *Bot) speedSendRoom(ctx context.Context, e SpeedEvent, n int, s SpeedSession, key string) error {
	mentor, err := b.member(ctx, s.Mentor)
	if err != nil {
		return err
	}
	mentee, err := b.member(ctx, s.Mentee)
	if err != nil {
		return err
	}
	p, err := b.platform(s.Mentor)
	if err != nil {
		return err
	}
	langs := []Lang{mentee.Lang}
	if mentor.Lang != mentee.Lang {
		langs = append(langs, mentor.Lang)
	}
	var titles, texts, rooms []string
	for _, l := range langs {
		topic := T(l, "event.room_open_topic")
		if s.Topic != "" {
			topic = T(l, "event.room_topic", "topic", s.Topic)
		}
		titles = append(titles, T(l, "event.room_title", "name", e.Name, "round", itoa(n), "rounds", itoa(e.Rounds)))
		texts = append(texts, T(l, "event.room_text", "mentor", mentor.displayName(), "mentee", mentee.displayName(),
			"minutes", itoa(e.Minutes), "until", speedClock(l, e, e.RoundStart(n+1)))+"\n"+topic)
		rooms = append(rooms, T(l, "event.room_link"))
	}
	msg := Message{
		Title:    strings.Join(titles, " / "),
		Text:     strings.Join(texts, "\n\n"),
		Link:     &Link{Label: strings.Join(rooms, " / "), URL: s.Room},
		Mentions: []MemberID{s.Mentor, s.Mentee},
	}
	return b.once(ctx, e.By.Tenant(), key, b.lease(), func(ctx context.Context) error {
		return p.Introduce(ctx, []MemberID{s.Mentor, s.Mentee}, msg)
	})
}

// speedSendSatOut tells a member why they sit out round n, and when the
// next round starts; a mentor, to take a break meanwhile. Round n is the
// last: no break, no next round, only thanks.
func (b *Bot) speedSendSatOut(ctx context.Context, e SpeedEvent, n int, to MemberID, why string) error {
	return b.deliver(ctx, "speedout:"+e.ID+":"+itoa(n), to, func(l Lang) Message {
		text := T(l, "event.satout_"+why, "round", itoa(n))
		if n < e.Rounds {
			if strings.HasPrefix(why, SatOutNoMentee) {
				text += " " + T(l, "event.satout_break")
			}
			text += " " + T(l, "event.satout_next", "when", speedClock(l, e, e.RoundStart(n+1)))
			if strings.HasPrefix(why, SatOutBusy) {
				text += " " + T(l, "event.satout_first")
			}
		} else {
			text += " " + T(l, "event.satout_last")
		}
		return Message{Text: text}
	})
}
