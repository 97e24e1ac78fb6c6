package bot_test

import (
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestCharterTimeoutNoticeFirst: when a charter times out, the mentee
// reads that the pair is cancelled before the requeue's "no mentor is
// available": the outbox's notices fall due first and a claim runs in
// due order, whatever buckets the jobs landed in.
func TestCharterTimeoutNoticeFirst(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) { charterTimeoutNoticeFirst(t, MustHarnessOn(t, b)) })
	}
}

func charterTimeoutNoticeFirst(t *testing.T, h *bottest.Harness) {
	var mentees []string
	for i := range 40 {
		m := "m" + strconv.Itoa(i)
		mentees = append(mentees, m)
		mentor := "t" + m
		h.Run(mentor, "offer topic"+strconv.Itoa(i)+"x capacity:1")
		h.Run(m, "request topic"+strconv.Itoa(i)+"x")
		h.Click(mentor, mentor, "Accept")
	}
	h.Platform.Take()
	for range 80 { // past the 72 h charter timeout, hour by hour
		MustTick(t, h, time.Hour)
	}
	all := inbox(h)
	for _, m := range mentees {
		var got []string
		for _, s := range all {
			if strings.HasPrefix(s, m+": ") {
				got = append(got, s)
			}
		}
		cancelled, none := -1, -1
		for i, s := range got {
			switch {
			case strings.Contains(s, "wasn't accepted in time") && cancelled < 0:
				cancelled = i
			case strings.Contains(s, "No mentor is available") && none < 0:
				none = i
			}
		}
		if cancelled < 0 || none >= 0 && none < cancelled {
			t.Fatalf("%s got %q, want the cancellation first", m, got)
		}
	}
}
