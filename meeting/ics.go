package meeting

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one meeting as an invite carries it.
type Event struct {
	UID         string // unique and stable: "<pair>-<round>@mentorbot"
	Stamp       time.Time
	Start, End  time.Time
	Summary     string
	Description string
	URL         string // the video room
	// Cancelled makes the calendar a cancellation of the event of the
	// same UID (METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE:1): a calendar
	// that holds the invite removes or strikes out the event.
	Cancelled bool
}

// utcFormat is RFC 5545's DATE-TIME in UTC (form #2).
const utcFormat = "20060102T150405Z"

// ICS writes e as an RFC 5545 calendar of one event: CRLF line ends,
// lines folded at 75 octets (never inside a UTF-8 sequence), text escaped,
// times in UTC.
func ICS(e Event) []byte {
	var b strings.Builder
	line := func(name, value string) {
		fold(&b, name+":"+value)
	}
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//mentorbot//meeting//EN")
	line("CALSCALE", "GREGORIAN")
	if e.Cancelled {
		line("METHOD", "CANCEL")
	} else {
		line("METHOD", "PUBLISH")
	}
	line("BEGIN", "VEVENT")
	line("UID", escape(e.UID))
	if e.Cancelled {
		// A later version of the event the invite published (SEQUENCE 0).
		line("SEQUENCE", "1")
		line("STATUS", "CANCELLED")
	}
	line("DTSTAMP", e.Stamp.UTC().Format(utcFormat))
	line("DTSTART", e.Start.UTC().Format(utcFormat))
	line("DTEND", e.End.UTC().Format(utcFormat))
	line("SUMMARY", escape(e.Summary))
	if e.Description != "" {
		line("DESCRIPTION", escape(e.Description))
	}
	if e.URL != "" {
		line("URL", e.URL)
		line("LOCATION", escape(e.URL))
	}
	line("END", "VEVENT")
	line("END", "VCALENDAR")
	return []byte(b.String())
}

// escape escapes a TEXT value (RFC 5545 3.3.11).
func escape(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// maxLine is the longest a content line may be, in octets, CRLF excluded.
const maxLine = 75

// fold writes one content line, folded (RFC 5545 3.1): a continuation
// line starts with a space, which counts in its 75 octets.
func fold(b *strings.Builder, s string) {
	limit := maxLine
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLine - 1
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

// GoogleURL is a Google Calendar template link for e: a URL that opens the
// event, filled in, in the reader's calendar. It needs no API key.
func GoogleURL(e Event) string {
	v := url.Values{}
	v.Set("action", "TEMPLATE")
	v.Set("text", e.Summary)
	v.Set("dates", e.Start.UTC().Format(utcFormat)+"/"+e.End.UTC().Format(utcFormat))
	details := e.Description
	if details == "" {
		details = e.URL
	}
	v.Set("details", details)
	// action first, as Google documents it; url.Values sorts keys.
	return "https://calendar.google.com/calendar/render?action=TEMPLATE&" + strings.TrimPrefix(strings.Replace(v.Encode(), "action=TEMPLATE&", "", 1), "&")
}
