package bot

import (
	"context"
	"time"
)

// Store keeps mentorbot's state. It is the union of the seams that the
// use cases own, each declared next to the code that uses it, and is what
// a backend implements and cmd wires. Every method takes a context first
// and returns coded errors: EUNAVAILABLE when the backend cannot be
// reached, plus the codes listed on each method. Methods that change more
// than one thing do so atomically, so that concurrent clicks and several
// bot replicas sharing one store can never double-book a mentor or form
// two pairs from one request.
//
// A store keeps and fetches: the rules (what makes a pair stalled, how
// long a flag or a mark is kept, how a topic is folded) are the core's,
// and reach the store as values (a cutoff, a TTL, a normalised key, a
// callback run inside the transition). Each seam has at most 12 methods
// (TestSeamsAreSmall).
type Store interface {
	MemberStore   // members.go
	ManagerStore  // managers.go
	OfferStore    // offer.go
	RequestStore  // request.go
	ProposalStore // proposal.go
	PairStore     // charter.go
	FollowupStore // checkin.go
	JobStore      // scheduler.go
	DeliveryStore // delivery.go
	InboxStore    // inbox.go
	DraftStore    // admin_pair_confirm.go
	SettingsStore // settings.go
	TopicStore    // topics.go
	RateStore     // ratelimit.go
	ReportStore   // events.go
	PrivacyStore  // privacy.go
	ProgramStore  // program.go
	SpeedStore    // speed.go
	CampaignStore // campaign.go
	NeedsStore    // needs.go
	GoalStore     // goals.go
	PauseStore    // pause.go
	HomeStore     // home_store.go
	MeetingStore  // meeting.go
	InstallStore  // install.go

	CandidateStore // candidates.go
	RaiseStore     // speed_capacity.go

	// TryLock takes a named lock for ttl if nobody holds it. Locks only save
	// duplicate work; correctness never depends on them. No use case of the
	// core takes one: the cron (schedule.Runner) and cmd's Discord adapter
	// do, through the wired store.
	TryLock(ctx context.Context, name string, ttl time.Duration) (bool, error)
}

// stores is the Store as the Bot holds it: one field per seam, so that
// each call names the part of the store its use case depends on
// (b.store.offers.GetOffer).
type stores struct {
	members   MemberStore
	managers  ManagerStore
	offers    OfferStore
	requests  RequestStore
	proposals ProposalStore
	pairs     PairStore
	followups FollowupStore
	jobs      JobStore
	delivery  DeliveryStore
	inbox     InboxStore
	drafts    DraftStore
	settings  SettingsStore
	topics    TopicStore
	rates     RateStore
	reports   ReportStore
	privacy   PrivacyStore
	programs  ProgramStore
	speed     SpeedStore
	campaigns CampaignStore
	needs     NeedsStore
	goals     GoalStore
	pauses    PauseStore
	homes     HomeStore
	meetings  MeetingStore
	installs  InstallStore

	candidates CandidateStore
	raises     RaiseStore
}

// storesOf splits a Store into its seams.
func storesOf(s Store) stores {
	return stores{
		members: s, managers: s, offers: s, requests: s, proposals: s, pairs: s,
		followups: s, jobs: s, delivery: s, inbox: s, drafts: s, settings: s,
		topics: s, rates: s, reports: s, privacy: s, programs: s, speed: s, campaigns: s, needs: s, goals: s, pauses: s, homes: s, meetings: s,
		installs: s, candidates: s, raises: s,
	}
}
