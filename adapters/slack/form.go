package slack

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"

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

// maxModalInputs is how many inputs the adapter puts in one modal
// (bot.FormSizer): a modal takes up to 100 blocks, one per input here.
const maxModalInputs = 100

// FormFields implements bot.FormSizer.
func (a *Adapter) FormFields() int { return maxModalInputs }

var _ bot.FormSizer = (*Adapter)(nil)

// formCallbackID marks the modals this adapter opens.
const formCallbackID = "mentor.form"

// formMeta travels in the modal's private_metadata, which Slack returns
// untouched with the submission: the command the form submits, where
// to answer, since a view_submission has no response_url of its own,
// and the language the form is in.
type formMeta struct {
	Command     string `json:"c"`
	ResponseURL string `json:"r,omitempty"`
	// Lang is the form's language when the member's own (formInLocale):
	// the submission is read in it, so that the errors under the fields
	// are in the form's language even where the profile cache has no
	// locale for the member (another replica, or a profile dropped).
	Lang bot.Lang `json:"l,omitempty"`
	// Fixed are the form's values the member does not see (bot.Form.Fixed).
	Fixed map[string]string `json:"f,omitempty"`
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
		v.Blocks.BlockSet = append(v.Blocks.BlockSet, cachedInput(field))
	}
	return v
}

// renderedInputs holds, by field, the JSON of the input blocks of empty
// fields: those depend only on the command's option and the language, so
// there are a few dozen, and each form a newcomer opens reuses them
// instead of building and marshalling them again. A prefilled field is
// rendered each time: its value is the member's own.
var renderedInputs sync.Map // bot.FormField -> renderedBlock

// renderedBlock is a block already marshalled to JSON.
type renderedBlock struct {
	id   string
	json []byte
}

func (b renderedBlock) BlockType() slack.MessageBlockType { return slack.MBTInput }
func (b renderedBlock) ID() string                        { return b.id }
func (b renderedBlock) MarshalJSON() ([]byte, error)      { return b.json, nil }

// cachedInput returns the field's input block, from renderedInputs when
// the field is empty.
func cachedInput(f bot.FormField) slack.Block {
	if f.Value != "" {
		return inputBlock(f)
	}
	if b, ok := renderedInputs.Load(f); ok {
		return b.(renderedBlock)
	}
	js, err := json.Marshal(inputBlock(f))
	if err != nil {
		return inputBlock(f)
	}
	b := renderedBlock{id: f.Name, json: js}
	renderedInputs.Store(f, b)
	return b
}

func inputBlock(f bot.FormField) *slack.InputBlock {
	el := slack.NewPlainTextInputBlockElement(nil, f.Name)
	if p := strings.TrimSpace(f.Placeholder); p != "" {
		el.Placeholder = plain(clip(noSpans(p), maxPlaceholder))
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
	for name, v := range meta.Fixed {
		values[name] = v
	}
	return meta, values, nil
}

// locale is the locale a submission is read in: the form's language,
// else the member's cached Slack locale (cached).
func (m formMeta) locale(cached string) string {
	if _, ok := bot.ParseLang(string(m.Lang)); ok {
		return string(m.Lang)
	}
	return cached
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

// noSpans takes the backticks out of a catalog sentence shown as plain
// text (a placeholder), where Slack would show them as they are: "9h-18h,
// 9h30-17h", not "`9h-18h`, `9h30-17h`".
func noSpans(s string) string { return strings.ReplaceAll(s, "`", "") }
