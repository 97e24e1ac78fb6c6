package slack

import (
	"context"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// Menus (bot.Select) are static_select and multi_static_select elements,
// each in an actions block of its own whose block_id carries the select's
// value: Slack sends no value of a menu, and a multi-select emptied sends
// no option, so the block_id is where the core's value comes back from.

// menuBlock is the prefix of a menu's block_id.
const menuBlock = "menu|"

// Slack's limits for menus.
const (
	maxOptions     = 100
	maxOptionText  = 75
	maxOptionValue = 150
	maxBlockID     = 255
)

// menuBlocks renders a message's menus; a menu whose value or choices do
// not fit is left out, as a dead menu would only mislead.
func menuBlocks(menus []bot.Select) []slack.Block {
	var out []slack.Block
	for _, s := range menus {
		blockID := menuBlock + s.Value
		if s.ActionID == "" || len(s.ActionID) > maxActionID || len(blockID) > maxBlockID || len(s.Choices) == 0 || len(s.Choices) > maxOptions {
			continue
		}
		options := make([]*slack.OptionBlockObject, 0, len(s.Choices))
		for _, c := range s.Choices {
			if c.Value == "" || len(c.Value) > maxOptionValue {
				options = nil
				break
			}
			options = append(options, slack.NewOptionBlockObject(c.Value, plain(clip(c.Label, maxOptionText)), nil))
		}
		if options == nil {
			continue
		}
		placeholder := plain(clip(noSpans(s.Placeholder), maxPlaceholder))
		var el slack.BlockElement
		if s.Multi {
			el = slack.NewOptionsMultiSelectBlockElement(slack.MultiOptTypeStatic, placeholder, s.ActionID, options...)
		} else {
			el = slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, placeholder, s.ActionID, options...)
		}
		if s.Placeholder != "" {
			out = append(out, slack.NewSectionBlock(plain(clip(noSpans(s.Placeholder), maxSectionText)), nil, nil))
		}
		out = append(out, slack.NewActionBlock(blockID, el))
	}
	return out
}

// menuValue is the Action.Value of a choice made in a menu, and whether
// the block action is one.
func menuValue(act *slack.BlockAction) (string, bool) {
	base, ok := strings.CutPrefix(act.BlockID, menuBlock)
	if !ok {
		return "", false
	}
	var chosen []string
	switch act.Type {
	case slack.ActionType(slack.MultiOptTypeStatic):
		for _, o := range act.SelectedOptions {
			chosen = append(chosen, o.Value)
		}
	case slack.ActionType(slack.OptTypeStatic):
		if act.SelectedOption.Value != "" {
			chosen = []string{act.SelectedOption.Value}
		}
	default:
		return "", false
	}
	return bot.SelectValue(base, chosen), true
}

var _ bot.Editor = (*Adapter)(nil)

// SendEditable implements bot.Editor: a DM as Send posts it; the
// reference is its conversation and ts.
func (a *Adapter) SendEditable(ctx context.Context, to bot.MemberID, msg bot.Message) (string, error) {
	if err := checkMembers(to); err != nil {
		return "", err
	}
	api, err := a.clientOf(ctx, to.Workspace)
	if err != nil {
		return "", err
	}
	channel, err := a.dmChannel(ctx, api, to)
	if err != nil {
		return "", err
	}
	var ts string
	err = call(ctx, a.opt.Retry, "chat.postMessage", func(ctx context.Context) error {
		var err error
		_, ts, err = api.PostMessageContext(ctx, channel, append(messageOptions(msg), slack.MsgOptionDisableLinkUnfurl())...)
		return err
	})
	if err != nil {
		return "", err
	}
	return channel + "/" + ts, nil
}

// Edit implements bot.Editor with chat.update.
func (a *Adapter) Edit(ctx context.Context, to bot.MemberID, ref string, msg bot.Message) error {
	channel, ts, ok := strings.Cut(ref, "/")
	if !ok || channel == "" || ts == "" {
		return bot.Errorf(bot.ENOTFOUND, "err.not_found")
	}
	return a.update(ctx, to.Workspace, channel, ts, msg)
}
