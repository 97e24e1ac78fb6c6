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
	if err := b.exportRequests(ctx, t, &e); err != nil {
		return Reply{}, err
	}
	e.Lang = in.Lang
	now := b.clock.Now().In(b.location(ctx, t))
	f := File{Name: "mentorbot-export-" + now.Format(time.DateOnly) + ".csv", Type: "text/csv", Data: ExportCSV(e)}
	counts := []string{"members", Number(in.Lang, len(e.Members)), "pairs", Number(in.Lang, len(e.Pairs)), "answers", Number(in.Lang, len(e.Answers)),
		"requests", Number(in.Lang, len(e.Requests))}
	msg := Message{Title: T(in.Lang, "admin.export.title"), Text: T(in.Lang, "admin.export.file", counts...)}
	if err := up.SendFile(ctx, in.Member, f, msg); err != nil {
		return Reply{}, err
	}
	b.log.Info("export sent", "tenant", t.String(), "to", in.Member.String(), "members", len(e.Members), "pairs", len(e.Pairs), "answers", len(e.Answers))
	return Reply{Message: Message{Text: T(in.Lang, "admin.export.done", counts...)}}, nil
}

// exportRequests adds to an export the requests waiting for a mentor and
// the program of each pair (pairPrograms: one read per program): what a
// manager needs to act on the file.
func (b *Bot) exportRequests(ctx context.Context, t Tenant, e *Export) error {
	waiting, err := b.store.requests.Waiting(ctx, t)
	if err != nil {
		return err
	}
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		return err
	}
	of, err := b.pairPrograms(ctx, t, programs, e.Pairs)
	if err != nil {
		return err
	}
	e.Requests, e.Programs = waiting, map[string]ProgramID{}
	for id, prog := range of {
		if prog != DefaultProgram {
			e.Programs[id] = prog
		}
	}
	return nil
}
