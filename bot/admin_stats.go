package bot

import "context"

// runAdminStats shows the digest now, to the manager only, in their
// language; the chart follows privately when the platform can upload.
func runAdminStats(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	msg, png, err := b.digest(ctx, t, b.clock.Now(), in.Lang)
	if err != nil {
		return Reply{}, err
	}
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
