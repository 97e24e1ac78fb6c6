package slack

import (
	"encoding/json"

	"github.com/mentorbot/mentorbot/bot"
)

// The pure translations, exported for the black-box tests of package
// slack_test, with Block Kit as JSON so that the tests need no Slack SDK.

func RenderJSON(m bot.Message) string { return mustJSON(renderBlocks(m)) }

func FallbackText(m bot.Message) string { return fallbackText(m) }

func ModalJSON(f bot.Form, command, responseURL string) string {
	return mustJSON(renderModal(f, formMeta{Command: command, ResponseURL: responseURL}))
}

// KeptModalJSON renders f as views.open sends it: twice through one
// cache, so that the second comes from the kept view when f has one.
func KeptModalJSON(f bot.Form, command, responseURL string) string {
	m := newModals()
	_, _ = m.json(f, formMeta{Command: "other", ResponseURL: "https://example.com/other"})
	b, err := m.json(f, formMeta{Command: command, ResponseURL: responseURL})
	if err != nil {
		panic(err)
	}
	return string(b)
}

func UnescapeText(s string) string { return unescapeText(s) }

func ActionName(id string) string { return actionName(id) }

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
