package slack_test

import (
	"testing"
	"time"
)

// TestReady: over HTTP the adapter is always ready; in Socket Mode only
// while connected, and again by itself once it has reconnected.
func TestReady(t *testing.T) {
	t.Run("HTTP", func(t *testing.T) {
		if err := MustRig(t, &recorder{}).a.Ready(); err != nil {
			t.Fatalf("got %v, want ready", err)
		}
	})
	t.Run("SocketMode", func(t *testing.T) {
		r := MustSocketRig(t, &recorder{})
		waitReady := func(want bool) {
			t.Helper()
			deadline := time.Now().Add(10 * time.Second)
			for (r.a.Ready() == nil) != want {
				if time.Now().After(deadline) {
					t.Fatalf("got Ready() = %v for 10s, want ready %v", r.a.Ready(), want)
				}
				time.Sleep(10 * time.Millisecond)
			}
		}
		waitReady(true)
		r.fake.SetDown(true) // apps.connections.open fails: no reconnection yet
		r.sock.Drop()
		waitReady(false)
		r.fake.SetDown(false)
		r.fake.WaitNewSocket(t, r.sock, 10*time.Second)
		waitReady(true)
	})
}
