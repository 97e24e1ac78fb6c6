package inmem

import (
	"context"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// quoteKey is the key of a testimonial, as on Redis: "<pair>:<user>".
func quoteKey(pair, user string) string { return pair + ":" + user }

// WriteTestimonial implements bot.TestimonialStore.
func (s *Store) WriteTestimonial(ctx context.Context, t bot.Tenant, tm bot.Testimonial) (bool, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	key := quoteKey(tm.Pair, tm.Member.User)
	_, replaced := sp.quotes[key]
	tm.Member = t.Member(tm.Member.User)
	tm.Share = ""
	tm.At = tm.At.UTC().Truncate(time.Millisecond)
	sp.quotes[key] = tm
	return replaced, nil
}

// ShareTestimonial implements bot.TestimonialStore.
func (s *Store) ShareTestimonial(ctx context.Context, t bot.Tenant, pair string, by bot.MemberID, share string) (string, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	key := quoteKey(pair, by.User)
	tm, ok := sp.quotes[key]
	if !ok {
		return "", &bot.Error{Code: bot.ENOTFOUND, Err: errString("no testimonial")}
	}
	previous := tm.Share
	tm.Share = share
	sp.quotes[key] = tm
	return previous, nil
}

// Testimonials implements bot.TestimonialStore.
func (s *Store) Testimonials(ctx context.Context, t bot.Tenant) ([]bot.Testimonial, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	out := make([]bot.Testimonial, 0, len(sp.quotes))
	for _, tm := range sp.quotes {
		out = append(out, tm)
	}
	bot.SortTestimonials(out)
	return out, nil
}

// DeleteTestimonial implements bot.TestimonialStore.
func (s *Store) DeleteTestimonial(ctx context.Context, t bot.Tenant, pair string, by bot.MemberID) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	delete(sp.quotes, quoteKey(pair, by.User))
	return nil
}

// testimonialsOf returns a member's testimonials. Callers hold mu.
func (sp *space) testimonialsOf(u string) []bot.Testimonial {
	var out []bot.Testimonial
	for key, tm := range sp.quotes {
		if strings.HasSuffix(key, ":"+u) {
			out = append(out, tm)
		}
	}
	return out
}
