package bot

import (
	"context"
	"crypto/sha256"
	"slices"
	"strings"

	"github.com/mentorbot/mentorbot/matching"
)

// RequestStore keeps mentees' requests and the queue of waiting ones
// (request.go, topickeys.go, round.go).
type RequestStore interface {
	// CreateRequest stores a new waiting request and schedules jobs, in one
	// step. ECONFLICT if the mentee already has an open request, or a
	// request of r's ID exists (the command that made it was redelivered).
	CreateRequest(ctx context.Context, r Request, jobs []Job) error

	// GetRequest returns a request, or ENOTFOUND.
	GetRequest(ctx context.Context, t Tenant, id string) (Request, error)

	// OpenRequest returns the mentee's open request, or ENOTFOUND.
	OpenRequest(ctx context.Context, mentee MemberID) (Request, error)

	// Waiting returns the waiting requests of a tenant, oldest first.
	Waiting(ctx context.Context, t Tenant) ([]Request, error)

	// WaitingFor returns the waiting requests indexed under any of keys
	// (Request.Keys), each once, oldest first, in two round trips. A
	// request is indexed while it waits: from CreateRequest until it is
	// proposed, paired or cancelled, and again when it goes back to waiting.
	WaitingFor(ctx context.Context, t Tenant, keys []string) ([]Request, error)

	// IndexRequest files an open request under keys instead of the keys it
	// has, if its topic is still topic. ESTALE if the request is no longer
	// open or changed meanwhile, ENOTFOUND if there is none.
	IndexRequest(ctx context.Context, t Tenant, id, topic string, keys []string) error

	// CancelRequest withdraws an open request and its pending proposal
	// (freeing the mentor's slot), and returns the request as it was.
	// ENOTFOUND if mentee has no open request; with id not empty, ESTALE
	// if their open request is another (a button of a request since
	// replaced must not withdraw the new one).
	CancelRequest(ctx context.Context, mentee MemberID, id string) (Request, error)

	// SetRequestTopic changes the topic of a waiting request, and files it
	// under keys (its new topic's) in the same step, and returns the
	// request as changed. ENOTFOUND if there is no such request, ESTALE if
	// it is no longer waiting.
	SetRequestTopic(ctx context.Context, t Tenant, id, topic string, keys []string) (Request, error)

	// SetRequestLanguages changes the languages a waiting request accepts,
	// and returns it. ESTALE if it is not waiting, ENOTFOUND if there is
	// none.
	SetRequestLanguages(ctx context.Context, t Tenant, id string, langs []Lang) (Request, error)
}

// runRequest asks for help on a topic and proposes the best mentor at once.
func runRequest(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	if topic := in.Text("topic"); matching.NormalizeTopic(topic) == "" {
		if topic != "" {
			// Only punctuation or symbols (",", "!!", "🚀"): a topic
			// was given, but none that anyone could offer.
			return Reply{}, &Error{Code: EINVALID, Key: "err.topic_no_letters", Args: []string{"topic", clip(topic, 30), "example", T(in.Lang, "cmd.request.example")}, Field: "topic"}
		}
		return Reply{}, &Error{Code: EINVALID, Key: "err.required", Args: []string{"option", "topic", "example", T(in.Lang, "cmd.request.example")}, Field: "topic"}
	}
	var topics []string // as an offer reads them: "go, rust" is two, "dotnet, .NET" one
	for _, t := range in.List("topic") {
		if topicIndex(topics, t) < 0 {
			topics = append(topics, t)
		}
	}
	switch {
	case len(topics) > 1:
		// "go, rust": no mentor offers that (an offer splits its topics
		// at commas), and taking one of them silently would be a guess.
		return Reply{}, &Error{Code: EINVALID, Key: "err.request_one_topic", Args: []string{"count", itoa(len(topics)),
			"topics", quotedList(in.Lang, topics), "first", clip(topics[0], MaxTopicLen)}, Field: "topic"}
	case len(topics) == 1:
		in.Values["topic"] = topics[0] // "go," or "go, go" is "go"
	}
	m := in.Me
	if err := applyProfile(in, &m); err != nil {
		return Reply{}, err
	}
	id, err := b.requestID(in)
	if err != nil {
		return Reply{}, err
	}
	prog, err := b.programOption(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	kind := b.programKind(ctx, in.Member.Tenant(), prog)
	if k, ok := matching.ParseKind(in.Text("kind")); ok {
		kind = k
	}
	s := b.settings(ctx, in.Member.Tenant())
	if !s.KindEnabled(kind) {
		return Reply{}, &Error{Code: EINVALID, Key: "err.kind_disabled", Args: []string{"kind", T(in.Lang, "kind."+string(kind))}, Field: "kind"}
	}
	r := Request{
		ID: id, Mentee: in.Member, Topic: in.Text("topic"), Kind: kind, Goal: in.Text("goal"),
		State: RequestWaiting, Created: b.clock.Now().UTC(), Keys: topicKeys(in.Text("topic")),
	}
	if prog != DefaultProgram {
		r.Program = prog // the default program is written as none
	}
	if err := b.fileInProgram(ctx, in.Member.Tenant(), r); err != nil {
		return Reply{}, err
	}
	if v := in.List("languages"); len(v) > 0 {
		// The languages the member speaks: this request's, and the
		// default of their next ones.
		r.Languages = parseLangs(v)
		m.Languages = r.Languages
	}
	if l := in.Text("language"); l != "" {
		// This request's only, even beside languages: (what the member
		// speaks), rather than dropped without a word.
		r.Languages = []Lang{Lang(l)}
	}
	if profileChanged(m, in.Me) {
		if err := b.store.members.SaveMember(ctx, m); err != nil {
			return Reply{}, err
		}
	}
	if err := b.store.requests.CreateRequest(ctx, r, requestJobs(s, r)); err != nil {
		if ErrorCode(err) == ECONFLICT && in.Delivery != "" {
			if made, gerr := b.store.requests.GetRequest(ctx, in.Member.Tenant(), id); gerr == nil && made.Mentee == in.Member {
				// This very command, redelivered after its replica
				// stopped: its request is made; the member reads where
				// it stands, and a waiting one goes on where it was.
				return b.requestMade(ctx, in, made, m)
			}
		}
		if ErrorCode(err) == ECONFLICT {
			open, _ := b.store.requests.OpenRequest(ctx, in.Member)
			key := "err.request_exists"
			if matching.NormalizeTopic(open.Topic) == matching.NormalizeTopic(r.Topic) {
				// The same topic again: most likely to change how it is
				// asked, which only a new request does.
				key = "err.request_same"
			}
			return Reply{}, &Error{Code: ECONFLICT, Key: key, Args: []string{"topic", open.Topic, "state", b.requestState(ctx, in.Lang, open)}}
		}
		return Reply{}, err
	}
	b.recordRequest(ctx, r, m)
	return b.requestFiled(ctx, in, r, m)
}

// requestMade answers a request command redelivered after its request
// was made (requestID): a waiting request goes on as a new one does,
// recorded once; a proposed or closed one is told as it stands.
func (b *Bot) requestMade(ctx context.Context, in *Invocation, r Request, m Member) (Reply, error) {
	b.log.Info("request redelivered", "request", r.ID, "state", string(r.State))
	switch r.State {
	case RequestWaiting:
		return b.requestFiled(ctx, in, r, m)
	case RequestProposed:
		return Reply{Message: Message{Text: T(in.Lang, "request.proposed", "topic", r.Topic)}}, nil
	}
	return Reply{Message: Message{Text: T(in.Lang, "request.made", "topic", r.Topic, "state", b.requestState(ctx, in.Lang, r))}}, nil
}

// requestState names where an open request stands, in lang: a waiting
// request held for its program's kick-off (heldPrograms) waits for that
// day, not for a mentor, and is said to.
func (b *Bot) requestState(ctx context.Context, lang Lang, r Request) string {
	if r.State == RequestWaiting && r.InProgram() != DefaultProgram {
		if held, err := b.heldPrograms(ctx, r.Mentee.Tenant()); err == nil {
			if p, ok := held[r.InProgram()]; ok {
				return T(lang, "state.request.held", "name", p.Name, "start", Date(lang, p.Start))
			}
		}
	}
	return T(lang, "state.request."+string(r.State))
}

// requestFiled proposes a request just filed (or held for its program's
// kick-off) and says where it stands.
func (b *Bot) requestFiled(ctx context.Context, in *Invocation, r Request, m Member) (Reply, error) {
	if reply, held := b.heldReply(ctx, in, r); held {
		// Nobody in the program offers the topic as typed: the "Did you
		// mean" now, while the request can still be corrected before the
		// kick-off round, rather than after it.
		if sug, ok := b.suggestTopic(ctx, r, m); ok {
			reply.Message.Text += "\n" + suggestionText(in.Lang, r, sug)
			reply.Message.Buttons = suggestionMessage(in.Lang, r, sug).Buttons
		}
		return reply, nil
	}
	res, err := b.proposeNext(ctx, r, m)
	if err == nil && res.notAgain {
		b.recordRepeatAvoided(ctx, in.Member.Tenant(), r.ID)
	}
	if err != nil {
		// The request is safely stored and waiting; the sweep retries it.
		b.log.Error("propose failed", "request", r.ID, "err", err)
		return Reply{Message: Message{Text: T(in.Lang, "request.saved_later", "topic", r.Topic)}}, nil
	}
	if res.proposed {
		return Reply{Message: Message{Text: T(in.Lang, "request.proposed", "topic", r.Topic)}}, nil
	}
	if res.paused != nil {
		return Reply{Message: Message{Text: b.pausedWaiting(ctx, in.Lang, r, *res.paused, m)}}, nil
	}
	if res.gap.Gap() {
		return Reply{Message: languageAskFull(in.Lang, T(in.Lang, "request.waiting", "topic", r.Topic), r, requestLanguages(r, m), res.gap, b.gapFull(ctx, r, m, res.gap))}, nil
	}
	if nobodyOffers(res.why) && res.unreachable == 0 {
		if sug, ok := b.suggestTopic(ctx, r, m); ok {
			return Reply{Message: suggestionMessage(in.Lang, r, sug)}, nil
		}
	}
	text := T(in.Lang, "request.waiting", "topic", r.Topic) + "\n" + res.reason(in.Lang, r.Topic)
	if move := moveText(in.Lang, r.Topic, res.why, res.others); move != "" && res.unreachable == 0 {
		// Where the mentors are, and the commands that move it there.
		text += " " + move
	}
	return Reply{Message: Message{Text: text}}, nil
}

// reason explains why a request waits after the walk that tried to
// propose it: first the mentors it could not reach, who offer the topic
// all the same, then the others as waitingReason tells them.
func (res proposeResult) reason(lang Lang, topic string) string {
	if res.unreachable == 0 {
		return waitingReason(lang, topic, res.why)
	}
	text := T(lang, "waiting.unreachable", "topic", topic, "count", itoa(res.unreachable))
	switch others := res.why.Offering(); {
	case res.why.Eligible > 0:
		// More mentors fit than the walk tries at once: the sweep
		// proposes it to them.
		text += " " + waitingReason(lang, topic, res.why)
	case others > 0:
		text += " " + T(lang, "waiting.others", "topic", topic, "count", itoa(others))
	}
	return text
}

// requestID names the request a command makes: from its delivery when
// the platform gave one, so that the command redelivered finds the
// request it made (requestMade) instead of a conflict with it.
func (b *Bot) requestID(in *Invocation) (string, error) {
	if in.Delivery == "" {
		return b.newID()
	}
	sum := sha256.Sum256([]byte("request\x00" + in.Member.String() + "\x00" + in.Delivery))
	return idText(sum[:10]), nil
}

// profileChanged reports whether a command changed what it may change of
// a member's profile: time zone, working hours, years and spoken languages.
func profileChanged(m, was Member) bool {
	return m.TZ != was.TZ || m.Years != was.Years || m.Hours != was.Hours || !slices.Equal(m.Languages, was.Languages)
}

// runCancel withdraws the member's open request.
func runCancel(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	return b.cancelRequest(ctx, in.Member, "", in.Lang)
}

// cancelRequest withdraws who's open request (the request id, unless id
// is empty): /mentor cancel, and the status's "Withdraw my request"
// (withdraw.go).
func (b *Bot) cancelRequest(ctx context.Context, who MemberID, id string, lang Lang) (Reply, error) {
	r, err := b.store.requests.CancelRequest(ctx, who, id)
	if ErrorCode(err) == ENOTFOUND {
		return Reply{}, Errorf(ENOTFOUND, "err.no_open_request")
	}
	if err != nil {
		return Reply{}, err
	}
	if mentor, ok := b.tellWithdrawn(ctx, r); ok {
		b.freed(ctx, mentor)
	}
	return Reply{Message: Message{Text: T(lang, "request.cancelled", "topic", r.Topic)}}, nil
}

// tellWithdrawn tells the mentor of the proposal pending on r, a request
// just withdrawn (by /mentor cancel, or by the member's erasure), that
// they need not answer it, in the mentor's language; a notice the
// platform cannot take now is kept and sent again (notify). It names the
// topic only. It returns that mentor, whose place is free again.
func (b *Bot) tellWithdrawn(ctx context.Context, r Request) (MemberID, bool) {
	if r.State != RequestProposed || r.Proposal == "" {
		return MemberID{}, false
	}
	p, err := b.store.proposals.GetProposal(ctx, r.Mentee.Tenant(), r.Proposal)
	if err != nil {
		return MemberID{}, false
	}
	b.notify(ctx, p.Mentor, func(l Lang) Message {
		return Message{Text: T(l, "proposal.withdrawn", "topic", p.Topic)}
	})
	b.retractProposal(ctx, p, func(l Lang) Message {
		return Message{Text: T(l, "proposal.withdrawn_here", "topic", p.Topic)}
	})
	return p.Mentor, true
}

// proposalKey is the delivery key of the proposal's message to its
// mentor (deliver's, as sendProposal sends it).
func proposalKey(p Proposal) string { return JobProposalSend + ":" + p.ID + ":" + p.Mentor.User }

// proposalKeys are the delivery keys of every message that asks p's
// mentor to answer it, each with Accept and Decline: the proposal
// (proposalKey) and its reminder (deliver's key of the remind job,
// proposalJobs).
func proposalKeys(p Proposal) []string {
	return []string{proposalKey(p), JobProposalRemind + ":" + p.ID + ":" + p.Mentor.User}
}

// retractProposal retracts every message that asks p's mentor to answer
// it (proposalKeys), by what build says: a reminder not sent is not
// found, which changes nothing.
func (b *Bot) retractProposal(ctx context.Context, p Proposal, build func(Lang) Message) {
	for _, key := range proposalKeys(p) {
		b.retract(ctx, p.Mentor, key, build)
	}
}

// retract replaces the message tagged key that to received (deliver's
// key) by what build says, in their language, where their platform can
// (Retracter): its buttons no longer invite an answer that would only be
// refused. Best effort: a message the platform no longer finds, or a
// failure, is logged and changes nothing else.
func (b *Bot) retract(ctx context.Context, to MemberID, key string, build func(Lang) Message) {
	p, err := b.platform(to)
	if err != nil {
		return
	}
	r, ok := p.(Retracter)
	if !ok {
		return
	}
	msg, err := b.compose(ctx, to, build)
	if err == nil {
		err = r.Retract(ctx, to, key, msg)
	}
	if err != nil && ErrorCode(err) != ENOTFOUND {
		b.log.Warn("message not retracted", "member", to.String(), "key", key, "code", string(ErrorCode(err)))
	}
}

// nobodyOffers reports whether no mentor read for a request offers its
// topic: then, and only then, a typo suggestion is looked for (it reads
// every offer of the workspace).
func nobodyOffers(why matching.Explanation) bool {
	return why.Eligible+why.Self+why.Excluded+why.NotAgain+why.Paired+why.NoLanguage+why.KindMismatch+why.NotLessSenior+why.NoCapacity+why.TooFar+why.OtherProgram == 0
}

// waitingReason explains to a waiting mentee why nobody fits yet, from
// the matcher's explanation.
func waitingReason(lang Lang, topic string, why matching.Explanation) string {
	key, n := waitingKey(why)
	text := T(lang, key, "topic", topic, "count", itoa(n)) + othersToo(lang, key, topic, why, n)
	if key == "waiting.declined" && why.Declined() {
		// Every mentor of the topic was asked: only a new mentor, or a
		// manager, can move it. The mentee is told so, and what they
		// can do.
		text += " " + T(lang, "waiting.declined_next")
	}
	return text
}

// othersToo says, after the first reason, that other mentors of the topic
// cannot take the request either, when there are: the first reason is
// about some of them only, and "the mentor" would read as if there were
// no other.
func othersToo(lang Lang, key, topic string, why matching.Explanation, first int) string {
	switch strings.TrimSuffix(key, "_theirs") {
	case "waiting.not_less_senior", "waiting.topic", "waiting.self", "waiting.program", "waiting.eligible":
		return "" // said of every mentor of the topic already
	}
	if others := why.Offering() - first; first > 0 && others > 0 && why.Eligible == 0 {
		return " " + T(lang, "waiting.others", "topic", topic, "count", itoa(others))
	}
	return ""
}

// waitingReasonOf is waitingReason told to a manager, on a line that
// starts with the waiting member's name: "their language", not "yours".
func waitingReasonOf(lang Lang, topic string, why matching.Explanation) string {
	key, n := waitingKey(why)
	switch key {
	case "waiting.language", "waiting.timezone", "waiting.self", "waiting.not_less_senior", "waiting.not_again", "waiting.paired", "waiting.eligible":
		key += "_theirs"
	}
	return T(lang, key, "topic", topic, "count", itoa(n)) + othersToo(lang, key, topic, why, n)
}

// waitingReasonFor is waitingReasonOf for r, filed by mentee. When r asks
// for languages of its own (language: on the request) and the mentors of
// its topic lack them, it names them: "their language" would be untrue
// of mentors who may well speak the member's, as /mentor status tells
// the member (renderHome).
func waitingReasonFor(lang Lang, topic string, r Request, mentee Member, why matching.Explanation) string {
	key, n := waitingKey(why)
	if key != "waiting.language" || !asksOwnLanguages(r, mentee) {
		return waitingReasonOf(lang, topic, why)
	}
	return T(lang, "waiting.language_asked_theirs", "topic", topic, "count", itoa(n),
		"langs", itoa(len(r.Languages)), "languages", languageList(lang, langCodes(r.Languages))) + othersToo(lang, key, topic, why, n)
}

// asksOwnLanguages reports whether r asks for languages other than those
// its mentee speaks: the matcher then reads r's, not the member's.
func asksOwnLanguages(r Request, mentee Member) bool {
	return len(r.Languages) > 0 && !slices.Equal(r.Languages, spoken(mentee))
}

// waitingKey is the catalog key of the first reason that applies, and how
// many mentors it is about, so that it is said of one or of several.
func waitingKey(why matching.Explanation) (string, int) {
	switch {
	case why.Eligible > 0:
		// Someone fits and is free: the request waits for the sweep (a
		// slot freed since it was asked, a proposal that failed to go).
		return "waiting.eligible", why.Eligible
	case why.NoCapacity > 0:
		return "waiting.capacity", why.NoCapacity
	case why.Paused > 0:
		return "waiting.paused", why.Paused
	case why.NoLanguage > 0:
		return "waiting.language", why.NoLanguage
	case why.TooFar > 0:
		return "waiting.timezone", why.TooFar
	case why.KindMismatch > 0:
		return "waiting.kind", why.KindMismatch
	case why.NotLessSenior > 0:
		return "waiting.not_less_senior", why.NotLessSenior
	case why.Excluded > 0:
		return "waiting.declined", why.Excluded
	case why.NotAgain > 0:
		return "waiting.not_again", why.NotAgain
	case why.Paired > 0:
		// A pair of the two on this topic is under way (pairedMentors).
		return "waiting.paired", why.Paired
	case why.Self > 0:
		return "waiting.self", why.Self
	case why.OtherProgram > 0:
		// Mentors offer the topic, in other programs only.
		return "waiting.program", why.OtherProgram
	}
	return "waiting.topic", 0
}
