package discord

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// An interaction answered directly had its work done before the answer
// went out: nothing to keep. One whose reply is deferred (the core took
// longer than AnswerWithin) is kept in the store before the deferral is
// sent (Config.Keep), and forgotten once its reply is in (Config.Forget).
// If the replica dies in between, the bot hands the kept interaction to
// another replica's Redeliver when it falls due: it runs the core again
// (the handlers are idempotent: "already answered" at worst) and
// completes the deferred reply with the interaction's token, which lives
// 15 minutes.

// keptKey names a kept interaction.
func keptKey(i *discordgo.Interaction) string { return "deferred:" + i.ID }

// keep keeps a deferred interaction, and reports whether it did, within
// keepTimeout, the last part of the response budget (budget.go). Outside
// a server (no workspace) or without Config.Keep, nothing is kept.
func (a *Adapter) keep(log *slog.Logger, ev event, i *discordgo.Interaction, b budget) bool {
	if a.cfg.Keep == nil || ev.Member.Workspace == "" {
		return false
	}
	data, err := json.Marshal(i)
	if err != nil {
		log.Error("keep interaction", "err", err)
		return false
	}
	ctx, cancel := b.keepContext()
	defer cancel()
	fresh, err := a.cfg.Keep(ctx, ev.Member, keptKey(i), data)
	if err != nil {
		log.Warn("deferred interaction kept in memory only", "code", string(bot.ErrorCode(err)))
		return false
	}
	return fresh
}

// forget drops a kept interaction once its reply is in.
func (a *Adapter) forget(log *slog.Logger, ev event, i *discordgo.Interaction) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := a.cfg.Forget(ctx, ev.Member, keptKey(i)); err != nil {
		log.Warn("deferred interaction answered but not forgotten", "code", string(bot.ErrorCode(err)))
	}
}

// Redeliver implements bot.Redeliverer: it serves an interaction that a
// replica deferred and did not answer. A token that Discord no longer
// accepts (past its 15 minutes) ends it: the work was run again, and the
// member can no longer be answered there.
func (a *Adapter) Redeliver(ctx context.Context, t bot.Tenant, data []byte) error {
	var i discordgo.Interaction
	if err := json.Unmarshal(data, &i); err != nil {
		return bot.Wrap(bot.EINVALID, err, "discord: decode kept interaction")
	}
	if i.AppID == "" {
		i.AppID = a.cfg.AppID
	}
	ev := translate(&i)
	log := a.log.With("interaction", i.ID, "guild", ev.Member.Workspace, "user", ev.Member.User)
	switch ev.Kind {
	case kindCommand, kindSubmit, kindClick:
	default:
		return nil
	}
	ctx = context.WithValue(ctx, actorKey{}, &actorInfo{id: ev.Member, name: ev.Name})
	r := a.run(ctx, log, ev)
	ev.Lang = replyLang(r, ev.Lang)
	if err := a.complete(ctx, log, &i, ev, r); err != nil && !staleToken(err) {
		return bot.Wrap(bot.EUNAVAILABLE, err, "discord: complete a redelivered interaction")
	}
	return nil
}

var _ bot.Redeliverer = (*Adapter)(nil)
