package shell_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/shell"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestTranscriptAdminMatch: a manager previews a round in the terminal and
// sends it. Three requests wait (typed first, with nobody to take them);
// then two offers are stored directly, without the sweep an offer command
// runs, so that the round has work. Golden file: testdata/admin_match.golden
// (-update rewrites it).
func TestTranscriptAdminMatch(t *testing.T) {
	var out bytes.Buffer
	ctx := context.Background()
	clock := bot.NewManualClock(start)
	st := storetest.MustOpen(t)
	b := bot.New(bot.Config{Managers: []string{"alice"}}, st, clock, rand.NewChaCha8([32]byte{1}), nil)
	sh := shell.New(&out, clock)
	sh.Tenant = storetest.Tenant(t, shell.Platform)
	sh.SetHandler(b)
	b.Register(shell.Platform, sh)
	requests := "as dan\n/mentor request go tz:Europe/Paris\nas eve\n/mentor request go\nas fay\n/mentor request rust\n"
	if err := sh.Run(ctx, strings.NewReader(requests)); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"bob", "carol"} {
		id := sh.Tenant.Member(u)
		if err := st.SaveMember(ctx, bot.Member{ID: id, Name: strings.ToUpper(u[:1]) + u[1:], Lang: bot.English, TZ: "Europe/Paris"}); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveOffer(ctx, bot.Offer{Mentor: id, Topics: []string{"go"}, Capacity: 1, TZ: "Europe/Paris", Years: 10}); err != nil {
			t.Fatal(err)
		}
	}
	out.Reset()
	script := "as alice\n/mentor admin match\nclick 1\nclick 1\n/mentor admin match\n"
	if err := sh.Run(ctx, strings.NewReader(script)); err != nil {
		t.Fatal(err)
	}
	MustGolden(t, "admin_match", out.String())
}
