package discord_test

import (
	"testing"
	"time"
)

// TestReady: over HTTP the adapter is always ready; over the gateway
// only while connected, and again by itself once it has reconnected.
func TestReady(t *testing.T) {
	t.Run("HTTP", func(t *testing.T) {
		if err := MustHarness(t).Adapter.Ready(); err != nil {
			t.Fatalf("got %v, want ready", err)
		}
	})
	t.Run("Gateway", func(t *testing.T) {
		h := MustHarness(t, func(o *HarnessOptions) { o.Gateway = true })
		waitReady := func(want bool) {
			t.Helper()
			deadline := time.Now().Add(15 * time.Second)
			for (h.Adapter.Ready() == nil) != want {
				if time.Now().After(deadline) {
					t.Fatalf("got Ready() = %v for 15s, want ready %v", h.Adapter.Ready(), want)
				}
				time.Sleep(10 * time.Millisecond)
			}
		}
		waitReady(true)
		h.Gateway.SetDown(true)
		waitReady(false)
		h.Gateway.SetDown(false)
		waitReady(true)
		h.Gateway.WaitConnections(t, 1)
	})
}
