package discord

import (
	"context"
	"errors"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// Menus (bot.Select) are string select menus, one action row each, above
// the buttons' rows. A select's custom_id is made like a button's; the
// values Discord sends back are the chosen options' values.

// Discord's limits for select menus.
const (
	maxMenuOptions     = 25
	maxMenuPlaceholder = 150
	maxOptionLabel     = 100
	maxOptionValue     = 100
)

var errMenuTooLarge = errors.New("a select menu over Discord's limits")

// renderMenus lays out the message's menus, one row each.
func renderMenus(m bot.Message, guild string) ([]discordgo.MessageComponent, error) {
	var rows []discordgo.MessageComponent
	for _, s := range m.Selects {
		id, err := customID(guild, s.ActionID, s.Value)
		if err != nil {
			return nil, err
		}
		if len(s.Choices) == 0 || len(s.Choices) > maxMenuOptions {
			return nil, errMenuTooLarge
		}
		menu := discordgo.SelectMenu{MenuType: discordgo.StringSelectMenu, CustomID: id, Placeholder: clip(plainSpans(s.Placeholder), maxMenuPlaceholder), MaxValues: 1}
		if s.Multi {
			zero := 0
			menu.MinValues, menu.MaxValues = &zero, len(s.Choices)
		}
		for _, c := range s.Choices {
			if c.Value == "" || len(c.Value) > maxOptionValue {
				return nil, errMenuTooLarge
			}
			menu.Options = append(menu.Options, discordgo.SelectMenuOption{Label: clip(c.Label, maxOptionLabel), Value: c.Value})
		}
		rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{menu}})
	}
	return rows, nil
}

// menuAction completes the action of a choice in a menu: its value is the
// select's, with the values chosen.
func menuAction(i *discordgo.Interaction, a *bot.Action) {
	data := i.MessageComponentData()
	if data.ComponentType == discordgo.SelectMenuComponent && a.Value != "" {
		a.Value = bot.SelectValue(a.Value, data.Values)
	}
}

var _ bot.Editor = (*Adapter)(nil)

// SendEditable implements bot.Editor: a DM as Send posts it; the
// reference is its channel and message IDs.
func (a *Adapter) SendEditable(ctx context.Context, to bot.MemberID, msg bot.Message) (string, error) {
	if err := checkMember(to); err != nil {
		return "", err
	}
	out, err := renderMessage(msg, to.Workspace, false, a.readerLang(ctx, to, msg))
	if err != nil {
		return "", bot.Wrap(bot.EINTERNAL, err, "render message")
	}
	channel, err := a.dmChannel(ctx, to.User)
	if err != nil {
		return "", coded(err, "open DM")
	}
	send := &discordgo.MessageSend{Content: out.Content, Embeds: out.Embeds, Components: out.Components, AllowedMentions: out.Mentions}
	var id string
	err = a.restCall(ctx, "post", func(opt discordgo.RequestOption) error {
		m, err := a.rest.ChannelMessageSendComplex(channel, send, opt)
		if err == nil {
			id = m.ID
		}
		return err
	})
	if err != nil {
		return "", coded(err, "send DM")
	}
	return channel + "/" + id, nil
}

// Edit implements bot.Editor: the message is replaced, components too.
func (a *Adapter) Edit(ctx context.Context, to bot.MemberID, ref string, msg bot.Message) error {
	channel, id, ok := strings.Cut(ref, "/")
	if !ok || !isSnowflake(channel) || !isSnowflake(id) {
		return bot.Errorf(bot.ENOTFOUND, "err.not_found")
	}
	out, err := renderMessage(msg, to.Workspace, false, a.readerLang(ctx, to, msg))
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "render message")
	}
	content := out.Content
	edit := &discordgo.MessageEdit{ID: id, Channel: channel, Content: &content, Embeds: &out.Embeds, Components: &out.Components, AllowedMentions: out.Mentions}
	return coded(a.restCall(ctx, "post", func(opt discordgo.RequestOption) error {
		_, err := a.rest.ChannelMessageEditComplex(edit, opt)
		return err
	}), "edit message")
}
