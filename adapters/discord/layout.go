package discord

import (
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// maxEmbeds is how many embeds one message may carry.
const maxEmbeds = 10

// layoutText lays out a message's escaped title, text and fields so that
// nothing is cut that fits in one message (D9: a 4,000-character charter
// and its heading are more than one embed's 4,096). The text is split at
// line or word breaks into embeds of at most maxEmbedDesc, the title on
// the first and the fields on the last, within the 6,000 characters that
// all the embeds of a message share. A text longer than that starts in
// the content (2,000 more, after the mentions and the title in bold);
// only what still does not fit, around 8,000 characters, is clipped.
// Without a title or fields, a text that fits in the content stays plain
// content, after which come the mentions.
//
// below is the mentions as they follow a plain text (a quiet line when
// they ping nobody); above embeds they are mentions.
func layoutText(title, text string, fields []*discordgo.MessageEmbedField, mentions, below string) (string, []*discordgo.MessageEmbed) {
	if title == "" && len(fields) == 0 {
		if utf8.RuneCountInString(text)+utf8.RuneCountInString(below)+2 <= maxContent {
			if text == "" {
				below = mentions
			}
			return joinLines(text, below), nil
		}
	}
	room := maxEmbedTotal - utf8.RuneCountInString(title)
	for _, f := range fields {
		room -= utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	content := mentions
	if utf8.RuneCountInString(text) > room {
		// The title moves to the content, above the text it heads.
		head := joinLines(mentions, bold(title))
		var first string
		first, text = splitText(text, max(maxContent-utf8.RuneCountInString(head)-2, 1))
		content, title = joinLines(head, first), ""
		room = maxEmbedTotal
		for _, f := range fields {
			room -= utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
		}
		text = clip(text, max(room, 1))
	}
	var embeds []*discordgo.MessageEmbed
	for len(embeds) == 0 || text != "" {
		e := &discordgo.MessageEmbed{Color: embedColor}
		if len(embeds) == maxEmbeds-1 {
			e.Description, text = clip(text, maxEmbedDesc), ""
		} else {
			e.Description, text = splitText(text, maxEmbedDesc)
		}
		embeds = append(embeds, e)
	}
	embeds[0].Title = title
	embeds[len(embeds)-1].Fields = fields
	return content, embeds
}

func bold(s string) string {
	if s == "" {
		return ""
	}
	return "**" + s + "**"
}

// splitText cuts s after at most n characters: at the last line break in
// the second half of the piece, else at the last space there, else
// anywhere but just after an escaping backslash. The break itself is
// dropped; head and tail hold everything else.
func splitText(s string, n int) (head, tail string) {
	if utf8.RuneCountInString(s) <= n {
		return s, ""
	}
	end := 0 // byte offset after n runes
	for i := 0; i < n; i++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	piece := s[:end]
	for _, sep := range []string{"\n", " "} {
		if i := strings.LastIndex(piece, sep); i > 0 && utf8.RuneCountInString(piece[:i]) >= n/2 {
			return s[:i], s[i+len(sep):]
		}
	}
	// An escape (\*) stays whole: an odd run of backslashes at the end
	// means the last one escapes the next character, so it goes with it.
	trailing := 0
	for trailing < end && s[end-1-trailing] == '\\' {
		trailing++
	}
	if trailing%2 == 1 && end > 1 {
		end--
	}
	return s[:end], s[end:]
}
