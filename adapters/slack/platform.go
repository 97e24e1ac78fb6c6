package slack

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// Send implements bot.Platform: a DM from the bot, in the conversation
// conversations.open gives (its ID is cached: it never changes). EGONE if
// the member left or cannot be messaged, EUNAVAILABLE if Slack cannot be
// reached after retries.
func (a *Adapter) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	return a.sendDM(ctx, to, msg, a.post)
}

// replyDM sends the reply to a command or a click as a DM, as Send does,
// but a chat.postMessage whose outcome is unknown is not tried again, and
// its error says so (outcome.go).
func (a *Adapter) replyDM(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	return a.sendDM(ctx, to, msg, a.postOnce)
}

// sendDM is Send, posting with post.
func (a *Adapter) sendDM(ctx context.Context, to bot.MemberID, msg bot.Message, post func(context.Context, webAPI, string, bot.Message) error) error {
	if err := checkMembers(to); err != nil {
		return err
	}
	api, err := a.clientOf(ctx, to.Workspace)
	if err != nil {
		return err
	}
	channel, err := a.dmChannel(ctx, api, to)
	if err != nil {
		return err
	}
	err = post(ctx, api, channel, msg)
	if slackError(err) == "channel_not_found" {
		// A cached conversation that Slack no longer knows: open it again.
		a.dms.del(to)
		if channel, err = a.dmChannel(ctx, api, to); err == nil {
			err = post(ctx, api, channel, msg)
		}
	}
	if err == nil && a.log.Enabled(ctx, slog.LevelDebug) {
		// Not built at all when debug is off: every DM passes here.
		a.log.Debug("slack: sent", "to", to.String(), "channel", channel)
	}
	return err
}

// Introduce implements bot.Platform: one group DM with all the members
// (conversations.open with 2 to 8 users) and one message in it.
func (a *Adapter) Introduce(ctx context.Context, members []bot.MemberID, msg bot.Message) error {
	if len(members) < 2 || len(members) > 8 {
		return bot.Wrap(bot.EINTERNAL, errors.New("need 2 to 8 members"), "slack introduce")
	}
	if err := checkMembers(members...); err != nil {
		return err
	}
	api, err := a.clientOf(ctx, members[0].Workspace)
	if err != nil {
		return err
	}
	users := make([]string, len(members))
	for i, m := range members {
		users[i] = m.User
	}
	channel, err := a.open(ctx, api, users)
	if err != nil {
		return err
	}
	return a.post(ctx, api, channel, msg)
}

// Post implements bot.Poster: a message in a channel, such as the
// managers' channel, given by its ID ("C123" or "#C123", which is how a
// channel typed in a command reaches the core). The bot must be a member
// of the channel: invite it there. EINVALID for what is not a channel ID.
func (a *Adapter) Post(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) error {
	_, err := a.postIn(ctx, t, channel, msg)
	return err
}

// postIn posts msg in a channel given as Post takes it, and returns the
// post's reference, "<channel>/<ts>" (PostEditable).
func (a *Adapter) postIn(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) (string, error) {
	id, err := channelID(t, channel)
	if err != nil {
		return "", err
	}
	api, err := a.clientOf(ctx, t.Workspace)
	if err != nil {
		return "", err
	}
	var ts string
	if err := call(ctx, a.opt.Retry, "chat.postMessage", postMessageTS(api, id, msg, &ts)); err != nil {
		return "", channelRefused(err)
	}
	return id + "/" + ts, nil
}

// channelErrors are Slack's refusals of a post in a channel the bot is
// not in, cannot see, or may not write to.
var channelErrors = map[string]bool{"not_in_channel": true, "channel_not_found": true, "is_archived": true, "restricted_action": true}

// channelRefused turns Slack's refusal of a channel into the sentence
// that says what to do, instead of "something went wrong".
func channelRefused(err error) error {
	if channelErrors[slackError(err)] {
		return &bot.Error{Code: bot.EFORBIDDEN, Key: "err.channel_access", Err: err}
	}
	return err
}

// Upload implements bot.Uploader: msg with f attached, in a channel given
// as Post takes it. It needs the files:write scope.
func (a *Adapter) Upload(ctx context.Context, t bot.Tenant, channel string, f bot.File, msg bot.Message) error {
	id, err := channelID(t, channel)
	if err != nil {
		return err
	}
	api, err := a.clientOf(ctx, t.Workspace)
	if err != nil {
		return err
	}
	return channelRefused(a.upload(ctx, api, id, f, msg))
}

// SendFile implements bot.Uploader: msg with f attached, in the member's DM.
func (a *Adapter) SendFile(ctx context.Context, to bot.MemberID, f bot.File, msg bot.Message) error {
	if err := checkMembers(to); err != nil {
		return err
	}
	api, err := a.clientOf(ctx, to.Workspace)
	if err != nil {
		return err
	}
	channel, err := a.dmChannel(ctx, api, to)
	if err != nil {
		return err
	}
	return a.upload(ctx, api, channel, f, msg)
}

// upload shares a file in a conversation with Slack's three steps
// (files.getUploadURLExternal, the upload, files.completeUploadExternal),
// the message as the file's blocks.
func (a *Adapter) upload(ctx context.Context, api webAPI, channel string, f bot.File, msg bot.Message) error {
	if len(f.Data) == 0 || f.Name == "" {
		return bot.Wrap(bot.EINTERNAL, errors.New("empty file"), "slack upload")
	}
	p := slack.UploadFileParameters{Filename: f.Name, Title: f.Name, FileSize: len(f.Data), Channel: channel}
	if blocks := renderBlocks(msg); len(blocks) > 0 {
		p.Blocks = slack.Blocks{BlockSet: blocks}
	} else {
		p.InitialComment = fallbackText(msg)
	}
	return call(ctx, a.opt.Retry, "files.upload", func(ctx context.Context) error {
		p.Reader = bytes.NewReader(f.Data) // each attempt reads the file afresh
		_, err := api.UploadFileContext(ctx, p)
		return err
	})
}

// channelID reads a channel of t as the core hands it: an ID, with or
// without "#". EINVALID otherwise: the bot cannot look channels up by name.
func channelID(t bot.Tenant, channel string) (string, error) {
	id := strings.TrimPrefix(strings.TrimSpace(channel), "#")
	if t.Platform != Platform || !validChannelID(id) {
		return "", bot.Errorf(bot.EINVALID, "err.admin.bad_channel", "value", clip(channel, 40))
	}
	return id, nil
}

// validChannelID reports whether s looks like a conversation ID.
func validChannelID(s string) bool {
	if len(s) < 2 || len(s) > 32 || !strings.ContainsRune("CGD", rune(s[0])) {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// checkMembers refuses members of another platform or workspace mix-ups:
// one Slack conversation holds members of one workspace.
func checkMembers(ms ...bot.MemberID) error {
	for _, m := range ms {
		if m.Platform != Platform || m.User == "" || m.Workspace != ms[0].Workspace {
			return bot.Wrap(bot.EINTERNAL, errors.New("not members of one Slack workspace"), "slack")
		}
	}
	return nil
}

// dmChannel is the member's DM with the bot, in the workspace of api.
func (a *Adapter) dmChannel(ctx context.Context, api webAPI, to bot.MemberID) (string, error) {
	if ch, ok := a.dms.get(to); ok {
		return ch, nil
	}
	ch, err := a.open(ctx, api, []string{to.User})
	if err != nil {
		a.leftSilently(to, err)
		return "", err
	}
	a.dms.put(to, ch)
	return ch, nil
}

// open opens (or finds) the DM or group DM of the users.
func (a *Adapter) open(ctx context.Context, api webAPI, users []string) (string, error) {
	var ch *slack.Channel
	err := call(ctx, a.opt.Retry, "conversations.open", func(ctx context.Context) error {
		var err error
		ch, _, _, err = api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: users})
		return err
	})
	if err != nil {
		return "", err
	}
	return ch.ID, nil
}

// post sends a rendered message to a conversation. A message tagged with
// its delivery key is not tried again once a try's outcome is unknown
// (once): its error says so (bot.MaybeSent), and the core asks Delivered
// before any new try. An untagged one is tried again: nothing could tell
// it went out, and a message the core sends must not be lost.
func (a *Adapter) post(ctx context.Context, api webAPI, channel string, msg bot.Message) error {
	if msg.Delivery != "" {
		return a.postOnce(ctx, api, channel, msg)
	}
	return call(ctx, a.opt.Retry, "chat.postMessage", postMessage(api, channel, msg))
}

// postOnce is post for a reply: not tried again once its outcome is
// unknown (once).
func (a *Adapter) postOnce(ctx context.Context, api webAPI, channel string, msg bot.Message) error {
	return call(ctx, a.opt.Retry, "chat.postMessage", once(postMessage(api, channel, msg)))
}

// postMessage is one try of chat.postMessage.
func postMessage(api webAPI, channel string, msg bot.Message) func(ctx context.Context) error {
	return postMessageTS(api, channel, msg, nil)
}

// postMessageTS is postMessage that keeps the message's ts in ts, when
// ts is not nil.
func postMessageTS(api webAPI, channel string, msg bot.Message, ts *string) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		opts := append(messageOptions(msg), slack.MsgOptionDisableLinkUnfurl())
		if msg.Delivery != "" {
			opts = append(opts, slack.MsgOptionMetadata(deliveryMetadata(msg.Delivery)))
		}
		_, sent, err := api.PostMessageContext(ctx, channel, opts...)
		if ts != nil {
			*ts = sent
		}
		return err
	}
}

// update replaces a message the bot posted in team, buttons included.
func (a *Adapter) update(ctx context.Context, team, channel, ts string, msg bot.Message) error {
	api, err := a.clientOf(ctx, team)
	if err != nil {
		return err
	}
	return call(ctx, a.opt.Retry, "chat.update", updateMessage(api, channel, ts, msg))
}

// updateOnce is update for a reply: not tried again once its outcome is
// unknown (once).
func (a *Adapter) updateOnce(ctx context.Context, team, channel, ts string, msg bot.Message) error {
	api, err := a.clientOf(ctx, team)
	if err != nil {
		return err
	}
	return call(ctx, a.opt.Retry, "chat.update", once(updateMessage(api, channel, ts, msg)))
}

// updateMessage is one try of chat.update.
func updateMessage(api webAPI, channel, ts string, msg bot.Message) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		_, _, _, err := api.UpdateMessageContext(ctx, channel, ts, messageOptions(msg)...)
		return err
	}
}

// messageOptions renders msg for chat.postMessage and chat.update. Blocks
// are never empty: an update without blocks would keep the old buttons.
// Link unfurling is chat.postMessage's alone: chat.update ignores it.
func messageOptions(msg bot.Message) []slack.MsgOption {
	blocks := renderBlocks(msg)
	if len(blocks) == 0 {
		blocks = append(blocks, slack.NewSectionBlock(mrkdwn(fallbackText(msg)), nil, nil))
	}
	return []slack.MsgOption{
		slack.MsgOptionText(fallbackText(msg), false),
		slack.MsgOptionBlocks(blocks...),
	}
}

// Profile implements bot.Directory with users.info: the member's real
// name, IANA time zone and locale. Answers are cached for
// Options.ProfileTTL. EGONE for a deleted or unknown user.
func (a *Adapter) Profile(ctx context.Context, id bot.MemberID) (bot.Profile, error) {
	if p, ok := a.profiles.get(id); ok {
		return p, nil
	}
	p, _, err := a.fetchProfile(ctx, id, a.opt.Retry.lookup())
	return p, err
}

// fetchProfile asks users.info about a member, caches the profile, and
// also reports whether Slack makes them an admin or owner of the
// workspace (never cached: it decides who may run admin commands).
func (a *Adapter) fetchProfile(ctx context.Context, id bot.MemberID, r Retry) (bot.Profile, bool, error) {
	if err := checkMembers(id); err != nil {
		return bot.Profile{}, false, err
	}
	api, err := a.clientOf(ctx, id.Workspace)
	if err != nil {
		return bot.Profile{}, false, err
	}
	var u *slack.User
	err = call(ctx, r, "users.info", func(ctx context.Context) error {
		var err error
		u, err = api.GetUserInfoContext(ctx, id.User)
		return err
	})
	if err != nil {
		return bot.Profile{}, false, err
	}
	if u.Deleted {
		a.profiles.del(id)
		a.left.put(id, struct{}{})
		return bot.Profile{}, false, &bot.Error{Code: bot.EGONE, Key: "err.gone", Err: errors.New("slack users.info: deactivated")}
	}
	p := bot.Profile{Name: displayName(u), TZ: u.TZ, Locale: u.Locale}
	a.profiles.put(id, p)
	return p, u.IsAdmin || u.IsOwner || u.IsPrimaryOwner, nil
}

// isAdmin asks Slack, afresh, whether the member is an admin or owner of
// the workspace. A failed lookup is a no: the core then checks its own
// list of managers.
func (a *Adapter) isAdmin(ctx context.Context, id bot.MemberID) bool {
	_, admin, err := a.fetchProfile(ctx, id, a.opt.Retry.lookup())
	if err != nil {
		a.log.Info("slack: admin lookup failed", "member", id.String(), "code", string(bot.ErrorCode(err)))
	}
	return admin
}

// cachedLocale is the member's Slack locale if users.info told us lately.
// The core uses it until the member picks a language, and when Redis is
// down, so that even "nothing was changed" comes in the right language.
func (a *Adapter) cachedLocale(id bot.MemberID) string {
	p, _ := a.profiles.get(id)
	return p.Locale
}

// displayName picks the name people know: the real name, else the display
// name, else the handle.
func displayName(u *slack.User) string {
	for _, s := range []string{u.Profile.RealName, u.RealName, u.Profile.DisplayName, u.Name} {
		if s = strings.TrimSpace(s); s != "" {
			return clip(s, 80)
		}
	}
	return ""
}
