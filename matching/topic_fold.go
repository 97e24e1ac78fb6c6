package matching

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldChars applies the character rules of [NormalizeTopic] and returns
// the words it finds, separated by single spaces:
//
//   - compatibility forms are unfolded (NFKD: "ｇｏ" is "go", "ﬁ" is "fi"),
//     letters are lower-cased, and the accents of Latin letters dropped
//     ("Développement" is "developpement"); œ, æ, ß and a few other letters
//     are spelled out ("cœur" is "coeur");
//   - a word is a run of letters and digits; a dot inside a word is
//     dropped ("node.js" is "nodejs"), a dot that starts a word before a
//     letter is read "dot" (".NET" is "dotnet"), and '#' and '+' right after
//     a letter or digit are kept (c#, c++, f#);
//   - a French elision before a letter is dropped ("l'IA" is "ia"), other
//     apostrophes are dropped inside a word ("O'Reilly" is "oreilly");
//   - anything else (spaces, '-', '_', '/', other punctuation and symbols)
//     separates words.
//
// Marks that follow a non-Latin letter are kept, and the result is
// recomposed (NFC), so that other scripts keep their spelling.
func foldChars(s string) string {
	if isASCII(s) {
		return fold(s)
	}
	// Folding once may leave what folds further: a mark that followed a
	// space lands after a letter ("\xcd.\u037a" gives "dot" and a mark,
	// whose mark a second fold drops). Fold until nothing changes, so
	// that NormalizeTopic is idempotent (FuzzNormalizeTopic).
	for range 4 {
		next := foldUnicode(s)
		if next == s {
			break
		}
		s = next
	}
	return s
}

// foldUnicode is one pass of foldChars over text that is not ASCII.
func foldUnicode(s string) string {
	if isASCII(s) {
		return fold(s)
	}
	// Invalid bytes would stop the decomposition of what follows.
	s = strings.ToValidUTF8(s, " ")
	out := fold(norm.NFKD.String(s))
	if out == "" {
		// A few letters unfold to marks alone (U+037A, Greek
		// ypogegrammeni): keep such a topic as it is written.
		out = fold(norm.NFD.String(s))
	}
	if isASCII(out) {
		return out
	}
	return norm.NFC.String(out)
}

// fold applies the rules of foldChars to decomposed text.
func fold(s string) string {
	f := folder{buf: make([]byte, 0, len(s))}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		f.add(unicode.ToLower(r), s[i:])
	}
	return string(f.buf)
}

// folder builds the folded text one rune at a time.
type folder struct {
	buf       []byte
	wordStart int  // offset in buf of the current word, after its space
	inWord    bool // the current word has a letter or digit
	latin     bool // the last letter written is Latin: its marks are dropped
	symbols   bool // the last rune written is '#' or '+'
}

// ligatures spells out letters that NFKD keeps whole.
var ligatures = map[rune]string{
	'œ': "oe", 'æ': "ae", 'ß': "ss", 'ø': "o", 'đ': "d", 'ł': "l", 'ı': "i",
	'þ': "th", 'ð': "d", 'ħ': "h", 'ŀ': "l",
}

// elisions are the French words that drop their vowel before another
// word: "l'", "d'", "qu'"…
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "n": true, "s": true, "c": true, "m": true, "t": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

// add writes r, which rest follows in the input.
func (f *folder) add(r rune, rest string) {
	switch {
	case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
		f.begin()
		f.buf = append(f.buf, byte(r))
		f.latin, f.symbols = r >= 'a', false
	case r == '#' || r == '+':
		if f.inWord {
			f.buf = append(f.buf, byte(r))
			f.symbols = true
			return
		}
		f.end()
	case r == '.':
		if !f.inWord && startsWithLetter(rest) {
			f.begin()
			f.buf = append(f.buf, "dot"...)
			f.latin, f.symbols = true, false
		}
		// Inside a word, or before a non-letter, a dot is dropped.
	case r == '\'' || r == '’' || r == '‘' || r == '`':
		if f.inWord && startsWithLetter(rest) && elisions[string(f.buf[f.wordStart:])] {
			f.buf = f.buf[:f.wordStart]
			if n := len(f.buf); n > 0 {
				f.buf = f.buf[:n-1] // the word's space
			}
			f.inWord = false
		}
		// Otherwise an apostrophe is dropped and the word goes on.
	case ligatures[r] != "":
		f.begin()
		f.buf = append(f.buf, ligatures[r]...)
		f.latin, f.symbols = true, false
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		f.begin()
		f.buf = utf8.AppendRune(f.buf, r)
		f.latin, f.symbols = unicode.Is(unicode.Latin, r), false
	case unicode.IsMark(r):
		if f.inWord && !f.latin && !f.symbols {
			f.buf = utf8.AppendRune(f.buf, r)
		}
	default:
		f.end()
	}
}

// begin starts a word unless one is under way.
func (f *folder) begin() {
	if f.inWord {
		return
	}
	if len(f.buf) > 0 {
		f.buf = append(f.buf, ' ')
	}
	f.wordStart, f.inWord = len(f.buf), true
}

// end closes the current word.
func (f *folder) end() { f.inWord, f.symbols = false, false }

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
