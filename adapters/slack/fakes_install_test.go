package slack_test

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// installs is a fake bot.InstallStore: a map, as the stores keep it.
type installs struct {
	mu    sync.Mutex
	m     map[bot.Tenant]bot.Installation
	saves int   // installs saved
	fail  error // when set, SaveInstallation fails with it
}

var _ bot.InstallStore = (*installs)(nil)

func (s *installs) SaveInstallation(ctx context.Context, in bot.Installation) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return s.fail
	}
	if s.m == nil {
		s.m = map[bot.Tenant]bot.Installation{}
	}
	in.Token = bytes.Clone(in.Token)
	in.UninstalledAt = time.Time{}
	s.m[in.Tenant] = in
	s.saves++
	return nil
}

func (s *installs) Installation(ctx context.Context, t bot.Tenant) (bot.Installation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in, ok := s.m[t]
	if !ok {
		return bot.Installation{}, bot.Errorf(bot.ENOTFOUND, "err.not_found")
	}
	return in, nil
}

func (s *installs) Uninstall(ctx context.Context, t bot.Tenant, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	in, ok := s.m[t]
	if !ok {
		return bot.Errorf(bot.ENOTFOUND, "err.not_found")
	}
	if in.UninstalledAt.IsZero() {
		in.UninstalledAt = at
	}
	in.Token = nil
	s.m[t] = in
	return nil
}

func (s *installs) Installations(ctx context.Context, platform string) ([]bot.Installation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []bot.Installation
	for t, in := range s.m {
		if t.Platform == platform {
			out = append(out, in)
		}
	}
	return out, nil
}

func (s *installs) EraseTenant(ctx context.Context, t bot.Tenant) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, t)
	return nil
}

// Saves returns how many installs were saved.
func (s *installs) Saves() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.saves
}

// get returns t's record as kept.
func (s *installs) get(t bot.Tenant) bot.Installation {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[t]
}

// sealer is a fake Sealer: the token behind its aad, reversed, so that a
// test sees it is not kept as is and that it opens for its tenant only.
type sealer struct{}

func (sealer) Seal(plain []byte, aad string) ([]byte, error) {
	out := []byte(aad + "|")
	for i := len(plain) - 1; i >= 0; i-- {
		out = append(out, plain[i])
	}
	return out, nil
}

func (sealer) Open(sealed []byte, aad string) ([]byte, error) {
	rest, ok := bytes.CutPrefix(sealed, []byte(aad+"|"))
	if !ok {
		return nil, errors.New("message authentication failed")
	}
	var out []byte
	for i := len(rest) - 1; i >= 0; i-- {
		out = append(out, rest[i])
	}
	return out, nil
}
