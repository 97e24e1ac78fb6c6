package bot

import (
	"context"
	"strings"

	"github.com/mentorbot/mentorbot/matching"
)

// runAdminPair pairs a mentor and a mentee chosen by a manager:
// "/mentor admin pair @mentor @mentee topic". A waiting request of the
// mentee is the one paired (its topic is the default); without one, a
// request is created already paired. The pair then goes through the
// charter like any other: both accept it before the introduction. Where
// the matcher would not pair them, the manager is told why and asked to
// confirm with a button (or confirm:yes) first.
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
	if err := b.inWorkspace(ctx, "mentor", t.Member(mu), mentorRef); err != nil {
		return Reply{}, err
	}
	if err := b.inWorkspace(ctx, "mentee", t.Member(eu), menteeRef); err != nil {
		return Reply{}, err
	}
	a := pairAsk{By: in.Member, Mentor: mu, Mentee: eu, Topic: topic, Kind: in.Text("kind")}
	if in.Text("confirm") == "yes" {
		a.Confirmed = allPairWarnings
	}
	return b.pairOrAsk(ctx, in.Lang, a)
}

// pairOrAsk pairs as a asks, unless the matcher would not pair these two
// for a reason the manager has not confirmed: then nothing is paired, and
// the manager is asked, with a button only they can use.
func (b *Bot) pairOrAsk(ctx context.Context, lang Lang, a pairAsk) (Reply, error) {
	t := a.By.Tenant()
	mentee, err := b.namedMember(ctx, t, a.Mentee)
	if err != nil {
		return Reply{}, err
	}
	r, err := b.requestToPair(ctx, lang, mentee, a.Topic, a.Kind)
	if err != nil {
		return Reply{}, err
	}
	// A waiting request on another topic than the one asked is left as
	// it is, waiting, with its goal: the pair has a new request of its own.
	// A topic that only corrects a typo of the request's is no other
	// topic: the request itself is paired, on the corrected topic, with
	// its kind, program and goal (was is its topic before).
	var left Request
	was := ""
	if r.State == RequestWaiting && a.Topic == "" {
		// No topic given: the request's, unless it is a typo of a topic
		// the mentor offers ("kubernetess"): then that topic, as if the
		// manager had typed it, and the request is corrected.
		if fixed, ok := b.offeredSpelling(ctx, t, a.Mentor, r.Topic); ok {
			a.Topic = fixed
		}
	}
	if r.State == RequestWaiting && a.Topic != "" && b.otherTopic(ctx, t, a.Topic, r.Topic) {
		if b.correctsTopic(ctx, t, r.Topic, a.Topic) {
			was = r.Topic
		} else {
			left = r
			if r, err = b.pairedRequest(mentee, a.Topic, a.Kind); err != nil {
				return Reply{}, err
			}
		}
	}
	topic := firstNonEmpty(a.Topic, r.Topic)
	if err := b.pairExists(ctx, t, a.Mentor, mentee, topic); err != nil {
		return Reply{}, err
	}
	warnings, err := b.pairWarnings(ctx, t, mentee, r, a.Mentor, topic)
	if err != nil {
		return Reply{}, err
	}
	if left.ID != "" {
		warnings.codes, warnings.request = append(warnings.codes, warnRequest), left.Topic
	}
	if !a.confirmed(warnings) {
		return b.askPair(ctx, lang, a, warnings, mentee, topic)
	}
	// Only now, with nothing left to refuse, are unknown members recorded
	// (with their names from the platform).
	mentor, err := b.knownMember(ctx, t.Member(a.Mentor))
	if err != nil {
		return Reply{}, err
	}
	if mentee, err = b.knownMember(ctx, mentee.ID); err != nil {
		return Reply{}, err
	}
	if was != "" {
		// Corrected only now, with nothing left to refuse.
		if r, err = b.correctRequest(ctx, r, topic, mentee); err != nil {
			return Reply{}, err
		}
	}
	pair, plan, err := b.formPair(ctx, a, r, left, was, mentor, mentee, topic)
	if err != nil {
		return Reply{}, err
	}
	step := T(lang, "admin.pair.step_both")
	switch {
	case !plan.isDue(pair.Mentor) && !plan.isDue(pair.Mentee):
		step = T(lang, "admin.pair.step_none")
	case !plan.isDue(pair.Mentor):
		step = T(lang, "admin.pair.step_one", "name", mentee.displayName())
	case !plan.isDue(pair.Mentee):
		step = T(lang, "admin.pair.step_one", "name", mentor.displayName())
	}
	if left.ID != "" {
		step += " " + T(lang, "admin.pair.left_waiting", "mentee", mentee.displayName(), "request", left.Topic)
	}
	if was != "" {
		step += " " + T(lang, "admin.pair.corrected", "mentee", mentee.displayName(), "request", was, "topic", pair.Topic)
	}
	text := T(lang, "admin.pair.done", "mentor", mentor.displayName(), "mentee", mentee.displayName(), "topic", pair.Topic)
	if in := b.pairInProgram(ctx, lang, r, pair); in != "" {
		text += " " + in
	}
	return Reply{Message: Message{Text: text + " " + step, Mentions: []MemberID{pair.Mentor, pair.Mentee}}}, nil
}

// offeredSpelling returns the topic of mentor's offer that requested is
// a typo of (the "Did you mean …?" rule, correctsTopic's), and false when
// the mentor offers requested itself, or nothing close, or has no offer.
func (b *Bot) offeredSpelling(ctx context.Context, t Tenant, mentor, requested string) (string, bool) {
	o, err := b.store.offers.GetOffer(ctx, t.Member(mentor))
	if err != nil {
		return "", false
	}
	syn := b.synonyms(ctx, t)
	for _, topic := range o.Topics {
		if syn.Normalize(topic) == syn.Normalize(requested) {
			return "", false
		}
	}
	return syn.Suggest(requested, o.Topics)
}

// correctsTopic reports whether topic only corrects a typo of the
// requested one: the "Did you mean …?" rule a waiting request's reply
// follows (suggestTopic), with the workspace's aliases.
func (b *Bot) correctsTopic(ctx context.Context, t Tenant, requested, topic string) bool {
	_, ok := b.synonyms(ctx, t).Suggest(requested, []string{topic})
	return ok
}

// correctRequest puts the mentee's waiting request on the corrected
// topic, filed under its keys, as the suggestion's button does: it keeps
// its place, kind, program and goal. A request no longer waiting is the
// pair's ESTALE.
func (b *Bot) correctRequest(ctx context.Context, r Request, topic string, mentee Member) (Request, error) {
	c, err := b.store.requests.SetRequestTopic(ctx, r.Mentee.Tenant(), r.ID, topic, topicKeys(topic))
	switch ErrorCode(err) {
	case "":
		return c, nil
	case ESTALE, ENOTFOUND:
		return Request{}, Errorf(ECONFLICT, "err.admin.pair_changed", "name", mentee.displayName())
	}
	return Request{}, err
}

// pairInProgram names the kind and the program of a manager's pair whose
// request belongs to a program; "" outside programs.
func (b *Bot) pairInProgram(ctx context.Context, lang Lang, r Request, pair Pair) string {
	if r.Program == "" {
		return ""
	}
	name := string(r.Program)
	if p, err := b.store.programs.GetProgram(ctx, r.Mentee.Tenant(), r.Program); err == nil {
		name = p.Name
	}
	return T(lang, "admin.pair.in_program", "kind", T(lang, "kind."+string(pair.Kind)), "name", name)
}

// otherTopic reports whether two topics differ once folded, the
// workspace's aliases applied.
func (b *Bot) otherTopic(ctx context.Context, t Tenant, x, y string) bool {
	syn := b.synonyms(ctx, t)
	return syn.Normalize(x) != syn.Normalize(y)
}

// pairExists refuses a second pair of the same two members on the same
// topic while the first one waits for its charter or is under way, in
// either direction: the mentee of the one asked for may already mentor
// its mentor on that topic. The sentence names the pair that exists, its
// mentor first.
func (b *Bot) pairExists(ctx context.Context, t Tenant, mentorUser string, mentee Member, topic string) error {
	p, ok, err := b.pairUnderWay(ctx, t, mentorUser, mentee.ID, topic)
	if err != nil || !ok {
		return err
	}
	mentor, err := b.namedMember(ctx, t, mentorUser)
	if err != nil {
		return err
	}
	if p.Mentor == mentee.ID {
		return Errorf(ECONFLICT, "err.admin.pair_exists_reversed_"+string(p.State), "mentor", mentee.displayName(), "mentee", mentor.displayName(), "topic", p.Topic)
	}
	return Errorf(ECONFLICT, "err.admin.pair_exists_"+string(p.State), "mentor", mentor.displayName(), "mentee", mentee.displayName(), "topic", p.Topic)
}

// pairUnderWay returns the pair of the two members on topic (topics
// compared as the matcher does; any topic when topic is "") that waits for
// its charter or is under way, whichever of the two is its mentor: the
// same two on the same topic, the other way round, are no second pair.
// ok is false when there is none.
func (b *Bot) pairUnderWay(ctx context.Context, t Tenant, mentorUser string, mentee MemberID, topic string) (Pair, bool, error) {
	pairs, err := b.store.pairs.PairsOf(ctx, mentee)
	if err != nil {
		return Pair{}, false, err
	}
	syn := b.synonyms(ctx, t)
	for _, p := range pairs {
		if !pairOfTwo(p, t.Member(mentorUser), mentee) || (topic != "" && syn.Normalize(p.Topic) != syn.Normalize(topic)) {
			continue
		}
		if p.State == PairCharter || p.State == PairActive {
			return p, true, nil
		}
	}
	return Pair{}, false, nil
}

// pairOfTwo reports whether x and y are the two members of p, whichever
// is its mentor.
func pairOfTwo(p Pair, x, y MemberID) bool {
	return (p.Mentor == x && p.Mentee == y) || (p.Mentor == y && p.Mentee == x)
}

// namedMember is a member of the pair asked for, named as the platform
// knows them, without recording a newcomer: nothing is paired yet.
func (b *Bot) namedMember(ctx context.Context, t Tenant, user string) (Member, error) {
	id := t.Member(user)
	m, err := b.store.members.GetMember(ctx, id)
	return b.touchMember(ctx, id, m, err, "", false)
}

// pairArgs reads the mentor, the mentee and the topic, either from their
// options or all from the text: "@U1 @U2 career change".
func pairArgs(in *Invocation) (mentor, mentee, topic string) {
	mentor, mentee, topic = in.Text("mentor"), in.Text("mentee"), in.Text("topic")
	if mentee != "" {
		return mentor, mentee, topic
	}
	first, second, rest, ok := pairWords(mentor)
	if !ok {
		return mentor, "", topic
	}
	if topic == "" {
		topic = rest
	}
	return first, second, topic
}

// pairWords splits admin pair's typed text ("@ada @grace go") into the
// mentor, the mentee and the rest, the topic; ok is false under two
// words. The runner (pairArgs) and the Discord rewrite of its examples
// (splitPositional) read it alike.
func pairWords(v string) (mentor, mentee, topic string, ok bool) {
	words := strings.Fields(v)
	if len(words) < 2 {
		return "", "", "", false
	}
	return words[0], words[1], strings.Join(words[2:], " "), true
}

// knownMember returns the member's record, creating it from the platform's
// directory when the bot has never met them, so that messages name them.
func (b *Bot) knownMember(ctx context.Context, id MemberID) (Member, error) {
	m, err := b.store.members.GetMember(ctx, id)
	return b.touchMember(ctx, id, m, err, "", true)
}

// requestToPair returns the mentee's waiting request (whatever its topic:
// pairOrAsk leaves one on another topic waiting), or a new request on
// topic, of kind (flash by default), already paired.
func (b *Bot) requestToPair(ctx context.Context, lang Lang, mentee Member, topic, kind string) (Request, error) {
	open, err := b.store.requests.OpenRequest(ctx, mentee.ID)
	switch {
	case err == nil && open.State == RequestWaiting:
		return open, nil
	case err == nil:
		return Request{}, Errorf(ECONFLICT, "err.admin.pair_proposed", "name", mentee.displayName(), "topic", open.Topic)
	case ErrorCode(err) != ENOTFOUND:
		return Request{}, err
	case matching.NormalizeTopic(topic) == "": // none, or only punctuation
		return Request{}, &Error{Code: EINVALID, Key: "err.required", Args: []string{"option", "topic", "example", T(lang, "cmd.admin.pair.example")}, Field: "topic"}
	}
	return b.pairedRequest(mentee, topic, kind)
}

// pairedRequest is a new request of the mentee on topic, of kind (flash
// by default), already paired.
func (b *Bot) pairedRequest(mentee Member, topic, kind string) (Request, error) {
	id, err := b.newID()
	if err != nil {
		return Request{}, err
	}
	k := matching.Flash
	if pk, ok := matching.ParseKind(kind); ok {
		k = pk
	}
	return Request{ID: id, Mentee: mentee.ID, Topic: topic, Kind: k, State: RequestPaired, Created: b.clock.Now().UTC(), Keys: topicKeys(topic)}, nil
}

// formPair stores the pair, counts it, tells both members and starts the
// charter, as accepting a proposal does. left is the mentee's waiting
// request on another topic, left waiting (its ID empty if none): the
// mentee is told it still waits. was is the topic of r before a manager
// corrected it ("" if they did not): the mentee is told of the change.
func (b *Bot) formPair(ctx context.Context, a pairAsk, r, left Request, was string, mentor, mentee Member, topic string) (Pair, charterPlan, error) {
	t := a.By.Tenant()
	pairID, err := b.newID()
	if err != nil {
		return Pair{}, nil, err
	}
	room, err := b.newRoom(ctx, t)
	if err != nil {
		return Pair{}, nil, err
	}
	kind := r.Kind
	if k, ok := matching.ParseKind(a.Kind); ok {
		kind = k
	}
	pair := Pair{ID: pairID, Mentor: mentor.ID, Mentee: mentee.ID, Topic: topic, Kind: kind, Goal: r.Goal, Room: room, Created: b.clock.Now().UTC()}
	pair.Reasons = b.managerReasons(ctx, r, pair, mentor, mentee)
	pair, err = b.store.pairs.FormPair(ctx, r, left.ID, pair, charterJobs(b.settings(ctx, t), pair))
	switch ErrorCode(err) {
	case "":
	case ESTALE, ECONFLICT:
		return Pair{}, nil, Errorf(ECONFLICT, "err.admin.pair_changed", "name", mentee.displayName())
	default:
		return Pair{}, nil, err
	}
	b.log.Info("pair formed by a manager", "pair", pair.ID, "by", a.By.String())
	// Counted apart from accepted proposals: no mentor was asked.
	b.record(ctx, Event{Kind: EventPaired, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic})
	b.recordFormed(ctx, pair)
	plan := b.charterPlan(ctx, pair)
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		other, role := mentor, "mentee"
		if id == pair.Mentor {
			other, role = mentee, "mentor"
		}
		_ = b.notify(ctx, id, func(l Lang) Message {
			text := T(l, "admin.pair.told_"+role, "name", other.displayName(), "topic", pair.Topic) + " " + charterStep(l, pair, plan, id, other.displayName())
			if role == "mentee" && left.ID != "" {
				text += "\n" + T(l, "admin.pair.told_left_waiting", "topic", left.Topic)
			}
			if role == "mentee" && was != "" {
				text += "\n" + T(l, "admin.pair.told_corrected", "request", was, "topic", pair.Topic)
			}
			return Message{Text: text, Mentions: []MemberID{other.ID}}
		})
	}
	b.startCharter(ctx, pair, plan)
	return pair, plan, nil
}

// managerReasons explains a manager's pair with the matcher's reasons when
// the mentor's offer fits the request (capacity and past declines aside),
// and otherwise with the facts that hold: their time zones.
func (b *Bot) managerReasons(ctx context.Context, r Request, pair Pair, mentor, mentee Member) []matching.Reason {
	if o, err := b.store.offers.GetOffer(ctx, mentor.ID); err == nil {
		o.Paused, o.Capacity = false, o.Active+o.Pending+1
		need := b.need(Request{ID: r.ID, Mentee: mentee.ID, Topic: pair.Topic, Kind: pair.Kind, Languages: r.Languages}, mentee)
		opt := b.matchOptions(ctx, mentor.ID.Tenant()) // the workspace's topic aliases
		opt.MaxTZHours = 0
		if c := matching.Rank(need, b.mentors([]Offer{o}), opt); len(c) > 0 {
			return c[0].Reasons
		}
	}
	var out []matching.Reason
	if l, ok := sharedLanguage(mentee, mentor); ok {
		out = append(out, matching.Reason{Code: matching.ReasonLanguage, Detail: string(l)})
	}
	if mentor.TZ != "" && mentee.TZ != "" {
		now := b.clock.Now()
		// As the matcher says it (3 h 30, not 3 h): the introduction
		// reads the same words either way.
		out = append(out, matching.TimeZoneReason(utcOffset(mentor.TZ, now), utcOffset(mentee.TZ, now)))
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
