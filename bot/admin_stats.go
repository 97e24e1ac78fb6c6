package bot

import (
	"context"
	"strings"
)

// runAdminStats shows the week in progress so far, then the digest of the
// last complete week, to the manager only, in their language (a manager
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

// statsMessage is the digest of r with the week in progress first, each
// under its heading.
func statsMessage(lang Lang, r Report) Message {
	d := digestMessage(lang, r)
	current := append([]string{T(lang, "admin.stats.current", "date", Date(lang, weekStart(r.At)), "week", r.Current.Week)}, weekNumbers(lang, r.Current, nil)...)
	last := T(lang, "admin.stats.last", "date", Date(lang, r.Start), "week", r.Week.Week)
	return Message{
		Title: T(lang, "admin.stats.title", "date", Date(lang, r.At)),
		Text:  strings.Join(current, "\n") + "\n\n" + last + "\n\n" + d.Text,
	}
}
