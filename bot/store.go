package bot

import (
	"context"
	"time"
)

// Store keeps mentorbot's state. Every method takes a context first and
// returns coded errors: EUNAVAILABLE when the backend cannot be reached,
// plus the codes listed on each method. Methods that change more than one
// thing do so atomically, so that concurrent clicks and several bot
// replicas sharing one store can never double-book a mentor or form two
// pairs from one request.
type Store interface {
	// PrivacyStore reads and erases one member's data (privacy.go).
	PrivacyStore

	// GetMember returns the member, or ENOTFOUND.
	GetMember(ctx context.Context, id MemberID) (Member, error)
	// Members returns the members of a workspace with these user IDs, in
	// one round trip; a user the bot does not know is left out.
	Members(ctx context.Context, t Tenant, users []string) (map[string]Member, error)
	// SaveMember creates or replaces the member's profile fields. It never
	// changes the recorded charter acceptance, which only AcceptCharter sets.
	SaveMember(ctx context.Context, m Member) error

	// SaveOffer creates or replaces the mentor's offer. Active and Pending
	// are kept by the store and ignored here.
	SaveOffer(ctx context.Context, o Offer) error
	// GetOffer returns the mentor's offer, or ENOTFOUND.
	GetOffer(ctx context.Context, mentor MemberID) (Offer, error)
	// Offers returns every offer in the tenant, in mentor ID order.
	Offers(ctx context.Context, t Tenant) ([]Offer, error)
	// OffersFor returns every offer indexed under any of keys (Offer.Keys),
	// with its current Active and Pending, in mentor ID order, in at most
	// two round trips whatever the number of offers.
	OffersFor(ctx context.Context, t Tenant, keys []string) ([]Offer, error)
	// IndexOffer files the mentor's offer under keys instead of the keys it
	// has, if its topics are still topics (keys were computed from them).
	// ESTALE if the offer changed meanwhile, ENOTFOUND if there is none.
	IndexOffer(ctx context.Context, mentor MemberID, topics, keys []string) error

	// CreateRequest stores a new waiting request and schedules jobs, in one
	// step. ECONFLICT if the mentee already has an open request.
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
	// ENOTFOUND if mentee has no open request.
	CancelRequest(ctx context.Context, mentee MemberID) (Request, error)

	// Propose records a pending proposal for a waiting request, takes one
	// of the mentor's capacity slots (Pending) and schedules jobs, in one
	// step. ESTALE if the request is not waiting; ECAPACITY if the mentor's
	// Active plus Pending already reach their capacity (or they have no
	// offer). Nothing is written on an error. The check and the write are
	// one atomic step, so two replicas cannot both take the last slot.
	Propose(ctx context.Context, p Proposal, jobs []Job) error
	// GetProposal returns a proposal, or ENOTFOUND.
	GetProposal(ctx context.Context, t Tenant, id string) (Proposal, error)
	// AcceptProposal turns a pending proposal into a pair in the charter
	// state: the proposal's slot moves from Pending to Active. EFORBIDDEN if
	// by is not the proposal's mentor, ESTALE if the proposal is not
	// pending, ECAPACITY if Active already reaches the capacity (it was
	// lowered, or a manager paired the mentor, since the proposal): the
	// proposal then stays pending.
	// jobs are scheduled in the same step.
	AcceptProposal(ctx context.Context, t Tenant, id string, by MemberID, pair Pair, jobs []Job) (Pair, error)
	// DeclineProposal marks a pending proposal declined, frees its slot,
	// remembers that the mentor declined the request and puts the request
	// back to waiting (filed under its keys again).
	// EFORBIDDEN and ESTALE as for AcceptProposal.
	DeclineProposal(ctx context.Context, t Tenant, id string, by MemberID) (Proposal, error)
	// ExpireProposal is DeclineProposal by the clock: the proposal becomes
	// expired. ESTALE if it is not pending. out is written in the same
	// step (only if the proposal expires).
	ExpireProposal(ctx context.Context, t Tenant, id string, out Outbox) (Proposal, error)

	// GetPair returns a pair, or ENOTFOUND.
	GetPair(ctx context.Context, t Tenant, id string) (Pair, error)
	// PairsOf returns the member's pairs, newest first.
	PairsOf(ctx context.Context, m MemberID) ([]Pair, error)
	// RememberPair records the verdict (VerdictMet or VerdictNever) on a
	// pairing of mentee with mentor, across requests; VerdictNever, once
	// recorded, is never replaced by VerdictMet.
	RememberPair(ctx context.Context, t Tenant, mentee, mentor string, verdict string) error
	// Histories returns, for each of users (as mentees) with a history, the
	// verdicts by mentor, in one round trip.
	Histories(ctx context.Context, t Tenant, users []string) (map[string]map[string]string, error)
	// Overview returns what /mentor status shows of a member in as few
	// round trips as it can: their offer, open request and pairs (newest
	// first), and the display names of the other members of those pairs.
	Overview(ctx context.Context, m MemberID) (Overview, error)
	// AcceptCharter records that by accepted charter version for the pair
	// (and on their member record, with the time). When both have accepted,
	// the pair becomes active with Official set to at. EFORBIDDEN if by is
	// not in the pair, ESTALE if the pair is not waiting for charters or by
	// already accepted. The jobs onOfficial returns for the pair are
	// scheduled in the same step, only if this acceptance makes it official.
	AcceptCharter(ctx context.Context, t Tenant, pairID string, by MemberID, version int, at time.Time, onOfficial func(Pair) []Job) (Pair, error)
	// DeclineCharter cancels a pair waiting for charters, frees the mentor's
	// slot and puts the request back to waiting, excluding this mentor.
	// EFORBIDDEN and ESTALE as for AcceptCharter.
	// A zero by is the clock: the charter timed out. out is written in the
	// same step (only if the pair is cancelled).
	DeclineCharter(ctx context.Context, t Tenant, pairID string, by MemberID, out Outbox) (Pair, error)

	// EndPair ends an active pair (completed, or cancelled when it is not
	// working out), freeing the mentor's slot. ESTALE if it is not active.
	EndPair(ctx context.Context, t Tenant, pairID string, state PairState, reason string, at time.Time) (Pair, error)
	// RecordCheckin records a member's answer to a check-in round of a pair:
	// "yes" sets Met (first time only), "notyet" counts towards Stalled.
	// ESTALE if the member already answered that round.
	// A round counts at most one "not yet", whoever says it.
	// The jobs then returns for the updated pair are scheduled in the same
	// step (a job already scheduled moves earlier if the new one is).
	RecordCheckin(ctx context.Context, t Tenant, pairID, round string, by MemberID, answer string, at time.Time, then func(Pair) []Job) (Pair, error)
	// CheckinAnswers returns the answers recorded by RecordCheckin for a
	// pair, by round then user ID (empty if none).
	CheckinAnswers(ctx context.Context, t Tenant, pairID string) (map[string]map[string]string, error)
	// AnswerSurvey records one answer of a member's survey. ESTALE if that
	// question was already answered: a survey takes one answer per person.
	AnswerSurvey(ctx context.Context, t Tenant, survey SurveyID, by MemberID, question, answer string, at time.Time) error
	// Survey returns a member's answers to a survey (empty if none).
	Survey(ctx context.Context, t Tenant, survey SurveyID, by MemberID) (map[string]string, error)

	// ScheduleJobs adds jobs; a job whose ID is already scheduled keeps its
	// due time, unless Job.Due is earlier and earlier is set.
	ScheduleJobs(ctx context.Context, t Tenant, earlier bool, jobs ...Job) error
	// ClaimJobs takes up to limit jobs due at now and leases them until
	// now+lease: another claim sees them again only after that. Each Job
	// has the time it was due (a lease that ran out: when it ran out).
	ClaimJobs(ctx context.Context, t Tenant, now time.Time, lease time.Duration, limit int) ([]Job, error)
	// FinishJob removes a claimed job, unless another replica claimed it
	// since (its lease changed).
	FinishJob(ctx context.Context, t Tenant, j Job) error
	// RetryJob moves a claimed job to at, unless another replica claimed it since.
	RetryJob(ctx context.Context, t Tenant, j Job, at time.Time) error
	// Tenants lists every workspace the bot has seen.
	Tenants(ctx context.Context) ([]Tenant, error)

	// MarkSent claims the delivery key (one message to one member) for ttl
	// and returns what it found: "" when it was free (and is now
	// "pending"), "pending" while another delivery of it may be under way,
	// "done" once delivered, or "unknown" after a send cut short whose
	// outcome is unknown. ConfirmSent makes the mark state ("done" or
	// "unknown") and lasting; UnmarkSent frees it after a failed delivery.
	MarkSent(ctx context.Context, t Tenant, key string, ttl time.Duration) (string, error)
	ConfirmSent(ctx context.Context, t Tenant, key, state string) error
	UnmarkSent(ctx context.Context, t Tenant, key string) error
	// FirstSeen records key for ttl and reports whether it was new: one
	// caller among all replicas gets true.
	FirstSeen(ctx context.Context, t Tenant, key string, ttl time.Duration) (bool, error)
	// Receive records an inbound delivery in one step: the delivery key
	// seen (for seenTTL), its data under id (for dataTTL) and its job. It
	// reports false, and writes nothing, when the key was seen already.
	Receive(ctx context.Context, t Tenant, seenKey, id string, data []byte, job Job, seenTTL, dataTTL time.Duration) (bool, error)
	// Inbound returns the data of an inbound delivery, or ENOTFOUND.
	Inbound(ctx context.Context, t Tenant, id string) ([]byte, error)
	// Handled forgets an inbound delivery and its job.
	Handled(ctx context.Context, t Tenant, id string) error
	// SaveNotice keeps a message whose delivery failed, together with the
	// job that sends it again (due at job.Due), in one step. The notice
	// expires after ttl.
	SaveNotice(ctx context.Context, n Notice, job Job, ttl time.Duration) error
	// GetNotice returns a kept notice, or ENOTFOUND once it was delivered
	// or expired.
	GetNotice(ctx context.Context, t Tenant, id string) (Notice, error)
	// DeleteNotice forgets a delivered notice.
	DeleteNotice(ctx context.Context, t Tenant, id string) error
	// TryLock takes a named lock for ttl if nobody holds it. Locks only save
	// duplicate work; correctness never depends on them.
	TryLock(ctx context.Context, name string, ttl time.Duration) (bool, error)

	// SaveDraft keeps what a manager is asked to confirm with a button
	// (more than a button's value can carry) under id, for ttl.
	SaveDraft(ctx context.Context, t Tenant, id, value string, ttl time.Duration) error
	// Draft returns a draft's value, or ENOTFOUND once it expired.
	Draft(ctx context.Context, t Tenant, id string) (string, error)

	// Settings returns the workspace's overridden settings, by name.
	Settings(ctx context.Context, t Tenant) (map[string]string, error)
	// SetSetting overrides one setting.
	SetSetting(ctx context.Context, t Tenant, name, value string) error

	// Hit counts one hit of the member under name (a rate limit's
	// "command" or "click") and returns the hits in the current window
	// of length window, this one included. Every replica sharing the
	// store counts in the same window.
	Hit(ctx context.Context, who MemberID, name string, window time.Duration) (int, error)

	// Record counts an event for the managers' figures. EventReturned,
	// EventBecame and EventOffer count people, not events: a member
	// counts once in a week and once in AllTime, however many events name
	// them.
	Record(ctx context.Context, t Tenant, e Event) error

	// GetCharter returns the tenant's charter, or ENOTFOUND if none was set.
	GetCharter(ctx context.Context, t Tenant) (Charter, error)
	// SetCharter stores text for one language as a new version and returns it.
	SetCharter(ctx context.Context, t Tenant, lang Lang, text string, at time.Time) (Charter, error)

	// Stats returns the counters of the given weeks (WeekOf, or AllTime),
	// in the same order, in one step. A week without events has zero
	// counters. Record keeps them: nothing is scanned.
	Stats(ctx context.Context, t Tenant, weeks []string) ([]WeekStats, error)
	// Flags returns the pairs recorded stalled (EventStalled) and not
	// resolved since by EventMeeting, EventEnded or EventCompleted, and the
	// low ratings (EventSurvey with Rating at most LowRatingMax) recorded
	// at or after since, each oldest first.
	Flags(ctx context.Context, t Tenant, since time.Time) (stalled, low []Flag, err error)

	// AddManager makes a member a manager of their workspace; adding one
	// twice is not an error.
	AddManager(ctx context.Context, id MemberID) error
	// RemoveManager removes a manager added with AddManager. ENOTFOUND if
	// the member was not one.
	RemoveManager(ctx context.Context, id MemberID) error
	// Managers returns the managers added with AddManager, by user ID.
	Managers(ctx context.Context, t Tenant) ([]MemberID, error)
	// IsManager reports whether AddManager made the member a manager.
	IsManager(ctx context.Context, id MemberID) (bool, error)

	// FormPair makes the pair a manager chose, in the charter state, for
	// request r, and takes a slot of the mentor whatever their capacity
	// (the manager's call). r is either the mentee's open request as read,
	// with State waiting (ESTALE if it is no longer waiting), or a new
	// request with State paired, stored as such (ECONFLICT if the mentee
	// has an open request). jobs are scheduled in the same step. It
	// returns the pair as stored.
	FormPair(ctx context.Context, r Request, pair Pair, jobs []Job) (Pair, error)

	// Export returns every member, pair and survey answer of the tenant,
	// for a manager's export: the one call that reads the whole workspace.
	Export(ctx context.Context, t Tenant) (Export, error)

	// TopicSynonyms returns the workspace's topic aliases, folded alias →
	// folded canonical topic (see matching.Synonyms); empty if none.
	TopicSynonyms(ctx context.Context, t Tenant) (map[string]string, error)
	// SetTopicSynonym adds or replaces one alias.
	SetTopicSynonym(ctx context.Context, t Tenant, alias, canonical string) error
	// RemoveTopicSynonym removes one alias. ENOTFOUND if there is none.
	RemoveTopicSynonym(ctx context.Context, t Tenant, alias string) error
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
