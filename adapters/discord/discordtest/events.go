package discordtest

import (
	"encoding/json"
	"testing"
)

// DispatchEvent sends any gateway event (op 0) of type t with data d, to
// every connection: GUILD_MEMBER_REMOVE, for instance.
func (g *Gateway) DispatchEvent(tb testing.TB, t string, d any) {
	tb.Helper()
	data, err := json.Marshal(d)
	if err != nil {
		tb.Fatalf("dispatch %s: %v", t, err)
	}
	frame := map[string]any{"op": 0, "t": t, "s": g.nextSeq(), "d": json.RawMessage(data)}
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.conns) == 0 {
		tb.Fatalf("dispatch %s: no connection", t)
	}
	for _, c := range g.conns {
		if err := c.WriteJSON(frame); err != nil {
			tb.Fatalf("dispatch %s: %v", t, err)
		}
	}
}

// MemberRemove is the data of GUILD_MEMBER_REMOVE: a member left guild.
func MemberRemove(guild, user string) any {
	return map[string]any{"guild_id": guild, "user": map[string]any{"id": user, "username": "gone"}}
}

// GuildCreate is the data of GUILD_CREATE: the bot joined guild, or guild
// is available again (as after READY or an outage).
func GuildCreate(guild string) any {
	return map[string]any{"id": guild, "name": "server", "unavailable": false}
}

// GuildDelete is the data of GUILD_DELETE: the bot was removed from guild
// (or guild was deleted), or, unavailable, guild is only out of reach
// for a while.
func GuildDelete(guild string, unavailable bool) any {
	d := map[string]any{"id": guild}
	if unavailable {
		d["unavailable"] = true
	}
	return d
}
