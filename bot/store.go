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
	// GetMember returns the member, or ENOTFOUND.
	GetMember(ctx context.Context, id MemberID) (Member, error)
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

	// CreateRequest stores a new waiting request. ECONFLICT if the mentee
	// already has an open request.
	CreateRequest(ctx context.Context, r Request) error
	// GetRequest returns a request, or ENOTFOUND.
	GetRequest(ctx context.Context, t Tenant, id string) (Request, error)
	// OpenRequest returns the mentee's open request, or ENOTFOUND.
	OpenRequest(ctx context.Context, mentee MemberID) (Request, error)
	// Waiting returns the waiting requests of a tenant, oldest first.
	Waiting(ctx context.Context, t Tenant) ([]Request, error)
	// CancelRequest withdraws an open request and its pending proposal, and
	// returns the request as it was. ENOTFOUND if mentee has no open request.
	CancelRequest(ctx context.Context, mentee MemberID) (Request, error)

	// Propose records a pending proposal for a waiting request.
	// ESTALE if the request is no longer waiting.
	Propose(ctx context.Context, p Proposal) error
	// GetProposal returns a proposal, or ENOTFOUND.
	GetProposal(ctx context.Context, t Tenant, id string) (Proposal, error)
	// AcceptProposal turns a pending proposal into a pair in the charter
	// state and takes one of the mentor's capacity slots. EFORBIDDEN if by is
	// not the proposal's mentor, ESTALE if the proposal is not pending,
	// ECAPACITY if the mentor has no free slot (the proposal stays pending).
	AcceptProposal(ctx context.Context, t Tenant, id string, by MemberID, pair Pair) (Pair, error)
	// DeclineProposal marks a pending proposal declined, remembers that the
	// mentor declined the request and puts the request back to waiting.
	// EFORBIDDEN and ESTALE as for AcceptProposal.
	DeclineProposal(ctx context.Context, t Tenant, id string, by MemberID) (Proposal, error)

	// GetPair returns a pair, or ENOTFOUND.
	GetPair(ctx context.Context, t Tenant, id string) (Pair, error)
	// PairsOf returns the member's pairs, newest first.
	PairsOf(ctx context.Context, m MemberID) ([]Pair, error)
	// AcceptCharter records that by accepted charter version for the pair
	// (and on their member record, with the time). When both have accepted,
	// the pair becomes active with Official set to at. EFORBIDDEN if by is
	// not in the pair, ESTALE if the pair is not waiting for charters or by
	// already accepted.
	AcceptCharter(ctx context.Context, t Tenant, pairID string, by MemberID, version int, at time.Time) (Pair, error)
	// DeclineCharter cancels a pair waiting for charters, frees the mentor's
	// slot and puts the request back to waiting, excluding this mentor.
	// EFORBIDDEN and ESTALE as for AcceptCharter.
	DeclineCharter(ctx context.Context, t Tenant, pairID string, by MemberID) (Pair, error)

	// GetCharter returns the tenant's charter, or ENOTFOUND if none was set.
	GetCharter(ctx context.Context, t Tenant) (Charter, error)
	// SetCharter stores text for one language as a new version and returns it.
	SetCharter(ctx context.Context, t Tenant, lang Lang, text string, at time.Time) (Charter, error)
}
