package bot_test

import (
	"os"
	"testing"
)

// TestTimeZoneCity: a city alone reads as the one zone named after it,
// as people say their zone ("Paris", "new york", "Montréal"); the reply
// shows the zone so read. A name of no zone, or of several, is refused.
func TestTimeZoneCity(t *testing.T) {
	if _, err := os.Stat("/usr/share/zoneinfo/Europe/Paris"); err != nil && os.Getenv("ZONEINFO") == "" {
		t.Skip("no system zone database to list cities from (the embedded one cannot be listed)")
	}
	h := MustHarness(t)
	for city, zone := range map[string]string{"Paris": "Europe/Paris", "new york": "America/New_York", "Montréal": "America/Montreal", "kolkata": "Asia/Kolkata"} {
		r := h.Run("bob", "offer go tz:"+city)
		got := ""
		for _, f := range r.Message.Fields {
			if f.Label == "Time zone" {
				got = f.Value
			}
		}
		if got != zone {
			t.Errorf("tz:%s: got the time zone %q in %+v, want %s", city, got, r.Message, zone)
		}
	}
	MustContain(t, h.Run("bob", "offer go tz:Atlantis"), "I don't know the time zone “Atlantis”.")
	// French names of cities, as French speakers type them.
	for city, zone := range map[string]string{"Londres": "Europe/London", "Genève": "Europe/Zurich", "bruxelles": "Europe/Brussels", "Pékin": "Asia/Shanghai",
		"San Francisco": "America/Los_Angeles", "Lyon": "Europe/Paris", "Mumbai": "Asia/Kolkata"} {
		r := h.Run("bob", "offer go fuseau:"+city)
		got := ""
		for _, f := range r.Message.Fields {
			if f.Label == "Time zone" {
				got = f.Value
			}
		}
		if got != zone {
			t.Errorf("fuseau:%s: got the time zone %q in %+v, want %s", city, got, r.Message, zone)
		}
	}
}
