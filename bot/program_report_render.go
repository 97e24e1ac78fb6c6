package bot

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"time"
)

// maxReportTopics bounds the topics the report names; the rest is counted.
const maxReportTopics = 8

// reportMessage writes a program's report in lang: each figure with the
// previous program's beside it when there is one.
func reportMessage(lang Lang, r ProgramReport) Message {
	f, p := r.Figures, r.Before
	rows := [][3]string{
		{"report.pairs", itoa(f.Pairs), itoa(p.Pairs)},
		{"digest.charter_cancelled", itoa(f.Cancelled), itoa(p.Cancelled)},
		{"report.met", share(lang, f.Met, f.Pairs), share(lang, p.Met, p.Pairs)},
		{"report.completed", share(lang, f.Completed, f.Pairs), share(lang, p.Completed, p.Pairs)},
		{"report.rating", reportRating(lang, f), reportRating(lang, p)},
		{"report.answered", reportAnswered(lang, f), reportAnswered(lang, p)},
		{"report.renewal", renewal(lang, f), renewal(lang, p)},
		{"report.became", share(lang, f.Became, f.Mentees), share(lang, p.Became, p.Mentees)},
		{"report.first_meeting", firstMeeting(lang, f), firstMeeting(lang, p)},
		{"report.goals", share(lang, f.GoalReached, f.Pairs), share(lang, p.GoalReached, p.Pairs)},
		{"report.topics", reportTopics(lang, f), reportTopics(lang, p)},
	}
	lines := []string{T(lang, "report.period", "start", Date(lang, r.Program.Start), "end", Date(lang, r.Program.End))}
	if r.Previous != nil {
		lines = append(lines, T(lang, "report.compared", "name", r.Previous.Name))
	}
	for _, row := range rows {
		if row[0] == "digest.charter_cancelled" && f.Cancelled == 0 && p.Cancelled == 0 {
			continue // as the digest: no line when none
		}
		value := row[1]
		if r.Previous != nil {
			value = T(lang, "report.trend", "value", row[1], "before", row[2])
		}
		lines = append(lines, T(lang, "digest.item", "label", T(lang, row[0]), "value", value))
	}
	if f.Pairs+f.Cancelled == 0 {
		lines = append(lines, T(lang, "report.no_pairs"))
	}
	return Message{Title: T(lang, "report.title", "name", r.Program.Name), Text: strings.Join(lines, "\n")}
}

// share writes "part of whole (n %)", or "0" when whole is 0.
func share(lang Lang, part, whole int) string {
	if whole == 0 {
		return "0"
	}
	return T(lang, "report.share", "part", Number(lang, part), "whole", Number(lang, whole), "percent", percent(part, whole))
}

func reportRating(lang Lang, f ProgramFigures) string {
	avg, ok := f.AverageRating()
	if !ok {
		return T(lang, "report.no_answer")
	}
	return T(lang, "report.rating_value", "rating", Decimal(lang, rounded(avg)), "count", itoa(f.Surveys))
}

func reportAnswered(lang Lang, f ProgramFigures) string {
	n := f.Answered()
	if n == 0 {
		return T(lang, "report.no_answer")
	}
	return T(lang, "report.answered_value", "yes", percent(f.AnsweredYes, n), "partly", percent(f.AnsweredPartly, n), "count", itoa(n))
}

func renewal(lang Lang, f ProgramFigures) string {
	if !f.NextProgram {
		return T(lang, "report.no_next")
	}
	return share(lang, f.Renewed, f.Mentors)
}

func firstMeeting(lang Lang, f ProgramFigures) string {
	if f.Met == 0 {
		return T(lang, "report.no_meeting")
	}
	return humanDuration(lang, f.FirstMeeting)
}

// reportTopics names the most paired topics with their share of the
// pairs, the first one's share telling how balanced the program was.
func reportTopics(lang Lang, f ProgramFigures) string {
	if len(f.Topics) == 0 {
		return T(lang, "report.no_topic")
	}
	var items []string
	for i, tc := range f.Topics {
		if i == maxReportTopics {
			items = append(items, T(lang, "report.topics_more", "count", itoa(len(f.Topics)-i)))
			break
		}
		items = append(items, T(lang, "report.topic", "topic", tc.Topic, "count", itoa(tc.Count), "percent", percent(tc.Count, f.Pairs)))
	}
	return strings.Join(items, ", ")
}

// ReportColumns are the columns of a program report's CSV: one row per
// figure, the program's value and the previous program's.
var ReportColumns = []string{"figure", "program", "previous"}

// ReportCSV writes a program's figures, and the previous program's, as
// numbers (a share as its two counts), for a spreadsheet.
func ReportCSV(r ProgramReport) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(ReportColumns)
	f, p := r.Figures, r.Before
	prev := func(v int) string {
		if r.Previous == nil {
			return ""
		}
		return strconv.Itoa(v)
	}
	avg := func(f ProgramFigures, ok bool) string {
		if a, has := f.AverageRating(); has && ok {
			return strconv.FormatFloat(rounded(a), 'f', 1, 64)
		}
		return ""
	}
	days := func(f ProgramFigures) float64 { return f.FirstMeeting.Hours() / 24 }
	rows := [][]string{
		{"name", csvSafe(r.Program.Name), ""},
		{"pairs_started", strconv.Itoa(f.Pairs), prev(p.Pairs)},
		{"met", strconv.Itoa(f.Met), prev(p.Met)},
		{"completed", strconv.Itoa(f.Completed), prev(p.Completed)},
		{"final_surveys", strconv.Itoa(f.Surveys), prev(p.Surveys)},
		{"average_rating", avg(f, true), avg(p, r.Previous != nil)},
		{"answered_yes", strconv.Itoa(f.AnsweredYes), prev(p.AnsweredYes)},
		{"answered_partly", strconv.Itoa(f.AnsweredPartly), prev(p.AnsweredPartly)},
		{"answered_no", strconv.Itoa(f.AnsweredNo), prev(p.AnsweredNo)},
		{"mentors", strconv.Itoa(f.Mentors), prev(p.Mentors)},
		{"mentors_renewed", renewedCell(f), ""},
		{"mentees", strconv.Itoa(f.Mentees), prev(p.Mentees)},
		{"mentees_became_mentors", strconv.Itoa(f.Became), prev(p.Became)},
		{"median_days_to_first_meeting", strconv.FormatFloat(days(f), 'f', 1, 64), ""},
		{"pairs_with_goals", strconv.Itoa(f.GoalPairs), prev(p.GoalPairs)},
		{"pairs_reached_a_goal", strconv.Itoa(f.GoalReached), prev(p.GoalReached)},
		{"pairs_cancelled_before_start", strconv.Itoa(f.Cancelled), prev(p.Cancelled)},
	}
	if r.Previous != nil {
		rows[0][2] = csvSafe(r.Previous.Name)
		rows[10][2] = renewedCell(p)
		rows[13][2] = strconv.FormatFloat(days(p), 'f', 1, 64)
	}
	for _, tc := range f.Topics {
		rows = append(rows, []string{"topic:" + csvSafe(tc.Topic), strconv.Itoa(tc.Count), ""})
	}
	_ = w.WriteAll(rows)
	return buf.Bytes()
}

func renewedCell(f ProgramFigures) string {
	if !f.NextProgram {
		return ""
	}
	return strconv.Itoa(f.Renewed)
}

// JobProgramReport posts a program's report in the managers' channel
// (report:<program>), ProgramReportDelay after its end, once the final
// surveys have had time to come in.
const JobProgramReport = "progreport"

// ProgramReportDelay is how long after a program's end its report is
// posted: the final survey's answers come in over the first days.
const ProgramReportDelay = 7 * 24 * time.Hour

func runProgramReport(ctx context.Context, b *Bot, t Tenant, j Job) error {
	return ignoreGone(b.PostProgramReport(ctx, t, ProgramID(j.Part(0))))
}

// runAdminReport shows a program's end-of-program report to a manager,
// and sends its chart and CSV privately where the platform takes files.
func runAdminReport(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	name := strings.TrimSpace(unquote(in.Text("program")))
	if name == "" {
		return Reply{}, &Error{Code: EINVALID, Key: "err.report.which", Field: "program"}
	}
	p, err := b.programNamed(ctx, t, name)
	if err != nil {
		return Reply{}, err
	}
	r, err := b.ProgramReport(ctx, t, p.ID)
	if err != nil {
		return Reply{}, err
	}
	b.sendReportFiles(ctx, in.Member, in.Lang, r)
	return Reply{Message: reportMessage(in.Lang, r)}, nil
}

// reportFiles are a report's chart (without Config.Chart, none) and CSV.
func (b *Bot) reportFiles(t Tenant, lang Lang, r ProgramReport) []File {
	base := "mentorbot-report-" + string(r.Program.ID)
	files := []File{{Name: base + ".csv", Type: "text/csv", Data: ReportCSV(r)}}
	if b.cfg.Chart != nil {
		png, err := b.cfg.Chart(programChart(lang, r))
		if err != nil {
			b.log.Error("report chart", "tenant", t.String(), "program", string(r.Program.ID), "err", err)
		} else {
			files = append([]File{{Name: base + ".png", Type: "image/png", Data: png}}, files...)
		}
	}
	return files
}

// sendReportFiles sends a report's files to a manager, when the platform
// takes files (logged when it fails: the report's text stands alone).
func (b *Bot) sendReportFiles(ctx context.Context, to MemberID, lang Lang, r ProgramReport) {
	p, err := b.platform(to)
	if err != nil {
		return
	}
	up, ok := p.(Uploader)
	if !ok {
		return
	}
	for _, f := range b.reportFiles(to.Tenant(), lang, r) {
		if err := up.SendFile(ctx, to, f, Message{Text: fileText(lang, f, r)}); err != nil {
			b.log.Warn("report file not sent", "member", to.String(), "file", f.Name, "code", string(ErrorCode(err)))
		}
	}
}

// PostProgramReport posts a program's report in the managers' channel, in
// the workspace's language, with its chart and its CSV when the platform
// takes files: once per program whatever retries and replicas do (the
// delivery is marked "report:<program>"). It does nothing without a
// managers' channel or a platform that can post.
func (b *Bot) PostProgramReport(ctx context.Context, t Tenant, id ProgramID) error {
	s, p, err := b.managersChannel(ctx, t)
	if p == nil {
		return err
	}
	up, canUpload := p.(Uploader)
	poster, canPost := p.(Poster)
	if !canUpload && !canPost {
		return nil
	}
	return b.once(ctx, t, "report:"+string(id), digestLease, func(ctx context.Context) error {
		r, err := b.ProgramReport(ctx, t, id)
		if err != nil {
			return err
		}
		lang := s.DefaultLang
		msg := reportMessage(lang, r)
		msg.Lang = lang
		if !canUpload {
			return poster.Post(ctx, t, s.DigestChannel, msg)
		}
		files := b.reportFiles(t, lang, r)
		if err := up.Upload(ctx, t, s.DigestChannel, files[0], msg); err != nil {
			return err
		}
		for _, f := range files[1:] {
			// The message went out: a file that fails now is logged, not
			// retried, so that the report is never posted twice.
			if err := up.Upload(ctx, t, s.DigestChannel, f, Message{Lang: lang, Text: fileText(lang, f, r)}); err != nil {
				b.log.Warn("report file not posted", "tenant", t.String(), "program", string(id), "file", f.Name, "code", string(ErrorCode(err)))
			}
		}
		b.log.Info("program report posted", "tenant", t.String(), "program", string(id))
		return nil
	})
}

// fileText says what a report's file is.
func fileText(lang Lang, f File, r ProgramReport) string {
	key := "report.file_csv"
	if f.Type == "image/png" {
		key = "report.file_png"
	}
	return T(lang, key, "name", r.Program.Name)
}
