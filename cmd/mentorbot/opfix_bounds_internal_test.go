package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSettingBoundsMatchBot: bot.DurationBounds, the ranges the
// environment's follow-up delays take, are the ones /mentor admin
// settings takes: at each bound a manager's value is saved, just outside
// it refused with the setting's range.
func TestSettingBoundsMatchBot(t *testing.T) {
	var out bytes.Buffer
	m := NewMain()
	m.Stdin, m.Stdout = strings.NewReader(""), &out
	m.Config.Tick = -1
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	line := func(s string) string {
		out.Reset()
		m.Shell.Line(context.Background(), s)
		return out.String()
	}
	settingBounds := map[string][2]time.Duration{}
	for _, v := range envVars {
		if v.setting != "" {
			lo, hi, ok := bot.DurationBounds(v.setting)
			if !ok {
				t.Errorf("%s: got no bounds for %s", v.Name, v.setting)
			}
			settingBounds[v.setting] = [2]time.Duration{lo, hi}
		}
	}
	if len(settingBounds) != 8 {
		t.Fatalf("got %d delays, want the 8 follow-up delays", len(settingBounds))
	}
	const day = 24 * time.Hour
	for name, r := range settingBounds {
		below := r[0] - time.Minute
		if r[0] >= day {
			below = r[0] - time.Hour
		}
		for _, tt := range []struct {
			d     time.Duration
			saved bool
		}{{r[0], true}, {r[1], true}, {below, false}, {r[1] + day, false}} {
			got := line(fmt.Sprintf("/mentor admin settings %s:%s", name, formatDuration(tt.d)))
			if saved := strings.Contains(got, "Saved:"); saved != tt.saved || !tt.saved && !strings.Contains(got, "takes a duration from") {
				t.Errorf("%s:%s: got %q, want saved %v", name, formatDuration(tt.d), got, tt.saved)
			}
		}
	}
}

// TestShutdownCancellationQuiet: once Close has begun, an error that is
// the shutdown's own cancellation (the shell's reindex cut short at the
// end of its input: "unavailable: load offers: context canceled") is
// logged at debug level, not as an error; before, and for any other
// error, the level stays.
func TestShutdownCancellationQuiet(t *testing.T) {
	cancelled := bot.Wrap(bot.EUNAVAILABLE, context.Canceled, "load offers")
	var buf bytes.Buffer
	var stopping atomic.Bool
	log := newProgramLogger("info", "text", &buf, &stopping)
	log.Error("reindex", "tenant", "shell:local", "err", cancelled)
	if !strings.Contains(buf.String(), "level=ERROR msg=reindex") {
		t.Fatalf("got %q, want the error while running", buf.String())
	}
	buf.Reset()
	stopping.Store(true)
	log.Error("reindex", "tenant", "shell:local", "err", cancelled)
	log.Error("tick", "err", bot.Wrap(bot.EUNAVAILABLE, context.DeadlineExceeded, "load"))
	if got := buf.String(); strings.Contains(got, "msg=reindex") || !strings.Contains(got, "level=ERROR msg=tick") {
		t.Fatalf("got %q, want the cancelled reindex lowered, the deadline kept", got)
	}
	buf.Reset()
	debug := newProgramLogger("debug", "json", &buf, &stopping)
	debug.Error("reindex", "err", cancelled)
	if got := buf.String(); !strings.Contains(got, `"level":"DEBUG","msg":"reindex"`) {
		t.Fatalf("got %q, want it at debug", got)
	}
}
