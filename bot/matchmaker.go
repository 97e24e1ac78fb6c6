package bot

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// proposeResult says what proposeNext did.
type proposeResult struct {
	proposed bool
	why      matching.Explanation
	gap      matching.LanguageGap // whether languages alone stand in the way
	paused   *Pause               // the mentee is paused: nobody was asked (pause.go)
	// notAgain: a mentor of the topic was passed over because a proposal
	// or a pair of theirs with the mentee did not work out (repeat
	// avoidance); the caller of a new request counts it, once.
	notAgain bool
	// unreachable counts the mentors of the topic whose proposal could
	// not be sent (EGONE: they left, or the platform cannot write to
	// them, as for a Discord member whose direct messages are closed):
	// each proposal was closed, so the request waits on none of them,
	// and they are out of why. The mentee is told of them (reason), not
	// that nobody offers the topic.
	unreachable int
	// others are the programs where the mentors why counts in other
	// programs could take the request (otherPrograms).
	others []Program
}

// maxProposeAttempts bounds how many mentors who cannot be reached (they
// left the workspace) are skipped in one go; maxCapacityRaces how many
// mentors found full when proposing (another replica took their last slot
// since the offers were read).
const (
	maxProposeAttempts = 3
	maxCapacityRaces   = 10
)

// proposeNext sends the request to the best available mentor among those
// offering its topic. With none available the request stays waiting and
// the result explains why. r must be fresh from the store, so that its
// declined list is complete.
func (b *Bot) proposeNext(ctx context.Context, r Request, mentee Member) (proposeResult, error) {
	return b.proposeNextAfter(ctx, r, mentee, "")
}

// proposeNextAfter is proposeNext after a proposal of r to the mentor
// unreachable (a user ID; "" for none) was closed because it could not be
// sent to them (the proposal's send job): that mentor, now among those
// who declined r, is told of as unreachable, as the walk tells of those
// it finds so itself.
func (b *Bot) proposeNextAfter(ctx context.Context, r Request, mentee Member, unreachable string) (proposeResult, error) {
	if p, ok := b.pauseOf(ctx, r.Mentee); ok {
		return proposeResult{paused: &p}, nil
	}
	rk, err := b.candidates(ctx, r, mentee)
	if err != nil {
		return proposeResult{}, err
	}
	if rk.known != nil {
		return proposeResult{why: rk.known.why, gap: rk.known.gap, others: rk.known.others}, nil
	}
	missed := 0 // mentors found unreachable: before this walk, and in it
	if unreachable != "" {
		n := len(rk.mentors)
		rk.mentors = slices.DeleteFunc(rk.mentors, func(m matching.Mentor) bool { return m.ID == unreachable })
		missed = n - len(rk.mentors)
	}
	gone, full := 0, 0
	for _, c := range rk.best {
		if gone >= maxProposeAttempts || full >= maxCapacityRaces {
			break
		}
		_, err := b.proposeTo(ctx, r, waitedOnly(c), mentee)
		switch ErrorCode(err) {
		case EGONE:
			// The mentor cannot be reached: they left, or the platform
			// cannot write to them (a Discord member whose direct
			// messages are closed still offers the topic). Their
			// proposal was closed (proposeTo), so the request is not
			// left waiting on them; out of the explanation (neither
			// "asked already" nor "speaks English"), they are counted
			// apart, so that the mentee is not told that nobody offers
			// the topic.
			gone++
			rk.mentors = slices.DeleteFunc(rk.mentors, func(m matching.Mentor) bool { return m.ID == c.MentorID })
		case ECAPACITY:
			full++
			markFull(rk.mentors, c.MentorID)
		case "", ESTALE:
			// ESTALE: another replica or click moved the request on: not ours to do.
			// Whether a mentor was passed over as not again is assessed only
			// for a mentee with such a history: rare.
			notAgain := len(rk.need.NotAgain) > 0 && rk.explain().NotAgain > 0
			return proposeResult{proposed: true, notAgain: notAgain}, nil
		default:
			return proposeResult{}, err
		}
	}
	why, others := b.explainRanking(ctx, r.Mentee.Tenant(), rk)
	res := proposeResult{why: why, others: others, unreachable: missed + gone}
	res.notAgain = res.why.NotAgain > 0
	if res.why.NoLanguage > 0 && res.unreachable == 0 {
		// A language gap needs a mentor who fits but for languages, whom
		// Explain counts under NoLanguage: with none, there is no gap, and
		// a topic's hundreds of mentors are not assessed a second time.
		// Not with a mentor who could not be reached: that mentor may
		// speak the request's languages.
		res.gap = languageGap(rk)
	}
	if rk.wait != nil && res.unreachable == 0 {
		b.waits.put(*rk.wait, waitEntry{why: res.why, gap: res.gap, others: res.others, at: b.clock.Now()})
	}
	return res, nil
}

// waitedOnly is c with its waiting reason telling the wait alone: an
// instant proposal sees one request, not the others waiting, so it
// cannot claim the request was first in line ("waiting for 2 days", not
// "…, so first in line"); a round (Assign) says when it was.
func waitedOnly(c matching.Candidate) matching.Candidate {
	i := slices.IndexFunc(c.Reasons, func(r matching.Reason) bool { return r.Code == matching.ReasonWaited })
	if i < 0 {
		return c
	}
	c.Reasons = slices.Clone(c.Reasons)
	c.Reasons[i].Detail = matching.WaitedOnly
	return c
}

// ranking is a request's candidates as the matcher saw them: the best few
// to try in turn, and what Explain needs if none of them takes it.
type ranking struct {
	need    matching.Need
	mentors []matching.Mentor
	opt     matching.Options
	best    []matching.Candidate
	// On a topic whose mentors are all full: the key its explanation is
	// kept under (waitCache); known when an explanation kept for
	// requests alike was found, and then nothing else is set.
	wait  *waitKey
	known *waitEntry
}

// explain tells why nobody in the ranking fits: the explanation kept for
// requests alike when there is one (waitCache), else the matcher's. What
// is told to members counts other programs as explainRanking does.
func (rk ranking) explain() matching.Explanation {
	if rk.known != nil {
		return rk.known.why
	}
	return matching.Explain(rk.need, rk.mentors, rk.opt)
}

// candidates reads the mentors filed under the request's topic and the
// mentee's history (and their pairs, when they have some: pairedFor),
// and ranks the best few within a ranking slot sized to
// their number: the proposals that follow (Redis and the platform) hold
// none. One ranking serves the whole walk: a mentor who left (EGONE) or
// whom another replica filled since the read (ECAPACITY: the loser of the
// race proposes the next candidate) is marked and skipped.
func (b *Bot) candidates(ctx context.Context, r Request, mentee Member) (ranking, error) {
	t := r.Mentee.Tenant()
	c, err := b.store.candidates.Candidates(ctx, t, b.lookupKeys(ctx, t, r.Topic), r.Mentee.User)
	if err != nil {
		return ranking{}, err
	}
	never, met := verdicts(c.History)
	need, opt := b.needWith(r, mentee, never, met), b.matchOptions(ctx, t)
	if len(c.Offers) > 0 {
		if need.Paired, err = b.pairedFor(ctx, r, c.MenteePairs, opt.Synonyms); err != nil {
			return ranking{}, err
		}
	}
	key, shared := waitKeyOf(t, c, need, opt)
	if shared {
		if e, ok := b.waits.get(key, b.clock.Now()); ok {
			return ranking{known: &e}, nil
		}
	}
	release, err := b.rankingSlot(ctx, len(c.Offers))
	if err != nil {
		return ranking{}, err
	}
	defer release()
	rk := ranking{need: need, mentors: b.mentorsTaken(c.Offers, c.Taken), opt: opt}
	if shared {
		rk.wait = &key
	}
	b.proposing.count(t, rk.mentors)
	rk.best = matching.RankTop(rk.need, rk.mentors, rk.opt, maxProposeAttempts+maxCapacityRaces)
	return rk, nil
}

// rankingSlots is how many instant proposals on the largest topics may
// read and rank their candidates at once (see rankedPerSlot): the work is
// CPU-bound, so more at once only adds memory (a topic of thousands of
// mentors decodes and scores each of them per request) without adding
// throughput.
func rankingSlots() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

// rankingSlot waits for room to rank n candidates and returns its
// release. A request whose context ends first gets EUNAVAILABLE: it is
// stored and waiting, and the sweep proposes it.
func (b *Bot) rankingSlot(ctx context.Context, n int) (func(), error) {
	release, err := b.ranking.acquire(ctx, n)
	if err != nil {
		// Busy, not broken: the member is told to try again in a moment,
		// and a job retries later.
		return nil, &Error{Code: EUNAVAILABLE, Key: "err.busy", Err: err}
	}
	return release, nil
}

// markFull records that a mentor has no free slot left.
func markFull(mentors []matching.Mentor, id string) {
	for i := range mentors {
		if mentors[i].ID == id {
			mentors[i].Active = mentors[i].Capacity
		}
	}
}

// matchOptions are the matcher's options in a workspace.
func (b *Bot) matchOptions(ctx context.Context, t Tenant) matching.Options {
	opt := b.cfg.Match
	opt.MaxTZHours = b.settings(ctx, t).MaxTZHours
	opt.Synonyms = b.synonyms(ctx, t)
	return opt
}

// proposeTo records a proposal of r to the candidate and sends it. A
// mentor the platform cannot write to (EGONE) is closed (closeUndelivered):
// one who left is recorded as having declined, one whose direct messages
// are closed is paused and the proposal released; either way the
// request waits on them no longer. The platform's
// directory is not asked first: on Slack each ask is a users.info call
// (rate-limited), which cost a third of the proposals' throughput under
// load; a member who left is erased by the platform's own event, and a
// message that fails because they left gives EGONE here.
func (b *Bot) proposeTo(ctx context.Context, r Request, c matching.Candidate, mentee Member) (Proposal, error) {
	t := r.Mentee.Tenant()
	id, err := b.newID()
	if err != nil {
		return Proposal{}, err
	}
	p := Proposal{
		ID: id, Request: r.ID, Mentor: t.Member(c.MentorID), Mentee: r.Mentee,
		Topic: r.Topic, Kind: r.Kind, Goal: r.Goal, Reasons: b.waitedReasons(ctx, t, c.Reasons, r), Score: c.Score.Total,
		State: ProposalPending, Created: b.clock.Now().UTC(), RequestKeys: r.Keys,
	}
	done := b.proposing.start(p.Mentor)
	err = b.store.proposals.Propose(ctx, p, proposalJobs(b.settings(ctx, t), p))
	done()
	if err != nil {
		return p, err
	}
	b.observer().Event(EventProposed)
	b.homeChanged(p.Mentor, p.Mentee) // observed only, not recorded: their homes change all the same
	if c.AvoidedRepeat {
		// A mentor the mentee met would have ranked first: counted for the
		// managers' fairness report.
		b.recordRepeatAvoided(ctx, t, r.ID)
	}
	// Sent at once; if the platform fails, the proposal's send job sends it
	// later. Both share one delivery mark, so it goes out once.
	err = b.deliver(ctx, JobProposalSend+":"+p.ID, p.Mentor, func(l Lang) Message { return proposalMessage(l, p, mentee) })
	if ErrorCode(err) == EGONE {
		b.log.Info("mentor unreachable", "mentor", p.Mentor.String(), "proposal", p.ID, "left", !UnreachableNow(err))
		if cerr := b.closeUndelivered(ctx, t, p, err); cerr != nil {
			return p, cerr
		}
		return p, err
	}
	if err != nil {
		// The proposal is recorded and pending: its send job retries.
		b.log.Warn("proposal not delivered yet, its job will retry", "proposal", p.ID, "mentor", p.Mentor.String(), "code", string(ErrorCode(err)))
	}
	return p, nil
}

// need describes a request to the matcher, without the mentee's history.
func (b *Bot) need(r Request, mentee Member) matching.Need { return b.needWith(r, mentee, nil, nil) }

// needWith describes a request to the matcher. Its languages are the
// request's, else those the mentee speaks (see spoken): the language the
// mentee reads counts only while it stands for those. Mentors who
// declined the request, and those the mentee must never be paired with again
// automatically (never), are excluded; the mentors they met are passed on
// (met), for the matcher to avoid while another mentor has room. Waited,
// which the matcher turns into priority, runs from the request's creation:
// a request passed over in earlier rounds has waited longer.
func (b *Bot) needWith(r Request, mentee Member, never, met []string) matching.Need {
	langs := langCodes(requestLanguages(r, mentee))
	now := b.clock.Now()
	off, known := tzOffset(mentee.TZ, now)
	return matching.Need{
		ID: r.ID, MenteeID: r.Mentee.User, Topic: r.Topic, Kind: r.Kind, Languages: langs,
		UTCOffset: off, NoTZ: !known, Years: mentee.Years,
		Exclude: append([]string(nil), r.Declined...),
		// A mentor who declined this request counts once, as declining it
		// ("already asked about this request"), not as not again.
		NotAgain: slices.DeleteFunc(slices.Clone(never), func(id string) bool { return slices.Contains(r.Declined, id) }),
		Met:      met, Waited: max(now.Sub(r.Created), 0), Program: string(r.InProgram()),
	}
}

// verdicts splits a mentee's history (mentor → verdict) into the mentors
// never to propose again and those they met, each in ID order.
func verdicts(hist map[string]string) (never, met []string) {
	for mentor, v := range hist {
		switch v {
		case VerdictNever:
			never = append(never, mentor)
		case VerdictMet:
			met = append(met, mentor)
		}
	}
	slices.Sort(never)
	slices.Sort(met)
	return never, met
}

// remember records a verdict on a past pairing (Store.RememberPair). The
// rule of which event gives which verdict lives with the callers: a
// check-in answered yes is VerdictMet; a declined proposal or charter,
// and a pair ended early, VerdictNever. A failure is logged: the pair
// is then only less well remembered.
func (b *Bot) remember(ctx context.Context, mentee, mentor MemberID, verdict string) {
	if err := b.store.proposals.RememberPair(ctx, mentee.Tenant(), mentee.User, mentor.User, verdict); err != nil {
		b.log.Error("remember pair", "mentee", mentee.String(), "mentor", mentor.String(), "err", err)
	}
}

// mentors describes the offers to the matcher. A paused offer is marked
// so (never eligible, but Explain tells its mentor apart from nobody);
// pending proposals count as load, so a mentor is not sent more proposals
// than they have room for.
func (b *Bot) mentors(offers []Offer) []matching.Mentor { return b.mentorsTaken(offers, nil) }

// mentorsTaken is mentors, with the slots taken of each offer in taken
// rather than in its counters when taken is not nil.
func (b *Bot) mentorsTaken(offers []Offer, taken []int) []matching.Mentor {
	out := make([]matching.Mentor, 0, len(offers))
	now := b.clock.Now()
	// The mentors' languages and programs, as strings, share two arrays:
	// two allocations a request rather than two a mentor.
	nl, np := 0, 0
	for _, o := range offers {
		nl += len(o.Languages)
		np += max(len(o.Programs), 1)
	}
	langs, progs := make([]string, 0, nl), make([]string, 0, np)
	zones := zoneMemo{now: now}
	for i, o := range offers {
		l0 := len(langs)
		for _, l := range o.Languages {
			langs = append(langs, string(l))
		}
		p0 := len(progs)
		for _, p := range o.InPrograms() {
			progs = append(progs, string(p))
		}
		off, known := zones.offset(o.TZ)
		busy := o.Active + o.Pending
		if taken != nil {
			busy = taken[i]
		}
		out = append(out, matching.Mentor{
			ID: o.Mentor.User, Topics: o.Topics, Languages: langs[l0:len(langs):len(langs)], UTCOffset: off, NoTZ: !known,
			Years: o.Years, Kinds: o.Kinds, Capacity: o.Capacity, Active: busy, Paused: o.Paused,
			Programs: progs[p0:len(progs):len(progs)],
		})
	}
	return out
}

// zoneMemo keeps the UTC offsets of the few time zones a topic's mentors
// live in, for one call: a slice, looked through, rather than the zone
// database for each of hundreds of mentors.
type zoneMemo struct {
	now   time.Time
	zones []zoneOffset
}

type zoneOffset struct {
	name  string
	off   int
	known bool
}

// maxZoneMemo bounds the zones a zoneMemo keeps: past it, a zone is
// looked up each time.
const maxZoneMemo = 16

func (z *zoneMemo) offset(tz string) (int, bool) {
	for _, e := range z.zones {
		if e.name == tz {
			return e.off, e.known
		}
	}
	off, known := tzOffset(tz, z.now)
	if len(z.zones) < maxZoneMemo {
		z.zones = append(z.zones, zoneOffset{tz, off, known})
	}
	return off, known
}

// tzReasonText says how far apart two members' clocks are, as exactly as
// the reason knows it: the true difference of their UTC offsets, "13
// hours 30 minutes apart" for Los Angeles and Kolkata (« 13 h 30 de
// décalage »), never the distance around the clock (10 h 30) or its
// rounded hours (11), which only the score uses; "" when a zone is
// unknown.
func tzReasonText(lang Lang, r matching.Reason) string {
	m, ok := r.Minutes()
	switch {
	case !ok:
		return "" // no distance is known: nothing true to say
	case m == 0:
		return T(lang, "reason.tz_same")
	case m%60 == 0:
		return T(lang, "reason.tz", "hours", itoa(m/60))
	case m < 60:
		return T(lang, "reason.tz_minutes", "minutes", itoa(m))
	}
	minutes := itoa(m % 60) // "13 hours 5 minutes"
	if lang == French {
		minutes = fmt.Sprintf("%02d", m%60) // « 13 h 05 », as a French time
	}
	return T(lang, "reason.tz_hours_minutes", "hours", itoa(m/60), "minutes", minutes)
}

// reasonsText explains a match in words: "you both speak French; 1 h
// apart". Addressed to the mentor when mentor is "", else to both members
// about the mentor named.
func reasonsText(lang Lang, reasons []matching.Reason, mentor string) string {
	parts := make([]string, 0, len(reasons))
	for _, r := range reasons {
		if s := reasonText(lang, r, mentor); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, reasonSep(lang))
}

// reasonSep joins reasons: in French with a narrow no-break space before
// the semicolon, as FRENCH.md wants.
func reasonSep(lang Lang) string {
	if lang == French {
		return "\u202f; "
	}
	return "; "
}

func reasonText(lang Lang, r matching.Reason, mentor string) string {
	prefix := "reason."
	if mentor != "" {
		prefix = "reason.intro."
	}
	switch r.Code {
	case matching.ReasonTopic:
		if r.Exact {
			return T(lang, prefix+"topic", "topic", r.Detail, "mentor", mentor)
		}
		return T(lang, prefix+"topic_related", "topic", r.Detail, "mentor", mentor)
	case matching.ReasonLanguage:
		if r.Detail == "" {
			return ""
		}
		return T(lang, "reason.language", "language", languageName(lang, r.Detail))
	case matching.ReasonTimeZone:
		return tzReasonText(lang, r)
	case matching.ReasonKind:
		return T(lang, prefix+"kind", "kind", T(lang, "kind."+r.Detail), "mentor", mentor)
	case matching.ReasonExperience:
		if r.Detail == matching.ExperienceSimilar && r.MenteeYears > 0 && r.MenteeYears != r.Years {
			// Said of both: "similar" to the mentor's years alone reads
			// as if the other's were the same.
			return T(lang, "reason.exp_similar_both", "low", itoa(min(r.Years, r.MenteeYears)), "high", itoa(max(r.Years, r.MenteeYears)))
		}
		return T(lang, "reason.exp_"+r.Detail, "years", itoa(r.Years))
	case matching.ReasonWaited:
		if mentor != "" {
			return "" // the introduction speaks to both; the mentee knows
		}
		key := "reason.waited"
		if r.Detail == matching.WaitedOnly {
			key = "reason.waited_only" // not first in line, or not known to be
		}
		if r.Days == 1 {
			return T(lang, key+"_one")
		}
		return T(lang, key, "days", itoa(r.Days))
	case matching.ReasonMetBefore:
		return T(lang, "reason.met_before")
	}
	return ""
}
