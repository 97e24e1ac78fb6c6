package store

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
)

// Hash fields are strings: times as Unix milliseconds, lists as JSON.

func ms(t time.Time) string {
	if t.IsZero() {
		return "0"
	}
	return strconv.FormatInt(t.UnixMilli(), 10)
}

func fromMS(s string) time.Time {
	n, _ := strconv.ParseInt(s, 10, 64)
	if n == 0 {
		return time.Time{}
	}
	return time.UnixMilli(n).UTC()
}

func num(s string) int { n, _ := strconv.Atoi(s); return n }

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func strs(s string) []string {
	var out []string
	_ = json.Unmarshal([]byte(s), &out)
	return out
}

// keysField encodes index keys; none is "", as a field never written,
// so that guards on the field hold for data stored before the keys.
func keysField(keys []string) string {
	if len(keys) == 0 {
		return ""
	}
	return jsonOf(keys)
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// memberFields returns the profile fields to set and those to delete:
// an empty one is left out (it reads the same), and deleted in case it
// was set before.
func memberFields(m bot.Member) (set, unset []string) {
	set = []string{"name", m.Name} // always: the hash exists once saved
	kv := []string{"lang", string(m.Lang), "languages", langsField(m.Languages), "tz", m.TZ,
		"hours", m.Hours.String(), "years", strconv.Itoa(m.Years), "joined", ms(m.Joined), "last_survey", m.LastSurvey,
		"lang_chosen", flag(m.LangChosen)}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == "" || kv[i+1] == "0" {
			unset = append(unset, kv[i])
		} else {
			set = append(set, kv[i], kv[i+1])
		}
	}
	return set, unset
}

func memberFrom(id bot.MemberID, h map[string]string) bot.Member {
	return bot.Member{
		// A record from before lang_chosen reads false: inferred.
		ID: id, Name: h["name"], Lang: bot.Lang(h["lang"]), LangChosen: h["lang_chosen"] == "1", TZ: h["tz"], Years: num(h["years"]),
		CharterVersion: num(h["charter_version"]), CharterAccepted: fromMS(h["charter_at"]), Joined: fromMS(h["joined"]),
		LastSurvey: h["last_survey"], Languages: langsFrom(h["languages"]), Hours: hoursFrom(h["hours"]),
	}
}

// langsField encodes languages; none is "".
func langsField(langs []bot.Lang) string {
	if len(langs) == 0 {
		return ""
	}
	return jsonOf(langs)
}

func langsFrom(s string) []bot.Lang {
	var out []bot.Lang
	for _, l := range strs(s) {
		out = append(out, bot.Lang(l))
	}
	return out
}

func offerFields(o bot.Offer) []string {
	return []string{
		"topics", jsonOf(o.Topics), "capacity", strconv.Itoa(o.Capacity), "languages", jsonOf(o.Languages),
		"tz", o.TZ, "years", strconv.Itoa(o.Years), "kinds", jsonOf(o.Kinds), "paused", flag(o.Paused), "updated", ms(o.Updated),
		"keys", keysField(o.Keys), "programs", programsField(o.Programs),
	}
}

// programsField encodes an offer's programs; none (the default program
// alone) is "", as a field never written.
func programsField(ids []bot.ProgramID) string {
	if len(ids) == 0 {
		return ""
	}
	return jsonOf(ids)
}

func programsFrom(s string) []bot.ProgramID {
	var out []bot.ProgramID
	for _, id := range strs(s) {
		out = append(out, bot.ProgramID(id))
	}
	return out
}

func offerFrom(id bot.MemberID, h map[string]string) bot.Offer {
	o := bot.Offer{
		Mentor: id, Topics: strs(h["topics"]), Capacity: num(h["capacity"]), TZ: h["tz"], Years: num(h["years"]),
		Paused: h["paused"] == "1", Active: num(h["active"]), Pending: num(h["pending"]), Updated: fromMS(h["updated"]),
		Keys: strs(h["keys"]), Programs: programsFrom(h["programs"]),
	}
	for _, l := range strs(h["languages"]) {
		o.Languages = append(o.Languages, bot.Lang(l))
	}
	for _, k := range strs(h["kinds"]) {
		o.Kinds = append(o.Kinds, matching.Kind(k))
	}
	return o
}

func requestFields(r bot.Request) []string {
	kv := []string{"mentee", r.Mentee.User, "topic", r.Topic, "kind", string(r.Kind), "state", string(r.State), "created", ms(r.Created)}
	kv = append(kv, pieces("goal", r.Goal)...)
	return optional(kv, "languages", langsField(r.Languages), "proposal", r.Proposal, "keys", keysField(r.Keys), "program", string(r.Program))
}

func requestFrom(t bot.Tenant, id string, h map[string]string, declined []string) bot.Request {
	r := bot.Request{
		ID: id, Mentee: t.Member(h["mentee"]), Topic: h["topic"], Kind: matching.Kind(h["kind"]),
		Languages: langsFrom(h["languages"]), Goal: joined(h, "goal"), State: bot.RequestState(h["state"]),
		Proposal: h["proposal"], Declined: declined, Created: fromMS(h["created"]), Keys: strs(h["keys"]),
		Program: bot.ProgramID(h["program"]),
	}
	if l := h["language"]; l != "" && len(r.Languages) == 0 {
		r.Languages = []bot.Lang{bot.Lang(l)} // stored before requests had several
	}
	return r
}

func proposalFields(p bot.Proposal) []string {
	kv := []string{
		"request", p.Request, "mentor", p.Mentor.User, "mentee", p.Mentee.User, "topic", p.Topic,
		"kind", string(p.Kind), "score", scoreField(p.Score), "state", string(p.State), "created", ms(p.Created),
	}
	return append(append(kv, pieces("goal", p.Goal)...), pieces("reasons", reasonsField(p.Reasons))...)
}

func scoreField(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

func proposalFrom(t bot.Tenant, id string, h map[string]string) bot.Proposal {
	p := bot.Proposal{
		ID: id, Request: h["request"], Mentor: t.Member(h["mentor"]), Mentee: t.Member(h["mentee"]),
		Topic: h["topic"], Kind: matching.Kind(h["kind"]), Goal: joined(h, "goal"),
		State: bot.ProposalState(h["state"]), Created: fromMS(h["created"]),
	}
	p.Score, _ = strconv.ParseFloat(h["score"], 64)
	p.Reasons = reasonsFrom(joined(h, "reasons"))
	return p
}

// pairFields leaves out the fields still empty or zero, which read the
// same when missing; the acknowledgements and "notyet" stay, as guards
// compare them with "0".
func pairFields(p bot.Pair) []string {
	kv := []string{
		"request", p.Request, "mentor", p.Mentor.User, "mentee", p.Mentee.User,
		"topic", p.Topic, "kind", string(p.Kind), "state", string(p.State), "created", ms(p.Created),
		"mentor_ack", strconv.Itoa(p.MentorAck), "mentee_ack", strconv.Itoa(p.MenteeAck), "notyet", strconv.Itoa(p.NotYet),
	}
	kv = append(append(kv, pieces("goal", p.Goal)...), pieces("reasons", reasonsField(p.Reasons))...)
	return optional(kv, "proposal", p.Proposal, "room", p.Room, "thread", p.Thread, "official", msSet(p.Official), "met", msSet(p.Met),
		"stalled", flagSet(p.Stalled), "ended", msSet(p.Ended), "end_reason", p.EndReason)
}

// optional appends to kv the field/value pairs of opt whose value is not
// empty: a missing field reads as empty, and a guard on "" holds for it.
func optional(kv []string, opt ...string) []string {
	for i := 0; i+1 < len(opt); i += 2 {
		if opt[i+1] != "" {
			kv = append(kv, opt[i], opt[i+1])
		}
	}
	return kv
}

// msSet is ms, or "" for the zero time (which fromMS reads back).
func msSet(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return ms(t)
}

// flagSet is "1" or "".
func flagSet(b bool) string {
	if b {
		return "1"
	}
	return ""
}

func pairFrom(t bot.Tenant, id string, h map[string]string) bot.Pair {
	p := bot.Pair{
		ID: id, Request: h["request"], Proposal: h["proposal"], Mentor: t.Member(h["mentor"]), Mentee: t.Member(h["mentee"]),
		Topic: h["topic"], Kind: matching.Kind(h["kind"]), Goal: joined(h, "goal"), State: bot.PairState(h["state"]),
		Room: h["room"], Thread: h["thread"], Created: fromMS(h["created"]), Official: fromMS(h["official"]),
		MentorAck: num(h["mentor_ack"]), MenteeAck: num(h["mentee_ack"]),
		Met: fromMS(h["met"]), NotYet: num(h["notyet"]), Stalled: h["stalled"] == "1",
		Ended: fromMS(h["ended"]), EndReason: h["end_reason"],
	}
	p.Reasons = reasonsFrom(joined(h, "reasons"))
	return p
}
