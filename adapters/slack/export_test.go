package slack

import (
	"context"
	"encoding/json"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// The pure translations, exported for the black-box tests of package
// slack_test, with Block Kit as JSON so that the tests need no Slack SDK.

func RenderJSON(m bot.Message) string { return mustJSON(renderBlocks(m)) }

func FallbackText(m bot.Message) string { return fallbackText(m) }

func ModalJSON(f bot.Form, command, responseURL string) string {
	return mustJSON(renderModal(f, formMeta{Command: command, ResponseURL: responseURL}))
}

// ParseCommand reads a slash command's form as the HTTP endpoint does,
// and as slack-go's SlashCommandParse does, each as JSON with its
// ssl_check flag, or "error".
func ParseCommand(body []byte) (ours, sdk string) {
	ours, sdk = "error", "error"
	if c, ssl, err := parseCommand(body); err == nil {
		ours = mustJSON(struct {
			slack.SlashCommand
			SSL bool
		}{c, ssl})
	}
	r := formRequest(body)
	if c, err := slack.SlashCommandParse(r); err == nil {
		sdk = mustJSON(struct {
			slack.SlashCommand
			SSL bool
		}{c, r.PostForm.Get("ssl_check") == "1"})
	}
	return ours, sdk
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

// InputJSON renders a form field's input block through the cache of
// rendered inputs, and afresh.
func InputJSON(f bot.FormField) (cached, fresh string) {
	return mustJSON(cachedInput(f)), mustJSON(inputBlock(f))
}

// ReadDirectory reads the workspace's directory once, as the adapter does
// at start and every DirectoryRefresh.
func (a *Adapter) ReadDirectory(ctx context.Context) (int, error) {
	return a.syncDirectory(ctx)
}

// DecodeInteraction reads an interaction body as the endpoint does: the
// payload, then a mentorbot form's command and values, or the clicked
// button's action name.
func DecodeInteraction(body []byte) (typ, command, action string, err error) {
	ic, err := slack.InteractionCallbackParse(formRequest(body))
	if err != nil {
		return "", "", "", err
	}
	if meta, _, err := submittedForm(ic.View); err == nil {
		command = meta.Command
	}
	if len(ic.ActionCallback.BlockActions) > 0 {
		action = actionName(ic.ActionCallback.BlockActions[0].ActionID)
	}
	return string(ic.Type), command, action, nil
}
