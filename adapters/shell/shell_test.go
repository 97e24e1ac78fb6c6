package shell_test

import (
	"bytes"
	"context"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/shell"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts")

// start is the fixed time of every transcript.
var start = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

// MustShell returns a shell adapter wired to a bot on a fresh tenant of the
// test store, with a stopped clock and seeded randomness.
func MustShell(tb testing.TB, out *bytes.Buffer) (*shell.Adapter, *bot.ManualClock) {
	tb.Helper()
	clock := bot.NewManualClock(start)
	st := storetest.MustOpen(tb)
	b := bot.New(bot.Config{}, st, clock, rand.NewChaCha8([32]byte{1}), nil)
	sh := shell.New(out, clock)
	sh.Tenant = storetest.Tenant(tb, shell.Platform)
	sh.SetHandler(b)
	b.Register(shell.Platform, sh)
	return sh, clock
}

// TestTranscript plays the whole core flow from the terminal, in English
// and in French: request, proposal, decline, second proposal, accept, both
// charters, introduction. Run with -update to rewrite the golden files
// after a deliberate change, and read the diff.
func TestTranscript(t *testing.T) {
	for _, name := range []string{"flow_en", "flow_fr"} {
		t.Run(name, func(t *testing.T) {
			script, err := os.ReadFile(filepath.Join("testdata", name+".script"))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			sh, _ := MustShell(t, &out)
			if err := sh.Run(context.Background(), bytes.NewReader(script)); err != nil {
				t.Fatal(err)
			}
			MustGolden(t, name, out.String())
		})
	}
}

// MustGolden fails unless got is the transcript in testdata/<name>.golden;
// with -update it rewrites the file first.
func MustGolden(tb testing.TB, name, got string) {
	tb.Helper()
	golden := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		tb.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		tb.Fatalf("transcript differs from %s:\n%s", golden, diff(got, string(want)))
	}
}

// diff shows the first differing line of two transcripts.
func diff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return "(same lines)"
}

func itoa(n int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n))
}

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
