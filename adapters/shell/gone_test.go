package shell_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestReplacedMessageButtonsGone: a click whose reply replaces the
// message takes the message's other buttons away, as Slack and Discord
// do: "No, keep it" then "Yes, end the pair" on the same question ends
// nothing. The clicked button itself can be clicked again, as a double
// click reaches the bot twice. In English and French.
func TestReplacedMessageButtonsGone(t *testing.T) {
	for _, tc := range []struct{ lang, gone, kept string }{
		{"en", "Button [13] was on a message that has been updated since: its buttons are gone.", "Mentored by Bob on “go”: active"},
		{"fr", "Le bouton [13] était sur un message mis à jour depuis\u202f: ses boutons ont disparu.", "Accompagnement par Bob sur «\u202fgo\u202f»\u202f: actif"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			var out bytes.Buffer
			sh, _ := MustShell(t, &out)
			script := strings.Join([]string{
				"as dan", "/mentor lang " + tc.lang,
				"as bob", "/mentor offer go languages:en,fr",
				"as dan", "/mentor request go kind:one-to-one",
				"as bob", "click 1", "click 3",
				"as dan", "click 5",
				"/mentor end",
				"click 14", // No, keep it
				"click 14", // again: a double click
				"click 13", // Yes, end the pair: on the replaced question
				"/mentor status",
			}, "\n") + "\n"
			if err := sh.Run(context.Background(), strings.NewReader(script)); err != nil {
				t.Fatal(err)
			}
			got := out.String()
			if !strings.Contains(got, tc.gone) || !strings.Contains(got, tc.kept) {
				t.Fatalf("got:\n%s\nwant %q and the pair still active (%q)", got, tc.gone, tc.kept)
			}
		})
	}
}
