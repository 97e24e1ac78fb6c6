package bot

import "strings"

// Select is a menu of choices in a message: a multi_static_select or
// static_select on Slack, a select menu on Discord, a numbered list in
// the shell. Choosing triggers an Action whose ActionID is the select's
// and whose Value is SelectValue(Value, the chosen choices' values), so
// that the core reads a choice the way it reads a click. Values are short:
// the whole must fit a button's value (200 characters) and Discord's
// custom_id (100), so choices are numbered ("0", "1", ...) and the core
// keeps what the numbers stand for.
type Select struct {
	ActionID    string
	Value       string
	Placeholder string
	Choices     []Choice
	Multi       bool // any number of choices, from none to MaxChoices
}

// Choice is one entry of a Select.
type Choice struct {
	Label string
	Value string
}

// MaxChoices is the most choices a Select holds: Discord's select menus
// take 25.
const MaxChoices = 25

// selectSep separates a select's own value from the choices made.
const selectSep = "|"

// SelectValue is the Action.Value of a choice made in a select whose value
// is base: adapters call it with the values of the choices made.
func SelectValue(base string, chosen []string) string {
	return base + selectSep + strings.Join(chosen, ",")
}

// splitSelect splits an Action.Value made by SelectValue into the
// select's value and the chosen values (none when nothing was chosen).
func splitSelect(v string) (string, []string) {
	base, list, _ := strings.Cut(v, selectSep)
	if list == "" {
		return base, nil
	}
	return base, strings.Split(list, ",")
}
