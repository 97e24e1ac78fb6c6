package slackfake

import (
	"fmt"
	"unicode/utf8"
)

// viewsPublish answers views.publish as Slack does: a home tab view for a
// user of the workspace, refused with "invalid_arguments" when it breaks
// one of Block Kit's limits (CheckView).
func (s *Server) viewsPublish(c Call) map[string]any {
	user := c.Get("user_id")
	if _, ok := s.user(user); !ok {
		return fail("user_not_found")
	}
	view := c.View()
	if err := CheckView(view); err != nil {
		return map[string]any{"ok": false, "error": "invalid_arguments", "response_metadata": map[string]any{"messages": []any{"[ERROR] " + err.Error()}}}
	}
	return map[string]any{"ok": true, "view": map[string]any{"id": "VHOME" + user, "type": "home", "blocks": view["blocks"]}}
}

// Block Kit's limits, as Slack documents them, for CheckView.
const (
	maxHomeBlocks   = 100
	maxHeader       = 150
	maxSection      = 3000
	maxFields       = 10
	maxField        = 2000
	maxActions      = 25
	maxButtonText   = 75
	maxButtonValue  = 2000
	maxActionID     = 255
	maxBlockID      = 255
	maxContextItems = 10
	maxMetadata     = 3000
	maxCallbackID   = 255
)

// CheckView checks a home tab view against Block Kit's limits: its type;
// at most 100 blocks; the length of headers, sections, fields, button
// texts and values, action and block IDs; at most 25 elements in an
// actions block and 10 in a context block; action IDs unique in the
// view and block IDs too. It returns the first limit broken.
func CheckView(view map[string]any) error {
	if view == nil {
		return fmt.Errorf("no view")
	}
	if view["type"] != "home" {
		return fmt.Errorf("view type %v, want home", view["type"])
	}
	if n := length(view["private_metadata"]); n > maxMetadata {
		return fmt.Errorf("private_metadata of %d characters, over %d", n, maxMetadata)
	}
	if n := length(view["callback_id"]); n > maxCallbackID {
		return fmt.Errorf("callback_id of %d characters, over %d", n, maxCallbackID)
	}
	blocks, _ := view["blocks"].([]any)
	if len(blocks) == 0 || len(blocks) > maxHomeBlocks {
		return fmt.Errorf("%d blocks, want 1 to %d", len(blocks), maxHomeBlocks)
	}
	actionIDs, blockIDs := map[string]bool{}, map[string]bool{}
	for i, raw := range blocks {
		b, _ := raw.(map[string]any)
		if id := str(b["block_id"]); id != "" {
			if blockIDs[id] || len(id) > maxBlockID {
				return fmt.Errorf("block %d: block_id %q repeated or too long", i, id)
			}
			blockIDs[id] = true
		}
		if err := checkBlock(b, actionIDs); err != nil {
			return fmt.Errorf("block %d (%v): %w", i, b["type"], err)
		}
	}
	return nil
}

// checkBlock checks one block, noting its action IDs in seen.
func checkBlock(b map[string]any, seen map[string]bool) error {
	switch b["type"] {
	case "header":
		if n := textLength(b["text"]); n == 0 || n > maxHeader {
			return fmt.Errorf("header text of %d characters, want 1 to %d", n, maxHeader)
		}
	case "section":
		fields, _ := b["fields"].([]any)
		if b["text"] == nil && len(fields) == 0 {
			return fmt.Errorf("section without text or fields")
		}
		if n := textLength(b["text"]); n > maxSection {
			return fmt.Errorf("section text of %d characters, over %d", n, maxSection)
		}
		if len(fields) > maxFields {
			return fmt.Errorf("%d fields, over %d", len(fields), maxFields)
		}
		for _, f := range fields {
			if n := textLength(f); n > maxField {
				return fmt.Errorf("field of %d characters, over %d", n, maxField)
			}
		}
	case "context":
		if els, _ := b["elements"].([]any); len(els) == 0 || len(els) > maxContextItems {
			return fmt.Errorf("%d context elements, want 1 to %d", len(els), maxContextItems)
		}
	case "actions":
		els, _ := b["elements"].([]any)
		if len(els) == 0 || len(els) > maxActions {
			return fmt.Errorf("%d elements, want 1 to %d", len(els), maxActions)
		}
		for _, raw := range els {
			if err := checkElement(raw, seen); err != nil {
				return err
			}
		}
	case "divider":
	default:
		return fmt.Errorf("block type the bot never sends")
	}
	return nil
}

// checkElement checks an interactive element of an actions block.
func checkElement(raw any, seen map[string]bool) error {
	el, _ := raw.(map[string]any)
	id := str(el["action_id"])
	if id == "" || len(id) > maxActionID || seen[id] {
		return fmt.Errorf("action_id %q empty, too long or repeated in the view", id)
	}
	seen[id] = true
	if el["type"] != "button" {
		return nil
	}
	if n := textLength(el["text"]); n == 0 || n > maxButtonText {
		return fmt.Errorf("button %q: text of %d characters, want 1 to %d", id, n, maxButtonText)
	}
	if n := length(el["value"]); n > maxButtonValue {
		return fmt.Errorf("button %q: value of %d characters, over %d", id, n, maxButtonValue)
	}
	if s := str(el["style"]); s != "" && s != "primary" && s != "danger" {
		return fmt.Errorf("button %q: style %q", id, s)
	}
	return nil
}

// textLength is the length in characters of a text object's text.
func textLength(v any) int {
	t, _ := v.(map[string]any)
	return length(t["text"])
}

func length(v any) int {
	s, _ := v.(string)
	return utf8.RuneCountInString(s)
}
