package discord

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// Platform is the name of Discord members' platform in bot.MemberID.
const Platform = "discord"

// kind is what an interaction asks for, which decides how it is answered.
type kind int

const (
	kindIgnored      kind = iota // nothing to do (an unknown interaction type)
	kindPing                     // HTTP endpoint check: answer PONG
	kindCommand                  // a slash command: ephemeral reply or modal
	kindSubmit                   // a modal submit: ephemeral reply (a modal cannot open a modal)
	kindClick                    // a button click: update the message, a modal or an ephemeral reply
	kindOutsideGuild             // a command run in a DM: no guild to work in
	kindAutocomplete             // option suggestions: none are offered
	kindRefused                  // refused before the core: event.Refusal says why
)

// event is an interaction translated for the core: exactly one of
// Command and Action is set for kindCommand, kindSubmit and kindClick.
type event struct {
	Kind    kind
	Member  bot.MemberID
	Name    string // the member's display name, when the payload has it
	Lang    bot.Lang
	Command *bot.Command
	Action  *bot.Action
	// Options are a slash command's options as sent, their values
	// undecoded: run checks them against the command table (options.go).
	Options []sentOption
	// Refusal is the sentence key that answers a kindRefused: the
	// adapter's (texts.go) or the core's catalog.
	Refusal string
	// InDM marks a click in a DM: Discord sends no guild and no member,
	// so nothing in it says whether the clicker is still in the server
	// the button's custom_id names (member.go).
	InDM bool
}

// sentOption is one option of a slash command as Discord sent it: a
// string, a number or a boolean, or anything at all from a payload that
// is not Discord's.
type sentOption struct {
	Name  string
	Value any
}

// translate turns an interaction into an event. It is pure: it trusts
// nothing in the payload beyond its shape, and a custom_id that is not
// ours, or whose guild differs from the interaction's, becomes an action
// the core answers with "this button no longer works" (a form says so of
// itself, without the core). An interaction whose own ID is no snowflake
// is ignored; one whose member or server ID is none is refused, as not
// understood, before any of it reaches the core (or a log).
func translate(i *discordgo.Interaction) event {
	if i.Type != discordgo.InteractionPing && !isSnowflake(i.ID) {
		return event{Kind: kindIgnored}
	}
	user, name := actor(i)
	ev := event{Name: name, Lang: langOf(string(i.Locale))}
	ev.Member = bot.MemberID{Platform: Platform, Workspace: i.GuildID, User: user}
	switch i.Type {
	case discordgo.InteractionPing:
		ev.Kind = kindPing
	case discordgo.InteractionApplicationCommandAutocomplete:
		ev.Kind = kindAutocomplete
	case discordgo.InteractionApplicationCommand:
		ev.Kind = kindCommand
		if i.GuildID == "" {
			ev.Kind = kindOutsideGuild
			break
		}
		name, values, sent := commandOptions(i.ApplicationCommandData())
		ev.Command = &bot.Command{Member: ev.Member, Name: name, Values: values, Locale: string(i.Locale), Forms: true, IsAdmin: isAdmin(i), Delivery: i.ID}
		ev.Options = sent
	case discordgo.InteractionMessageComponent:
		ev.Kind, ev.InDM = kindClick, i.GuildID == "" && i.Member == nil
		guild, action, value, ok := ourCustomID(i, i.MessageComponentData().CustomID)
		if ok {
			ev.Member.Workspace = guild
		} else {
			action, value = "", ""
		}
		ev.Action = &bot.Action{Member: ev.Member, ActionID: action, Value: value, Locale: string(i.Locale), IsAdmin: isAdmin(i)}
		menuAction(i, ev.Action)
	case discordgo.InteractionModalSubmit:
		ev.Kind = kindSubmit
		ev.Command = modalSubmit(i, ev.Member)
		if ev.Command == nil {
			// Not a form of ours, or of another server: said as it is,
			// not as a button.
			ev.Kind, ev.Refusal = kindRefused, "form_unknown"
			break
		}
		// A form submitted in a DM has no guild_id: the reply's buttons
		// take the guild the form's custom_id carried.
		ev.Member.Workspace = ev.Command.Member.Workspace
	}
	if ev.Command == nil && ev.Action == nil && ev.Kind != kindRefused {
		return ev
	}
	switch {
	case user == "":
		// Discord always says who acted; a payload that does not is
		// answered by nobody rather than run for an empty member.
		return event{Kind: kindIgnored}
	case !isSnowflake(user) || (i.GuildID != "" && !isSnowflake(i.GuildID)):
		// Discord's IDs are snowflakes: anything else would be stored
		// as a member of the program. Refused, and not even logged.
		return event{Kind: kindRefused, Lang: ev.Lang, Refusal: "err.invalid"}
	}
	return ev
}

// modalSubmit reads a submitted form back into the command it belongs
// to; nil for a form that is not ours, or not of this server.
func modalSubmit(i *discordgo.Interaction, m bot.MemberID) *bot.Command {
	data := i.ModalSubmitData()
	guild, action, command, ok := ourCustomID(i, data.CustomID)
	if !ok || action != formAction {
		return nil
	}
	m.Workspace = guild
	values := map[string]string{}
	for _, row := range data.Components {
		r, ok := row.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range r.Components {
			if in, ok := c.(*discordgo.TextInput); ok {
				values[in.CustomID] = in.Value
			}
		}
	}
	command, fixed := formCommand(command)
	for k, v := range fixed {
		values[k] = v
	}
	return &bot.Command{Member: m, Name: command, Values: values, FromForm: true, Forms: true, Locale: string(i.Locale), IsAdmin: isAdmin(i), Delivery: i.ID}
}

// isAdmin reports whether the member may manage the server (Manage
// Server or Administrator): the core makes them managers of the program.
// Discord sends the member's permissions in the channel with every
// interaction in a server; in a DM there is no member, hence no rights.
func isAdmin(i *discordgo.Interaction) bool {
	if i.GuildID == "" || i.Member == nil {
		return false
	}
	return i.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0
}

// ourCustomID unpacks a custom_id made by this package. An interaction
// that has a guild (a modal submit, a click in a server) must match the
// guild in the custom_id, so that no one can act in another server.
func ourCustomID(i *discordgo.Interaction, id string) (guild, action, value string, ok bool) {
	guild, action, value, err := parseCustomID(id)
	if err != nil || (i.GuildID != "" && i.GuildID != guild) {
		return "", "", "", false
	}
	return guild, action, value, true
}

// actor returns the ID and display name of whoever triggered the
// interaction: Member is set in a server, User in a DM.
func actor(i *discordgo.Interaction) (id, name string) {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID, i.Member.DisplayName()
	}
	if i.User != nil {
		return i.User.ID, i.User.DisplayName()
	}
	return "", ""
}

// commandOptions flattens /mentor's subcommand group and subcommand into
// a command name ("admin stats") and its options into string values, the
// way the core reads them, and returns the options as sent too, for run
// to check their types (options.go). Integers arrive as JSON numbers.
// Option names pass as sent: Discord sends an option's base name whatever
// the client's locale, and the core reads its French name too
// (bot.CommandSpec.Lookup).
func commandOptions(data discordgo.ApplicationCommandInteractionData) (string, map[string]string, []sentOption) {
	var path []string
	opts := data.Options
	for len(opts) == 1 && opts[0] != nil && (opts[0].Type == discordgo.ApplicationCommandOptionSubCommand || opts[0].Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
		path = append(path, opts[0].Name)
		opts = opts[0].Options
	}
	if data.Name != rootCommand {
		path = append([]string{data.Name}, path...)
	}
	values := make(map[string]string, len(opts))
	sent := make([]sentOption, 0, len(opts))
	for _, o := range opts {
		if o == nil {
			continue
		}
		values[o.Name] = optionString(o.Value)
		sent = append(sent, sentOption{Name: o.Name, Value: o.Value})
	}
	return strings.Join(path, " "), values, sent
}

func optionString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}
