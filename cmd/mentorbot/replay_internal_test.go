package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestShellReplaysTheSame: the shell on the embedded Redis draws seeded
// IDs, so that a script gives the same transcript every time, down to the
// order of the messages of jobs due at one moment (five proposals'
// reminders, ordered by ID) and so the numbers of their buttons, which
// the script's clicks name. With random IDs, two runs agree 1 time in 120.
func TestShellReplaysTheSame(t *testing.T) {
	script := []string{"as bob", "/mentor offer go capacity:5"}
	for _, m := range []string{"ann", "cid", "dee", "eve", "fay"} {
		script = append(script, "as "+m, "/mentor request go")
	}
	script = append(script, ":advance 1d")
	run := func() string {
		var out bytes.Buffer
		m := NewMain()
		m.Stdin, m.Stdout, m.Clock = strings.NewReader(""), &out, bot.NewManualClock(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
		m.Config.Tick = -1
		ctx := context.Background()
		if err := m.Open(ctx); err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		for _, line := range script {
			m.Shell.Line(ctx, line)
		}
		return out.String()
	}
	first, second := run(), run()
	if strings.Count(first, "Reminder") < 5 {
		t.Fatalf("got:\n%s\nwant five reminders at one moment (the scenario)", first)
	}
	if first != second {
		t.Fatalf("got two transcripts of one script:\n%s\n----\n%s", first, second)
	}
}
