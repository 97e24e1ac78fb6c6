package discordtest

import (
	"encoding/json"
	"strings"
)

// Message is the part of a message payload tests look at: a channel
// message, an interaction response's data, an edit or a follow-up.
type Message struct {
	ID              string           `json:"id,omitempty"`
	ChannelID       string           `json:"channel_id,omitempty"`
	Content         string           `json:"content"`
	Embeds          []Embed          `json:"embeds"`
	Components      []Component      `json:"components"`
	AllowedMentions *AllowedMentions `json:"allowed_mentions,omitempty"`
	Flags           int              `json:"flags,omitempty"`
	// A modal's custom_id and title.
	CustomID string `json:"custom_id,omitempty"`
	Title    string `json:"title,omitempty"`
	// Files attached to the message (not part of its JSON).
	Files []File `json:"-"`
}

// Ephemeral is Discord's EPHEMERAL message flag.
const Ephemeral = 64

// Embed is a message embed.
type Embed struct {
	Title       string       `json:"title"`
	Description string       `json:"description"`
	Fields      []EmbedField `json:"fields"`
}

// EmbedField is one field of an embed.
type EmbedField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Component is an action row (type 1), a button (2) or a text input (4).
type Component struct {
	Type        int         `json:"type"`
	Components  []Component `json:"components,omitempty"`
	Style       int         `json:"style,omitempty"`
	Label       string      `json:"label,omitempty"`
	CustomID    string      `json:"custom_id,omitempty"`
	URL         string      `json:"url,omitempty"`
	Value       string      `json:"value,omitempty"`
	Placeholder string      `json:"placeholder,omitempty"`
	Required    bool        `json:"required,omitempty"`
	MaxLength   int         `json:"max_length,omitempty"`
	// A select menu's (3) options and how many may be chosen.
	Options   []SelectOption `json:"options,omitempty"`
	MinValues *int           `json:"min_values,omitempty"`
	MaxValues int            `json:"max_values,omitempty"`
}

// SelectOption is one option of a select menu.
type SelectOption struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// AllowedMentions says which mentions may ping. Parse is nil when it
// was sent as null, which lets Discord parse every mention in the text.
type AllowedMentions struct {
	Parse *[]string `json:"parse"`
	Users []string  `json:"users"`
	Roles []string  `json:"roles"`
}

// PingsNoneFromText reports whether the payload forbids Discord to parse
// @everyone, @here, role and user mentions out of the text.
func (m Message) PingsNoneFromText() bool {
	return m.AllowedMentions != nil && m.AllowedMentions.Parse != nil && len(*m.AllowedMentions.Parse) == 0 && len(m.AllowedMentions.Roles) == 0
}

// Text is everything a person reads in the message, joined by newlines.
func (m Message) Text() string {
	parts := []string{m.Content}
	for _, e := range m.Embeds {
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
	}
	return strings.Join(parts, "\n")
}

// Buttons returns the message's buttons, row after row.
func (m Message) Buttons() []Component { return m.components(2) }

// components returns the message's components of type typ, row after row.
func (m Message) components(typ int) []Component {
	var out []Component
	for _, row := range m.Components {
		for _, c := range row.Components {
			if c.Type == typ {
				out = append(out, c)
			}
		}
	}
	return out
}

// Button returns the first button whose custom_id contains action, and
// whether there is one.
func (m Message) Button(action string) (Component, bool) {
	return m.ButtonWith(":" + action + ":")
}

// ButtonWith returns the first button whose custom_id contains part
// (such as ":rating:5"), and whether there is one.
func (m Message) ButtonWith(part string) (Component, bool) {
	for _, b := range m.Buttons() {
		if strings.Contains(b.CustomID, part) {
			return b, true
		}
	}
	return Component{}, false
}

// Inputs returns a modal's text inputs.
func (m Message) Inputs() []Component { return m.components(4) }

// Response is an interaction response: its type and its data.
type Response struct {
	Type int      `json:"type"`
	Data *Message `json:"data"`
}

// Interaction response types.
const (
	Pong              = 1
	ChannelMessage    = 4
	DeferredMessage   = 5
	DeferredUpdate    = 6
	UpdateMessage     = 7
	AutocompleteReply = 8
	Modal             = 9
)

func decode[T any](b []byte) (T, error) {
	var v T
	err := json.Unmarshal(b, &v)
	return v, err
}
