package bot_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// cronDue is a bot.Due for the specs of these tests, "M H * * D" read in
// an IANA time zone, a minute at a time: the core may not import the cron
// parser that cmd wires.
func cronDue(spec, tz string, since, until time.Time) (time.Time, error) {
	loc, err := time.LoadLocation(tz)
	f := strings.Fields(spec)
	if err != nil || len(f) != 5 || f[2] != "*" || f[3] != "*" {
		return time.Time{}, errors.New("unreadable")
	}
	min, err1 := strconv.Atoi(f[0])
	hour, err2 := strconv.Atoi(f[1])
	dow, err3 := strconv.Atoi(f[4])
	if err1 != nil || err2 != nil || err3 != nil {
		return time.Time{}, errors.New("unreadable")
	}
	var last time.Time
	for t := since.Truncate(time.Minute).Add(time.Minute); !t.After(until); t = t.Add(time.Minute) {
		if l := t.In(loc); l.Minute() == min && l.Hour() == hour && int(l.Weekday()) == dow {
			last = t
		}
	}
	return last, nil
}

// TestDigestSchedulePerWorkspace: two workspaces served by one bot, each
// with its own schedule and time zone, get their digests at their own
// times, and only then.
func TestDigestSchedulePerWorkspace(t *testing.T) {
	ctx := context.Background()
	h := MustAdminHarness(t)
	other := bot.Tenant{Platform: h.Tenant.Platform, Workspace: h.Tenant.Workspace + "-b"}
	run := func(tn bot.Tenant, text string) bot.Reply {
		return h.Bot.HandleCommand(ctx, bot.Command{Member: tn.Member("alice"), Text: text})
	}
	// Tuesday 8:00 in Paris is 7:00 UTC; Monday 18:30 in Tokyo 9:30 UTC.
	MustContain(t, run(h.Tenant, `admin settings tz:Europe/Paris digest-channel:#managers-a digest-schedule:"0 8 * * 2"`), "Saved: tz, digest-channel, digest-schedule.")
	MustContain(t, run(other, `admin settings tz:Asia/Tokyo digest-channel:#managers-b digest-schedule:"30 18 * * 1"`), "Saved: tz, digest-channel, digest-schedule.")
	posted := map[string]time.Time{}
	for h.Clock.Now().Before(bottest.Start.Add(26 * time.Hour)) {
		now := h.Clock.Now()
		if err := h.Bot.PostDueDigests(ctx, now.Add(-5*time.Minute), now, cronDue); err != nil {
			t.Fatal(err)
		}
		for _, p := range h.Posting.Posts() {
			if _, ok := posted[p.Channel]; ok {
				t.Fatalf("%s: a second digest at %v", p.Channel, now)
			}
			posted[p.Channel] = now
		}
		h.Clock.Advance(5 * time.Minute)
	}
	want := map[string]time.Time{
		"managers-a": time.Date(2026, 11, 3, 7, 0, 0, 0, time.UTC),
		"managers-b": time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC),
	}
	for ch, at := range want {
		if !posted[ch].Equal(at) {
			t.Errorf("%s: got the digest at %v, want %v", ch, posted[ch], at)
		}
	}
	if len(posted) != 2 {
		t.Fatalf("got digests in %v, want managers-a and managers-b", posted)
	}
}

// TestDigestScheduleUnreadableFallsBack: a stored schedule the parser
// no longer reads gives way to the deployment's.
func TestDigestScheduleUnreadableFallsBack(t *testing.T) {
	ctx := context.Background()
	h := MustAdminHarness(t)
	h.Run("alice", "admin settings digest-channel:#managers")
	if err := h.Store.SetSetting(ctx, h.Tenant, "digest-schedule", "@weekly"); err != nil {
		t.Fatal(err)
	}
	// Monday 9:00 UTC, the default "0 9 * * 1".
	if err := h.Bot.PostDueDigests(ctx, h.Clock.Now().Add(-5*time.Minute), h.Clock.Now(), cronDue); err != nil {
		t.Fatal(err)
	}
	if posts := h.Posting.Posts(); len(posts) != 1 {
		t.Fatalf("got %d posts, want the digest on the default schedule", len(posts))
	}
}

// TestWorkspaceSettings: the settings that were deployment-wide are set,
// checked, shown and reset per workspace.
func TestWorkspaceSettings(t *testing.T) {
	ctx := context.Background()
	// A stand-in for the cron parser cmd wires: five fields, a minute
	// from 0 to 59 (or *).
	check := func(spec string) error {
		f := strings.Fields(spec)
		if len(f) != 5 {
			return errors.New("want five fields")
		}
		if m, err := strconv.Atoi(f[0]); f[0] != "*" && (err != nil || m > 59) {
			return errors.New("minute out of range")
		}
		return nil
	}
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	h := bottest.New(t, storetest.MustMemory(t), tn, bot.Config{Managers: []string{"alice"}, CharterURL: "https://example.org/charter", CheckSchedule: check})
	field := func(r bot.Reply, label string) string {
		for _, f := range r.Message.Fields {
			if f.Label == label {
				return f.Value
			}
		}
		return "(not shown)"
	}
	t.Run("DefaultsOK", func(t *testing.T) {
		r := h.Run("alice", "admin settings")
		for label, want := range map[string]string{
			"digest-schedule": "Mondays at 09:00 (default)", "charter-url": "https://example.org/charter (default)",
			"meet-url": "https://meet.jit.si/ (default)", "intro-channel": "(not shown)",
		} {
			if got := field(r, label); got != want {
				t.Errorf("%s: got %q, want %q", label, got, want)
			}
		}
	})
	t.Run("SetOK", func(t *testing.T) {
		r := h.Run("alice", `admin settings digest-schedule:"0  8 * * 2" charter-url:https://school.example/charte meet-url:https://video.example/rooms`)
		MustContain(t, r, "Saved: digest-schedule, charter-url, meet-url.")
		s := h.Bot.Settings(ctx, tn)
		if s.DigestSchedule != "0 8 * * 2" || s.CharterURL != "https://school.example/charte" || s.MeetURL != "https://video.example/rooms/" {
			t.Fatalf("got %q %q %q", s.DigestSchedule, s.CharterURL, s.MeetURL)
		}
		if got := field(r, "meet-url"); got != "https://video.example/rooms/" {
			t.Fatalf("got %q, want the room base without (default)", got)
		}
		mustOfficial(h, "bob", "offer go", "ann", "request go")
		if room := mustOnlyPair(t, h, "ann").Room; !strings.HasPrefix(room, "https://video.example/rooms/mentorbot-") {
			t.Fatalf("got room %q, want one under the workspace's meet-url", room)
		}
	})
	t.Run("SetInWords", func(t *testing.T) {
		// A day and a time, in French or in English, become the cron spec
		// and are shown in words, in the reader's language.
		r := h.Run("alice", `admin settings horaire-bilan:"le mardi à 8 h 30"`)
		if s := h.Bot.Settings(ctx, tn); s.DigestSchedule != "30 8 * * 2" {
			t.Fatalf("got %q, want 30 8 * * 2", s.DigestSchedule)
		}
		if got := field(r, "digest-schedule"); got != "Tuesdays at 08:30" {
			t.Fatalf("got %q, want it in words", got)
		}
		h.Run("alice", "lang fr")
		r = h.Run("alice", `admin settings digest-schedule:"tuesday 8:00"`)
		if got := field(r, "horaire-bilan"); got != "le mardi à 8\u00a0h" {
			t.Fatalf("got %q, want it in French words", got)
		}
		h.Run("alice", "lang en")
		h.Run("alice", `admin settings digest-schedule:"0 8 * * 2"`)
	})
	for name, tc := range map[string]struct{ text, want string }{
		"ErrNotHTTPS":     {"admin settings meet-url:http://video.example/", "“http://video.example/” is not a valid value for `meet-url:`. Give an address starting with `https://`, such as `https://meet.jit.si/`."},
		"ErrCredentials":  {"admin settings charter-url:https://u:p@example.org/", "is not a valid value for `charter-url:`"},
		"ErrCronFields":   {`admin settings digest-schedule:"0 9 * *"`, "is not a valid value for `digest-schedule:`. Give a day and a time between quotes"},
		"ErrCronParser":   {`admin settings digest-schedule:"61 9 * * 1"`, "“61 9 * * 1” is not a valid value for `digest-schedule:`"},
		"ErrCronOwnTZ":    {`admin settings digest-schedule:"CRON_TZ=Asia/Tokyo 0 9 * * 1"`, "is not a valid value for `digest-schedule:`"},
		"ErrIntroChannel": {"admin settings intro-channel:#intros", "`intro-channel:` only applies on Discord"},
	} {
		t.Run(name, func(t *testing.T) {
			MustContain(t, h.Run("alice", tc.text), tc.want)
			if s := h.Bot.Settings(ctx, tn); s.DigestSchedule != "0 8 * * 2" || s.MeetURL != "https://video.example/rooms/" || s.CharterURL != "https://school.example/charte" {
				t.Fatalf("got %+v, want nothing changed", s)
			}
		})
	}
	t.Run("ResetOK", func(t *testing.T) {
		r := h.Run("alice", "admin settings meet-url:default horaire-bilan:défaut")
		MustContain(t, r, "Saved: digest-schedule, meet-url.")
		if got := field(r, "meet-url"); got != "https://meet.jit.si/ (default)" {
			t.Fatalf("got %q, want the default back", got)
		}
		if got := field(r, "charter-url"); got != "https://school.example/charte" {
			t.Fatalf("got %q, want charter-url kept", got)
		}
		if s := h.Bot.Settings(ctx, tn); s.DigestSchedule != "0 9 * * 1" {
			t.Fatalf("got %q, want the default schedule", s.DigestSchedule)
		}
	})
	t.Run("FrenchOK", func(t *testing.T) {
		h.Run("alice", "lang fr")
		r := h.Run("alice", "admin settings")
		MustContain(t, r, "Pour revenir à la valeur par défaut\u202f: `nom:défaut`.")
		if got := field(r, "lien-visio"); got != "https://meet.jit.si/ (par défaut)" {
			t.Fatalf("got %q", got)
		}
	})
}

// channelPlatform is the recording fake platform plus
// bot.ChannelIntroducer, recording the channels pairs are introduced in,
// and the threads given back; an introduction in a channel opens the
// thread "thread<n>", and one given back goes on.
type channelPlatform struct {
	*bottest.Platform
	mu       sync.Mutex
	channels []string // "(default)" for the platform's, "" by DM
	threads  []string // given back to IntroduceIn
	opened   int
}

func (p *channelPlatform) IntroduceIn(ctx context.Context, channel, thread string, members []bot.MemberID, msg bot.Message) (string, error) {
	p.mu.Lock()
	switch channel {
	case "":
		channel = "(default)"
	case bot.IntroOff:
		channel = ""
	}
	p.channels = append(p.channels, channel)
	p.threads = append(p.threads, thread)
	if channel != "" && thread == "" {
		p.opened++
		thread = "thread" + strconv.Itoa(p.opened)
	}
	if channel == "" {
		thread = ""
	}
	p.mu.Unlock()
	return thread, p.Platform.Introduce(ctx, members, msg)
}

func (p *channelPlatform) Introduce(ctx context.Context, members []bot.MemberID, msg bot.Message) error {
	_, err := p.IntroduceIn(ctx, "", "", members, msg)
	return err
}

// TestIntroChannelSetting: on a platform that introduces pairs in
// channels, the workspace's intro-channel decides where: the platform's
// default until set, then the channel, or one DM each with off.
func TestIntroChannelSetting(t *testing.T) {
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	h := bottest.New(t, storetest.MustMemory(t), tn, bot.Config{Managers: []string{"alice"}})
	p := &channelPlatform{Platform: h.Platform}
	h.Bot.Register(tn.Platform, p)
	intro := func(r bot.Reply) string {
		for _, f := range r.Message.Fields {
			if f.Label == "intro-channel" {
				return f.Value
			}
		}
		return "(not shown)"
	}
	if got, want := intro(h.Run("alice", "admin settings")), "the channel the bot's host set for this server if any, otherwise one direct message each (default)"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	mustOfficial(h, "bob", "offer go", "ann", "request go")
	r := h.Run("alice", "admin settings intro-channel:#intros")
	MustContain(t, r, "Saved: intro-channel.")
	if got := intro(r); got != "#intros" {
		t.Fatalf("got %q, want #intros", got)
	}
	mustOfficial(h, "cat", "offer rust", "dan", "request rust")
	if got := intro(h.Run("alice", "admin settings canal-présentations:off")); got != "one direct message each" {
		t.Fatalf("got %q", got)
	}
	mustOfficial(h, "eve", "offer sql", "fay", "request sql")
	p.mu.Lock()
	defer p.mu.Unlock()
	if want := []string{"(default)", "intros", ""}; strings.Join(p.channels, "|") != strings.Join(want, "|") {
		t.Fatalf("got introductions in %q, want %q", p.channels, want)
	}
}

// TestPairThreadGoesOn: where the platform opens a conversation for each
// introduction in a channel (a Discord thread), the pair's later
// messages (new meeting times) go on in theirs, kept on the pair, rather
// than opening one per message; by DM, nothing is kept.
func TestPairThreadGoesOn(t *testing.T) {
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	h := bottest.New(t, storetest.MustMemory(t), tn, bot.Config{Managers: []string{"alice"}})
	p := &channelPlatform{Platform: h.Platform}
	h.Bot.Register(tn.Platform, p)
	mustOfficial(h, "bob", "offer go", "ann", "request go")
	pair := mustOnlyPair(t, h, "ann")
	if pair.Thread != "thread1" {
		t.Fatalf("got the pair's thread %q, want thread1, kept from the introduction", pair.Thread)
	}
	// The reply says where the times went: the pair's thread, linked.
	r := h.Run("ann", "meet")
	MustContain(t, r, "I've sent you and Bob three meeting times, in #thread1.")
	if strings.Join(r.Message.Channels, ",") != "thread1" {
		t.Fatalf("got channels %q, want the thread linked", r.Message.Channels)
	}
	h.Run("bob", "lang fr")
	MustContain(t, h.Run("bob", "meet"), "à vous et à Ann, dans #thread1.")
	p.mu.Lock()
	if want := []string{"", "thread1"}; len(p.threads) < 2 || p.threads[0] != want[0] || p.threads[len(p.threads)-1] != want[1] || p.opened != 1 {
		t.Fatalf("got threads given %q and %d opened, want the introduction's thread given back and no other opened", p.threads, p.opened)
	}
	p.mu.Unlock()
	// Threads off: by DM, the thread given back is not used, and the pair
	// keeps it for when they are on again.
	h.Run("alice", "admin settings intro-channel:off")
	r = h.Run("ann", "meet")
	MustContain(t, r, "three meeting times, in the conversation where I introduced you.")
	if len(r.Message.Channels) != 0 {
		t.Fatalf("got channels %q, want none: the times went by DM", r.Message.Channels)
	}
	p.mu.Lock()
	last := p.channels[len(p.channels)-1]
	p.mu.Unlock()
	if last != "" {
		t.Fatalf("got new times in %q, want by DM", last)
	}
	if got := mustOnlyPair(t, h, "ann").Thread; got != "thread1" {
		t.Fatalf("got the pair's thread %q, want thread1 still", got)
	}
}

// TestSettingsListChannels: the settings name their channels in
// Message.Channels, for adapters to show links (Discord's <#ID>), not
// an escaped "#ID".
func TestSettingsListChannels(t *testing.T) {
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	h := bottest.New(t, storetest.MustMemory(t), tn, bot.Config{Managers: []string{"alice"}})
	h.Bot.Register(tn.Platform, &channelPlatform{Platform: h.Platform})
	r := h.Run("alice", "admin settings intro-channel:#C1 digest-channel:#C2")
	if got := strings.Join(r.Message.Channels, ","); got != "C2,C1" {
		t.Fatalf("got channels %q in %+v, want C2,C1", got, r.Message)
	}
}
