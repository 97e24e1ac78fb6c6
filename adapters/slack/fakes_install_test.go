package slack_test

import (
	"bytes"
	"context"
	"errors"
	"sync"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// installs is the in-memory store's bot.InstallStore (store/inmem), with
// a count of the installs saved and a failure to inject.
type installs struct {
	bot.InstallStore
	mu    sync.Mutex
	saves int   // installs saved
	fail  error // when set, SaveInstallation fails with it
}

func newInstalls() *installs { return &installs{InstallStore: inmem.New(nil)} }

func (s *installs) SaveInstallation(ctx context.Context, in bot.Installation) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return s.fail
	}
	s.saves++
	return s.InstallStore.SaveInstallation(ctx, in)
}

// Saves returns how many installs were saved.
func (s *installs) Saves() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.saves
}

// get returns t's record as kept (zero without one).
func (s *installs) get(t bot.Tenant) bot.Installation {
	in, _ := s.Installation(context.Background(), t)
	return in
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
