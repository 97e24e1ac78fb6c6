package store

import (
	"strconv"
	"strings"
)

// Long texts in hashes. Redis keeps a small hash as a listpack, a packed
// array a few bytes per field, only while every value fits in 64 bytes
// (hash-max-listpack-value, whose default a member's Redis has): one
// longer value, a goal or a comment, turns the whole hash into a hash
// table, about three times larger. So a text that may be long is kept in
// pieces of at most pieceLen bytes: the field holds the first, and
// "<field>+1", "<field>+2"... the rest. Read back, the pieces join; a
// value written whole by an older version reads the same. Most texts are
// written once, with their record; one written again over a longer one
// (a member's goals) deletes the pieces it no longer uses (stalePieces),
// and the erasure deletes every possible piece (piecesOf).
const pieceLen = 64

// maxPieces bounds the pieces of a text: 8 KiB, more than any text the
// core accepts (a comment is at most 1,000 characters, 4,000 bytes).
const maxPieces = 128

// pieces returns the fields and values that keep v under field: the
// field alone for a short value (or none when v is empty).
func pieces(field, v string) []string {
	if v == "" {
		return nil
	}
	out := []string{field, cut(&v)}
	for i := 1; v != ""; i++ {
		out = append(out, pieceName(field, i), cut(&v))
	}
	return out
}

// pieceFields returns the fields that pieces writes for v under field.
func pieceFields(field, v string) []string {
	kv := pieces(field, v)
	out := make([]string, 0, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		out = append(out, kv[i])
	}
	return out
}

// cut removes the first piece from *v and returns it.
func cut(v *string) string {
	n := min(pieceLen, len(*v))
	p := (*v)[:n]
	*v = (*v)[n:]
	return p
}

func pieceName(field string, i int) string { return field + "+" + strconv.Itoa(i) }

// joined returns the text kept under field, its pieces joined.
func joined(h map[string]string, field string) string {
	v, ok := h[field+"+1"]
	if !ok {
		return h[field]
	}
	var b strings.Builder
	b.WriteString(h[field])
	for i := 1; ok; i++ {
		b.WriteString(v)
		v, ok = h[pieceName(field, i+1)]
	}
	return b.String()
}

// isPiece reports whether a field holds a later piece of a text.
func isPiece(field string) bool {
	i := strings.LastIndexByte(field, '+')
	if i < 0 {
		return false
	}
	_, err := strconv.Atoi(field[i+1:])
	return err == nil
}

// piecesOf returns the names of every later piece a text under field may
// have, for an HDEL that erases it without reading it first.
func piecesOf(field string) []string {
	out := make([]string, 0, maxPieces-1)
	for i := 1; i < maxPieces; i++ {
		out = append(out, pieceName(field, i))
	}
	return out
}

// stalePieces returns the pieces of field, as read in h, past the first n
// that a new value written over it uses: those to delete with the write.
func stalePieces(h map[string]string, field string, n int) []string {
	var stale []string
	for i := max(n, 1); ; i++ {
		f := pieceName(field, i)
		if _, ok := h[f]; !ok {
			return stale
		}
		stale = append(stale, f)
	}
}
