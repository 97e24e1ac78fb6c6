package bot

import (
	"context"
	"strings"
	"time"
)

// IntroNoRequest is the Duration of the EventIntro of a pair that had no
// request to time the introduction from: stored as such (-1 s), it is
// counted among the introductions, not in their median time from request.
const IntroNoRequest = -time.Second

// introduce counts a pair that just became official and sends its
// introduction at once. The introduction job scheduled with the pair
// (intro:<pair>) sends it later if this attempt fails; the two share one
// delivery mark, so it goes out once.
func (b *Bot) introduce(ctx context.Context, pair Pair) {
	// A pair with no request of the mentee's (OpenTopic: its request was
	// made with it) has no time from request: IntroNoRequest.
	e := Event{Kind: EventIntro, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic, Duration: IntroNoRequest}
	if r, err := b.store.requests.GetRequest(ctx, pair.Mentor.Tenant(), pair.Request); err == nil && !pair.Official.IsZero() && pair.Topic != OpenTopic {
		e.Duration = pair.Official.Sub(b.introTimedFrom(ctx, r, pair.Official))
	}
	b.record(ctx, e)
	// Its request is matched now, not when the proposal was accepted: a
	// charter declined or timed out leaves it waiting. Only the first
	// match of a request counts (Store.Record).
	b.record(ctx, Event{Kind: EventMatched, Member: pair.Mentee, Ref: pair.Request})
	if err := b.sendIntro(ctx, pair); err != nil {
		b.log.Warn("intro not delivered yet, its job will retry", "pair", pair.ID, "code", string(ErrorCode(err)))
	}
}

// sendIntro sends the one introduction of an official pair to both members
// together, once, with three meeting times in each member's zone and a
// button each (meeting_times.go). When they read different languages it
// is bilingual.
func (b *Bot) sendIntro(ctx context.Context, pair Pair) error {
	mentor, err := b.member(ctx, pair.Mentor)
	if err != nil {
		return err
	}
	mentee, err := b.member(ctx, pair.Mentee)
	if err != nil {
		return err
	}
	langs := pairLangs(mentor, mentee)
	p, err := b.platform(pair.Mentor)
	if err != nil {
		return err
	}
	_, err = b.toPairOnce(ctx, p, pair, JobIntro+":"+pair.ID, func(ctx context.Context) (Message, error) {
		// The times are offered as the introduction goes: a retry shows
		// the same ones, unless they are too close by then.
		m, err := b.introTimes(ctx, pair, mentor, mentee)
		if err != nil {
			return Message{}, err
		}
		msg := introMessage(langs, pair, mentor, mentee, func(l Lang) []Field {
			return b.timesFields(ctx, l, m, mentor, mentee)
		})
		// The times' buttons, then Set our goals (goals.go).
		msg.Buttons = append(timesButtons(langs, pair, m, mentor.TZ == "" || mentee.TZ == ""), msg.Buttons...)
		return msg, nil
	})
	return err
}

// runIntro sends an introduction that could not be sent when the pair
// became official (intro:<pair>); otherwise it finds it sent.
func runIntro(ctx context.Context, b *Bot, t Tenant, j Job) error {
	pair, err := b.store.pairs.GetPair(ctx, t, j.Part(0))
	if err != nil || pair.State != PairActive {
		return ignoreGone(err)
	}
	return b.sendIntro(ctx, pair)
}

// introMessage is the introduction, in one or two languages: each part,
// the room's label included, in each reader's language. Each language's
// fields come together, its meeting times (times) last, one language after
// the other in the order of langs: adapters that lay fields out side by
// side (Slack's two columns) keep each language's apart (Field.Lang).
func introMessage(langs []Lang, pair Pair, mentor, mentee Member, times func(Lang) []Field) Message {
	var titles, texts, rooms []string
	var fields []Field
	for _, l := range langs {
		titles = append(titles, T(l, "intro.title", "topic", pair.Topic))
		rooms = append(rooms, T(l, "intro.room"))
		key := introTextKey(langs, l, mentor)
		texts = append(texts, T(l, key, "mentor", mentor.displayName(), "mentee", mentee.displayName(), "topic", pair.Topic, "kind", T(l, "kind."+string(pair.Kind))))
		// A half that speaks to the mentor says why to them ("you offer
		// “go”"), as their proposal did; the others name the mentor.
		who := mentor.displayName()
		if key == "intro.text_mentor" {
			who = ""
		}
		if pair.Goal != "" {
			fields = append(fields, Field{Label: T(l, "field.goal"), Value: pair.Goal, Lang: l})
		}
		fields = append(fields,
			Field{Label: T(l, "field.why"), Value: reasonsText(l, pair.Reasons, who), Lang: l},
			Field{Label: T(l, "field.next"), Value: T(l, "intro.next."+string(pair.Kind)), Lang: l, Sentence: true})
		fields = append(fields, times(l)...)
	}
	return Message{
		Title:    strings.Join(titles, " / "),
		Text:     strings.Join(texts, "\n\n"),
		Fields:   fields,
		Link:     &Link{Label: strings.Join(rooms, " / "), URL: pair.Room},
		Buttons:  goalButtons(langs, pair),
		Mentions: []MemberID{pair.Mentor, pair.Mentee},
	}
}

// introTextKey is the key of the introduction's text in l, one of langs:
// each language speaks to its reader. The mentee's language (and a
// language both read) introduces the mentor to the mentee; in a
// bilingual introduction, the mentor's introduces the mentee to the
// mentor.
func introTextKey(langs []Lang, l Lang, mentor Member) string {
	if len(langs) > 1 && l == mentor.Lang && l != langs[0] {
		return "intro.text_mentor"
	}
	return "intro.text"
}
