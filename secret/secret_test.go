package secret_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	mrand "math/rand/v2"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/secret"
)

func keyOf(c byte) []byte { return bytes.Repeat([]byte{c}, 32) }

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func TestSealOpen(t *testing.T) {
	k, err := secret.ParseKeys(b64(keyOf(1)))
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := k.Seal([]byte("xoxb-123"), "slack:T1")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sealed, []byte("xoxb")) {
		t.Fatalf("sealed value shows the token: %q", sealed)
	}
	got, err := k.Open(sealed, "slack:T1")
	if err != nil || string(got) != "xoxb-123" {
		t.Fatalf("open: %q, %v", got, err)
	}
	again, _ := k.Seal([]byte("xoxb-123"), "slack:T1")
	if bytes.Equal(again, sealed) {
		t.Error("two seals of one token are equal: the nonce does not change")
	}
	// Another workspace's record, a changed byte, a truncated value.
	if _, err := k.Open(sealed, "slack:T2"); !errors.Is(err, secret.ErrOpen) {
		t.Errorf("opened for another workspace: %v", err)
	}
	for i := range sealed {
		bad := bytes.Clone(sealed)
		bad[i] ^= 1
		if _, err := k.Open(bad, "slack:T1"); !errors.Is(err, secret.ErrOpen) {
			t.Fatalf("byte %d changed and it still opened", i)
		}
	}
	for _, bad := range [][]byte{nil, sealed[:10], sealed[:len(sealed)-1]} {
		if _, err := k.Open(bad, "slack:T1"); !errors.Is(err, secret.ErrOpen) {
			t.Errorf("opened %d bytes", len(bad))
		}
	}
}

// TestRotation follows the documented rotation: new key first, old key
// after; old values open and are not Current; once sealed again they
// open without the old key.
func TestRotation(t *testing.T) {
	old, _ := secret.ParseKeys(b64(keyOf(1)))
	sealed, _ := old.Seal([]byte("xoxb-old"), "slack:T1")
	both, err := secret.ParseKeys(b64(keyOf(2)) + ", " + b64(keyOf(1)))
	if err != nil {
		t.Fatal(err)
	}
	if both.Current(sealed) {
		t.Fatal("a value sealed with the old key counts as current")
	}
	plain, err := both.Open(sealed, "slack:T1")
	if err != nil || string(plain) != "xoxb-old" {
		t.Fatalf("old value after rotation: %q, %v", plain, err)
	}
	resealed, _ := both.Seal(plain, "slack:T1")
	if !both.Current(resealed) {
		t.Fatal("a value sealed again is not current")
	}
	onlyNew, _ := secret.ParseKeys(b64(keyOf(2)))
	if _, err := onlyNew.Open(resealed, "slack:T1"); err != nil {
		t.Errorf("resealed value needs the old key: %v", err)
	}
	if _, err := onlyNew.Open(sealed, "slack:T1"); !errors.Is(err, secret.ErrOpen) {
		t.Errorf("a value sealed with a dropped key opened: %v", err)
	}
}

func TestParseKeys(t *testing.T) {
	raw := keyOf(7)
	for _, s := range []string{b64(raw), base64.RawURLEncoding.EncodeToString(raw), " " + b64(raw) + " ,"} {
		if _, err := secret.ParseKeys(s); err != nil {
			t.Errorf("ParseKeys(%q): %v", s, err)
		}
	}
	for s, want := range map[string]string{
		"":                             "no key",
		" , ":                          "no key",
		"not base64!":                  "key 1 is not base64",
		b64(raw[:16]):                  "key 1 has 16 bytes",
		b64(raw) + "," + b64(raw):      "given twice",
		b64(raw) + "," + b64(raw[:31]): "key 2 has 31 bytes",
	} {
		_, err := secret.ParseKeys(s)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseKeys(%q) = %v, want %q", s, err, want)
		}
		if err != nil && strings.Contains(err.Error(), b64(raw)) {
			t.Errorf("the error repeats the key: %v", err)
		}
	}
}

// TestNonceFromReader: the nonce comes from the injected reader, so a
// seeded reader gives the same value twice.
func TestNonceFromReader(t *testing.T) {
	seal := func() []byte {
		k, err := secret.New(mrand.NewChaCha8([32]byte{1}), keyOf(3))
		if err != nil {
			t.Fatal(err)
		}
		s, _ := k.Seal([]byte("x"), "a")
		return s
	}
	if !bytes.Equal(seal(), seal()) {
		t.Error("same reader, different seals")
	}
}
