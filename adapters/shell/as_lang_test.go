package shell_test

import (
	"context"
	"strings"
	"testing"
)

// TestShellSwitchInMemberLanguage: "as erin" answers in the language erin
// reads, as the bot would answer her: the workspace's for a member who
// never chose one (« Vous êtes maintenant erin. » in a French workspace),
// her own choice otherwise, before she has typed anything in the shell.
func TestShellSwitchInMemberLanguage(t *testing.T) {
	ctx := context.Background()
	sh, out := mustShell(t)
	for _, l := range []string{"as bob", "/mentor lang en", "as alice", "/mentor admin settings default-lang:fr"} {
		sh.Line(ctx, l)
	}
	for _, tc := range []struct{ line, want string }{
		{"as erin", "Vous êtes maintenant erin.\n"},
		{"as bob", "You are now bob.\n"},
		{"as alice", "Vous êtes maintenant alice.\n"},
	} {
		out.Reset()
		sh.Line(ctx, tc.line)
		if got := out.String(); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.line, got, tc.want)
		}
	}
	out.Reset()
	if err := sh.Run(ctx, strings.NewReader("")); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "Terminal mentorbot. Vous êtes alice. Tapez `:help` pour l'aide.\n"; got != want {
		t.Errorf("welcome: got %q, want %q", got, want)
	}
}
