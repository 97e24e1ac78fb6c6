package inmem

import (
	"bytes"
	"context"
	"sort"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// SaveInstallation implements bot.InstallStore. A saved installation is
// installed: in.UninstalledAt is not kept, as on Redis.
func (s *Store) SaveInstallation(ctx context.Context, in bot.Installation) error {
	sp := s.lock(in.Tenant)
	defer s.mu.Unlock()
	in = cloned(in)
	in.UninstalledAt = time.Time{}
	sp.install = &in
	return nil
}

// Installation implements bot.InstallStore.
func (s *Store) Installation(ctx context.Context, t bot.Tenant) (bot.Installation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := s.spaces[t]
	if sp == nil || sp.install == nil {
		return bot.Installation{}, notFound("installation")
	}
	return cloned(*sp.install), nil
}

// Uninstall implements bot.InstallStore.
func (s *Store) Uninstall(ctx context.Context, t bot.Tenant, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := s.spaces[t]
	if sp == nil || sp.install == nil {
		return notFound("installation")
	}
	if sp.install.InstalledAt.After(at.Add(bot.UninstallSlack)) {
		return coded(bot.ESTALE, "installed after the uninstall")
	}
	sp.install.Token, sp.install.InstalledBy, sp.install.BotUser, sp.install.Scopes, sp.install.Enterprise = nil, "", "", "", ""
	if sp.install.UninstalledAt.IsZero() {
		sp.install.UninstalledAt = at
	}
	return nil
}

// Installations implements bot.InstallStore: the platform's records,
// sorted by workspace.
func (s *Store) Installations(ctx context.Context, platform string) ([]bot.Installation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []bot.Installation
	for t, sp := range s.spaces {
		if t.Platform == platform && sp.install != nil {
			out = append(out, cloned(*sp.install))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Tenant.Workspace < out[j].Tenant.Workspace })
	return out, nil
}

// EraseTenant implements bot.InstallStore: the workspace's data, its
// installation with it, and its place in the tenant list.
func (s *Store) EraseTenant(ctx context.Context, t bot.Tenant) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.spaces, t)
	delete(s.known, t)
	return nil
}

// cloned copies the token, which Redis would return as nil when empty.
func cloned(in bot.Installation) bot.Installation {
	in.Token = bytes.Clone(in.Token)
	if len(in.Token) == 0 {
		in.Token = nil
	}
	return in
}

// forgetInstaller takes a member who asked to be forgotten out of the
// installation they made (Erase): the record stays, without their ID.
func (sp *space) forgetInstaller(user string) {
	if sp.install != nil && sp.install.InstalledBy == user {
		sp.install.InstalledBy = ""
	}
}
