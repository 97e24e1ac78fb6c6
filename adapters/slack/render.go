package slack

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// Block Kit limits, in characters. Slack rejects a whole message when one
// of them is exceeded, so the renderer clips rather than trusts.
const (
	maxBlocks        = 50   // blocks in a message
	maxHeaderText    = 150  // header block
	maxSectionText   = 3000 // section text
	maxSectionFields = 10   // fields in one section
	maxFieldText     = 2000 // one field
	maxContextItems  = 10   // elements in a context block
	maxActionItems   = 25   // elements in an actions block
	maxButtonText    = 75
	maxActionID      = 255
	maxButtonValue   = 2000
	maxFallbackText  = 300 // the notification text; Slack allows more, phones show less
	maxTextSections  = 20  // a long text (a charter) is split, not dropped
	maxURL           = 3000
)

// renderBlocks turns a neutral message into Block Kit: the title as a
// header, the text as mrkdwn sections, fields as section fields, the link,
// the mentions as a context block, and the buttons as one actions block.
// Every string is escaped and clipped to Slack's limits; the buttons are
// kept even when the text must be shortened to fit in 50 blocks.
func renderBlocks(m bot.Message) []slack.Block {
	var head, body, tail []slack.Block
	if t := strings.TrimSpace(m.Title); t != "" {
		head = append(head, slack.NewHeaderBlock(plain(clip(t, maxHeaderText))))
	}
	for _, chunk := range escapeChunks(strings.TrimSpace(m.Text), sectionRoom(m.Channels), maxTextSections, styleText) {
		body = append(body, slack.NewSectionBlock(mrkdwn(channelLinks(chunk, m.Channels)), nil, nil))
	}
	body = append(body, fieldSections(m.Fields, m.Channels)...)
	if m.Link != nil {
		if b := linkSection(*m.Link); b != nil {
			body = append(body, b)
		}
	}
	if b := mentionsContext(m.Mentions); b != nil {
		tail = append(tail, b)
	}
	tail = append(tail, menuBlocks(m.Selects)...)
	if b := buttonsBlock(m.Buttons); b != nil {
		tail = append(tail, b)
	}
	if room := maxBlocks - len(head) - len(tail); len(body) > room {
		body = body[:max(room, 0)]
	}
	out := append(head, body...)
	return append(out, tail...)
}

// fallbackText is the message's top-level text: what notifications and
// screen readers show. Slack parses it like mrkdwn, so it is escaped too.
func fallbackText(m bot.Message) string {
	s := strings.TrimSpace(m.Title)
	if s == "" {
		s = strings.TrimSpace(m.Text)
	}
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		s = "mentorbot"
	}
	// "#C123" as a link, as in the blocks: a notification shows the
	// channel's name, never its ID.
	return channelLinks(escapeClip(s, linkRoom(maxFallbackText, m.Channels), styleText), m.Channels)
}

// fieldSections renders labelled values, ten to a section (Slack refuses
// more). Slack lays a section's fields out two per row, so a message in
// several languages (a bilingual introduction, Field.Lang) starts a new
// section where the language changes: no row shows one language's field
// beside the other's, and each language reads down its own sections.
func fieldSections(fields []bot.Field, channels []string) []slack.Block {
	var out []slack.Block
	var cur []*slack.TextBlockObject
	var lang bot.Lang // of the fields in cur
	for _, f := range fields {
		label := strings.TrimSpace(f.Label)
		value := strings.TrimSpace(f.Value)
		if label == "" && value == "" {
			continue
		}
		if len(cur) > 0 && f.Lang != lang {
			out = append(out, slack.NewSectionBlock(nil, cur, nil))
			cur = nil
		}
		lang = f.Lang
		// The label is bold: escape it alone so that clipping the value
		// can never cut the closing asterisk. Label and value are shown as
		// typed (escape.go); a value on several lines is indented under
		// its label, so that none of its lines passes for a label.
		text := "*" + escapeClip(label, 200, styleLabel) + "*\n"
		if label == "" {
			text = ""
		}
		if value != "" {
			// A channel the message names shows as its link (channelLinks).
			text += channelLinks(escapeClip(value, maxFieldText-len([]rune(text)), styleValue), channels)
		}
		cur = append(cur, mrkdwn(text))
		if len(cur) == maxSectionFields {
			out = append(out, slack.NewSectionBlock(nil, cur, nil))
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, slack.NewSectionBlock(nil, cur, nil))
	}
	return out
}

// linkSection renders a link as <url|label> when the URL is a plain http(s)
// URL that cannot break out of the link syntax, and as literal text
// otherwise.
func linkSection(l bot.Link) slack.Block {
	label := strings.TrimSpace(l.Label)
	u := strings.TrimSpace(l.URL)
	if u == "" {
		return nil
	}
	if !safeURL(u) {
		return slack.NewSectionBlock(mrkdwn(escapeClip(label+"\n"+u, maxSectionText, styleLines)), nil, nil)
	}
	// The label goes on its own line, as a field's does: a colon after it
	// would need a space before it in French and none in English. Inside
	// the link, & is written &amp; as everywhere in mrkdwn (Slack turns it
	// back): a query string (Google Calendar's link) stays a live link.
	link := escapeEntities(u)
	text := "<" + link + ">"
	if label != "" {
		text = "*" + escapeClip(label, 200, styleLabel) + "*\n<" + link + "|" + escapeClip(u, 1000, styleLabel) + ">"
	}
	if utf8.RuneCountInString(text) > maxSectionText {
		return slack.NewSectionBlock(mrkdwn(escapeClip(label+"\n"+u, maxSectionText, styleLines)), nil, nil)
	}
	return slack.NewSectionBlock(mrkdwn(text), nil, nil)
}

// safeURL reports whether u is an absolute http(s) URL with none of the
// characters that end or split a mrkdwn link (an & is escaped, as in any
// text).
func safeURL(u string) bool {
	if len(u) > maxURL || strings.ContainsAny(u, "<>| \t\n\"") {
		return false
	}
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "https" || p.Scheme == "http") && p.Host != ""
}

// mentionsContext renders real mentions of the Slack members a message is
// about, so that Slack shows their current name and profile card.
func mentionsContext(ids []bot.MemberID) slack.Block {
	var els []slack.MixedElement
	seen := map[string]bool{}
	for _, id := range ids {
		if id.Platform != Platform || !validUserID(id.User) || seen[id.User] || len(els) == maxContextItems {
			continue
		}
		seen[id.User] = true
		els = append(els, mrkdwn("<@"+id.User+">"))
	}
	if len(els) == 0 {
		return nil
	}
	return slack.NewContextBlock("mentions", els...)
}

// validUserID reports whether s looks like a Slack user ID (U… or W…), so
// that nothing else can be written inside <@…>.
func validUserID(s string) bool {
	if len(s) < 2 || len(s) > 32 || (s[0] != 'U' && s[0] != 'W') {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// buttonsBlock renders buttons. A button whose action ID or value would
// not fit is left out: a clipped value would only ever be a dead button.
// Slack wants action IDs unique within a block, so a repeated one gets a
// "#n" suffix that actionName strips.
func buttonsBlock(buttons []bot.Button) slack.Block {
	var els []slack.BlockElement
	seen := map[string]int{}
	for _, b := range buttons {
		id := b.ActionID
		if seen[id]++; seen[id] > 1 {
			id += "#" + strconv.Itoa(seen[id])
		}
		label := strings.TrimSpace(b.Label)
		if id == "" || len(id) > maxActionID || len(b.Value) > maxButtonValue || label == "" || len(els) == maxActionItems {
			continue
		}
		el := slack.NewButtonBlockElement(id, b.Value, plain(clip(label, maxButtonText)))
		switch b.Style {
		case bot.StylePrimary:
			el.Style = slack.StylePrimary
		case bot.StyleDanger:
			el.Style = slack.StyleDanger
		}
		els = append(els, el)
	}
	if len(els) == 0 {
		return nil
	}
	return slack.NewActionBlock("actions", els...)
}

// actionName undoes the "#n" suffix of a repeated action ID.
func actionName(id string) string {
	if i := strings.LastIndexByte(id, '#'); i > 0 {
		return id[:i]
	}
	return id
}

// plain is a plain_text object: Slack shows it as is, no escaping needed.
func plain(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
}

// mrkdwn is a mrkdwn object with verbatim set, so that Slack does not turn
// bare URLs, #channels or @names into links and mentions by itself. The
// text must already be escaped.
func mrkdwn(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, true)
}

// sectionRoom is how many characters of text a section takes before
// channelLinks: each "#ID" of channels grows by two characters once
// linked, so a text that names them is cut shorter, or a full section
// would outgrow Slack's limit and the whole message be refused.
func sectionRoom(channels []string) int { return linkRoom(maxSectionText, channels) }

// linkRoom is how many characters of a text of at most n, once its
// channels are linked, it takes before channelLinks.
func linkRoom(n int, channels []string) int {
	shortest := 0
	for _, ch := range channels {
		if isChannelID(ch) && (shortest == 0 || len(ch)+1 < shortest) {
			shortest = len(ch) + 1
		}
	}
	if shortest == 0 {
		return n
	}
	return n * shortest / (shortest + 2)
}

// channelLinks turns each "#ID" of the channels a message names
// (bot.ChannelText) into Slack's link to the channel, <#ID>, which shows
// its name. Only channel IDs qualify: they hold nothing to escape.
func channelLinks(text string, channels []string) string {
	ids := map[string]bool{}
	for _, ch := range channels {
		if isChannelID(ch) {
			ids[ch] = true
		}
	}
	if len(ids) == 0 {
		return text
	}
	// One pass, each "#ID" whole: a channel listed twice is linked once
	// (not "<<#C1>>"), and "#C1" is no link inside "#C12".
	var b strings.Builder
	for i := 0; i < len(text); {
		if text[i] != '#' || i > 0 && text[i-1] == '<' {
			b.WriteByte(text[i])
			i++
			continue
		}
		end := i + 1
		for end < len(text) && (text[end] >= 'A' && text[end] <= 'Z' || text[end] >= '0' && text[end] <= '9') {
			end++
		}
		if id := text[i+1 : end]; ids[id] {
			b.WriteString("<#" + id + ">")
		} else {
			b.WriteString(text[i:end])
		}
		i = end
	}
	return b.String()
}

// isChannelID reports whether s looks like a Slack channel ID: C, G or D
// then capital letters and digits.
func isChannelID(s string) bool {
	if len(s) < 2 || !strings.ContainsRune("CGD", rune(s[0])) {
		return false
	}
	for _, r := range s[1:] {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}
