package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// testimonialTests are the contract of the final survey's testimonials:
// one per member per pair, a new text clearing the consent, a consent
// only on a text, and their place in a member's data, erasure and
// retention.
var testimonialTests = []contractTest{
	{"TestimonialWriteShare", testTestimonialWriteShare},
	{"TestimonialConcurrentShare", testTestimonialConcurrentShare},
	{"TestimonialPrivacy", testTestimonialPrivacy},
}

// mustTestimonial writes user's testimonial on pair at at.
func mustTestimonial(t *testing.T, s bot.Store, tn bot.Tenant, pair, user, role, text string, at time.Time) bool {
	t.Helper()
	replaced, err := s.WriteTestimonial(ctx(), tn, bot.Testimonial{Pair: pair, Member: tn.Member(user), Role: role, Topic: "go", Text: text, At: at})
	MustOK(t, err)
	return replaced
}

func testTestimonialWriteShare(t *testing.T, s bot.Store, tn bot.Tenant) {
	if all, err := s.Testimonials(ctx(), tn); err != nil || len(all) != 0 {
		t.Fatalf("got %v, %v in a new workspace, want none", all, err)
	}
	_, err := s.ShareTestimonial(ctx(), tn, "p1", tn.Member("A"), bot.ShareName)
	MustCode(t, err, bot.ENOTFOUND)
	if mustTestimonial(t, s, tn, "p1", "A", "mentor", "Great, «really»: 100%", t0) {
		t.Error("got replaced on a first text, want not")
	}
	prev, err := s.ShareTestimonial(ctx(), tn, "p1", tn.Member("A"), bot.ShareName)
	MustOK(t, err)
	if prev != "" {
		t.Errorf("got previous consent %q, want none", prev)
	}
	if prev, _ = s.ShareTestimonial(ctx(), tn, "p1", tn.Member("A"), bot.ShareAnonymous); prev != bot.ShareName {
		t.Errorf("got previous consent %q, want %q", prev, bot.ShareName)
	}
	mustTestimonial(t, s, tn, "p1", "M", "mentee", "Helpful", t0.Add(time.Minute))
	want := []bot.Testimonial{
		{Pair: "p1", Member: tn.Member("A"), Role: "mentor", Topic: "go", Text: "Great, «really»: 100%", Share: bot.ShareAnonymous, At: t0},
		{Pair: "p1", Member: tn.Member("M"), Role: "mentee", Topic: "go", Text: "Helpful", At: t0.Add(time.Minute)},
	}
	mustTestimonials(t, s, tn, want)

	t.Run("NewTextClearsConsent", func(t *testing.T) {
		if !mustTestimonial(t, s, tn, "p1", "A", "mentor", "Even better", t0.Add(2*time.Minute)) {
			t.Error("got not replaced on a second text, want replaced")
		}
		mustTestimonials(t, s, tn, []bot.Testimonial{
			want[1], {Pair: "p1", Member: tn.Member("A"), Role: "mentor", Topic: "go", Text: "Even better", At: t0.Add(2 * time.Minute)},
		})
	})
	t.Run("Delete", func(t *testing.T) {
		MustOK(t, s.DeleteTestimonial(ctx(), tn, "p1", tn.Member("A")))
		MustOK(t, s.DeleteTestimonial(ctx(), tn, "p1", tn.Member("A")))
		mustTestimonials(t, s, tn, want[1:])
		_, err := s.ShareTestimonial(ctx(), tn, "p1", tn.Member("A"), bot.ShareNo)
		MustCode(t, err, bot.ENOTFOUND)
	})
}

func mustTestimonials(t *testing.T, s bot.Store, tn bot.Tenant, want []bot.Testimonial) {
	t.Helper()
	got, err := s.Testimonials(ctx(), tn)
	MustOK(t, err)
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("got %+v, want %+v", got[i], want[i])
		}
	}
}

// testTestimonialConcurrentShare: consents racing with a new text never
// leave a consent on a text nobody consented for, and every click sees a
// testimonial.
func testTestimonialConcurrentShare(t *testing.T, s bot.Store, tn bot.Tenant) {
	mustTestimonial(t, s, tn, "p1", "A", "mentor", "First", t0)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.ShareTestimonial(ctx(), tn, "p1", tn.Member("A"), bot.ShareName); err != nil {
				t.Errorf("share %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	mustTestimonial(t, s, tn, "p1", "A", "mentor", "Second", t0)
	got, err := s.Testimonials(ctx(), tn)
	MustOK(t, err)
	if len(got) != 1 || got[0].Text != "Second" || got[0].Share != "" {
		t.Fatalf("got %+v, want the second text without a consent", got)
	}
}

// testTestimonialPrivacy: a member's testimonials are in their data, go
// with their erasure (the other member's stays), and go with the
// retention once written before the cut.
func testTestimonialPrivacy(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := mustOfficialPair(t, s, tn)
	mustTestimonial(t, s, tn, pair.ID, pair.Mentee.User, "mentee", "Thanks", t0)
	_, err := s.ShareTestimonial(ctx(), tn, pair.ID, pair.Mentee, bot.ShareNo)
	MustOK(t, err)
	mustTestimonial(t, s, tn, pair.ID, pair.Mentor.User, "mentor", "A pleasure", t0.Add(48*time.Hour))
	d, err := s.MemberData(ctx(), pair.Mentee)
	MustOK(t, err)
	if len(d.Testimonials) != 1 || d.Testimonials[0].Text != "Thanks" || d.Testimonials[0].Share != bot.ShareNo {
		t.Fatalf("got testimonials %+v in the mentee's data, want theirs only", d.Testimonials)
	}
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: pair.Mentee, Blank: []string{pair.ID}}))
	if d, err := s.MemberData(ctx(), pair.Mentee); err != nil || len(d.Testimonials) != 0 {
		t.Fatalf("got %+v, %v after the erasure, want no testimonial", d.Testimonials, err)
	}
	got, err := s.Testimonials(ctx(), tn)
	MustOK(t, err)
	if len(got) != 1 || got[0].Member != pair.Mentor {
		t.Fatalf("got %+v after the mentee's erasure, want the mentor's kept", got)
	}
	mustTestimonial(t, s, tn, "old", "Z", "mentee", "Long ago", t0)
	_, err = s.Prune(ctx(), tn, t0.Add(24*time.Hour))
	MustOK(t, err)
	if got, _ = s.Testimonials(ctx(), tn); len(got) != 1 || got[0].Member != pair.Mentor {
		t.Fatalf("got %+v after the retention, want the one written before the cut gone", got)
	}
}
