package bot

import (
	"context"

	"github.com/mentorbot/mentorbot/matching"
)

// A mentee is never proposed to a mentor with whom they have a pair on
// the same topic already, waiting for its charter or under way, in
// either role (their mentor, or their own mentee on it): the
// instant proposal, the rounds (the sweep, a freed slot, a manager's
// round) and their previews all keep such a mentor out (matching.Need's
// Paired), and the request waits with that reason. A manager's pair
// refuses the same (pairExists). A pending proposal needs no rule of its
// own: a mentee has one open request at most, and a proposal belongs to
// it.

// pairedMentors returns the members with whom mentee has a pair on topic
// (folded as the matcher folds it, the workspace's aliases applied), as
// their mentor or as their mentee, that waits for its charter or is
// under way, each once, in pairs' order.
func pairedMentors(pairs []Pair, mentee MemberID, topic string, syn matching.Synonyms) []string {
	var out []string
	want := ""
	for _, p := range pairs {
		if p.State != PairCharter && p.State != PairActive {
			continue
		}
		// Either way round: a mentee of the member's on the topic is no
		// mentor for them on it, the two being a pair on it already.
		var other MemberID
		switch mentee {
		case p.Mentee:
			other = p.Mentor
		case p.Mentor:
			other = p.Mentee
		default:
			continue
		}
		if want == "" {
			want = syn.Normalize(topic)
		}
		if syn.Normalize(p.Topic) != want || contains(out, other.User) {
			continue
		}
		out = append(out, other.User)
	}
	return out
}

// pairedFor returns the mentors kept out of r for a pair with its mentee
// on its topic (pairedMentors), reading the mentee's pairs only when
// their pair index holds some (n, as Candidates counts them).
func (b *Bot) pairedFor(ctx context.Context, r Request, n int, syn matching.Synonyms) ([]string, error) {
	if n == 0 {
		return nil, nil
	}
	pairs, err := b.store.pairs.PairsOf(ctx, r.Mentee)
	if err != nil {
		return nil, err
	}
	return pairedMentors(pairs, r.Mentee, r.Topic, syn), nil
}
