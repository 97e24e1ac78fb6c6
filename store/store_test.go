package store_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

func TestContract(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			storetest.RunContract(t, func(tb testing.TB) bot.Store { return b.Open(tb) })
		})
	}
}
