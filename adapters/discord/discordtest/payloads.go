package discordtest

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// testdata holds samples from Discord's documentation (see
// /work/shared/fixtures/SOURCES.md upstream): payloads are built by
// editing them, so that they keep every field real ones have.
//
//go:embed testdata
var testdata embed.FS

// sample429Header is the header of the documented 429 response.
var sample429Header = func() http.Header {
	raw, err := testdata.ReadFile("testdata/discord_429_user.http")
	if err != nil {
		panic(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(raw)), nil)
	if err != nil {
		panic(err)
	}
	return resp.Header
}()

// Payload is an interaction payload, as Discord sends it.
type Payload map[string]any

// JSON encodes the payload.
func (p Payload) JSON() []byte {
	b, err := json.Marshal(p)
	if err != nil {
		panic(err)
	}
	return b
}

// ID is the interaction's ID.
func (p Payload) ID() string { return p["id"].(string) }

// Token is the interaction's token.
func (p Payload) Token() string { return p["token"].(string) }

// WithLocale sets the member's client locale ("fr", "en-US").
func (p Payload) WithLocale(locale string) Payload {
	p["locale"] = locale
	return p
}

// WithoutGuild makes the payload come from a DM: no guild_id, and the
// invoking user in "user" rather than "member", as Discord does.
func (p Payload) WithoutGuild() Payload {
	if m, ok := p["member"].(map[string]any); ok {
		p["user"] = m["user"]
	}
	delete(p, "member")
	delete(p, "guild_id")
	delete(p, "guild_locale")
	p["context"] = 1
	return p
}

var seq atomic.Int64

// idBase makes interaction IDs snowflakes of the time the test process
// started (milliseconds since Discord's epoch, shifted by 22 bits), so
// that runs sharing one Redis never reuse one: each ID's claim there
// outlives the run.
var idBase = (time.Now().UnixMilli() - 1_420_070_400_000) << 22

// sample loads a documented payload and gives it a fresh ID and token.
func sample(name, appID string) Payload {
	raw, err := testdata.ReadFile("testdata/" + name)
	if err != nil {
		panic(err)
	}
	var p Payload
	if err := json.Unmarshal(raw, &p); err != nil {
		panic(err)
	}
	n := seq.Add(1)
	p["id"] = fmt.Sprint(idBase + n)
	p["token"] = fmt.Sprintf("token-%d", n)
	p["application_id"] = appID
	if _, ok := p["locale"]; !ok && p["type"] != float64(1) {
		p["locale"] = "en-US" // Discord sends it with every interaction but PING; two samples omit it
	}
	return p
}

// memberPermissions are an ordinary member's permissions (Discord's
// default for @everyone): the samples' members are all administrators.
const memberPermissions = "104324673"

// setUser sets the member who acts, in a server, as an ordinary member.
func setUser(p Payload, guild, user string) {
	p["guild_id"] = guild
	m := p["member"].(map[string]any)
	m["user"] = map[string]any{"id": user, "username": "user" + user, "global_name": nil, "discriminator": "0"}
	m["nick"] = nil
	m["permissions"] = memberPermissions
}

// AsServerManager gives the member the Manage Server permission.
func (p Payload) AsServerManager() Payload {
	if m, ok := p["member"].(map[string]any); ok {
		m["permissions"] = "104324705" // the default plus MANAGE_GUILD (1 << 5)
	}
	return p
}

// Option is a slash command option: a string or a whole number.
type Option struct {
	Name  string
	Value any // string or int
}

// Command is the slash command "/mentor <sub> [options]" run by user in
// guild. A grouped sub ("admin stats") is a subcommand of a group.
func Command(appID, guild, user, sub string, opts ...Option) Payload {
	p := sample("discord_application_command.json", appID)
	setUser(p, guild, user)
	var values []map[string]any
	for _, o := range opts {
		typ := 3 // STRING
		if _, ok := o.Value.(int); ok {
			typ = 4 // INTEGER
		}
		values = append(values, map[string]any{"name": o.Name, "type": typ, "value": o.Value})
	}
	node := map[string]any{"type": 1, "name": sub, "options": values}
	if group, name, ok := strings.Cut(sub, " "); ok {
		node["name"] = name
		node = map[string]any{"type": 2, "name": group, "options": []any{node}}
	}
	p["data"] = map[string]any{"id": "771825006014889984", "type": 1, "name": "mentor", "options": []any{node}}
	return p
}

// Click is user clicking the button with customID on message in their DM
// with the bot: Discord sends no guild_id for it.
func Click(appID, user, dmChannel, messageID, customID string) Payload {
	p := sample("discord_message_component.json", appID)
	setUser(p, "0", user)
	p.WithoutGuild()
	p["channel_id"] = dmChannel
	msg := p["message"].(map[string]any)
	msg["id"], msg["channel_id"] = messageID, dmChannel
	p["data"] = map[string]any{"custom_id": customID, "component_type": 2}
	return p
}

// ClickInChannel is user clicking the button with customID on message,
// posted in a channel of guild (a call for mentors): Discord sends the
// guild and the member.
func ClickInChannel(appID, guild, user, channel, messageID, customID string) Payload {
	p := sample("discord_message_component.json", appID)
	setUser(p, guild, user)
	p["channel_id"] = channel
	msg := p["message"].(map[string]any)
	msg["id"], msg["channel_id"] = messageID, channel
	p["data"] = map[string]any{"custom_id": customID, "component_type": 2}
	return p
}

// Submit is user submitting the modal customID in guild with values, one
// action row of one text input each (the layout discordgo can decode).
func Submit(appID, guild, user, customID string, values map[string]string) Payload {
	p := sample("discord_modal_submit_actionrow.json", appID)
	setUser(p, guild, user)
	if ch, ok := p["channel"].(map[string]any); ok {
		ch["guild_id"] = guild
	}
	rows := []any{}
	for name, v := range values {
		rows = append(rows, map[string]any{"type": 1, "components": []any{
			map[string]any{"type": 4, "custom_id": name, "value": v},
		}})
	}
	p["data"] = map[string]any{"custom_id": customID, "components": rows}
	return p
}

// Ping is the check Discord sends to an HTTP interactions endpoint.
func Ping(appID string) Payload {
	p := sample("discord_ping.json", appID)
	return p
}
