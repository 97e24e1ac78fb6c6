package bot

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"
)

// ExportColumns are the columns of the export CSV. Each row is a member,
// a pair or a survey answer (the "record" column), so that one file opens
// in any spreadsheet and filters by record.
var ExportColumns = []string{
	"record", "id", "member", "name", "other", "topic", "kind", "state", "lang", "tz", "years",
	"charter_version", "created", "official", "met", "ended", "end_reason", "survey", "question", "answer", "program",
}

// ExportCSV writes an export as CSV (RFC 4180), one header line then one
// row per member, pair and survey answer. Cells a spreadsheet would read
// as a formula are prefixed with a quote. A topic the bot stored in place
// of the members' words (OpenTopic) is written in e.Lang.
func ExportCSV(e Export) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(ExportColumns)
	for _, m := range e.Members {
		_ = w.Write(row(map[string]string{
			"record": "member", "id": m.ID.User, "member": m.ID.User, "name": m.Name, "lang": string(m.Lang), "tz": m.TZ,
			"years": strconv.Itoa(m.Years), "charter_version": strconv.Itoa(m.CharterVersion), "created": csvTime(m.Joined),
		}))
	}
	for _, p := range e.Pairs {
		_ = w.Write(row(map[string]string{
			"record": "pair", "id": p.ID, "member": p.Mentor.User, "other": p.Mentee.User, "topic": storedText(e.Lang, p.Topic), "kind": string(p.Kind),
			"state": string(p.State), "created": csvTime(p.Created), "official": csvTime(p.Official), "met": csvTime(p.Met),
			"ended": csvTime(p.Ended), "end_reason": p.EndReason, "program": string(e.Programs[p.ID]),
		}))
	}
	for _, r := range e.Requests {
		langs := make([]string, len(r.Languages))
		for i, l := range r.Languages {
			langs[i] = string(l)
		}
		_ = w.Write(row(map[string]string{
			"record": "request", "id": r.ID, "member": r.Mentee.User, "topic": storedText(e.Lang, r.Topic), "kind": string(r.Kind),
			"state": string(r.State), "lang": strings.Join(langs, " "), "created": csvTime(r.Created), "program": string(r.Program),
		}))
	}
	for _, a := range e.Answers {
		_ = w.Write(row(map[string]string{
			"record": "survey", "id": surveyPair(a.Survey), "member": a.Member.User, "survey": string(a.Survey),
			"question": a.Question, "answer": a.Answer, "created": csvTime(a.At),
		}))
	}
	w.Flush()
	return buf.Bytes()
}

func row(cells map[string]string) []string {
	out := make([]string, len(ExportColumns))
	for i, c := range ExportColumns {
		out[i] = csvSafe(cells[c])
	}
	return out
}

// csvSafe defuses formula injection: a cell starting with = + - @ or a
// tab or carriage return is read as text by spreadsheets when quoted.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// surveyPair returns the pair of a survey ID "<pair>:<stage>".
func surveyPair(id SurveyID) string {
	p, _, _ := strings.Cut(string(id), ":")
	return p
}
