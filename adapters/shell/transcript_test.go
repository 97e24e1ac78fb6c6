package shell_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/shell"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// transcript says how a golden transcript is played.
type transcript struct {
	cfg bot.Config
	// memory plays it on the in-memory store rather than the test store
	// (REDIS_URL, or miniredis): for transcripts that tick through weeks.
	memory bool
	// step is how often :advance ticks on its way, as the running bot
	// does (0: once, at the end); sweep also runs the hourly sweep after
	// each tick.
	step  time.Duration
	sweep bool
	// files appends the files the shell wrote (matching the glob), by
	// name without their random part, with their contents.
	files string
}

// printedPath is a file's path as the shell prints it: random, so the
// transcript shows its name only.
var printedPath = regexp.MustCompile(`/\S*/mentorbot-[0-9]+-(\S+)`)

// playTranscript plays testdata/<name>.script in the shell, as tr says,
// and checks what it printed against testdata/<name>.golden (-update
// rewrites it).
func playTranscript(t *testing.T, name string, tr transcript) {
	t.Helper()
	script, err := os.ReadFile(filepath.Join("testdata", name+".script"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	shell.FileDir = dir
	t.Cleanup(func() { shell.FileDir = "" })
	var st bot.Store = storetest.MustOpen(t)
	if tr.memory {
		st = storetest.MustMemory(t)
	}
	var out bytes.Buffer
	clock := bot.NewManualClock(start)
	b := bot.New(tr.cfg, st, clock, rand.NewChaCha8([32]byte{1}), nil)
	sh := shell.New(&out, clock)
	sh.Tenant = storetest.Tenant(t, shell.Platform)
	sh.SetHandler(b)
	b.Register(shell.Platform, sh)
	sh.OnAdvance = func(ctx context.Context, d time.Duration) {
		for d > 0 {
			step := d
			if tr.step > 0 {
				step = min(d, tr.step)
			}
			clock.Advance(step)
			d -= step
			if _, err := b.TickTenants(ctx, sh.Tenant); err != nil {
				t.Errorf("tick: %v", err)
			}
			if tr.sweep {
				if err := b.Sweep(ctx); err != nil {
					t.Errorf("sweep: %v", err)
				}
			}
		}
	}
	if err := sh.Run(context.Background(), bytes.NewReader(script)); err != nil {
		t.Fatal(err)
	}
	got := printedPath.ReplaceAllString(out.String(), "$1")
	// A click on a number no button has is a script gone stale (buttons
	// renumbered by a change above it): -update would record it as if it
	// were the story.
	if i := strings.Index(got, "There is no button ["); i >= 0 {
		t.Errorf("the script clicks a button that does not exist: %q; renumber its clicks", got[i:i+strings.IndexByte(got[i:], '\n')])
	}
	if tr.files != "" {
		files, _ := filepath.Glob(filepath.Join(dir, tr.files))
		sort.Slice(files, func(i, j int) bool { // by name, without the random part
			return printedPath.ReplaceAllString(files[i], "$1") < printedPath.ReplaceAllString(files[j], "$1")
		})
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got += "\n==> " + printedPath.ReplaceAllString(f, "$1") + " <==\n" + string(data)
		}
	}
	MustGolden(t, name, got)
}
