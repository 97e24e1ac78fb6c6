package bot

import (
	"context"
	"strings"
)

// ActionOfferOpen is the "Offer to mentor" button of a call for mentors:
// it opens the offer form for whoever clicks it.
const ActionOfferOpen = "offer.open"

// langBoth is the announce option for a bilingual call for mentors.
const langBoth = "both"

// maxReinvite bounds how many past mentors the announce reply names.
const maxReinvite = 10

// runAdminAnnounce posts a call for mentors in a channel, in the
// workspace's language, another, or both (lang:both). The manager's reply
// carries the advice that works best, asking experienced members in person
// and re-inviting past mentors, with the paused mentors to re-invite.
func runAdminAnnounce(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	raw := in.Text("channel")
	channel, ok := parseChannelRef(raw)
	if !ok {
		return Reply{}, badChannel("channel", raw)
	}
	p, err := b.tenantPlatform(t)
	if err != nil {
		return Reply{}, err
	}
	poster, ok := p.(Poster)
	if !ok {
		return Reply{}, Errorf(EINVALID, "err.admin.cannot_post")
	}
	langs := []Lang{b.settings(ctx, t).DefaultLang}
	switch l := in.Text("lang"); l {
	case "":
	case langBoth:
		langs = append(langs[:0], English, French)
		if b.settings(ctx, t).DefaultLang == French {
			langs = []Lang{French, English}
		}
	default:
		langs = []Lang{Lang(l)}
	}
	msg := announceMessage(langs)
	msg.Lang = langs[0]
	if err := poster.Post(ctx, t, channel, msg); err != nil {
		return Reply{}, err
	}
	b.log.Info("call for mentors posted", "tenant", t.String(), "channel", channel, "by", in.Member.String())
	text := T(in.Lang, "admin.announce.done", "channel", ChannelText(channel)) + "\n" + T(in.Lang, "admin.announce.advice")
	if names := b.pastMentors(ctx, t); len(names) > 0 {
		text += "\n" + T(in.Lang, "admin.announce.reinvite", "names", strings.Join(names, ", "))
	}
	return Reply{Message: Message{Text: text, Channels: []string{channel}}}, nil
}

// announceMessage is the call for mentors, in one or more languages, with
// one button.
func announceMessage(langs []Lang) Message {
	var titles, texts, labels []string
	for _, l := range langs {
		titles = append(titles, T(l, "announce.title"))
		texts = append(texts, T(l, "announce.text"))
		labels = append(labels, T(l, "btn.offer_open"))
	}
	return Message{
		Title:   strings.Join(titles, " / "),
		Text:    strings.Join(texts, "\n\n"),
		Buttons: []Button{{Label: strings.Join(labels, " / "), ActionID: ActionOfferOpen, Value: "announce", Style: StylePrimary}},
	}
}

// pastMentors names mentors whose offer is paused: the first people to
// re-invite.
func (b *Bot) pastMentors(ctx context.Context, t Tenant) []string {
	offers, err := b.store.offers.Offers(ctx, t)
	if err != nil {
		return nil
	}
	var names []string
	for _, o := range offers {
		if !o.Paused || len(names) == maxReinvite {
			continue
		}
		m, err := b.member(ctx, o.Mentor)
		if err == nil {
			names = append(names, m.displayName())
		}
	}
	return names
}

// openOfferForm answers the "Offer to mentor" button with the offer form
// (a modal on Slack and Discord; the shell says what to type).
func openOfferForm(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	spec, _ := b.command("offer")
	f := b.form(ctx, spec, &Invocation{Member: who, Lang: lang})
	return Reply{Form: f, Message: Message{Text: T(lang, "announce.offer_how")}}, nil
}
