package meeting

import (
	"testing"
	"time"
)

// TestSuggestNeverBusy: a time either person already agreed in another
// pair (Busy) is never offered, not even when the times to avoid leave
// nothing else; when every time within both persons' hours is busy,
// there is none, rather than times outside their hours.
func TestSuggestNeverBusy(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	r := Request{Now: time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC), A: Person{Loc: paris}, B: Person{Loc: zone(t, "Europe/Rome")}, Duration: time.Hour}
	first, full := Suggest(r)
	if !full || len(first) != 3 {
		t.Fatalf("got %v, %v, want three times", first, full)
	}
	// The mentor agreed the first of them with another mentee, half an
	// hour later: it overlaps.
	busy := Slot{Start: first[0].Start.Add(30 * time.Minute), End: first[0].End.Add(30 * time.Minute)}
	r.Busy = []Slot{busy}
	again, full := Suggest(r)
	if !full || len(again) != 3 {
		t.Fatalf("got %v, %v, want three times", again, full)
	}
	for _, s := range again {
		if overlapsAny(s, r.Busy) {
			t.Errorf("got %v, which overlaps the meeting agreed at %v", s.Start.In(paris), busy.Start.In(paris))
		}
	}
	// Busy all week: no time at all.
	last := r.Last()
	r.Busy = []Slot{{Start: r.Now, End: last}}
	if got, full := Suggest(r); len(got) != 0 || full {
		t.Fatalf("got %v, %v with every time taken, want none", got, full)
	}
}

// TestSuggestAwayFromElsewhere: a second introduction of the same mentor
// offers other times than those the first one offers and nobody agreed
// yet (Elsewhere), while it can; they still come before the pair's own
// earlier rounds (Avoid).
func TestSuggestAwayFromElsewhere(t *testing.T) {
	r := Request{Now: time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC), A: Person{Loc: zone(t, "Europe/Paris")}, B: Person{Loc: zone(t, "Europe/London")}, Duration: time.Hour}
	first, _ := Suggest(r)
	r.Elsewhere = first
	second, full := Suggest(r)
	if !full || len(second) != 3 {
		t.Fatalf("got %v, %v, want three times", second, full)
	}
	for _, s := range second {
		if overlapsAny(s, first) {
			t.Errorf("got %v, offered in the other pair too", s.Start)
		}
	}
	// The pools' order: fresh, then offered elsewhere, then the pair's own
	// earlier rounds.
	mk := func(h int) cand {
		s := time.Date(2026, 12, 8, h, 0, 0, 0, time.UTC)
		return cand{slot: Slot{Start: s, End: s.Add(time.Hour)}, day: "d" + string(rune('a'+h))}
	}
	cands := []cand{mk(9), mk(11), mk(13)}
	got := pick(cands, 2, []Slot{cands[0].slot}, []Slot{cands[1].slot}, better)
	if len(got) != 2 || !got[0].Start.Equal(cands[1].slot.Start) || !got[1].Start.Equal(cands[2].slot.Start) {
		t.Fatalf("got %v, want 11:00 (offered elsewhere) and 13:00 (fresh) before 9:00 (offered to the pair before)", got)
	}
}
