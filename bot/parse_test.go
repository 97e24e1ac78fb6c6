package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

func TestParse(t *testing.T) {
	b := bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil)
	tests := []struct {
		name, text, cmd string
		values          map[string]string
		key             string // expected error key, "" for none
	}{
		{"Empty", "", "help", map[string]string{}, ""},
		{"Prefix", "/mentor status", "status", map[string]string{}, ""},
		{"Positional", "offer go, k8s", "offer", map[string]string{"topics": "go, k8s"}, ""},
		{"Options", "offer go capacity:3 tz:Europe/Paris", "offer", map[string]string{"topics": "go", "capacity": "3", "tz": "Europe/Paris"}, ""},
		{"CaseInsensitive", "OFFER go Capacity:3", "offer", map[string]string{"topics": "go", "capacity": "3"}, ""},
		{"GoalWithSpacesAndColon", "request k8s goal:learn this: fast, please kind:peer", "request",
			map[string]string{"topic": "k8s", "goal": "learn this: fast, please", "kind": "peer"}, ""},
		{"URLIsText", "request go goal:see https://go.dev", "request", map[string]string{"topic": "go", "goal": "see https://go.dev"}, ""},
		{"Quoted", `request go goal:"ship it"`, "request", map[string]string{"topic": "go", "goal": "ship it"}, ""},
		{"NamedPositional", "offer topics:go, rust", "offer", map[string]string{"topics": "go, rust"}, ""},
		{"Misspelled", "ofer go", "", nil, "err.unknown_command_suggest"},
		{"Unknown", "xyzzy", "", nil, "err.unknown_command"},
		{"MisspelledOption", "offer go capcity:3", "", nil, "err.unknown_option"},
		{"UnexpectedText", "status please", "", nil, "err.unexpected_text"},
		{"TooLong", "offer " + strings.Repeat("x", bot.MaxTextLen), "", nil, "err.text_too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec, values, err := b.Parse(tt.text)
			if tt.key != "" {
				var e *bot.Error
				if !asError(err, &e) || e.Key != tt.key {
					t.Fatalf("got error %v, want key %s", err, tt.key)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if spec.Name != tt.cmd {
				t.Fatalf("got command %q, want %q", spec.Name, tt.cmd)
			}
			if len(values) != len(tt.values) {
				t.Fatalf("got %v, want %v", values, tt.values)
			}
			for k, v := range tt.values {
				if values[k] != v {
					t.Fatalf("got %s=%q, want %q", k, values[k], v)
				}
			}
		})
	}
}

func asError(err error, target **bot.Error) bool {
	e, ok := err.(*bot.Error)
	if ok {
		*target = e
	}
	return ok
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]string{"3d": "72h0m0s", "90m": "1h30m0s", "1.5d": "36h0m0s", "2d12h": "60h0m0s"} {
		d, err := bot.ParseDuration(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDuration(%q): got %v, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"", "d", "-1d", "3x"} {
		if _, err := bot.ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q): got no error, want one", in)
		}
	}
}
