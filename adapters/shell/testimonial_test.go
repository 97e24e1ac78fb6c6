package shell_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/shell"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// printedPath is a file's path as the shell prints it: random, so the
// transcript shows its name only.
var printedPath = regexp.MustCompile(`/\S*/mentorbot-[0-9]+-(\S+)`)

// TestTestimonialTranscript plays a flash session to its survey, in
// English and in French: both members write a testimonial (the button
// says how, in the shell), an empty and an oversized one are refused,
// consents are given, repeated and changed, a second sentence asks again,
// and the manager, alice, lists them and gets them as CSV and Markdown
// (whose contents follow the transcript). Run with -update to rewrite
// the golden files.
func TestTestimonialTranscript(t *testing.T) {
	for _, name := range []string{"testimonial_en", "testimonial_fr"} {
		t.Run(name, func(t *testing.T) {
			script, err := os.ReadFile(filepath.Join("testdata", name+".script"))
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			shell.FileDir = dir
			t.Cleanup(func() { shell.FileDir = "" })
			var out bytes.Buffer
			clock := bot.NewManualClock(start)
			b := bot.New(bot.Config{Managers: []string{"alice"}}, storetest.MustOpen(t), clock, rand.NewChaCha8([32]byte{1}), nil)
			sh := shell.New(&out, clock)
			sh.Tenant = storetest.Tenant(t, shell.Platform)
			sh.SetHandler(b)
			b.Register(shell.Platform, sh)
			sh.OnAdvance = func(ctx context.Context, d time.Duration) {
				clock.Advance(d)
				if _, err := b.TickTenants(ctx, sh.Tenant); err != nil {
					t.Errorf("tick: %v", err)
				}
			}
			if err := sh.Run(context.Background(), bytes.NewReader(script)); err != nil {
				t.Fatal(err)
			}
			got := printedPath.ReplaceAllString(out.String(), "$1")
			files, _ := filepath.Glob(filepath.Join(dir, "mentorbot-*"))
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
			MustGolden(t, name, got)
		})
	}
}
