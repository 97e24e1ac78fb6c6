// Package meeting finds meeting times for a pair and writes calendar
// invites: working hours, slot suggestion in each member's own time zone,
// RFC 5545 .ics files and Google Calendar template links. It knows no bot
// type and no platform: like matching, it is pure, and the time it works
// from is given.
//
// Suggest finds times; ParseHours reads working hours ("9-18", "9h30-17h",
// "10-16 mon-thu") and refuses others with a coded *HoursError; ICS writes
// an invite and GoogleURL a Google Calendar template link. Its tests parse
// the invite with github.com/arran4/golang-ical.
package meeting
