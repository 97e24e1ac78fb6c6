package discordtest

import (
	"fmt"
	"unicode/utf8"
)

// MaxCommandSize is Discord's limit on one slash command: "a maximum of
// 8000 characters for combined name, description, and value properties
// for each command, its options (including subcommands and groups), and
// choices. When localization fields are present, only the longest
// localization for each field (including the default value) is counted"
// (discord-api-docs, application-commands, Slash Commands).
const MaxCommandSize = 8000

// CommandSize counts a command (decoded JSON) the way Discord does for
// MaxCommandSize.
func CommandSize(cmd map[string]any) int {
	n := 0
	for _, field := range []string{"name", "description", "value"} {
		v, ok := cmd[field]
		if !ok || v == nil {
			continue
		}
		longest := utf8.RuneCountInString(fmt.Sprint(v))
		if loc, ok := cmd[field+"_localizations"].(map[string]any); ok {
			for _, l := range loc {
				longest = max(longest, utf8.RuneCountInString(fmt.Sprint(l)))
			}
		}
		n += longest
	}
	for _, list := range []string{"options", "choices"} {
		items, _ := cmd[list].([]any)
		for _, item := range items {
			if m, ok := item.(map[string]any); ok {
				n += CommandSize(m)
			}
		}
	}
	return n
}
