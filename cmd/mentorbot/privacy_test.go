package main_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestRetentionFromEnv: MENTORBOT_RETENTION defaults to two years, takes
// days, and refuses less than a day.
func TestRetentionFromEnv(t *testing.T) {
	for _, tt := range []struct {
		value string
		want  time.Duration
	}{{"", bot.DefaultRetention}, {"365d", 365 * 24 * time.Hour}, {"48h", 48 * time.Hour}} {
		c, err := main.ConfigFromEnv(func(k string) string {
			if k == "MENTORBOT_RETENTION" {
				return tt.value
			}
			return ""
		})
		if err != nil || c.Retention != tt.want {
			t.Errorf("MENTORBOT_RETENTION=%q: got %v, %v; want %v", tt.value, c.Retention, err, tt.want)
		}
	}
	for _, v := range []string{"1h", "soon"} {
		_, err := main.ConfigFromEnv(func(k string) string {
			if k == "MENTORBOT_RETENTION" {
				return v
			}
			return ""
		})
		if err == nil || !strings.Contains(err.Error(), "MENTORBOT_RETENTION") {
			t.Errorf("MENTORBOT_RETENTION=%s: got %v, want an error naming the variable", v, err)
		}
	}
}
