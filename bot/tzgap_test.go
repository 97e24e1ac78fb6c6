package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/matching"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// tzGapOffset is the UTC offset of an IANA zone in January 2027.
func tzGapOffset(t *testing.T, zone string) int {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Skipf("no zone database for %s: %v", zone, err)
	}
	_, off := time.Date(2027, 1, 15, 12, 0, 0, 0, time.UTC).In(loc).Zone()
	return off
}

// TestTZGapReasonSentences: the time-zone reason states the true
// difference of the two offsets, never the distance around the clock the
// score uses, with English words for the English sentence and French time
// style for the French one; the introduction says the same.
func TestTZGapReasonSentences(t *testing.T) {
	for _, c := range []struct {
		name, a, b string
		en, fr     string
	}{
		{"LosAngelesKolkata", "America/Los_Angeles", "Asia/Kolkata", "13 hours 30 minutes apart", "13\u00a0h\u00a030 de décalage"},
		{"MontrealTokyo", "America/Montreal", "Asia/Tokyo", "14 hours apart", "14\u00a0h de décalage"},
		{"ParisNewYork", "Europe/Paris", "America/New_York", "6 hours apart", "6\u00a0h de décalage"},
		{"KolkataParis", "Asia/Kolkata", "Europe/Paris", "4 hours 30 minutes apart", "4\u00a0h\u00a030 de décalage"},
		{"KathmanduKolkata", "Asia/Kathmandu", "Asia/Kolkata", "15 minutes apart", "15\u00a0min de décalage"},
		{"AdelaideBrisbane", "Australia/Adelaide", "Australia/Brisbane", "30 minutes apart", "30\u00a0min de décalage"},
		{"LondonParis", "Europe/London", "Europe/Paris", "1 hour apart", "1\u00a0h de décalage"},
		{"SameZone", "Europe/Paris", "Europe/Paris", "same time zone", "même fuseau horaire"},
		{"KiritimatiHonolulu", "Pacific/Kiritimati", "Pacific/Honolulu", "24 hours apart", "24\u00a0h de décalage"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := matching.TimeZoneReason(tzGapOffset(t, c.a), tzGapOffset(t, c.b))
			for _, mentor := range []string{"", "Mia"} {
				if got := bot.ReasonText(bot.English, r, mentor); got != c.en {
					t.Errorf("en (%q): got %q, want %q", mentor, got, c.en)
				}
				if got := bot.ReasonText(bot.French, r, mentor); got != c.fr {
					t.Errorf("fr (%q): got %q, want %q", mentor, got, c.fr)
				}
			}
		})
	}
}

// TestTZGapStoredReason: a reason kept from before the true difference
// (whole hours, nothing in Detail) still reads as a distance, in the new
// English words.
func TestTZGapStoredReason(t *testing.T) {
	r := matching.Reason{Code: matching.ReasonTimeZone, Hours: 3}
	if got := bot.ReasonText(bot.English, r, ""); got != "3 hours apart" {
		t.Errorf("en: got %q", got)
	}
	if got := bot.ReasonText(bot.French, r, ""); got != "3\u00a0h de décalage" {
		t.Errorf("fr: got %q", got)
	}
}

// tzGapWhy is everything a message says: its text and its fields.
func tzGapWhy(m bot.Message) string {
	all := []string{m.Text}
	for _, f := range m.Fields {
		all = append(all, f.Value)
	}
	return strings.Join(all, "\n")
}

func tzGapLast(t *testing.T, h *bottest.Harness, user string) string {
	t.Helper()
	msgs := h.Platform.To(user)
	if len(msgs) == 0 {
		t.Fatalf("no message to %s", user)
	}
	return tzGapWhy(msgs[len(msgs)-1])
}

// TestTZGapProposalAndIntroduction: the tester's repro (Los Angeles and
// Kolkata) and Montréal and Tokyo, on a store in Redis (the reasons go
// through its codec): the proposal and the introduction state the true
// difference, in English and French.
func TestTZGapProposalAndIntroduction(t *testing.T) {
	for _, c := range []struct {
		name, lang, mentorTZ, menteeTZ string
		want, wrong                    string
	}{
		{"LosAngelesKolkataEN", "en", "America/Los_Angeles", "Asia/Kolkata", "; 13 hours 30 minutes apart;", "10 h"},
		{"LosAngelesKolkataFR", "fr", "America/Los_Angeles", "Asia/Kolkata", "\u202f; 13\u00a0h\u00a030 de décalage\u202f;", "10\u00a0h"},
		{"MontrealTokyoEN", "en", "America/Montreal", "Asia/Tokyo", "; 14 hours apart;", "10 h"},
		{"MontrealTokyoFR", "fr", "America/Montreal", "Asia/Tokyo", "\u202f; 14\u00a0h de décalage\u202f;", "10\u00a0h"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tenant := storetest.Tenant(t, "test")
			h := bottest.New(t, storetest.MustOpen(t), tenant, bot.Config{Managers: []string{"alice"}})
			h.Run("erin", "lang "+c.lang)
			h.Run("frank", "lang "+c.lang)
			h.Run("erin", "offer python tz:"+c.mentorTZ)
			h.Run("frank", "request python tz:"+c.menteeTZ)
			if got := tzGapLast(t, h, "erin"); !strings.Contains(got, c.want) || strings.Contains(got, c.wrong) {
				t.Fatalf("proposal: got %q, want %q", got, c.want)
			}
			h.Click("erin", "erin", bot.ActionProposalAccept)
			for _, u := range []string{"erin", "frank"} {
				for _, m := range h.Platform.To(u) {
					for _, b := range m.Buttons {
						if b.ActionID == bot.ActionCharterAccept {
							h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(u), ActionID: b.ActionID, Value: b.Value})
						}
					}
				}
			}
			for _, u := range []string{"erin", "frank"} {
				if got := tzGapLast(t, h, u); !strings.Contains(got, strings.Trim(c.want, ";\u202f ")) || strings.Contains(got, c.wrong) {
					t.Errorf("introduction to %s: got %q, want %q", u, got, c.want)
				}
			}
		})
	}
}

// TestTZGapAdminMatchPreview: a manager's preview of a round explains its
// pairs with the true difference.
func TestTZGapAdminMatchPreview(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", "13 hours 30 minutes apart"},
		{"fr", "13\u00a0h\u00a030 de décalage"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("alice", "lang "+c.lang)
			h.Run("frank", "request python tz:Asia/Kolkata")
			mustSaveMember(t, h, "erin")
			o := bot.Offer{Mentor: h.Tenant.Member("erin"), Topics: []string{"python"}, Capacity: 1, Languages: []bot.Lang{bot.English, bot.French}, TZ: "America/Los_Angeles"}
			if err := h.Store.SaveOffer(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			r := h.Run("alice", "admin match")
			if !strings.Contains(r.Message.Text, c.want) || strings.Contains(r.Message.Text, "10 h") || strings.Contains(r.Message.Text, "10\u00a0h") {
				t.Fatalf("got %q, want %q", r.Message.Text, c.want)
			}
		})
	}
}

// TestTZGapAdminPair: a manager's pair beyond max-tz-hours (Los Angeles
// and Kolkata are 11 h apart around the clock, which the limit counts) is
// warned about with the true difference, and the pair's introduction
// says it too.
func TestTZGapAdminPair(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin settings max-tz-hours:10")
	h.Run("erin", "offer python tz:America/Los_Angeles")
	h.Run("frank", "request python tz:Asia/Kolkata")
	MustContain(t, h.Run("alice", "admin pair @erin @frank"),
		"• Erin and Frank are 13 hours 30 minutes apart, more than the 10 hours this workspace allows\n")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin pair @erin @frank"),
		"• Erin et Frank ont 13\u00a0h\u00a030 de décalage, plus que les 10\u00a0h que permet cet espace de travail\n")
	h.Run("alice", "lang en")
	h.Run("alice", "admin pair @erin @frank confirm:yes")
	clickAll(h, "erin", bot.ActionCharterAccept)
	clickAll(h, "frank", bot.ActionCharterAccept)
	msgs := h.Platform.To("frank")
	if got := tzGapWhy(msgs[len(msgs)-1]); !strings.Contains(got, "13 hours 30 minutes apart") {
		t.Errorf("introduction: got %q", got)
	}
}
