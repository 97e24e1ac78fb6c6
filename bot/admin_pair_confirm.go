package bot

import (
	"context"
	"net/url"
	"slices"
	"strings"

	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// DraftStore keeps what a manager is asked to confirm
// (admin_pair_confirm.go, leavers.go).
type DraftStore interface {
	// SaveDraft keeps what a manager is asked to confirm with a button
	// (more than a button's value can carry) under id, for ttl.
	SaveDraft(ctx context.Context, t Tenant, id, value string, ttl time.Duration) error

	// Draft returns a draft's value, or ENOTFOUND once it expired.
	Draft(ctx context.Context, t Tenant, id string) (string, error)
}

// Action IDs of a manager's pair that asks for confirmation. They start
// with "admin.", so HandleAction refuses them to anyone but a manager; the
// draft they point to refuses any manager but the one who asked.
const (
	ActionPairConfirm = "admin.pair.confirm"
	ActionPairCancel  = "admin.pair.cancel"
)

const (
	// pairAskTTL is how long a manager may take to confirm a pair.
	pairAskTTL = 24 * time.Hour
	// pairAskLease is how long a click that confirms a pair holds it.
	pairAskLease = 2 * time.Minute
)

// Why the matcher would not pair a mentor and a mentee on its own, as a
// manager's pair names them: they did not work out before, they met
// before, the mentor offers no mentoring, has paused their offer, or has
// no free slot; the mentee's waiting request is on another topic (it is
// left waiting, as it is); they live more hours apart than the
// workspace's max-tz-hours; they share no language.
const (
	warnNever    = "never"
	warnMet      = "met"
	warnNoOffer  = "none"
	warnPaused   = "paused"
	warnFull     = "full"
	warnTopic    = "topic"
	warnRequest  = "request"
	warnTimezone = "timezone"
	warnLanguage = "language"
)

// allPairWarnings is what confirm:yes confirms: everything.
var allPairWarnings = []string{warnNever, warnMet, warnNoOffer, warnTopic, warnPaused, warnFull, warnRequest, warnTimezone, warnLanguage}

// pairAsk is a manager's pair on its way: who asked, the two members (by
// user ID), the topic and kind as given (empty: the waiting request's),
// and the warnings the manager confirmed. It is kept as a draft while the
// manager is asked, since a button's value cannot carry it.
type pairAsk struct {
	By             MemberID
	Mentor, Mentee string
	Topic, Kind    string
	Confirmed      []string
}

// confirmed reports whether the manager confirmed every warning.
func (a pairAsk) confirmed(w pairFlags) bool {
	for _, c := range w.codes {
		if !slices.Contains(a.Confirmed, c) {
			return false
		}
	}
	return true
}

func (a pairAsk) encode() string {
	return url.Values{"by": {a.By.String()}, "mentor": {a.Mentor}, "mentee": {a.Mentee}, "topic": {a.Topic},
		"kind": {a.Kind}, "confirmed": {strings.Join(a.Confirmed, ",")}}.Encode()
}

// pairFlags are the warnings on a pair, with the mentor's slots for
// warnFull.
type pairFlags struct {
	codes          []string
	used, capacity int
	topics         []string // the mentor's topics, for warnTopic
	request        string   // the topic of the mentee's waiting request, for warnRequest
	// How far apart they live, as the matcher's reasons say it (3 h 30,
	// not the 4 h rounded that max-tz-hours counts), and the workspace's
	// limit, for warnTimezone.
	tz    matching.Reason
	maxTZ int
	// The languages the mentor speaks and those the request accepts, for
	// warnLanguage.
	mentorLangs, menteeLangs []string
	// shared: a language both members speak, when only the request's own
	// languages (languages: given with it) keep them apart; warnLanguage
	// then says so, not that they share none.
	shared string
}

// pairWarnings says why the matcher itself would not pair these two: it
// will never pair them again (the mentor declined the mentee, or their
// pair did not work out), or only when no other mentor has room (they met
// before); the mentor offers no mentoring, has paused their offer, or has
// no free slot (pairs and open proposals fill their capacity); they live
// too far apart, or share no language (fitWarnings).
func (b *Bot) pairWarnings(ctx context.Context, t Tenant, mentee Member, r Request, mentorUser, topic string) (pairFlags, error) {
	var w pairFlags
	hist, err := b.store.proposals.Histories(ctx, t, []string{mentee.ID.User})
	if err != nil {
		return w, err
	}
	switch hist[mentee.ID.User][mentorUser] {
	case VerdictNever:
		w.codes = append(w.codes, warnNever)
	case VerdictMet:
		w.codes = append(w.codes, warnMet)
	}
	o, err := b.store.offers.GetOffer(ctx, t.Member(mentorUser))
	switch {
	case ErrorCode(err) == ENOTFOUND:
		w.codes = append(w.codes, warnNoOffer)
		return w, b.fitWarnings(ctx, t, &w, mentee, r, mentorUser, nil, topic)
	case err != nil:
		return w, err
	}
	opt := b.matchOptions(ctx, t)
	if why := matching.Explain(matching.Need{Topic: topic}, []matching.Mentor{{ID: mentorUser, Topics: o.Topics, Capacity: 1}}, opt); why.NoTopic > 0 {
		w.codes = append(w.codes, warnTopic)
		w.topics = o.Topics
	}
	if o.Paused {
		w.codes = append(w.codes, warnPaused)
	}
	if o.Active+o.Pending >= o.Capacity {
		w.codes = append(w.codes, warnFull)
	}
	w.used, w.capacity = o.Active+o.Pending, o.Capacity
	return w, b.fitWarnings(ctx, t, &w, mentee, r, mentorUser, &o, topic)
}

// fitWarnings adds to w the matcher's two hard rules that hold between the
// two members themselves: the workspace's max-tz-hours (no warning when
// either time zone is unknown, as the matcher does) and a shared language
// (the languages the request accepts, else those the mentee speaks). The
// mentor is seen as the matcher sees them, from their offer (o), else,
// with none, from their member record. Everything else the matcher checks
// is set aside here: pairWarnings tells it.
func (b *Bot) fitWarnings(ctx context.Context, t Tenant, w *pairFlags, mentee Member, r Request, mentorUser string, o *Offer, topic string) error {
	var m matching.Mentor
	if o != nil {
		m = b.mentors([]Offer{*o})[0]
	} else {
		rec, err := b.store.members.GetMember(ctx, t.Member(mentorUser))
		switch {
		case ErrorCode(err) == ENOTFOUND:
			return nil // nothing known of them: no rule to apply
		case err != nil:
			return err
		}
		off, known := tzOffset(rec.TZ, b.clock.Now())
		m = matching.Mentor{ID: mentorUser, Languages: langCodes(spoken(rec)), UTCOffset: off, NoTZ: !known}
	}
	m.Topics, m.Kinds, m.Programs, m.Paused, m.Years = []string{topic}, nil, nil, false, 0
	m.Capacity, m.Active = 1, 0
	need := b.need(Request{ID: r.ID, Mentee: mentee.ID, Topic: topic, Languages: r.Languages}, mentee)
	need.Years, need.Program = 0, ""
	opt := b.matchOptions(ctx, t)
	if !m.NoTZ && !need.NoTZ {
		far := need
		far.Languages = nil // distance alone
		if matching.Explain(far, []matching.Mentor{m}, opt).TooFar > 0 {
			w.codes = append(w.codes, warnTimezone)
			w.tz, w.maxTZ = matching.TimeZoneReason(m.UTCOffset, need.UTCOffset), opt.MaxTZHours
		}
	}
	opt.MaxTZHours = 0 // languages alone
	if matching.Explain(need, []matching.Mentor{m}, opt).NoLanguage > 0 {
		w.codes = append(w.codes, warnLanguage)
		w.mentorLangs, w.menteeLangs = m.Languages, need.Languages
		if len(r.Languages) > 0 {
			w.shared = firstShared(langCodes(spoken(mentee)), m.Languages)
		}
	}
	return nil
}

// firstShared is the first of langs that others holds too, or "".
func firstShared(langs, others []string) string {
	for _, l := range langs {
		if slices.Contains(others, l) {
			return l
		}
	}
	return ""
}

// askPair keeps a as a draft and asks the manager to confirm it, saying
// why the matcher would not pair these two. Nothing is paired yet.
func (b *Bot) askPair(ctx context.Context, lang Lang, a pairAsk, w pairFlags, mentee Member, topic string) (Reply, error) {
	t := a.By.Tenant()
	mentor, err := b.namedMember(ctx, t, a.Mentor)
	if err != nil {
		return Reply{}, err
	}
	id, err := b.newID()
	if err != nil {
		return Reply{}, err
	}
	a.Confirmed = w.codes
	if a.Topic == "" {
		// The topic the question names, read from the mentee's waiting
		// request: kept, so that a later click (the request paired since)
		// answers about this pair rather than asks for a topic.
		a.Topic = topic
	}
	if err := b.store.drafts.SaveDraft(ctx, t, "pair:"+id, a.encode(), pairAskTTL); err != nil {
		return Reply{}, err
	}
	names := []string{"mentor", mentor.displayName(), "mentee", mentee.displayName(), "topic", topic, "used", itoa(w.used), "capacity", itoa(w.capacity), "topics", andList(lang, w.topics), "request", w.request,
		"apart", tzReasonText(lang, w.tz), "max", itoa(w.maxTZ), "mentor_languages", andList(lang, languageNames(lang, w.mentorLangs)), "mentee_languages", languageList(lang, w.menteeLangs)}
	if w.shared != "" {
		names = append(names, "shared", languageName(lang, w.shared))
	}
	lines := []string{T(lang, "admin.pair.ask_intro", names...)}
	for _, c := range w.codes {
		key := "admin.pair.warn_" + c
		if c == warnLanguage && w.shared != "" {
			// They share a language: only the request asks for others.
			key = "admin.pair.warn_language_request"
		}
		lines = append(lines, "• "+T(lang, key, names...))
	}
	lines = append(lines, "", T(lang, "admin.pair.ask", names...))
	return Reply{Message: Message{Text: strings.Join(lines, "\n"), Buttons: []Button{
		{Label: T(lang, "admin.pair.btn_confirm"), ActionID: ActionPairConfirm, Value: id, Style: StylePrimary},
		{Label: T(lang, "admin.pair.btn_cancel"), ActionID: ActionPairCancel, Value: id},
	}}}, nil
}

// pairDraft reads the pair a manager was asked to confirm. It is only
// theirs: another manager's click is refused, as is an expired one.
func (b *Bot) pairDraft(ctx context.Context, who MemberID, id string) (pairAsk, error) {
	v, err := b.store.drafts.Draft(ctx, who.Tenant(), "pair:"+id)
	switch {
	case ErrorCode(err) == ENOTFOUND:
		return pairAsk{}, Errorf(ESTALE, "err.admin.pair_ask_expired")
	case err != nil:
		return pairAsk{}, err
	}
	q, err := url.ParseQuery(v)
	if err != nil {
		return pairAsk{}, Errorf(ESTALE, "err.admin.pair_ask_expired")
	}
	if q.Get("by") != who.String() {
		return pairAsk{}, Errorf(EFORBIDDEN, "err.not_your_button")
	}
	a := pairAsk{By: who, Mentor: q.Get("mentor"), Mentee: q.Get("mentee"), Topic: q.Get("topic"), Kind: q.Get("kind")}
	if c := q.Get("confirmed"); c != "" {
		a.Confirmed = strings.Split(c, ",")
	}
	return a, nil
}

// confirmPair is "Pair them anyway": it pairs them once, whatever the
// clicks. The state is read again: a pair formed meanwhile is refused, and
// a reason that was not there when the manager was asked (the mentor's
// last slot taken since) asks again rather than pairing.
func confirmPair(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
	a, err := b.pairDraft(ctx, who, id)
	if err != nil {
		return Reply{}, err
	}
	var reply Reply
	ran := false
	err = b.once(ctx, who.Tenant(), "pairask:"+id, pairAskLease, func(ctx context.Context) error {
		ran = true
		var err error
		reply, err = b.pairOrAsk(ctx, lang, a)
		return err
	})
	switch {
	case !ran && ErrorCode(err) == ESTALE:
		return alreadyDone(T(lang, "admin.pair.in_flight")), nil
	case err != nil:
		return Reply{}, err
	case !ran:
		return alreadyDone(T(lang, "admin.pair.answered")), nil
	}
	reply.Replace = true
	return reply, nil
}

// cancelPair is "Cancel": nothing is paired, and the question is closed.
func cancelPair(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
	a, err := b.pairDraft(ctx, who, id)
	if err != nil {
		return Reply{}, err
	}
	ran := false
	err = b.once(ctx, who.Tenant(), "pairask:"+id, pairAskLease, func(context.Context) error { ran = true; return nil })
	switch {
	case !ran && ErrorCode(err) == ESTALE:
		return alreadyDone(T(lang, "admin.pair.in_flight")), nil
	case err != nil:
		return Reply{}, err
	case !ran:
		return alreadyDone(T(lang, "admin.pair.answered")), nil
	}
	if names, paired := b.pairedMeanwhile(ctx, who.Tenant(), a); paired {
		// Another command (confirm:yes, a round) paired them since the
		// question: "nothing was paired" would not be true.
		return Reply{Replace: true, Message: Message{Text: T(lang, "admin.pair.cancelled_paired", names...)}}, nil
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, "admin.pair.cancelled")}}, nil
}

// pairedMeanwhile reports whether the mentor and mentee of a question
// have a pair in progress, in either direction (the mentee may mentor the
// mentor), with their names for the sentence, the pair's mentor first.
// When the store cannot say, it says no: the question itself paired
// nobody.
func (b *Bot) pairedMeanwhile(ctx context.Context, t Tenant, a pairAsk) ([]string, bool) {
	pairs, err := b.store.pairs.PairsOf(ctx, t.Member(a.Mentor))
	if err != nil {
		return nil, false
	}
	for _, p := range pairs {
		if !p.State.Closed() && pairOfTwo(p, t.Member(a.Mentor), t.Member(a.Mentee)) {
			mentor, _ := b.member(ctx, p.Mentor)
			mentee, _ := b.member(ctx, p.Mentee)
			return []string{"mentor", mentor.displayName(), "mentee", mentee.displayName(), "topic", p.Topic}, true
		}
	}
	return nil, false
}
