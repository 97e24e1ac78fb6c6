package bot

import (
	"context"
	"time"
)

// runAdminExport sends the manager a CSV of the workspace's members, pairs
// and survey answers, privately, as a file.
func runAdminExport(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	p, err := b.tenantPlatform(t)
	if err != nil {
		return Reply{}, err
	}
	up, ok := p.(Uploader)
	if !ok {
		return Reply{}, Errorf(EINVALID, "err.admin.cannot_upload")
	}
	e, err := b.store.reports.Export(ctx, t)
	if err != nil {
		return Reply{}, err
	}
	now := b.clock.Now().In(b.location(ctx, t))
	f := File{Name: "mentorbot-export-" + now.Format(time.DateOnly) + ".csv", Type: "text/csv", Data: ExportCSV(e)}
	counts := []string{"members", Number(in.Lang, len(e.Members)), "pairs", Number(in.Lang, len(e.Pairs)), "answers", Number(in.Lang, len(e.Answers))}
	msg := Message{Title: T(in.Lang, "admin.export.title"), Text: T(in.Lang, "admin.export.file", counts...)}
	if err := up.SendFile(ctx, in.Member, f, msg); err != nil {
		return Reply{}, err
	}
	b.log.Info("export sent", "tenant", t.String(), "to", in.Member.String(), "members", len(e.Members), "pairs", len(e.Pairs), "answers", len(e.Answers))
	return Reply{Message: Message{Text: T(in.Lang, "admin.export.done", counts...)}}, nil
}
