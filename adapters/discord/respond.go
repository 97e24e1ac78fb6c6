package discord

import (
	"sort"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// Modal limits.
const (
	maxModalTitle  = 45
	maxInputLabel  = 45
	maxPlaceholder = 100
	maxInputLength = 4000
	maxModalInputs = 5
)

// directResponse is the first and only response to an interaction whose
// reply came in time. A form opens a modal (after a slash command or a
// click; a modal submit cannot open another); a click whose reply
// replaces the message updates it (type 7, buttons gone); anything else,
// errors after clicks included, is a new ephemeral message, so a stale or
// foreign click never overwrites the message it was made on.
func directResponse(k kind, r bot.Reply, guild string, lang bot.Lang) (*discordgo.InteractionResponse, error) {
	if r.Form != nil && (k == kindCommand || k == kindClick) {
		return modal(r.Form, guild)
	}
	out, err := renderMessage(replyMessage(r, lang), guild, false, replyLang(r, lang))
	if err != nil {
		return nil, err
	}
	data := &discordgo.InteractionResponseData{Content: out.Content, Embeds: out.Embeds, Components: out.Components, AllowedMentions: out.Mentions}
	if k == kindClick && r.Replace {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: data}, nil
	}
	data.Flags = discordgo.MessageFlagsEphemeral
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}, nil
}

// deferredResponse acknowledges an interaction whose reply is slow: an
// ephemeral "thinking…" for a command (type 5), nothing visible for a
// click (type 6). The reply then goes out with completion.
func deferredResponse(k kind) *discordgo.InteractionResponse {
	if k == kindClick {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
	}
}

// completion is how a deferred reply goes out: an edit of the original
// response, or a follow-up message.
type completion struct {
	Edit     *discordgo.WebhookEdit
	Followup *discordgo.WebhookParams
}

// completeDeferred builds the completion of a deferred reply. For a
// command the original response is the ephemeral "thinking…" message; for
// a click it is the message that carried the button, so only a replacing
// reply edits it and any other reply is an ephemeral follow-up. A modal
// cannot follow a deferral: see replyMessage.
func completeDeferred(k kind, r bot.Reply, guild string, lang bot.Lang) (completion, error) {
	out, err := renderMessage(replyMessage(r, lang), guild, false, replyLang(r, lang))
	if err != nil {
		return completion{}, err
	}
	if k == kindClick && !r.Replace {
		return completion{Followup: &discordgo.WebhookParams{
			Content: out.Content, Embeds: out.Embeds, Components: out.Components,
			AllowedMentions: out.Mentions, Flags: discordgo.MessageFlagsEphemeral,
		}}, nil
	}
	return completion{Edit: &discordgo.WebhookEdit{
		Content: &out.Content, Embeds: &out.Embeds, Components: &out.Components, AllowedMentions: out.Mentions,
	}}, nil
}

// notice is an ephemeral follow-up sentence from the adapter itself.
func notice(s string) *discordgo.WebhookParams {
	return &discordgo.WebhookParams{
		Content:         s,
		AllowedMentions: allowedMentions(false, nil),
		Flags:           discordgo.MessageFlagsEphemeral,
		Components:      []discordgo.MessageComponent{},
	}
}

// replyMessage is the message of a reply as Discord shows it. Discord
// modals cannot show errors next to their fields, so errors after a
// submitted form are written out in the message. A form that cannot open
// (after a deferral, or in answer to a modal) shows the reply's own text,
// meant for platforms without forms, or asks to try again. A replacing
// reply loses the clicked buttons (a button works once) but keeps its
// own: a survey replaces one question with the next.
func replyMessage(r bot.Reply, lang bot.Lang) bot.Message {
	m := r.Message
	if r.Form != nil && m.Text == "" && m.Title == "" {
		m.Text = text(lang, "form_late")
	}
	if m.Text == "" && len(r.FieldErrors) > 0 {
		names := make([]string, 0, len(r.FieldErrors))
		for name := range r.FieldErrors {
			names = append(names, name)
		}
		sort.Strings(names)
		lines := make([]string, len(names))
		for i, name := range names {
			lines[i] = r.FieldErrors[name]
		}
		m.Text = strings.Join(lines, "\n")
	}
	return m
}

// modal opens a form as a Discord modal: one action row holding one text
// input per field (discordgo v0.29 cannot decode the newer Label
// component in the submit, so the older layout is the one that works).
func modal(f *bot.Form, guild string) (*discordgo.InteractionResponse, error) {
	id, err := customID(guild, formAction, f.Command+fixedQuery(f.Fixed))
	if err == errCustomIDTooLong && len(f.Fixed) > 0 {
		// Fixed values that do not fit are left out: the form's
		// message says what to type instead (bot.Form.Fixed).
		id, err = customID(guild, formAction, f.Command)
	}
	if err != nil {
		return nil, err
	}
	rows := make([]discordgo.MessageComponent, 0, maxModalInputs)
	for i, field := range f.Fields {
		if i == maxModalInputs {
			break
		}
		rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{textInput(field)}})
	}
	title := oneLine(f.Title)
	if title == "" {
		title = "mentorbot"
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseModal,
		Data: &discordgo.InteractionResponseData{CustomID: id, Title: clip(title, maxModalTitle), Components: rows},
	}, nil
}

func textInput(f bot.FormField) discordgo.TextInput {
	style := discordgo.TextInputShort
	if f.Multiline {
		style = discordgo.TextInputParagraph
	}
	limit := maxInputLength
	if f.MaxLength > 0 {
		limit = min(f.MaxLength, maxInputLength)
	}
	label := strings.TrimSpace(f.Label)
	if label == "" {
		label = f.Name // Discord rejects a text input without a label
	}
	return discordgo.TextInput{
		CustomID: f.Name, Label: clip(label, maxInputLabel), Style: style,
		Placeholder: clip(plainSpans(f.Placeholder), maxPlaceholder), Value: clip(f.Value, limit),
		Required: f.Required, MaxLength: limit,
	}
}

// responseBody is a first response as it is sent. discordgo writes the
// data of every response with "content", "tts", "components" and
// "embeds", and leaves an empty "choices" out (omitempty): an
// autocomplete result would read as a message with no suggestions at
// all. Discord's shape for it is {"type":8,"data":{"choices":[...]}}.
func responseBody(resp *discordgo.InteractionResponse) any {
	if resp == nil || resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		return resp
	}
	type choicesData struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	}
	body := struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data choicesData                       `json:"data"`
	}{Type: resp.Type, Data: choicesData{Choices: []*discordgo.ApplicationCommandOptionChoice{}}}
	if resp.Data != nil && resp.Data.Choices != nil {
		body.Data.Choices = resp.Data.Choices
	}
	return body
}
