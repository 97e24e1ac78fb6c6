package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/mentorbot/mentorbot/bot"
)

// operateWorkspaces runs an operator's command on the workspaces kept in
// Redis, with no platform connected:
//
//   - "workspaces" lists them, one a line, each with whether it has the
//     app: installed, removed (and when retention erases it), or served
//     with no install record (SLACK_BOT_TOKEN's workspace, a Discord
//     server seen before records);
//   - "erase-workspace" erases everything kept for one that removed the
//     app (bot.InstallStore.EraseTenant), as retention does at its end: a
//     network that leaves and asks for its data to go does not wait two
//     years. One that has the app is refused (status 2): the bot serves
//     it and would write to it again. One the bot keeps nothing about is
//     an unknownWorkspaceError (status 3).
func (m *Main) operateWorkspaces(ctx context.Context, op, arg string) error {
	var t bot.Tenant
	if op == "erase-workspace" {
		var err error
		if t, err = parseWorkspace(arg); err != nil {
			return &configError{fmt.Errorf("erase-workspace WORKSPACE: %w, as mentorbot workspaces lists it (slack:T123, discord:<server>)", err)}
		}
	}
	if err := m.openOperator(ctx, op); err != nil {
		return err
	}
	all, err := m.workspaces(ctx)
	if err != nil {
		return err
	}
	if op == "workspaces" {
		return m.listWorkspaces(all)
	}
	i := slices.IndexFunc(all, func(w workspace) bool { return w.tenant == t })
	switch {
	case i < 0:
		return &unknownWorkspaceError{t}
	case all[i].installed():
		return &configError{fmt.Errorf("erase-workspace: %s has the app (installed on %s): the bot serves it and would keep writing to it; remove the app from the workspace first (Slack: its admins, in Manage apps; Discord: remove the bot from the server), then run this again",
			t, all[i].install.InstalledAt.UTC().Format("2006-01-02"))}
	}
	if err := m.Store.EraseTenant(ctx, t); err != nil {
		return fmt.Errorf("erase-workspace %s: %w: nothing may have been erased yet; run the command again once Redis answers", t, err)
	}
	note := ""
	if all[i].install == nil {
		note = " If a running bot still serves it (SLACK_BOT_TOKEN's workspace, or a Discord server it is in), stop it serving there: it would keep new data."
	}
	fmt.Fprintf(m.Stdout, "mentorbot: %s erased: nothing is kept for it any more.%s\n", t, note)
	return nil
}

// workspace is one workspace kept in Redis, with its install record (nil
// without one).
type workspace struct {
	tenant  bot.Tenant
	install *bot.Installation
}

func (w workspace) installed() bool { return w.install != nil && w.install.UninstalledAt.IsZero() }

// workspaces lists the workspaces kept in Redis: those with jobs or
// commands (Tenants) and those with an install record, removed ones
// included, sorted.
func (m *Main) workspaces(ctx context.Context) ([]workspace, error) {
	tenants, err := m.Store.Tenants(ctx)
	if err != nil {
		return nil, fmt.Errorf("workspaces: %w", err)
	}
	seen := map[bot.Tenant]*workspace{}
	var out []*workspace
	add := func(t bot.Tenant) *workspace {
		if w, ok := seen[t]; ok {
			return w
		}
		w := &workspace{tenant: t}
		seen[t] = w
		out = append(out, w)
		return w
	}
	for _, t := range tenants {
		add(t)
	}
	for _, p := range platforms {
		ins, err := m.Store.Installations(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("workspaces: %w", err)
		}
		for _, in := range ins {
			add(in.Tenant).install = &in
		}
	}
	slices.SortFunc(out, func(a, b *workspace) int { return strings.Compare(a.tenant.String(), b.tenant.String()) })
	list := make([]workspace, len(out))
	for i, w := range out {
		list[i] = *w
	}
	return list, nil
}

// listWorkspaces writes the workspaces, one a line: its ID, then what the
// bot does with it.
func (m *Main) listWorkspaces(all []workspace) error {
	if len(all) == 0 {
		fmt.Fprintln(m.Stdout, "mentorbot: no workspace is kept in this Redis.")
		return nil
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	for _, w := range all {
		state := "served, with no install record (SLACK_BOT_TOKEN's workspace, or a Discord server)"
		switch {
		case w.installed():
			state = "installed on " + w.install.InstalledAt.UTC().Format("2006-01-02")
		case w.install != nil:
			removed := w.install.UninstalledAt.UTC()
			state = fmt.Sprintf("removed the app on %s: erased on %s (MENTORBOT_RETENTION) unless it installs it again",
				removed.Format("2006-01-02"), removed.Add(m.Config.Retention).Format("2006-01-02"))
		}
		fmt.Fprintf(tw, "%s\t%s\n", w.tenant, state)
	}
	return tw.Flush()
}

// parseWorkspace reads "platform:workspace".
func parseWorkspace(s string) (bot.Tenant, error) {
	p, w, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(w, ":") || !slices.Contains(platforms, p) {
		return bot.Tenant{}, fmt.Errorf("want platform:workspace, the platform one of %s, %s or %s", platforms[0], platforms[1], platforms[2])
	}
	if err := idChars(p, w); err != nil {
		return bot.Tenant{}, err
	}
	return bot.Tenant{Platform: p, Workspace: w}, nil
}

// unknownWorkspaceError is erase-workspace of a workspace the bot keeps
// nothing about: main exits with status 3 (exitStatus).
type unknownWorkspaceError struct{ t bot.Tenant }

func (e *unknownWorkspaceError) Error() string {
	return "erase-workspace: the bot keeps nothing about " + e.t.String() + ": check it against mentorbot workspaces; a workspace erased already is not kept either"
}
