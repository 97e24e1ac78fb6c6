package discord

import (
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// restAPI is the part of discordgo's Session the adapter calls over REST.
// Keeping it this small shows what the adapter depends on; tests run the
// real Session against a fake Discord API (discordtest.REST).
type restAPI interface {
	ApplicationCommandBulkOverwrite(appID, guildID string, cmds []*discordgo.ApplicationCommand, options ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error)
	InteractionRespond(i *discordgo.Interaction, resp *discordgo.InteractionResponse, options ...discordgo.RequestOption) error
	FollowupMessageCreate(i *discordgo.Interaction, wait bool, data *discordgo.WebhookParams, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
	// ChannelMessages reads a DM's latest messages (Retract).
	ChannelMessages(channelID string, limit int, beforeID, afterID, aroundID string, options ...discordgo.RequestOption) ([]*discordgo.Message, error)
	ChannelMessageEditComplex(m *discordgo.MessageEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ThreadStartComplex(channelID string, data *discordgo.ThreadStart, options ...discordgo.RequestOption) (*discordgo.Channel, error)
	ThreadMemberAdd(threadID, memberID string, options ...discordgo.RequestOption) error
	GuildMember(guildID, userID string, options ...discordgo.RequestOption) (*discordgo.Member, error)
	// Channel reads a channel, for the guild it belongs to (intro.go).
	Channel(channelID string, options ...discordgo.RequestOption) (*discordgo.Channel, error)
	// RequestWithBucketID makes the calls whose discordgo method would
	// share one rate-limit bucket among all members (call.go).
	RequestWithBucketID(method, urlStr string, data interface{}, bucketID string, options ...discordgo.RequestOption) ([]byte, error)
}

// gatewayAPI is the part of the Session that holds the gateway websocket.
type gatewayAPI interface {
	AddHandler(handler interface{}) func()
	Open() error
	Close() error
}

var (
	_ restAPI    = (*discordgo.Session)(nil)
	_ gatewayAPI = (*discordgo.Session)(nil)
)

// newSession returns a discordgo Session for the bot token, its REST calls
// going to apiURL (Discord's when empty) through a retrying transport.
func newSession(cfg Config) (*discordgo.Session, error) {
	token := cfg.Token
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token // discordgo sends the token as is
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, err
	}
	base := cfg.HTTPTransport
	if base == nil {
		base = http.DefaultTransport
	}
	apiURL := cfg.APIURL
	if apiURL != "" && !strings.HasSuffix(apiURL, "/") {
		apiURL += "/"
	}
	if apiURL == discordgo.EndpointAPI {
		apiURL = ""
	}
	s.Client = &http.Client{
		Timeout:   20 * time.Second,
		Transport: &transport{base: base, apiURL: apiURL, attempts: cfg.RetryAttempts, backoff: cfg.RetryBackoff},
	}
	// Retries of 5xx belong to transport, with backoff; discordgo's own
	// would retry each of them again, at once.
	s.MaxRestRetries = 0
	// 429s belong to call (call.go), which waits Retry-After only within
	// the caller's deadline; discordgo's own wait ignores it, and holds
	// the route's bucket meanwhile.
	s.ShouldRetryOnRateLimit = false
	s.StateEnabled = false
	// Interactions reach a bot whatever its intents. GUILD_MEMBERS
	// (privileged) brings GUILD_MEMBER_REMOVE: a member who leaves is
	// erased (leave.go). GUILDS brings GUILD_CREATE and GUILD_DELETE: a
	// server that removes the bot stops being served (guilds.go). Ask
	// for no more.
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMembers
	return s, nil
}
