package bot

import (
	"context"
	"strings"
)

// introduce sends the one introduction of an official pair to both
// members together. When they read different languages it is bilingual.
func (b *Bot) introduce(ctx context.Context, pair Pair) {
	mentor, err := b.member(ctx, pair.Mentor)
	if err != nil {
		b.log.Error("intro: member", "pair", pair.ID, "err", err)
		return
	}
	mentee, err := b.member(ctx, pair.Mentee)
	if err != nil {
		b.log.Error("intro: member", "pair", pair.ID, "err", err)
		return
	}
	langs := []Lang{mentee.Lang}
	if mentor.Lang != mentee.Lang {
		langs = append(langs, mentor.Lang)
	}
	msg := introMessage(langs, pair, mentor, mentee)
	p, err := b.platform(pair.Mentor)
	if err != nil {
		b.log.Error("intro: platform", "pair", pair.ID, "err", err)
		return
	}
	if err := p.Introduce(ctx, []MemberID{pair.Mentor, pair.Mentee}, msg); err != nil {
		b.log.Error("intro not delivered", "pair", pair.ID, "code", string(ErrorCode(err)), "err", err)
	}
	e := Event{Kind: EventIntro, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic}
	if r, err := b.store.GetRequest(ctx, pair.Mentor.Tenant(), pair.Request); err == nil && !pair.Official.IsZero() {
		e.Duration = pair.Official.Sub(r.Created)
	}
	b.record(ctx, e)
}

// introMessage is the introduction, in one or two languages.
func introMessage(langs []Lang, pair Pair, mentor, mentee Member) Message {
	var titles, texts []string
	var fields []Field
	for _, l := range langs {
		titles = append(titles, T(l, "intro.title", "topic", pair.Topic))
		texts = append(texts, T(l, "intro.text", "mentor", mentor.displayName(), "mentee", mentee.displayName(), "topic", pair.Topic, "kind", T(l, "kind."+string(pair.Kind))))
		if pair.Goal != "" {
			fields = append(fields, Field{T(l, "field.goal"), pair.Goal})
		}
		fields = append(fields,
			Field{T(l, "field.why"), reasonsText(l, pair.Reasons, mentor.displayName())},
			Field{T(l, "field.next"), T(l, "intro.next."+string(pair.Kind))})
	}
	return Message{
		Title:    strings.Join(titles, " / "),
		Text:     strings.Join(texts, "\n\n"),
		Fields:   fields,
		Link:     &Link{Label: T(langs[0], "intro.room"), URL: pair.Room},
		Mentions: []MemberID{pair.Mentor, pair.Mentee},
	}
}
