package bot

import (
	"context"
	"strings"
)

// PostEditor is an optional Platform feature: a post in a channel that
// the bot edits later, such as a speed-mentoring event's registration
// message, whose buttons go when the event is cancelled or over.
// PostEditable posts msg as Poster.Post does and returns a reference to
// the post (IDs only); EditPost replaces the post ref names, buttons
// included. ENOTFOUND when the post is gone.
type PostEditor interface {
	PostEditable(ctx context.Context, t Tenant, channel string, msg Message) (string, error)
	EditPost(ctx context.Context, t Tenant, ref string, msg Message) error
}

// openSpeedEvent stores e with its round jobs and posts its registration
// message in its channel. Where the platform can edit posts, the message
// is posted first, so that the event is stored with its reference
// (SpeedEvent.Post); a store that then fails takes its buttons back.
// Elsewhere the event is stored first, as before, and its message keeps
// its buttons: they answer that the event is cancelled or over.
func (b *Bot) openSpeedEvent(ctx context.Context, t Tenant, p Platform, poster Poster, e SpeedEvent) error {
	msg := speedRegistration(e.Langs, e)
	msg.Lang = e.Langs[0]
	ed, editable := p.(PostEditor)
	if !editable {
		if err := b.store.speed.CreateSpeedEvent(ctx, t, e, speedJobs(e)); err != nil {
			return err
		}
		return poster.Post(ctx, t, e.Channel, msg)
	}
	ref, err := ed.PostEditable(ctx, t, e.Channel, msg)
	if err != nil {
		return err
	}
	e.Post = ref
	if err := b.store.speed.CreateSpeedEvent(ctx, t, e, speedJobs(e)); err != nil {
		b.closeSpeedPost(ctx, e, "event.post_failed")
		return err
	}
	return nil
}

// closeSpeedPost replaces an event's registration message by the same
// message without its buttons, closed with the sentence of key
// ("event.post_cancelled", "event.post_ended") in each of its languages.
// It is best effort, and the same each time (a retried job edits it
// again): a failure is logged; the buttons left answer as before.
func (b *Bot) closeSpeedPost(ctx context.Context, e SpeedEvent, key string) {
	if e.Post == "" {
		return // a platform that cannot edit posts, or an older event
	}
	t := e.By.Tenant()
	p, err := b.tenantPlatform(t)
	if err != nil {
		return
	}
	ed, ok := p.(PostEditor)
	if !ok {
		return
	}
	langs := e.postLangs(b.settings(ctx, t).DefaultLang)
	msg := speedRegistration(langs, e)
	msg.Buttons, msg.Lang = nil, langs[0]
	var closed []string
	for _, l := range langs {
		closed = append(closed, T(l, key, "name", e.Name))
	}
	msg.Text += "\n\n" + strings.Join(closed, "\n")
	if err := ed.EditPost(ctx, t, e.Post, msg); err != nil {
		b.log.Warn("speed registration not closed", "tenant", t.String(), "event", e.ID, "code", string(ErrorCode(err)))
	}
}
