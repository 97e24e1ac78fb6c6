package bot

import (
	"context"
	"strings"

	"github.com/mentorbot/mentorbot/matching"
)

// runAdminPair pairs a mentor and a mentee chosen by a manager:
// "/mentor admin pair <@mentor> <@mentee> topic". A waiting request of the
// mentee is the one paired (its topic is the default); without one, a
// request is created already paired. The pair then goes through the
// charter like any other: both accept it before the introduction.
func runAdminPair(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	mentorRef, menteeRef, topic := pairArgs(in)
	if menteeRef == "" {
		return Reply{}, &Error{Code: EINVALID, Key: "err.required", Args: []string{"option", "mentee", "example", T(in.Lang, "cmd.admin.pair.example")}, Field: "mentee"}
	}
	mu, ok := parseUserRef(mentorRef)
	if !ok {
		return Reply{}, badUser("mentor", mentorRef)
	}
	eu, ok := parseUserRef(menteeRef)
	if !ok {
		return Reply{}, badUser("mentee", menteeRef)
	}
	if mu == eu {
		return Reply{}, &Error{Code: EINVALID, Key: "err.admin.pair_self", Field: "mentee"}
	}
	t := in.Member.Tenant()
	mentee, err := b.member(ctx, t.Member(eu))
	if err != nil {
		return Reply{}, err
	}
	r, err := b.requestToPair(ctx, in, mentee, topic)
	if err != nil {
		return Reply{}, err
	}
	if warn, err := b.pairWarning(ctx, in, mentee, mu); warn != "" || err != nil {
		return Reply{Message: Message{Text: warn}}, err
	}
	// Only now, with nothing left to refuse, are unknown members recorded
	// (with their names from the platform).
	mentor, err := b.knownMember(ctx, t.Member(mu))
	if err != nil {
		return Reply{}, err
	}
	if mentee, err = b.knownMember(ctx, mentee.ID); err != nil {
		return Reply{}, err
	}
	pair, err := b.formPair(ctx, in, r, mentor, mentee, firstNonEmpty(topic, r.Topic))
	if err != nil {
		return Reply{}, err
	}
	return Reply{Message: Message{Text: T(in.Lang, "admin.pair.done", "mentor", mentor.displayName(), "mentee", mentee.displayName(), "topic", pair.Topic), Mentions: []MemberID{pair.Mentor, pair.Mentee}}}, nil
}

// pairWarning returns a warning, and nothing is paired, where the matcher
// itself would not pair these two, unless the manager confirmed with
// confirm:yes: the matcher will never pair them again (the mentor
// declined the mentee, or their pair did not work out), the mentor offers
// no mentoring, or has no free slot (pairs and open proposals fill their
// capacity).
func (b *Bot) pairWarning(ctx context.Context, in *Invocation, mentee Member, mentorUser string) (string, error) {
	if in.Text("confirm") == "yes" {
		return "", nil
	}
	t := in.Member.Tenant()
	hist, err := b.store.Histories(ctx, t, []string{mentee.ID.User})
	if err != nil {
		return "", err
	}
	o, err := b.store.GetOffer(ctx, t.Member(mentorUser))
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return "", err
	}
	var key string
	switch {
	case hist[mentee.ID.User][mentorUser] == VerdictNever:
		key = "admin.pair.never_confirm"
	case err != nil:
		key = "admin.pair.no_offer_confirm"
	case o.Active+o.Pending >= o.Capacity:
		key = "admin.pair.full_confirm"
	default:
		return "", nil
	}
	// Named as the platform knows them, without recording a newcomer:
	// nothing is paired yet.
	id := t.Member(mentorUser)
	m, err := b.store.GetMember(ctx, id)
	mentor, err := b.touchMember(ctx, id, m, err, "", false)
	if err != nil {
		return "", err
	}
	return T(in.Lang, key, "mentor", mentor.displayName(), "mentee", mentee.displayName(),
		"used", itoa(o.Active+o.Pending), "capacity", itoa(o.Capacity)), nil
}

// pairArgs reads the mentor, the mentee and the topic, either from their
// options or all from the text: "<@U1> <@U2> career change".
func pairArgs(in *Invocation) (mentor, mentee, topic string) {
	mentor, mentee, topic = in.Text("mentor"), in.Text("mentee"), in.Text("topic")
	if mentee != "" {
		return mentor, mentee, topic
	}
	words := strings.Fields(mentor)
	if len(words) < 2 {
		return mentor, "", topic
	}
	if topic == "" {
		topic = strings.Join(words[2:], " ")
	}
	return words[0], words[1], topic
}

// knownMember returns the member's record, creating it from the platform's
// directory when the bot has never met them, so that messages name them.
func (b *Bot) knownMember(ctx context.Context, id MemberID) (Member, error) {
	m, err := b.store.GetMember(ctx, id)
	return b.touchMember(ctx, id, m, err, "", true)
}

// requestToPair returns the mentee's waiting request, or a new request on
// topic, already paired.
func (b *Bot) requestToPair(ctx context.Context, in *Invocation, mentee Member, topic string) (Request, error) {
	open, err := b.store.OpenRequest(ctx, mentee.ID)
	switch {
	case err == nil && open.State == RequestWaiting:
		return open, nil
	case err == nil:
		return Request{}, Errorf(ECONFLICT, "err.admin.pair_proposed", "name", mentee.displayName(), "topic", open.Topic)
	case ErrorCode(err) != ENOTFOUND:
		return Request{}, err
	case topic == "":
		return Request{}, &Error{Code: EINVALID, Key: "err.required", Args: []string{"option", "topic", "example", T(in.Lang, "cmd.admin.pair.example")}, Field: "topic"}
	}
	id, err := b.newID()
	if err != nil {
		return Request{}, err
	}
	kind := matching.Flash
	if k, ok := matching.ParseKind(in.Text("kind")); ok {
		kind = k
	}
	return Request{ID: id, Mentee: mentee.ID, Topic: topic, Kind: kind, State: RequestPaired, Created: b.clock.Now().UTC(), Keys: topicKeys(topic)}, nil
}

// formPair stores the pair, counts it, tells both members and starts the
// charter, as accepting a proposal does.
func (b *Bot) formPair(ctx context.Context, in *Invocation, r Request, mentor, mentee Member, topic string) (Pair, error) {
	t := in.Member.Tenant()
	pairID, err := b.newID()
	if err != nil {
		return Pair{}, err
	}
	room, err := b.newRoom()
	if err != nil {
		return Pair{}, err
	}
	kind := r.Kind
	if k, ok := matching.ParseKind(in.Text("kind")); ok {
		kind = k
	}
	pair := Pair{ID: pairID, Mentor: mentor.ID, Mentee: mentee.ID, Topic: topic, Kind: kind, Goal: r.Goal, Room: room, Created: b.clock.Now().UTC()}
	pair.Reasons = b.managerReasons(ctx, r, pair, mentor, mentee)
	pair, err = b.store.FormPair(ctx, r, pair, charterJobs(b.settings(ctx, t), pair))
	switch ErrorCode(err) {
	case "":
	case ESTALE, ECONFLICT:
		return Pair{}, Errorf(ECONFLICT, "err.admin.pair_changed", "name", mentee.displayName())
	default:
		return Pair{}, err
	}
	b.log.Info("pair formed by a manager", "pair", pair.ID, "by", in.Member.String())
	// Counted apart from accepted proposals: no mentor was asked.
	b.record(ctx, Event{Kind: EventPaired, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic})
	b.recordFormed(ctx, pair)
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		other, role := mentor, "mentee"
		if id == pair.Mentor {
			other, role = mentee, "mentor"
		}
		_ = b.notify(ctx, id, func(l Lang) Message {
			return Message{Text: T(l, "admin.pair.told_"+role, "name", other.displayName(), "topic", pair.Topic), Mentions: []MemberID{other.ID}}
		})
	}
	b.startCharter(ctx, pair)
	return pair, nil
}

// managerReasons explains a manager's pair with the matcher's reasons when
// the mentor's offer fits the request (capacity and past declines aside),
// and otherwise with the facts that hold: their time zones.
func (b *Bot) managerReasons(ctx context.Context, r Request, pair Pair, mentor, mentee Member) []matching.Reason {
	if o, err := b.store.GetOffer(ctx, mentor.ID); err == nil {
		o.Paused, o.Capacity = false, o.Active+o.Pending+1
		need := b.need(Request{ID: r.ID, Mentee: mentee.ID, Topic: pair.Topic, Kind: pair.Kind, Language: r.Language}, mentee)
		opt := b.cfg.Match
		opt.MaxTZHours = 0
		if c := matching.Rank(need, b.mentors([]Offer{o}), opt); len(c) > 0 {
			return c[0].Reasons
		}
	}
	var out []matching.Reason
	if mentor.Lang == mentee.Lang {
		out = append(out, matching.Reason{Code: matching.ReasonLanguage, Detail: string(mentor.Lang)})
	}
	if mentor.TZ != "" && mentee.TZ != "" {
		now := b.clock.Now()
		h := (utcOffset(mentor.TZ, now) - utcOffset(mentee.TZ, now)) / 3600
		out = append(out, matching.Reason{Code: matching.ReasonTimeZone, Hours: max(h, -h)})
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
