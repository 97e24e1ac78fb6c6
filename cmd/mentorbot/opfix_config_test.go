package main_test

import (
	"strings"
	"testing"
	"time"

	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestConfigDurationBounds: the follow-up delays of the environment take
// the ranges a manager's /mentor admin settings takes, refused with the
// variable's name and the range; at the bounds they are taken, and
// MENTORBOT_DURATION_BOUNDS=off (load tests) takes seconds.
func TestConfigDurationBounds(t *testing.T) {
	for _, tt := range []struct{ name, value, want string }{
		{"MENTORBOT_PROGRAM_LENGTH", "180m", `MENTORBOT_PROGRAM_LENGTH: want a duration from 1d to 730d`},
		{"MENTORBOT_CHECKIN_REMINDER", "1ns", `MENTORBOT_CHECKIN_REMINDER: want a duration from 1h to 30d`},
		{"MENTORBOT_ESCALATE_AFTER", "5000d", `MENTORBOT_ESCALATE_AFTER: want a duration from 1h to 90d`},
		{"MENTORBOT_PROPOSAL_TIMEOUT", "31d", `MENTORBOT_PROPOSAL_TIMEOUT: want a duration from 1h to 30d`},
		{"MENTORBOT_CHARTER_TIMEOUT", "59m", `MENTORBOT_CHARTER_TIMEOUT: want a duration from 1h to 30d`},
		{"MENTORBOT_CHECKIN_AFTER", "91d", `MENTORBOT_CHECKIN_AFTER: want a duration from 1h to 90d`},
		{"MENTORBOT_SURVEY_AFTER", "20s", `MENTORBOT_SURVEY_AFTER: want a duration from 1h to 180d`},
		{"MENTORBOT_CHECKIN_EVERY", "23h", `MENTORBOT_CHECKIN_EVERY: want a duration from 1d to 180d`},
	} {
		t.Run("Err"+tt.name, func(t *testing.T) {
			_, err := main.ConfigFromEnv(envOf(tt.name, tt.value))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || !strings.Contains(err.Error(), `got "`+tt.value+`"`) {
				t.Fatalf("%s=%s: got %v, want %q…, got %q", tt.name, tt.value, err, tt.want, tt.value)
			}
		})
	}
	t.Run("AtTheBounds", func(t *testing.T) {
		c, err := main.ConfigFromEnv(envOf("MENTORBOT_PROGRAM_LENGTH", "730d", "MENTORBOT_CHECKIN_EVERY", "1d", "MENTORBOT_CHECKIN_AFTER", "1h"))
		if err != nil || c.Defaults.ProgramLength != 730*24*time.Hour || c.Defaults.CheckinEvery != 24*time.Hour || c.Defaults.CheckinAfter != time.Hour {
			t.Fatalf("got %v, %v, %v, %v; want 730d, 1d and 1h taken", c.Defaults.ProgramLength, c.Defaults.CheckinEvery, c.Defaults.CheckinAfter, err)
		}
	})
	t.Run("OffForLoadTests", func(t *testing.T) {
		c, err := main.ConfigFromEnv(envOf("MENTORBOT_CHECKIN_AFTER", "20s", "MENTORBOT_PROGRAM_LENGTH", "90s", "MENTORBOT_DURATION_BOUNDS", "off"))
		if err != nil || c.Defaults.CheckinAfter != 20*time.Second || c.Defaults.ProgramLength != 90*time.Second {
			t.Fatalf("got %v, %v, %v; want the load harness's 20s and 90s taken", c.Defaults.CheckinAfter, c.Defaults.ProgramLength, err)
		}
		if _, err := main.ConfigFromEnv(envOf("MENTORBOT_DURATION_BOUNDS", "maybe")); err == nil || !strings.HasPrefix(err.Error(), "MENTORBOT_DURATION_BOUNDS: want on or off") {
			t.Fatalf("got %v, want maybe refused", err)
		}
	})
}

// TestConfigManagers: a malformed MENTORBOT_MANAGERS entry is refused,
// naming its position and what is wrong, never the entry.
func TestConfigManagers(t *testing.T) {
	for _, tt := range []struct{ value, want string }{
		{"T1:UCAROL, T1:UDAVE,T1:UEVE:extra", "entry 3 has 3 parts, want the first a platform"},
		{"a:b:c:d", "entry 1 has 4 parts"},
		{",,", "entry 1 is empty"},
		{"U1,", "entry 2 is empty"},
		{"T1:", "entry 1 has an empty part"},
		{"T1:U 2", "entry 1 has a part that is no ID"},
		{"U1,xoxb-1234/secret", "entry 2 has a part that is no ID"},
	} {
		t.Run(tt.value, func(t *testing.T) {
			_, err := main.ConfigFromEnv(envOf("MENTORBOT_MANAGERS", tt.value))
			if err == nil || !strings.HasPrefix(err.Error(), "MENTORBOT_MANAGERS: want ") || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want MENTORBOT_MANAGERS: want … %s", err, tt.want)
			}
			if strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "extra") {
				t.Fatalf("got %v, want no entry quoted", err)
			}
		})
	}
	c, err := main.ConfigFromEnv(envOf("MENTORBOT_MANAGERS", " T1:UCAROL, slack:T1:UDAVE ,discord:42:43, U9"))
	if want := []string{"T1:UCAROL", "slack:T1:UDAVE", "discord:42:43", "U9"}; err != nil || strings.Join(c.Managers, " ") != strings.Join(want, " ") {
		t.Fatalf("got %q, %v; want %q", c.Managers, err, want)
	}
}
