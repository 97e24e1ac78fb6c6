package slack

import (
	"encoding/json"
	"errors"
	"hash/maphash"
	"slices"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// Modal limits, in characters.
const (
	maxModalTitle      = 24
	maxInputLabel      = 2000
	maxPlaceholder     = 150
	maxInputLength     = 3000
	maxPrivateMetadata = 3000
	maxErrorText       = 2000
)

// formCallbackID marks the modals this adapter opens.
const formCallbackID = "mentor.form"

// formMeta travels in the modal's private_metadata, which Slack returns
// untouched with the submission: the command the form submits, and where
// to answer, since a view_submission has no response_url of its own.
type formMeta struct {
	Command     string `json:"c"`
	ResponseURL string `json:"r,omitempty"`
}

// modals renders forms as the JSON views.open takes. Most forms are the
// same for everyone who opens them in one language (the empty request and
// offer forms): their view, apart from private_metadata, is turned into
// JSON once, and kept. Without it, every views.open would build the
// view's JSON by reflection, each block twice over (slack-go's
// Blocks.MarshalJSON, then encoding/json compacting what it returns). A
// prefilled form is one person's: it is rendered each time and not kept.
type modals struct {
	seed  maphash.Seed
	views *cache[uint64, keptView]
}

// keptView is the JSON of a form's view without private_metadata and
// without its closing brace, after which the metadata goes; with the
// form, to tell it from another of the same hash.
type keptView struct {
	form bot.Form
	head []byte
}

func newModals() *modals {
	return &modals{seed: maphash.MakeSeed(), views: newCache[uint64, keptView](24*time.Hour, 256)}
}

// view returns the modal of f with meta as JSON, in two pieces to be
// written one after the other: a kept head and the metadata, or the
// whole view and nothing.
func (m *modals) view(f bot.Form, meta formMeta) (head, tail []byte, err error) {
	if !keepable(f) {
		head, err = json.Marshal(renderModal(f, meta))
		return head, nil, err
	}
	key := m.hash(f)
	kept, ok := m.views.get(key)
	if !ok || !sameForm(kept.form, f) {
		v := renderModal(f, formMeta{})
		v.PrivateMetadata = ""
		b, err := json.Marshal(v)
		if err != nil {
			return nil, nil, err
		}
		kept = keptView{form: f, head: b[:len(b)-1]}
		kept.form.Fields = slices.Clone(f.Fields)
		m.views.put(key, kept)
	}
	md, err := json.Marshal(encodeMeta(meta))
	if err != nil {
		return nil, nil, err
	}
	tail = make([]byte, 0, len(md)+22)
	tail = append(tail, `,"private_metadata":`...)
	return kept.head, append(append(tail, md...), '}'), nil
}

// keepable reports whether f's view may be kept: not when it carries
// someone's values.
func keepable(f bot.Form) bool {
	for _, x := range f.Fields {
		if x.Value != "" {
			return false
		}
	}
	return true
}

// hash hashes what makes a form's view, without allocating.
func (m *modals) hash(f bot.Form) uint64 {
	var h maphash.Hash
	h.SetSeed(m.seed)
	for _, s := range []string{f.Title, f.Submit} {
		h.WriteString(s)
		h.WriteByte(0)
	}
	for _, x := range f.Fields {
		for _, s := range []string{x.Name, x.Label, x.Placeholder} {
			h.WriteString(s)
			h.WriteByte(0)
		}
		var flags [3]byte
		flags[0] = boolByte(x.Multiline)<<1 | boolByte(x.Required)
		flags[1], flags[2] = byte(x.MaxLength), byte(x.MaxLength>>8)
		_, _ = h.Write(flags[:])
	}
	return h.Sum64()
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// sameForm reports whether a and b make the same view (Command goes in
// the metadata, not the view).
func sameForm(a, b bot.Form) bool {
	return a.Title == b.Title && a.Submit == b.Submit && slices.Equal(a.Fields, b.Fields)
}

// renderModal turns a neutral form into a modal view. Each field is an
// input block whose block_id and action_id are the option name, so that
// inline errors keyed by option name land on the right input.
func renderModal(f bot.Form, meta formMeta) slack.ModalViewRequest {
	v := slack.ModalViewRequest{
		Type:            slack.VTModal,
		CallbackID:      formCallbackID,
		Title:           plain(clip(nonEmpty(f.Title, "mentorbot"), maxModalTitle)),
		Submit:          plain(clip(nonEmpty(f.Submit, "OK"), maxModalTitle)),
		PrivateMetadata: encodeMeta(meta),
	}
	seen := map[string]bool{}
	for _, field := range f.Fields {
		if field.Name == "" || seen[field.Name] || len(field.Name) > maxActionID {
			continue
		}
		seen[field.Name] = true
		v.Blocks.BlockSet = append(v.Blocks.BlockSet, inputBlock(field))
	}
	return v
}

func inputBlock(f bot.FormField) *slack.InputBlock {
	el := slack.NewPlainTextInputBlockElement(nil, f.Name)
	if p := strings.TrimSpace(f.Placeholder); p != "" {
		el.Placeholder = plain(clip(p, maxPlaceholder))
	}
	el.Multiline = f.Multiline
	el.MaxLength = maxInputLength
	if f.MaxLength > 0 && f.MaxLength < maxInputLength {
		el.MaxLength = f.MaxLength
	}
	// Slack refuses a view whose initial value is longer than max_length.
	el.InitialValue = clip(f.Value, el.MaxLength)
	b := slack.NewInputBlock(f.Name, plain(clip(nonEmpty(f.Label, f.Name), maxInputLabel)), nil, el)
	b.Optional = !f.Required
	return b
}

// encodeMeta writes the metadata, dropping the response URL if the whole
// would not fit in private_metadata.
func encodeMeta(m formMeta) string {
	b, _ := json.Marshal(m)
	if len(b) > maxPrivateMetadata {
		m.ResponseURL = ""
		b, _ = json.Marshal(m)
	}
	return string(b)
}

// submittedForm reads a view_submission of one of our modals: the command
// it submits, its values by option name, and the metadata.
func submittedForm(v slack.View) (formMeta, map[string]string, error) {
	var meta formMeta
	if v.CallbackID != formCallbackID {
		return meta, nil, errors.New("not a mentorbot form")
	}
	if err := json.Unmarshal([]byte(v.PrivateMetadata), &meta); err != nil || meta.Command == "" {
		return meta, nil, errors.New("bad private_metadata")
	}
	values := map[string]string{}
	if v.State != nil {
		for blockID, actions := range v.State.Values {
			if a, ok := actions[blockID]; ok {
				values[blockID] = a.Value
			}
		}
	}
	return meta, values, nil
}

// fieldErrors turns the core's inline errors into a view_submission
// response. The keys are block IDs, which are the option names.
func fieldErrors(errs map[string]string) *slack.ViewSubmissionResponse {
	out := make(map[string]string, len(errs))
	for name, msg := range errs {
		out[name] = clip(msg, maxErrorText)
	}
	return slack.NewErrorsViewSubmissionResponse(out)
}

func nonEmpty(s, def string) string {
	if s = strings.TrimSpace(s); s != "" {
		return s
	}
	return def
}
