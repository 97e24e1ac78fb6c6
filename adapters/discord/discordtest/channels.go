package discordtest

import "net/http"

// SetChannelGuild makes channel a text channel of guild: GET channels/{id}
// then answers with its guild_id, as Discord does. Channels never set are
// unknown to that call (10003), as another server's would be to a bot
// that is not in it.
func (f *REST) SetChannelGuild(channel, guild string) {
	f.locked(func() {
		if f.guildOf == nil {
			f.guildOf = map[string]string{}
		}
		f.guildOf[channel] = guild
	})
}

// channel answers GET channels/{id}: a thread the bot made, or a channel
// given to SetChannelGuild.
func (f *REST) channel(id string) (int, []byte) {
	if t, ok := f.threads[id]; ok {
		return http.StatusOK, jsonBytes(map[string]any{"id": id, "type": t.Type, "parent_id": t.Parent, "guild_id": f.guildOf[t.Parent]})
	}
	guild, ok := f.guildOf[id]
	if !ok {
		return http.StatusNotFound, apiError(10003, "Unknown Channel")
	}
	return http.StatusOK, jsonBytes(map[string]any{"id": id, "type": 0, "guild_id": guild, "name": "intros"})
}
