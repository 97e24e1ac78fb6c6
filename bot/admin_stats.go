package bot

import (
	"context"
	"strings"
)

// runAdminStats shows the week in progress so far, what is true now,
// then the last complete week (statsMessage), to the manager only, in their language (a manager
// trying it on a new program sees today's activity, not only zeros); the
// chart follows privately when the platform can upload.
func runAdminStats(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	r, err := b.Report(ctx, t, b.clock.Now())
	if err != nil {
		return Reply{}, err
	}
	msg, png := statsMessage(in.Lang, r), b.drawChart(t, in.Lang, r)
	if p, err := b.tenantPlatform(t); err == nil && png != nil {
		if up, ok := p.(Uploader); ok {
			f := File{Name: "mentorbot-chart.png", Type: "image/png", Data: png}
			if err := up.SendFile(ctx, in.Member, f, Message{Text: T(in.Lang, "admin.stats.chart")}); err != nil {
				b.log.Warn("stats chart not sent", "member", in.Member.String(), "code", string(ErrorCode(err)))
			}
		}
	}
	return Reply{Message: msg}, nil
}

// statsMessage is the digest of r under three headings, each true of
// what it heads: the week in progress so far; right now (the topics on
// offer, the topics nobody offers, the requests waiting, the pairs to
// look at, the goals: the state of today, which the digest posted on a
// Monday morning showed as that week's end; retention since the
// beginning, counted up to now); and the last complete week, with only
// that week's figures (its numbers, its requests by topic, who the
// matching left out, its retention), so that it reads as its digest did
// and no live figure stands under its title.
func statsMessage(lang Lang, r Report) Message {
	current := append([]string{T(lang, "admin.stats.current", "date", Date(lang, weekStart(r.At)), "week", r.Current.Week)}, weekNumbers(lang, r.Current, nil)...)
	now := []string{T(lang, "admin.stats.now"), strings.Join([]string{
		T(lang, "digest.topics"),
		T(lang, "digest.supply", "list", topicList(lang, r.Supply, "digest.topic_mentors")),
		T(lang, "digest.unmet", "list", topicList(lang, r.Unmet, "admin.stats.topic_unmet")),
	}, "\n"), eyeSection(lang, r)}
	if goals := goalsSection(lang, r); goals != "" {
		now = append(now, goals)
	}
	// Retention since the beginning is a live figure: the store counts
	// people once over all time, so its total at the last week's end
	// cannot be told once someone came back since (Report.Returned). It
	// is said here; the last week says that week's own.
	now = append(now, T(lang, "admin.stats.retention_now", "returned", itoa(r.Returned), "became", itoa(r.Became)))
	numbers := append([]string{T(lang, "digest.numbers")}, weekNumbers(lang, r.Week, &r.Before)...)
	last := []string{
		T(lang, "admin.stats.last", "date", Date(lang, r.Start), "week", r.Week.Week),
		strings.Join(numbers, "\n"),
		T(lang, "digest.topics") + "\n" + T(lang, "digest.demand", "list", topicList(lang, r.Demand, "digest.topic_requests")),
		fairnessSection(lang, r),
		T(lang, "admin.stats.retention_week", "returned", itoa(r.Week.Returned), "became", itoa(r.Week.Became)),
	}
	return Message{
		Title: T(lang, "admin.stats.title", "date", Date(lang, r.At)),
		Text:  strings.Join(current, "\n") + "\n\n" + strings.Join(now, "\n\n") + "\n\n" + strings.Join(last, "\n\n"),
	}
}
