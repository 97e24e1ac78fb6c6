package bot

import (
	"context"
)

// HomePublisher is an optional Platform feature: a home the platform shows
// each member apart from their messages (Slack's App Home tab). The core
// tells it when a member's home may have changed, from one place: the
// events it records (both members they name) and the commands and clicks
// it answers (the member who acted). HomeChanged must return at once,
// without I/O: it is called on the path of commands, clicks and jobs. The
// platform asks Bot.Home for the home later, when it sees fit (after a
// short wait that folds several changes into one publication).
type HomePublisher interface {
	HomeChanged(m MemberID)
}

// Home returns a member's home, in their language, and whether to show
// it. opened says that the member is looking at their home now (Slack's
// app_home_opened): that is noted, and the home is always shown. A
// refresh (opened false) is shown only to a member who opened their home
// before: nothing is published to the others, who would never look.
// locale is the platform's hint of the member's language. A member the
// bot has not met yet is shown what their platform's profile says of
// them (language, time zone), as their first command would be answered.
func (b *Bot) Home(ctx context.Context, m MemberID, locale string, opened bool) (Message, Lang, bool, error) {
	if !opened {
		// A refresh: most members who act never opened their home, so
		// this one read is all a refresh costs them.
		if seen, err := b.store.homes.HasOpenedHome(ctx, m); err != nil || !seen {
			return Message{}, "", false, err
		}
	}
	me, lookup := b.store.members.GetMember(ctx, m)
	lang := b.langFor(ctx, m, me, lookup, locale)
	if lookup != nil && ErrorCode(lookup) != ENOTFOUND {
		return Message{}, lang, false, lookup
	}
	newcomer := lookup != nil
	if newcomer {
		// Met as a first command meets them (touchMember): what the
		// platform's directory knows (on Slack, users.info, once, then
		// cached) gives their language and time zone, so that the home
		// and /mentor status agree. Nothing is recorded.
		me, _ = b.touchMember(ctx, m, Member{}, lookup, locale, false)
		lang = me.Lang
	}
	if opened {
		if err := b.store.homes.OpenedHome(ctx, m); err != nil {
			// Shown all the same: only later refreshes are lost.
			b.log.Warn("home: opening not noted", "member", m.String(), "code", string(ErrorCode(err)))
		}
	}
	d, err := b.gatherHome(ctx, lang, m, me, newcomer)
	if err != nil {
		return Message{}, lang, false, err
	}
	return ownedBy(m, renderHome(lang, d)), lang, true, nil
}

// homeChanged tells the platforms that can show a home that these
// members' homes may have changed. It does no I/O and never fails.
func (b *Bot) homeChanged(ids ...MemberID) {
	for i, id := range ids {
		if id.User == "" || (i > 0 && id == ids[0]) {
			continue
		}
		p, err := b.platform(id)
		if err != nil {
			continue
		}
		if hp, ok := p.(HomePublisher); ok {
			hp.HomeChanged(id)
		}
	}
}

// homeActions are the home's own buttons (the offer's is ActionOfferOpen).
func homeActions() map[string]actionFunc {
	return map[string]actionFunc{
		ActionHomeRequest: openRequestForm,
		ActionHomePause:   homeCommand("pause"),
		ActionHomeResume:  homeCommand("resume"),
		ActionHomeProfile: openProfileForm,
	}
}

// openRequestForm is the home's "Ask for a mentor": the request form. Its
// text, which says how to ask without a form, shows where no form opens.
func openRequestForm(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	spec, _ := b.command("request")
	f := b.form(ctx, spec, &Invocation{Member: who, Lang: lang})
	return Reply{Form: f, Message: Message{Text: T(lang, "home.request_how")}}, nil
}

// openProfileForm is the home's "Set my time zone and hours".
func openProfileForm(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	me, err := b.member(ctx, who)
	if err != nil {
		return Reply{}, err
	}
	return Reply{Form: profileForm(lang, me), Message: Message{Text: T(lang, "home.profile_how")}}, nil
}

// homeCommand runs a command without options for the home's button: the
// same as typing it.
func homeCommand(name string) actionFunc {
	return func(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
		spec, _ := b.command(name)
		me, err := b.member(ctx, who)
		if err != nil {
			return Reply{}, err
		}
		return spec.run(ctx, b, &Invocation{Member: who, Me: me, Lang: lang, Spec: spec, Values: map[string]string{}})
	}
}
