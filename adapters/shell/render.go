package shell

import (
	"fmt"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
)

// render writes a message as indented text and numbers its buttons, which
// owner (and anyone else, to try foreign clicks) can then click.
func (a *Adapter) render(owner string, m bot.Message) string {
	s, _ := a.renderNumbered(owner, m)
	return s
}

// renderNumbered is render, which also returns the number of the message
// its buttons and menus are on (0 without any).
func (a *Adapter) renderNumbered(owner string, m bot.Message) (string, int) {
	var b strings.Builder
	if m.Title != "" {
		fmt.Fprintf(&b, "*%s*\n", m.Title)
	}
	if m.Text != "" {
		b.WriteString(m.Text)
		b.WriteString("\n")
	}
	lang := a.lang(owner)
	if m.Lang != "" {
		lang = m.Lang // a channel post, in the workspace's language
	}
	for _, f := range m.Fields {
		fl := lang
		if f.Lang != "" {
			fl = f.Lang // a field of a message in several languages
		}
		value := f.Value
		if f.Sentence {
			value = bot.AfterColon(fl, value) // on the label's line, after a colon
		}
		fmt.Fprintf(&b, "    %s\n", bot.T(fl, "shell.field", "label", f.Label, "value", indentRest(value)))
	}
	if m.Link != nil {
		fmt.Fprintf(&b, "    %s\n", bot.T(lang, "shell.field", "label", m.Link.Label, "value", m.Link.URL))
	}
	msg := 0
	if len(m.Selects) > 0 || len(m.Buttons) > 0 {
		a.mu.Lock()
		a.msgs++
		msg = a.msgs
		a.mu.Unlock()
	}
	for _, s := range m.Selects {
		b.WriteString(a.renderSelect(owner, lang, msg, s))
	}
	if len(m.Buttons) > 0 {
		a.mu.Lock()
		parts := make([]string, len(m.Buttons))
		for i, btn := range m.Buttons {
			a.buttons = append(a.buttons, shellButton{owner: owner, msg: msg, Button: btn})
			parts[i] = fmt.Sprintf("[%d] %s", len(a.buttons), btn.Label)
		}
		a.mu.Unlock()
		fmt.Fprintf(&b, "    %s\n", strings.Join(parts, "   "))
	}
	return b.String(), msg
}

func indentRest(s string) string { return strings.ReplaceAll(s, "\n", "\n    ") }
