package bot

import (
	"context"
	"encoding/json"
	"time"
)

// runExportMe sends the member everything the bot keeps about them, as a
// JSON file, privately: the platform's file upload (Slack, Discord), or a
// file whose path the shell prints.
func runExportMe(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	p, err := b.platform(in.Member)
	if err != nil {
		return Reply{}, err
	}
	up, ok := p.(Uploader)
	if !ok {
		return Reply{}, Errorf(EINVALID, "err.admin.cannot_upload")
	}
	var d MemberData
	if !in.Newcomer {
		if d, err = b.memberData(ctx, in.Member); err != nil {
			return Reply{}, err
		}
		if d.Speed, err = b.speedTakings(ctx, in.Member); err != nil {
			return Reply{}, err
		}
	}
	data, err := memberJSON(in.Lang, in.Member, d, b.clock.Now().UTC())
	if err != nil {
		return Reply{}, err
	}
	now := b.clock.Now().In(b.location(ctx, in.Member.Tenant()))
	f := File{Name: T(in.Lang, "file.export_me", "date", now.Format(time.DateOnly)), Type: "application/json", Data: data}
	msg := Message{Title: T(in.Lang, "exportme.title"), Text: T(in.Lang, "exportme.file")}
	if err := up.SendFile(ctx, in.Member, f, msg); err != nil {
		if ErrorCode(err) == EGONE {
			// The member who runs the command has not left: the
			// platform could not write to them (on Discord, their
			// direct messages are closed, error 50007). Said so, with
			// how to open them, in the platform's words.
			return Reply{}, &Error{Code: EGONE, Key: platformKey(in.Member.Tenant(), "err.exportme_no_dm"), Err: err}
		}
		return Reply{}, err
	}
	b.log.Info("member data sent", "member", in.Member.String(), "bytes", len(data))
	return Reply{Message: Message{Text: T(in.Lang, "exportme.done")}}, nil
}

// MemberJSON is the file /mentor export-me sends: the member's data, with
// field names a reader understands and times in RFC 3339. A topic the bot
// stored in place of the members' words (OpenTopic) is written in the
// member's language (English when they have none), as every message
// writes it.
func MemberJSON(id MemberID, d MemberData, at time.Time) ([]byte, error) {
	return memberJSON(d.Member.Lang, id, d, at)
}

// memberJSON is MemberJSON for a reader of lang.
func memberJSON(lang Lang, id MemberID, d MemberData, at time.Time) ([]byte, error) {
	// Lists are [] when empty, never null: a reader (or a tool) sees "none".
	out := memberExport{Exported: at, Platform: id.Platform, Workspace: id.Workspace, User: id.User, Manager: d.Manager, History: d.History,
		Requests: []requestExport{}, Proposals: []proposalExport{}, Pairs: []pairExport{}, Checkins: []CheckinAnswer{},
		Surveys: []surveyExport{}, Charters: []CharterAcceptance{}, Testimonials: []Testimonial{}, Speed: []SpeedTaking{}, Needs: []NeedsAnswer{}, Goals: []goalExport{}}
	out.Speed = append(out.Speed, d.Speed...)
	if p := d.Pause; p != nil {
		out.Pause = &pauseExport{Since: p.At, Until: timePtr(p.Until), Automatic: p.Auto}
	}
	if d.Member.ID.User != "" {
		m := d.Member
		out.Profile = &profileExport{Name: m.Name, Language: string(m.Lang), Languages: langStrings(m.Languages), TZ: m.TZ, Hours: m.Hours.String(),
			Years: m.Years, Joined: timePtr(m.Joined), CharterVersion: m.CharterVersion, CharterAccepted: timePtr(m.CharterAccepted)}
		if m.Lang != "" {
			chosen := m.LangChosen
			out.Profile.LanguageChosen = &chosen
		}
	}
	if o := d.Offer; o != nil {
		out.Offer = &offerExport{Topics: o.Topics, Capacity: o.Capacity, Languages: langStrings(o.Languages), TZ: o.TZ,
			Years: o.Years, Kinds: o.Kinds, Paused: o.Paused, Updated: timePtr(o.Updated)}
	}
	for _, r := range d.Requests {
		out.Requests = append(out.Requests, requestExport{ID: r.ID, Topic: storedText(lang, r.Topic), Kind: r.Kind, Languages: langStrings(r.Languages),
			Goal: r.Goal, State: string(r.State), Created: r.Created})
	}
	for _, p := range d.Proposals {
		out.Proposals = append(out.Proposals, proposalExport{ID: p.ID, Request: p.Request, Mentor: p.Mentor.User, Mentee: p.Mentee.User,
			Topic: storedText(lang, p.Topic), Kind: p.Kind, Goal: p.Goal, State: string(p.State), Created: p.Created})
	}
	for _, p := range d.Pairs {
		out.Pairs = append(out.Pairs, pairExport{ID: p.ID, Role: p.Role(id), Mentor: p.Mentor.User, Mentee: p.Mentee.User, Topic: storedText(lang, p.Topic),
			Kind: p.Kind, Goal: p.Goal, State: string(p.State), Created: p.Created, Official: timePtr(p.Official), Met: timePtr(p.Met),
			Ended: timePtr(p.Ended), EndReason: exportedEndReason(p.EndReason)})
	}
	out.Checkins = append(out.Checkins, d.Checkins...)
	for _, s := range d.Surveys {
		out.Surveys = append(out.Surveys, surveyExport{Survey: string(s.Survey), Question: s.Question, Answer: s.Answer, At: timePtr(s.At)})
	}
	out.Charters = append(out.Charters, d.Charters...)
	for _, tm := range d.Testimonials {
		tm.Topic = storedText(lang, tm.Topic)
		out.Testimonials = append(out.Testimonials, tm)
	}
	out.Needs = append(out.Needs, d.Needs...)
	for _, g := range d.Goals {
		out.Goals = append(out.Goals, goalExport{Pair: g.Pair, Text: g.Text, Progress: string(g.Progress), Updated: timePtr(g.Updated)})
	}
	out.CampaignOptOut = d.CampaignOptOut
	out.OpenedHome = d.OpenedHome
	out.InstalledApp = d.InstalledApp
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, Wrap(EINTERNAL, err, "encode member data")
	}
	return b, nil
}

type memberExport struct {
	Exported  time.Time           `json:"exported"`
	Platform  string              `json:"platform"`
	Workspace string              `json:"workspace"`
	User      string              `json:"user"`
	Manager   bool                `json:"manager"`
	Profile   *profileExport      `json:"profile"`
	Offer     *offerExport        `json:"offer"`
	Requests  []requestExport     `json:"requests"`
	Proposals []proposalExport    `json:"proposals"`
	Pairs     []pairExport        `json:"pairs"`
	Checkins  []CheckinAnswer     `json:"checkins"`
	Surveys   []surveyExport      `json:"survey_answers"`
	Charters  []CharterAcceptance `json:"charter_acceptances"`
	// Testimonials carry their consent: "anonymous", "name", "no", or ""
	// when the member has not said (never shared).
	Testimonials []Testimonial     `json:"testimonials"`
	History      map[string]string `json:"past_mentors,omitempty"`
	Speed        []SpeedTaking     `json:"speed_mentoring"`
	Needs        []NeedsAnswer     `json:"needs_survey_answers"`
	// Goals are the goals the member set for their pairs (goals.go).
	Goals []goalExport `json:"goals"`
	// CampaignOptOut: the member asked for no more campaign messages.
	CampaignOptOut bool `json:"campaigns_opted_out"`
	// Pause is the member's pause, if they have one (pause.go).
	Pause *pauseExport `json:"pause,omitempty"`
	// OpenedHome: the member opened Slack's App Home, so the bot keeps it
	// up to date (home_publish.go).
	OpenedHome bool `json:"opened_app_home,omitempty"`
	// InstalledApp: when the member installed the app in the workspace;
	// the installation record keeps their user ID (install.go).
	InstalledApp *time.Time `json:"installed_the_app,omitempty"`
}

// pauseExport is a member's pause: since when, until when (none: until
// they resume), and whether the bot paused them for not answering.
type pauseExport struct {
	Since     time.Time  `json:"since"`
	Until     *time.Time `json:"until,omitempty"`
	Automatic bool       `json:"automatic"`
}

// profileExport is the member's record. LanguageChosen is true if the
// member chose Language (/mentor lang), false if the bot inferred it
// (the platform's locale, the workspace's language, French command
// words), and left out with no Language.
type profileExport struct {
	Name            string     `json:"name"`
	Language        string     `json:"language,omitempty"`
	LanguageChosen  *bool      `json:"language_chosen,omitempty"`
	Languages       []string   `json:"languages,omitempty"`
	TZ              string     `json:"time_zone,omitempty"`
	Hours           string     `json:"working_hours,omitempty"` // profile.go: "9-18", "10-16 mon-thu"
	Years           int        `json:"years_of_experience,omitempty"`
	Joined          *time.Time `json:"joined,omitempty"`
	CharterVersion  int        `json:"charter_version,omitempty"`
	CharterAccepted *time.Time `json:"charter_accepted,omitempty"`
}

type offerExport struct {
	Topics    []string   `json:"topics"`
	Capacity  int        `json:"capacity"`
	Languages []string   `json:"languages,omitempty"`
	TZ        string     `json:"time_zone,omitempty"`
	Years     int        `json:"years_of_experience,omitempty"`
	Kinds     []Kind     `json:"kinds,omitempty"`
	Paused    bool       `json:"paused"`
	Updated   *time.Time `json:"updated,omitempty"`
}

type requestExport struct {
	ID        string    `json:"id"`
	Topic     string    `json:"topic"`
	Kind      Kind      `json:"kind"`
	Languages []string  `json:"languages,omitempty"`
	Goal      string    `json:"goal,omitempty"`
	State     string    `json:"state"`
	Created   time.Time `json:"created"`
}

type proposalExport struct {
	ID      string    `json:"id"`
	Request string    `json:"request"`
	Mentor  string    `json:"mentor"`
	Mentee  string    `json:"mentee"`
	Topic   string    `json:"topic"`
	Kind    Kind      `json:"kind"`
	Goal    string    `json:"goal,omitempty"`
	State   string    `json:"state"`
	Created time.Time `json:"created"`
}

type pairExport struct {
	ID        string     `json:"id"`
	Role      string     `json:"role"`
	Mentor    string     `json:"mentor"`
	Mentee    string     `json:"mentee"`
	Topic     string     `json:"topic"`
	Kind      Kind       `json:"kind"`
	Goal      string     `json:"goal,omitempty"`
	State     string     `json:"state"`
	Created   time.Time  `json:"created"`
	Official  *time.Time `json:"official,omitempty"`
	Met       *time.Time `json:"first_contact,omitempty"`
	Ended     *time.Time `json:"ended,omitempty"`
	EndReason string     `json:"end_reason,omitempty"`
}

type goalExport struct {
	Pair     string     `json:"pair"`
	Text     string     `json:"text"`
	Progress string     `json:"progress"`
	Updated  *time.Time `json:"updated,omitempty"`
}

type surveyExport struct {
	Survey   string     `json:"survey"`
	Question string     `json:"question"`
	Answer   string     `json:"answer"`
	At       *time.Time `json:"at,omitempty"`
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func langStrings(ls []Lang) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = string(l)
	}
	return out
}

// exportedEndReason is a pair's end reason as a member's export gives it.
// A pair ended early at a member's word, whether by "It's not working
// out", /mentor end or a low mid-program rating, is "ended-early" for
// both members: the export of one must not tell the other's survey
// answer, not even by elimination. The managers' export keeps the reason.
func exportedEndReason(reason string) string {
	switch reason {
	case notWorkingReason, endReason, lowRatingReason:
		return "ended-early"
	}
	return reason
}
