package bot

import (
	"context"
	"time"
)

// SpeedTaking is a member's part in one speed-mentoring event, as
// /mentor export-me gives it: their registration and each round they
// were in.
type SpeedTaking struct {
	Event      string          `json:"event"`
	Name       string          `json:"name"`
	Start      time.Time       `json:"start"`
	Registered SpeedRole       `json:"registered_as,omitempty"` // "" once they left
	Topic      string          `json:"topic,omitempty"`
	Rounds     []SpeedRoundFor `json:"rounds"`
}

// SpeedRoundFor is one round of an event as one member lived it.
type SpeedRoundFor struct {
	Round    int    `json:"round"`
	With     string `json:"with,omitempty"` // the other member's user ID; "" when they sat out
	Role     string `json:"role,omitempty"` // "mentor" or "mentee"
	Topic    string `json:"topic,omitempty"`
	Continue string `json:"continue,omitempty"` // their answer: "yes", "no" or ""
	Left     bool   `json:"ended_early,omitempty"`
	SatOut   string `json:"sat_out,omitempty"` // why (SatOut*), when they sat out
}

// speedTakings reads a member's part in every event of their workspace.
func (b *Bot) speedTakings(ctx context.Context, id MemberID) ([]SpeedTaking, error) {
	t := id.Tenant()
	events, err := b.store.speed.SpeedEvents(ctx, t)
	if err != nil {
		return nil, err
	}
	var out []SpeedTaking
	for _, e := range events {
		st := SpeedTaking{Event: e.ID, Name: e.Name, Start: e.Start, Rounds: []SpeedRoundFor{}}
		en, err := b.store.speed.SpeedEntrant(ctx, t, e.ID, id.User)
		switch {
		case err == nil:
			st.Registered, st.Topic = en.Role, en.Topic
		case ErrorCode(err) != ENOTFOUND:
			return nil, err
		}
		for n := 1; n <= e.Rounds; n++ {
			r, err := b.store.speed.GetSpeedRound(ctx, t, e.ID, n)
			if ErrorCode(err) == ENOTFOUND {
				continue
			}
			if err != nil {
				return nil, err
			}
			st.Rounds = append(st.Rounds, speedRoundsFor(r, id)...)
		}
		if st.Registered != "" || len(st.Rounds) > 0 {
			out = append(out, st)
		}
	}
	return out, nil
}

// speedRoundsFor is what round r holds of a member.
func speedRoundsFor(r SpeedRound, id MemberID) []SpeedRoundFor {
	var out []SpeedRoundFor
	for _, s := range r.Sessions {
		x := SpeedRoundFor{Round: r.N, Topic: s.Topic, Left: s.Left != ""}
		switch id {
		case s.Mentor:
			x.With, x.Role, x.Continue = s.Mentee.User, string(SpeedMentor), s.MentorYes
		case s.Mentee:
			x.With, x.Role, x.Continue = s.Mentor.User, string(SpeedMentee), s.MenteeYes
		default:
			continue
		}
		out = append(out, x)
	}
	if why, ok := r.SatOut[id.User]; ok {
		out = append(out, SpeedRoundFor{Round: r.N, SatOut: why})
	}
	return out
}
