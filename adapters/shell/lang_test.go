package shell_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/shell"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestShellHelp: :help says what :advance runs, that button numbers are
// shared by everyone in the shell, and how to give a time zone and years.
func TestShellHelp(t *testing.T) {
	var out bytes.Buffer
	sh, _ := MustShell(t, &out)
	sh.Line(context.Background(), ":help")
	for _, want := range []string{"Button numbers are shared by everyone in the shell", "the hourly sweep", "the weekly digest in the managers' channel", "Mondays at 9:00 unless the `digest-schedule` setting says otherwise", "tz:Europe/Paris years:12"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("got help:\n%s\nwant it to say %q", out.String(), want)
		}
	}
}

// TestShellSpeaksMemberLanguage: once a member reads French, what the
// shell itself says to them (its help, its notes, the frame of each
// message) is in French too.
func TestShellSpeaksMemberLanguage(t *testing.T) {
	var out bytes.Buffer
	sh, _ := MustShell(t, &out)
	ctx := context.Background()
	for _, l := range []string{"as bob", "/mentor lang fr", "as alice", "as bob"} {
		sh.Line(ctx, l)
	}
	out.Reset()
	sh.Line(ctx, ":help")
	sh.Line(ctx, "click 9")
	sh.Line(ctx, "/mentor status")
	sh.Line(ctx, ":avance")
	got := out.String()
	for _, want := range []string{"Les numéros de boutons sont communs à tout le terminal", "Il n'y a pas de bouton [9].", "[à bob, en privé] *Votre mentorat*",
		"Le terminal n'a pas de commande :avance\u202f: tapez `:help`"} {
		if !strings.Contains(got, want) {
			t.Errorf("got:\n%s\nwant it to contain %q", got, want)
		}
	}
	for _, english := range []string{"Button numbers", "There is no button", "only you"} {
		if strings.Contains(got, english) {
			t.Errorf("got %q in French output:\n%s", english, got)
		}
	}
}

// TestShellAdvanceMovesClock: without a hook, :advance moves the clock
// itself and says by how much, in words.
func TestShellAdvanceMovesClock(t *testing.T) {
	var out bytes.Buffer
	sh, clock := MustShell(t, &out)
	before := clock.Now()
	sh.Line(context.Background(), ":advance 1d12h")
	if got := clock.Now().Sub(before); got != 36*time.Hour {
		t.Fatalf("got the clock moved by %v, want 36h", got)
	}
	if want := "The clock moves forward 1 day and 12 hours.\n"; out.String() != want {
		t.Fatalf("got %q, want %q", out.String(), want)
	}
}

// TestShellAdvanceInFrench: in French, 1 is written « un » or « une »,
// so that « de » elides before it (« d'un jour », never « de 1 jour »),
// and the last part of a duration is joined with « et ».
func TestShellAdvanceInFrench(t *testing.T) {
	var out bytes.Buffer
	sh, _ := MustShell(t, &out)
	ctx := context.Background()
	sh.Line(ctx, "/mentor lang fr")
	for _, tt := range []struct{ arg, want string }{
		{"1d", "L'horloge avance d'un jour.\n"},
		{"1h", "L'horloge avance d'une heure.\n"},
		{"1m", "L'horloge avance d'une minute.\n"},
		{"1s", "L'horloge avance d'une seconde.\n"},
		{"3d", "L'horloge avance de 3 jours.\n"},
		{"1d1h", "L'horloge avance d'un jour et une heure.\n"},
		{"2d1h30m", "L'horloge avance de 2 jours, une heure et 30 minutes.\n"},
		{"3j", "L'horloge avance de 3 jours.\n"},
		{"", "Utilisation\u202f: `:advance 3j` (une durée positive\u202f: 90m, 12h, 3j).\n"},
	} {
		out.Reset()
		sh.Line(ctx, ":advance "+tt.arg)
		if out.String() != tt.want {
			t.Errorf(":advance %s: got %q, want %q", tt.arg, out.String(), tt.want)
		}
	}
}

// TestShellBilingualIntro: in an introduction written in two languages,
// each field is punctuated in its own language, whoever it is printed
// for: « Pourquoi ce binôme : » with its narrow no-break space, and
// "Why you were matched:" without.
func TestShellBilingualIntro(t *testing.T) {
	var out bytes.Buffer
	sh, _ := MustShell(t, &out)
	ctx := context.Background()
	for _, l := range []string{
		"as carol", "/mentor offer python languages:en",
		"as erin", "/mentor lang fr", "/mentor request python langues:fr,en",
		"as carol", "click 1", "click 3",
		"as erin", "click 5",
	} {
		sh.Line(ctx, l)
	}
	got := out.String()
	for _, want := range []string{"Pourquoi ce binôme\u202f: ", "Why you were matched: "} {
		if !strings.Contains(got, want) {
			t.Errorf("got:\n%s\nwant it to contain %q", got, want)
		}
	}
}

// TestShellPostInItsLanguage: a post in a channel is framed in the
// language it is written in (the workspace's), not in English.
func TestShellPostInItsLanguage(t *testing.T) {
	var out bytes.Buffer
	sh, _ := MustShell(t, &out)
	ctx := context.Background()
	msg := bot.Message{Text: "Bilan", Fields: []bot.Field{{Label: "Demandes", Value: "3"}}, Lang: bot.French}
	if err := sh.Upload(ctx, sh.Tenant, "equipe", bot.File{Name: "bilan.png", Type: "image/png", Data: []byte("png")}, msg); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"(fichier\u202f: ", "Demandes\u202f: 3"} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want it to contain %q", got, want)
		}
	}
}

// TestShellDefaultLanguageMember: a member who never chose a language
// reads the workspace's; the shell frames what is sent to them, and
// writes its fields, in that language too (« Version de la charte : 1 »).
func TestShellDefaultLanguageMember(t *testing.T) {
	ctx := context.Background()
	sh, out := mustShell(t)
	sh.Line(ctx, "/mentor admin settings default-lang:fr")
	out.Reset()
	sh.Line(ctx, "/mentor admin pair @ivan @carol sujet:sql confirmer:oui")
	got := out.String()
	for _, want := range []string{"[à ivan] *La charte du mentorat*", "Version de la charte\u202f: 1"} {
		if !strings.Contains(got, want) {
			t.Errorf("got:\n%s\nwant it to contain %q", got, want)
		}
	}
	if strings.Contains(got, "[to ivan]") || strings.Contains(got, "charte: 1") {
		t.Errorf("English frame or colon in French output:\n%s", got)
	}
}

// mustShell is a shell on a fresh bot whose manager is alice, writing
// to the buffer it returns.
func mustShell(t *testing.T) (*shell.Adapter, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	clock := bot.NewManualClock(start)
	b := bot.New(bot.Config{Managers: []string{"alice"}}, storetest.MustOpen(t), clock, rand.NewChaCha8([32]byte{1}), nil)
	sh := shell.New(&out, clock)
	sh.Tenant = storetest.Tenant(t, shell.Platform)
	sh.SetHandler(b)
	b.Register(shell.Platform, sh)
	return sh, &out
}

// TestShellButtonIsNotAMenu: `click N M` on a button (not a menu) does not
// press it: the number after it was most likely a menu's mistyped, and
// pressing would answer what the member did not mean. It says so, in the
// member's language; `click N` alone presses it.
func TestShellButtonIsNotAMenu(t *testing.T) {
	var out bytes.Buffer
	sh, _ := MustShell(t, &out)
	ctx := context.Background()
	for _, l := range []string{"as bob", "/mentor offer go", "as ann", "/mentor request go"} {
		sh.Line(ctx, l)
	}
	sh.Line(ctx, "as bob")
	out.Reset()
	sh.Line(ctx, "click 1 2")
	if got, want := out.String(), "[1] is a button, not a menu: type `click 1` alone to press it."; !strings.Contains(got, want) || strings.Contains(got, "charter") {
		t.Fatalf("got:\n%s\nwant only %q", got, want)
	}
	sh.Line(ctx, "/mentor lang fr")
	out.Reset()
	sh.Line(ctx, "click 1 2")
	if got, want := out.String(), "[1] est un bouton, pas un menu\u202f: tapez `click 1` seul pour l'activer."; !strings.Contains(got, want) {
		t.Fatalf("got:\n%s\nwant %q", got, want)
	}
	out.Reset()
	sh.Line(ctx, "click 1")
	if got := out.String(); strings.Contains(got, "pas un menu") || !strings.Contains(got, "charte") {
		t.Fatalf("got:\n%s\nwant the proposal accepted and the charter shown", got)
	}
}

// TestShellAdvanceTooFar: an :advance of thousands of days, which would
// run every hour's scheduled work and never answer again, is refused
// with the most it takes, and the shell still answers.
func TestShellAdvanceTooFar(t *testing.T) {
	var out bytes.Buffer
	sh, _ := MustShell(t, &out)
	ctx := context.Background()
	sh.Line(ctx, ":advance 99999d")
	sh.Line(ctx, "/mentor help")
	got := out.String()
	if !strings.Contains(got, "That's too far at once: `:advance` moves the clock 366 days at most") || strings.Contains(got, "The clock moves forward") || !strings.Contains(got, "/mentor offer") {
		t.Fatalf("got:\n%s\nwant the advance refused and the help answered", got)
	}
}
