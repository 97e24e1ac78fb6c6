package bot

import (
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/meeting"
)

// Tenant is one workspace on one platform: a Slack team, a Discord guild,
// or the shell. All state is partitioned by tenant.
type Tenant struct {
	Platform  string // "slack", "discord", "shell"
	Workspace string // team ID, guild ID, ...
}

func (t Tenant) String() string { return t.Platform + ":" + t.Workspace }

// MemberID identifies a person: platform, workspace and the platform's user ID.
type MemberID struct {
	Platform  string
	Workspace string
	User      string
}

// Tenant returns the workspace the member belongs to.
func (m MemberID) Tenant() Tenant { return Tenant{m.Platform, m.Workspace} }

// Member returns the member with user ID user in tenant t.
func (t Tenant) Member(user string) MemberID { return MemberID{t.Platform, t.Workspace, user} }

func (m MemberID) String() string { return m.Platform + ":" + m.Workspace + ":" + m.User }

// IsZero reports whether m is the zero MemberID.
func (m MemberID) IsZero() bool { return m.User == "" }

// Lang is a language the bot speaks to people in.
type Lang string

// Supported languages.
const (
	English Lang = "en"
	French  Lang = "fr"
)

// Langs lists the supported languages.
var Langs = []Lang{English, French}

// ParseLang returns the supported language named by s ("fr", "FR", "fr-FR",
// "français", "english", ...).
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "en" || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en_") || s == "english" || s == "anglais":
		return English, true
	case s == "fr" || strings.HasPrefix(s, "fr-") || strings.HasPrefix(s, "fr_") || s == "french" || s == "français" || s == "francais":
		return French, true
	}
	return "", false
}

// Member is what the bot keeps about a person.
type Member struct {
	ID   MemberID
	Name string // display name, from the platform when it has one
	Lang Lang   // the language the member reads; "" until known: the workspace default applies
	// LangChosen tells that the member chose Lang themselves (/mentor
	// lang). Otherwise Lang was inferred (from the platform's locale,
	// the workspace's language, or French command words typed), and
	// French command words switch it to French. A record saved before
	// this field existed reads false: its language is taken as
	// inferred, since most were the platform's.
	LangChosen bool
	// Languages are the languages the member speaks for mentoring, set
	// with languages: on an offer or a request; none until set, and then
	// Spoken is the language they read.
	Languages []Lang
	TZ        string // IANA zone name, "" if unknown
	// Hours are the member's working hours in TZ; the zero value is
	// 9:00-18:00, Monday to Friday (meeting.Hours).
	Hours           meeting.Hours
	Years           int // years of experience, 0 if unknown
	CharterVersion  int // last charter version accepted, 0 if none
	CharterAccepted time.Time
	Joined          time.Time
	LastSurvey      string // the survey a comment goes to (SurveyID)
}
