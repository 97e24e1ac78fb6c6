package shell

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
)

// A select (bot.Select) is numbered like a button; its choices are
// numbered from 1 under it, and `click N 1,3` picks choices 1 and 3
// (`click N` alone clears a menu of several choices).

// renderSelect writes a select and numbers it.
func (a *Adapter) renderSelect(owner string, lang bot.Lang, msg int, s bot.Select) string {
	a.mu.Lock()
	menu := s
	a.buttons = append(a.buttons, shellButton{owner: owner, msg: msg, Button: bot.Button{ActionID: s.ActionID, Value: s.Value}, menu: &menu})
	n := strconv.Itoa(len(a.buttons))
	a.mu.Unlock()
	how := "shell.select.one"
	if s.Multi {
		how = "shell.select.multi"
	}
	choices := make([]string, len(s.Choices))
	for i, c := range s.Choices {
		choices[i] = fmt.Sprintf("%d %s", i+1, c.Label)
	}
	return fmt.Sprintf("    [%s] %s %s\n        %s\n", n, s.Placeholder, bot.T(lang, how, "n", n), strings.Join(choices, " · "))
}

// pick turns "1,3" into the Action.Value of choosing choices 1 and 3 of
// the menu; false for a number out of range, or several in a menu of one.
func (b shellButton) pick(arg string) (string, bool) {
	var values []string
	for _, f := range strings.FieldsFunc(arg, func(r rune) bool { return r == ',' || r == ' ' }) {
		i, err := strconv.Atoi(f)
		if err != nil || i < 1 || i > len(b.menu.Choices) {
			return "", false
		}
		values = append(values, b.menu.Choices[i-1].Value)
	}
	if !b.menu.Multi && len(values) != 1 {
		return "", false
	}
	return bot.SelectValue(b.menu.Value, values), true
}

var _ bot.Editor = (*Adapter)(nil)

// SendEditable implements bot.Editor: the message is printed as Send
// prints it, and each edit is printed again, marked as an update.
func (a *Adapter) SendEditable(ctx context.Context, to bot.MemberID, msg bot.Message) (string, error) {
	if err := a.Send(ctx, to, msg); err != nil {
		return "", err
	}
	return "shell:" + to.User, nil
}

// Edit implements bot.Editor.
func (a *Adapter) Edit(ctx context.Context, to bot.MemberID, ref string, msg bot.Message) error {
	a.printf("%s %s", bot.T(a.lang(to.User), "shell.edited", "name", to.User), a.render(to.User, msg))
	return nil
}
