package discord

import (
	"errors"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// Discord's limits on what a message may hold.
const (
	maxContent       = 2000
	maxEmbedTitle    = 256
	maxEmbedDesc     = 4096
	maxEmbedFields   = 25
	maxFieldName     = 256
	maxFieldValue    = 1024
	maxEmbedTotal    = 6000
	maxButtonLabel   = 80
	maxButtonsPerRow = 5
	maxRows          = 5
	maxURL           = 512
	embedColor       = 0x5865F2 // Discord's blurple: plain, not alarming
)

// rendered is a bot.Message as Discord payload parts.
type rendered struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Mentions   *discordgo.MessageAllowedMentions
}

// renderMessage turns a neutral message into Discord content, embeds and
// components. A message with only text is plain content; a title or
// fields, or a text too long for the content, make it embeds
// (layoutText, which cuts nothing that fits in a message). Buttons carry guild in their custom_id (clicks
// in DMs have no guild of their own); the link is a link button. Members
// in m.Mentions are written as mentions, which ping only when ping is set
// (the introduction thread). Nothing a member typed can ping anyone: text
// is escaped and allowed_mentions never parses mentions from text.
//
// lang is the reader's language ("" when unknown: the message's own,
// Message.Lang): the commands the text writes as they are typed are
// shown in Discord's shape, named as a client in that language shows
// them (syntax.go).
func renderMessage(m bot.Message, guild string, ping bool, lang bot.Lang) (rendered, error) {
	r := rendered{Embeds: []*discordgo.MessageEmbed{}, Components: []discordgo.MessageComponent{}}
	if lang == "" {
		lang = m.Lang
	}
	mentions, ids := mentionLine(m.Mentions)
	r.Mentions = allowedMentions(ping, ids)
	below := mentions
	if !ping && mentions != "" {
		// Under a plain text, members who are not pinged are a quiet
		// line (Discord's subtext), as Slack shows them in a context
		// block: a mention alone on the last line reads as stray.
		below = "-# " + mentions
	}
	title := m.Title
	if shown, ok := bareCommand(lang, title); ok {
		title = shown // a command's help: "/mentor propose"
	}
	text := channelLinks(escapeWith(forDiscord(lang, m.Text), newSpanRewriter(lang)), m.Channels)
	content, embeds := layoutText(clip(escapeMarkdown(title), maxEmbedTitle), text, renderFields(lang, m.Fields, m.Channels), mentions, below)
	r.Content = content
	r.Embeds = append(r.Embeds, embeds...)
	rows, err := renderButtons(m, guild)
	if err != nil {
		return r, err
	}
	r.Components = rows
	return r, nil
}

// allowedMentions never lets Discord parse @everyone, roles or users out
// of the text; only the listed users may be pinged. Parse must be an
// empty list, not null: discordgo sends a nil slice as null.
func allowedMentions(ping bool, users []string) *discordgo.MessageAllowedMentions {
	am := &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
	if ping {
		am.Users = users
	}
	return am
}

// mentionLine writes the members a message is about as mentions, so that
// Discord shows their names, and returns their user IDs.
func mentionLine(members []bot.MemberID) (string, []string) {
	var parts, ids []string
	seen := map[string]bool{}
	for _, m := range members {
		if !isSnowflake(m.User) || seen[m.User] {
			continue
		}
		seen[m.User] = true
		parts = append(parts, "<@"+m.User+">")
		ids = append(ids, m.User)
	}
	return strings.Join(parts, " "), ids
}

// renderFields lays a message's fields out as embed fields, within
// Discord's per-part limits and half of the embeds' 6,000 characters;
// layoutText fits the text in the rest.
func renderFields(lang bot.Lang, fields []bot.Field, channels []string) []*discordgo.MessageEmbedField {
	var out []*discordgo.MessageEmbedField
	room := maxEmbedTotal / 2
	for i, f := range fields {
		if i == maxEmbedFields || room < 2 {
			break
		}
		name := clip(escapeMarkdown(f.Label), min(maxFieldName, room-1))
		// A channel the message names shows as its link (channelLinks).
		// A value is often a member's text alone, a goal: escapeValue.
		l := lang
		if f.Lang != "" {
			l = f.Lang
		}
		value := clip(channelLinks(escapeValue(f.Value, newSpanRewriter(l)), channels), min(maxFieldValue, room-utf8.RuneCountInString(name)))
		room -= utf8.RuneCountInString(name) + utf8.RuneCountInString(value)
		if strings.TrimSpace(name) == "" {
			name = "\u200b" // Discord rejects empty field names and values
		}
		if strings.TrimSpace(value) == "" {
			value = "-"
		}
		out = append(out, &discordgo.MessageEmbedField{Name: name, Value: value})
	}
	return out
}

// renderButtons lays out the message's buttons, five to a row, then its
// link as a link button.
func renderButtons(m bot.Message, guild string) ([]discordgo.MessageComponent, error) {
	var buttons []discordgo.MessageComponent
	tag := ""
	if m.Delivery != "" {
		tag = deliveryTag(m.Delivery)
	}
	for _, b := range m.Buttons {
		id, err := taggedCustomID(tag, guild, b.ActionID, b.Value)
		if errors.Is(err, errCustomIDTooLong) && tag != "" {
			// Without its tag the button still works; only Retract
			// will not find the message.
			id, err = customID(guild, b.ActionID, b.Value)
		}
		if err != nil {
			return nil, err
		}
		buttons = append(buttons, discordgo.Button{Label: buttonLabel(b.Label), Style: buttonStyle(b.Style), CustomID: id})
	}
	if m.Link != nil && validURL(m.Link.URL) {
		buttons = append(buttons, discordgo.Button{Label: buttonLabel(m.Link.Label), Style: discordgo.LinkButton, URL: m.Link.URL})
	}
	rows, err := renderMenus(m, guild)
	if err != nil {
		return nil, err
	}
	if rows == nil {
		rows = []discordgo.MessageComponent{}
	}
	for len(buttons) > 0 {
		if len(rows) == maxRows {
			return nil, errTooManyButtons
		}
		n := min(len(buttons), maxButtonsPerRow)
		rows = append(rows, discordgo.ActionsRow{Components: buttons[:n]})
		buttons = buttons[n:]
	}
	return rows, nil
}

// oneLine puts s on one line: runs of ASCII white space (line breaks
// included) become one space. The catalogs' no-break spaces stay, which
// strings.Fields would take for spaces: in French, a label must not break
// before its colon or inside « » ("1\u202f: ce créneau me convient").
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}), " ")
}

func buttonLabel(s string) string {
	s = oneLine(s)
	if s == "" {
		return "OK"
	}
	return clip(s, maxButtonLabel)
}

func buttonStyle(s string) discordgo.ButtonStyle {
	switch s {
	case bot.StylePrimary:
		return discordgo.PrimaryButton
	case bot.StyleDanger:
		return discordgo.DangerButton
	}
	return discordgo.SecondaryButton
}

// validURL accepts the absolute http(s) URLs Discord takes in a link button.
func validURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && len(s) <= maxURL && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func joinLines(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}

// channelLinks turns each "#ID" of the channels a message names
// (bot.ChannelText, escaped) into Discord's link to the channel, <#ID>,
// which shows its name and pings nobody. Only snowflakes (digits)
// qualify, and only a whole "#ID" (not the start of a longer number); a
// channel named twice in the list is linked once, and a link already
// made is left as it is, so that a text is never wrapped twice
// ("<<#ID>>").
func channelLinks(text string, channels []string) string {
	ids := map[string]bool{}
	for _, ch := range channels {
		if ch != "" && strings.Trim(ch, "0123456789") == "" {
			ids[ch] = true
		}
	}
	if len(ids) == 0 {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		// At a line's start the "#" is escaped (escapeMarkdown): "\#ID".
		hash := i
		if text[i] == '\\' && i+1 < len(text) && text[i+1] == '#' {
			hash = i + 1
		}
		if text[hash] != '#' || (hash == i && i > 0 && text[i-1] == '<') {
			// No channel here, or a link already ("<#ID>").
			b.WriteByte(text[i])
			i++
			continue
		}
		end := hash + 1
		for end < len(text) && text[end] >= '0' && text[end] <= '9' {
			end++
		}
		if ids[text[hash+1:end]] {
			b.WriteString("<#" + text[hash+1:end] + ">")
		} else {
			b.WriteString(text[i:end])
		}
		i = end
	}
	return b.String()
}
