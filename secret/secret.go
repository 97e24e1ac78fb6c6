// Package secret seals small secrets at rest, such as the bot tokens of
// the workspaces that installed the app by OAuth, with AES-256-GCM.
//
// A Keyring holds one or more keys, from MENTORBOT_TOKEN_KEY: base64 keys
// of 32 bytes, separated by commas. The first key seals; every key opens.
// Rotating the key is therefore three steps: put a new key first and the
// old one after it, restart (what is opened with an old key is sealed
// again with the new one: see Current), then drop the old key.
//
// A sealed value is a version byte, the first 4 bytes of the SHA-256 of
// its key (so that the right key is tried), a 12-byte random nonce, and
// the ciphertext with its tag. The caller gives additional data (the
// workspace a token belongs to): a value copied to another record does
// not open.
package secret

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
)

const (
	version   = 1
	idSize    = 4
	nonceSize = 12
	header    = 1 + idSize + nonceSize
)

// ErrOpen is returned when a sealed value cannot be opened: it was sealed
// with a key the keyring does not hold, for other additional data, or it
// was changed.
var ErrOpen = errors.New("secret: cannot open: unknown key, other workspace, or tampered")

// Keyring seals with its first key and opens with any. It is safe for
// concurrent use.
type Keyring struct {
	keys []key
	rand io.Reader
}

type key struct {
	id   [idSize]byte
	aead cipher.AEAD
}

// ParseKeys reads MENTORBOT_TOKEN_KEY: one or more base64 (standard or
// URL alphabet, padded or not) keys of 32 bytes, separated by commas.
// The error never repeats a key.
func ParseKeys(s string) (*Keyring, error) {
	var raw [][]byte
	for i, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		b, err := decode(part)
		if err != nil {
			return nil, fmt.Errorf("key %d is not base64", i+1)
		}
		if len(b) != 32 {
			return nil, fmt.Errorf("key %d has %d bytes, want 32 (generate one with: openssl rand -base64 32)", i+1, len(b))
		}
		raw = append(raw, b)
	}
	if len(raw) == 0 {
		return nil, errors.New("no key (generate one with: openssl rand -base64 32)")
	}
	return New(rand.Reader, raw...)
}

func decode(s string) ([]byte, error) {
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return b, nil
		}
	}
	return nil, errors.New("not base64")
}

// New returns a keyring of 32-byte keys, the first sealing, whose nonces
// come from r (crypto/rand.Reader in production).
func New(r io.Reader, keys ...[]byte) (*Keyring, error) {
	if len(keys) == 0 {
		return nil, errors.New("secret: no key")
	}
	k := &Keyring{rand: r}
	for i, b := range keys {
		if len(b) != 32 {
			return nil, fmt.Errorf("secret: key %d has %d bytes, want 32", i+1, len(b))
		}
		block, err := aes.NewCipher(b)
		if err != nil {
			return nil, err
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		var id [idSize]byte
		copy(id[:], sum[:idSize])
		for _, other := range k.keys {
			if other.id == id {
				return nil, fmt.Errorf("secret: key %d is given twice", i+1)
			}
		}
		k.keys = append(k.keys, key{id: id, aead: aead})
	}
	return k, nil
}

// Seal encrypts plain for the additional data aad with the first key.
func (k *Keyring) Seal(plain []byte, aad string) ([]byte, error) {
	cur := k.keys[0]
	out := make([]byte, header, header+len(plain)+cur.aead.Overhead())
	out[0] = version
	copy(out[1:], cur.id[:])
	if _, err := io.ReadFull(k.rand, out[1+idSize:header]); err != nil {
		return nil, fmt.Errorf("secret: nonce: %w", err)
	}
	return cur.aead.Seal(out, out[1+idSize:header], plain, []byte(aad)), nil
}

// Open decrypts what Seal returned for the same aad, with whichever key
// of the keyring sealed it. ErrOpen otherwise.
func (k *Keyring) Open(sealed []byte, aad string) ([]byte, error) {
	if len(sealed) < header || sealed[0] != version {
		return nil, ErrOpen
	}
	for _, key := range k.keys {
		if !bytes.Equal(key.id[:], sealed[1:1+idSize]) {
			continue
		}
		plain, err := key.aead.Open(nil, sealed[1+idSize:header], sealed[header:], []byte(aad))
		if err != nil {
			return nil, ErrOpen
		}
		return plain, nil
	}
	return nil, ErrOpen
}

// Current reports whether sealed was sealed with the first key: a value
// that is not should be opened and sealed again, after a rotation.
func (k *Keyring) Current(sealed []byte) bool {
	return len(sealed) >= header && sealed[0] == version && bytes.Equal(sealed[1:1+idSize], k.keys[0].id[:])
}
