package shell_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"image/png"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/shell"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/chart"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// MustManagerShell is MustShell with alice a manager and the digest's
// chart drawn.
func MustManagerShell(tb testing.TB, out *bytes.Buffer) *shell.Adapter {
	tb.Helper()
	clock := bot.NewManualClock(start)
	b := bot.New(bot.Config{Managers: []string{"alice"}, Chart: chart.Draw}, storetest.MustOpen(tb), clock, rand.NewChaCha8([32]byte{1}), nil)
	sh := shell.New(out, clock)
	sh.Tenant = storetest.Tenant(tb, shell.Platform)
	sh.SetHandler(b)
	b.Register(shell.Platform, sh)
	return sh
}

var filePath = regexp.MustCompile(`\(file: ([^)]+)\)`)

// TestManagersInShell drives the managers' commands from the terminal:
// a refusal, a call for mentors whose button opens the offer form, the
// digest with its chart and the export, both written to files.
func TestManagersInShell(t *testing.T) {
	shell.FileDir = t.TempDir()
	var out bytes.Buffer
	sh := MustManagerShell(t, &out)
	script := strings.Join([]string{
		"as bob", "/mentor offer go", "/mentor admin stats",
		"as alice", "/mentor admin announce #general", "as zoe", "click 1",
		"as alice", "/mentor admin stats", "/mentor admin export",
	}, "\n")
	if err := sh.Run(context.Background(), strings.NewReader(script)); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"[to bob, only you] Sorry, only the program's managers can do that.",
		"[in #general] *Become a mentor*",
		"    [1] Offer to mentor",
		"(a form would open here; in the shell, type the options instead)\n[to zoe, only you] Type `/mentor offer` followed by your topics",
		"[to alice] The chart of the last weeks.",
		"[to alice, only you] *Mentoring figures on 2 November 2026*\nThis week so far (since Monday 2 November 2026, 2026-W45)\n• Requests: 0\n• New mentors: 1\n",
		"*The last complete week: week of 26 October 2026 (2026-W44)*",
		"[to alice] *mentorbot export*",
		"[to alice, only you] Your export is on its way (2 members, 0 pairs, 0 requests waiting, 0 survey answers).",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got transcript:\n%s\nwant it to contain:\n%s", got, want)
		}
	}
	paths := filePath.FindAllStringSubmatch(got, -1)
	if len(paths) != 2 {
		t.Fatalf("got %d files in the transcript, want the chart and the export", len(paths))
	}
	t.Run("ChartOK", func(t *testing.T) {
		f, err := os.Open(paths[0][1])
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil || img.Bounds().Dx() != chart.Width {
			t.Fatalf("got %v, want an %d pixels wide PNG", err, chart.Width)
		}
	})
	t.Run("ExportOK", func(t *testing.T) {
		data, err := os.ReadFile(paths[1][1])
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil || len(rows) != 3 || rows[1][0] != "member" {
			t.Fatalf("got %v rows (%v), want the header and 2 members", len(rows), err)
		}
		if info, _ := os.Stat(paths[1][1]); info.Mode().Perm() != 0o600 {
			t.Fatalf("got mode %v, want 0600 for personal data", info.Mode().Perm())
		}
	})
}
