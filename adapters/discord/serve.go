package discord

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// acker sends the first response to an interaction: in the HTTP
// response at the endpoint, with a REST callback over the gateway.
type acker interface {
	ack(ctx context.Context, resp *discordgo.InteractionResponse) error
}

// serve handles one interaction, however it arrived. It runs in a
// goroutine of its own (see spawn), on a context that is not the HTTP
// request's, bounded by WorkTimeout: the work often goes on after the
// first response is sent. It never panics and always logs by ID only.
func (a *Adapter) serve(i *discordgo.Interaction, ack acker, b budget) {
	if i.AppID == "" {
		i.AppID = a.cfg.AppID // follow-ups and edits are addressed by application ID
	}
	ctx, cancel := context.WithTimeout(context.Background(), a.cfg.WorkTimeout)
	defer cancel()
	ev := translate(i)
	log := a.log.With("interaction", i.ID, "guild", ev.Member.Workspace, "user", ev.Member.User)
	switch ev.Kind {
	case kindPing:
		a.send(ctx, log, ack, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
	case kindAutocomplete:
		// No option asks for suggestions; a client that asks anyway gets
		// none, in the shape Discord reads (responseBody).
		a.send(ctx, log, ack, &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{}},
		})
	case kindOutsideGuild:
		a.send(ctx, log, ack, ephemeralText(text(ev.Lang, "guild_only")))
	case kindRefused:
		// Nothing of it reaches the core, and it holds no slot.
		log.Info("interaction refused", "reason", ev.Refusal)
		a.send(ctx, log, ack, ephemeralText(refusalText(ev.Lang, ev.Refusal)))
	case kindCommand, kindSubmit, kindClick:
		a.answer(ctx, log, i, ev, ack, b)
	}
}

// answer runs the core, if a slot is free (Config.MaxInFlight) and the
// webhook lane has room for a reply (Outbound), and responds within the
// interaction's budget (budget.go): directly when the reply comes within
// the answer wait (AnswerWithin, or less), else with a deferral, after
// which the edit or follow-up is handed to the webhook lane. The room is
// taken before the core runs, so a deferred reply always has its place in
// the queue, and a member who would find none is told at once that the
// bot is busy, with nothing changed. answer waits for the core either way
// (up to WorkTimeout), so that Close waiting for serve also waits for the
// core; it never waits for the REST calls that follow the ack.
func (a *Adapter) answer(ctx context.Context, log *slog.Logger, i *discordgo.Interaction, ev event, ack acker, b budget) {
	act := &actorInfo{id: ev.Member, name: ev.Name}
	ctx = context.WithValue(ctx, actorKey{}, act)
	if !a.acquire() {
		// Every slot is taken: say so at once rather than queue, and
		// change nothing. The answer needs no REST call over HTTP.
		log.Warn("interaction refused: busy")
		a.send(ctx, log, ack, ephemeralText(bot.T(ev.Lang, "err.busy")))
		return
	}
	out, ok := a.out.replies.reserve()
	if !ok {
		a.release()
		log.Warn("interaction refused: reply queue full")
		a.send(ctx, log, ack, ephemeralText(bot.T(ev.Lang, "err.busy")))
		return
	}
	defer out.release() // unless a reply or a note took it
	done := make(chan bot.Reply, 1)
	go func() {
		defer a.release() // the core is done: the REST calls after it hold no slot
		done <- a.run(ctx, log, ev)
	}()
	timer := time.NewTimer(b.answerWait(a.cfg.AnswerWithin))
	defer timer.Stop()
	var r bot.Reply
	deferred, kept := false, false
	select {
	case r = <-done:
		ev.Lang = replyLang(r, ev.Lang)
		resp, err := directResponse(ev.Kind, r, ev.Member.Workspace, ev.Lang)
		if err != nil {
			log.Error("render reply", "err", err)
			resp = ephemeralText(bot.T(ev.Lang, "err.internal"))
		}
		if !a.send(ctx, log, ack, resp) {
			return
		}
	case <-timer.C:
		kept = a.keep(log, ev, i, b)
		sent := a.send(ctx, log, ack, deferredResponse(ev.Kind))
		select {
		case r = <-done:
		case <-ctx.Done():
			log.Error("no reply within the work timeout", "timeout", a.cfg.WorkTimeout)
			return
		}
		if !sent {
			return
		}
		ev.Lang, deferred = replyLang(r, ev.Lang), true
	}
	// A member who runs a command in the server while their DMs are closed
	// learns it there, once; someone clicking in a DM obviously has them
	// open. A DM that failed during this command was remembered too: it
	// is popped first, so that the next command does not say it again.
	note := i.GuildID != "" && ev.Kind != kindClick && (a.dmClosed.pop(ev.Member) || act.dmFailed.Load())
	if !deferred && !note {
		return
	}
	out.run(func(ctx context.Context) {
		if deferred {
			if err := a.complete(ctx, log, i, ev, r); (err == nil || staleToken(err)) && kept {
				a.forget(log, ev, i)
			}
		}
		if note {
			a.followup(ctx, log, i, notice(text(ev.Lang, "dm_closed")))
		}
	})
}

// acquire takes a slot for the core if one is free, without waiting.
func (a *Adapter) acquire() bool {
	select {
	case a.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

func (a *Adapter) release() { <-a.slots }

// replyLang is the member's language as the core knows it (their
// /mentor lang choice), else the interaction's locale: the adapter's own
// notes follow the reply.
func replyLang(r bot.Reply, locale bot.Lang) bot.Lang {
	if r.Lang != "" {
		return r.Lang
	}
	return locale
}

// run asks the core for the reply, once a slash command is checked
// against the command table (options.go): one the adapter refuses never
// reaches it. A panic in the core must not take the whole process down:
// it becomes the internal-error sentence.
func (a *Adapter) run(ctx context.Context, log *slog.Logger, ev event) (r bot.Reply) {
	defer func() {
		if p := recover(); p != nil {
			log.Error("panic in handler", "panic", p)
			r = bot.Reply{Message: bot.Message{Text: bot.T(ev.Lang, "err.internal")}}
		}
	}()
	if ev.Command != nil {
		c, specs := *ev.Command, a.h.Commands()
		if refusal := checkCommand(specs, &c, ev.Options, ev.Lang); refusal != "" {
			log.Info("command refused: an option of the wrong type, or sent twice")
			// In the member's language, as the core answers them: their
			// choice before their client's locale (rare: a forged or
			// malformed payload, so the second check costs nothing).
			lang := ev.Lang
			if l, ok := a.h.(localeLang); ok {
				if lang = l.LangIn(ctx, ev.Member, c.Locale); lang != ev.Lang {
					refusal = checkCommand(specs, &c, ev.Options, lang)
				}
			}
			return bot.Reply{Message: bot.Message{Text: refusal}, Lang: lang}
		}
		coreMentions(specs, &c)
		return a.h.HandleCommand(ctx, c)
	}
	if r, left := a.clickerLeft(ctx, log, ev); left {
		return r
	}
	if r, left := a.counterpartLeft(ctx, ev); left {
		return r
	}
	return a.h.HandleAction(ctx, *ev.Action)
}

// complete sends a deferred reply: an edit of the original response, or
// an ephemeral follow-up.
func (a *Adapter) complete(ctx context.Context, log *slog.Logger, i *discordgo.Interaction, ev event, r bot.Reply) error {
	c, err := completeDeferred(ev.Kind, r, ev.Member.Workspace, ev.Lang)
	if err != nil {
		log.Error("render reply", "err", err)
		c = completion{Followup: notice(bot.T(ev.Lang, "err.internal"))}
	}
	if c.Followup != nil {
		return a.followup(ctx, log, i, c.Followup)
	}
	if err := a.editOriginal(ctx, i, c.Edit); err != nil {
		a.logResponseError(log, "edit", err)
		return err
	}
	return nil
}

func (a *Adapter) followup(ctx context.Context, log *slog.Logger, i *discordgo.Interaction, p *discordgo.WebhookParams) error {
	err := call(ctx, "follow-up", func(opt discordgo.RequestOption) error {
		_, err := a.rest.FollowupMessageCreate(i, true, p, opt)
		return err
	})
	if err != nil {
		a.logResponseError(log, "follow-up", err)
	}
	return err
}

// send sends the first response and reports whether it went out.
func (a *Adapter) send(ctx context.Context, log *slog.Logger, ack acker, resp *discordgo.InteractionResponse) bool {
	if err := ack.ack(ctx, resp); err != nil {
		a.logResponseError(log, "response", err)
		return false
	}
	return true
}

// logResponseError logs a failed response. An expired or already used
// token (10062, 10015, 40060) is expected now and then, when Discord
// gave up waiting: the work is done, only the answer is lost.
func (a *Adapter) logResponseError(log *slog.Logger, what string, err error) {
	if staleToken(err) {
		log.Warn("interaction token no longer valid", "what", what, "code", restCode(err))
		return
	}
	log.Error("interaction response failed", "what", what, "code", restCode(err), "status", restStatus(err), "err", err)
}

func ephemeralText(s string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content: s, Flags: discordgo.MessageFlagsEphemeral,
			AllowedMentions: allowedMentions(false, nil), Components: []discordgo.MessageComponent{},
		},
	}
}

// actorInfo is who the interaction being served is from. The core passes
// ctx down to Send and Profile, which use it to answer the actor's
// profile from the payload and to notice when the actor's DMs are closed.
type actorInfo struct {
	id       bot.MemberID
	name     string
	dmFailed atomic.Bool
}

type actorKey struct{}

func actorFrom(ctx context.Context) *actorInfo {
	act, _ := ctx.Value(actorKey{}).(*actorInfo)
	return act
}
