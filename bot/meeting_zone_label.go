package bot

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// etcGMT matches the zones of the IANA "Etc" area named by an offset,
// "Etc/GMT-9", "Etc/GMT+5", "GMT+0", whose sign is POSIX's: Etc/GMT-9 is
// nine hours ahead of UTC.
var etcGMT = regexp.MustCompile(`^(?:Etc/)?GMT([+-])(\d{1,2})$`)

// utcNames are the names of UTC itself in the zone database.
var utcNames = map[string]bool{
	"Etc/UTC": true, "Etc/UCT": true, "Etc/GMT": true, "Etc/GMT0": true, "Etc/Universal": true,
	"Etc/Zulu": true, "Etc/Greenwich": true, "GMT0": true, "UCT": true, "Universal": true, "Zulu": true,
}

// offsetZoneName names a zone given by an offset as people read it,
// "UTC+9" for Etc/GMT-9 (whose name holds the opposite sign), "UTC" for
// UTC's other names; ok is false for any other zone, whose name says
// where it is.
func offsetZoneName(name string) (string, bool) {
	if utcNames[name] {
		return "UTC", true
	}
	m := etcGMT.FindStringSubmatch(name)
	if m == nil {
		return "", false
	}
	n, _ := strconv.Atoi(m[2])
	if n == 0 {
		return "UTC", true
	}
	sign := "+"
	if m[1] == "+" {
		sign = "-"
	}
	return "UTC" + sign + strconv.Itoa(n), true
}

// tzText writes a member's time zone setting for a reader: the name as
// stored ("Europe/Paris", "UTC+2"), or the real offset of an "Etc" zone
// ("UTC+9" for Etc/GMT-9).
func tzText(tz string) string {
	if s, ok := offsetZoneName(strings.TrimSpace(tz)); ok {
		return s
	}
	return tz
}

// locText is tzText for a zone already read.
func locText(loc *time.Location) string { return tzText(loc.String()) }
