package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestRefusalLogsNoTypedText: a refused command is logged with its
// sentence's key, never with the error's text, which quoted what the
// member typed ("hours format: \"zqxmarker\"").
func TestRefusalLogsNoTypedText(t *testing.T) {
	var buf bytes.Buffer
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	b := bot.New(bot.Config{}, storetest.MustMemory(t), bot.NewManualClock(bottest.Start), rand.NewChaCha8([32]byte{1}), slog.New(slog.NewTextHandler(&buf, nil)))
	b.Register(tn.Platform, &bottest.Platform{Gone: map[string]bool{}, Locales: map[string]string{}, TZs: map[string]string{}})
	r := b.HandleCommand(context.Background(), bot.Command{Member: tn.Member("bob"), Text: "offer go hours:zqxmarker"})
	if !strings.Contains(r.Message.Text, "zqxmarker") {
		t.Fatalf("got %q, want the refusal to quote the hours to the member (the scenario)", r.Message.Text)
	}
	if log := buf.String(); strings.Contains(log, "zqxmarker") || !strings.Contains(log, "msg=refused") || !strings.Contains(log, "key=err.hours") {
		t.Fatalf("got log:\n%s\nwant the refusal logged by its key, without the typed text", log)
	}
}
