package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestKickoffSentEarly: a manager sends the kick-off round of a program
// before its start date. The held requests it leaves waiting are told at
// once, truly: the managers started the matching before the start (the
// program keeps its dates), not that the program has started. A French
// member whom languages alone keep from the topic's mentor gets the
// button that widens the request's languages, as a request's reply does.
func TestKickoffSentEarly(t *testing.T) {
	h := mustProgramHarness(t) // starts on 10 November; today is 2 November
	h.Run("bob", "offer go, rust capacity:1 program:mentorat-2027")
	h.Run("dan", "request go program:mentorat-2027")
	h.Run("fay", "lang fr")
	h.Run("fay", "request rust program:mentorat-2027")
	h.Run("erin", "request rust program:mentorat-2027")
	h.Platform.Take()
	h.Clock.Advance(time.Minute) // the requests were made before the round
	preview := h.Run("alice", "admin match program:mentorat-2027")
	MustContain(t, h.ClickReply("alice", preview, "Send these proposals"), "Sent 1 proposal")
	h.Platform.Take()
	h.At(2, 10, 0)
	var erin, fay []bot.Message
	for _, s := range h.Platform.Take() {
		for _, m := range s.To {
			switch m.User {
			case "erin":
				erin = append(erin, s.Message)
			case "fay":
				fay = append(fay, s.Message)
			}
		}
	}
	if len(erin) != 1 || len(fay) != 1 {
		t.Fatalf("got %d messages to erin and %d to fay, want one each", len(erin), len(fay))
	}
	MustLines(t, erin[0].Text,
		"The managers of “Mentorat 2027” have started its matching before its start on 10 November 2026, but no mentor can take your request on “rust” yet.",
		"It keeps its place in the queue: I'll propose it as soon as a mentor can take it.")
	MustLines(t, fay[0].Text,
		"Les responsables de «\u202fMentorat 2027\u202f» ont lancé la mise en relation avant son début, le 10 novembre 2026, mais aucun mentor ne peut encore prendre votre demande sur «\u202frust\u202f».",
		"Elle garde sa place dans la file d'attente\u202f: je la proposerai dès qu'un mentor pourra la prendre.")
	for _, m := range append(erin, fay...) {
		if strings.Contains(m.Text, "has started") || strings.Contains(m.Text, "a commencé") {
			t.Errorf("got %q, want no word that the program has started", m.Text)
		}
	}
	if b := fay[0].Buttons; len(b) != 1 || b[0].ActionID != bot.ActionRequestLanguages || b[0].Label != "Accepter aussi\u202f: anglais" {
		t.Fatalf("got buttons %+v, want the one that also accepts English", b)
	}
	if !strings.Contains(fay[0].Text, "1 mentor parlant anglais le propose.") {
		t.Errorf("got %q, want the topic's mentors' language said", fay[0].Text)
	}
}

// TestKickoffEarlyPaused: a paused member of a round sent early is told
// that the managers started the matching, not that the program started,
// with the date of the pause.
func TestKickoffEarlyPaused(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("bob", "offer go capacity:1 program:mentorat-2027")
	h.Run("dan", "request go program:mentorat-2027")
	h.Run("erin", "request go program:mentorat-2027")
	MustContain(t, h.Run("erin", "pause until:2026-11-15"), "15")
	h.Platform.Take()
	h.Clock.Advance(time.Minute) // the requests were made before the round
	preview := h.Run("alice", "admin match program:mentorat-2027")
	h.ClickReply("alice", preview, "Send these proposals")
	h.Platform.Take()
	h.At(2, 10, 0)
	got := strings.Join(inbox(h.Harness), "\n")
	want := "erin: The managers of “Mentorat 2027” have started its matching before its start on 10 November 2026. Your request on “go” stays paused until 15 November 2026, as you asked"
	if !strings.Contains(got, want) {
		t.Fatalf("got messages:\n%s\nwant one starting %q", got, want)
	}
}
