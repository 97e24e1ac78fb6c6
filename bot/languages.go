package bot

import (
	"context"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/mentorbot/mentorbot/matching"
)

// The language a member reads (Member.Lang, /mentor lang) and the
// languages they speak for mentoring (Member.Languages, languages: on an
// offer or a request) are two things. The reading language is never a
// filter of its own: it stands for the spoken languages only until the
// member gives them, and when it then keeps a request from every mentor
// of its topic, the member is asked (languageAsk) rather than left
// waiting.

// ActionRequestLanguages widens a waiting request to more languages. Its
// value is "<request ID>:<code>,<code>".
const ActionRequestLanguages = "request.languages"

// maxAskLanguages bounds the languages a widening button adds, so that
// its value fits a Discord custom_id.
const maxAskLanguages = 4

// spoken returns the languages m speaks for mentoring: those they gave,
// else the language they read (none when that is unknown too).
func spoken(m Member) []Lang {
	if len(m.Languages) > 0 {
		return m.Languages
	}
	if m.Lang != "" {
		return []Lang{m.Lang}
	}
	return nil
}

// followReadingLanguage keeps the languages of an offer that took the
// language its mentor read, for want of any they gave, with that
// language when it changes: until a member gives their languages, they
// are the one they read. The offer is then matched with the waiting
// requests it may now fit. A failure is logged: the offer keeps its
// languages, which the mentor sees in /mentor status.
func (b *Bot) followReadingLanguage(ctx context.Context, m Member, old Lang) {
	if len(m.Languages) > 0 || old == m.Lang {
		return
	}
	o, err := b.store.offers.GetOffer(ctx, m.ID)
	if err != nil || !slices.Equal(o.Languages, []Lang{old}) {
		if err != nil && ErrorCode(err) != ENOTFOUND {
			b.log.Warn("offer languages: read offer", "mentor", m.ID.String(), "code", string(ErrorCode(err)))
		}
		return
	}
	o.Languages = []Lang{m.Lang}
	if err := b.store.offers.SaveOffer(ctx, o); err != nil {
		b.log.Warn("offer languages: save offer", "mentor", m.ID.String(), "code", string(ErrorCode(err)))
		return
	}
	b.matchFor(ctx, o)
}

// requestLanguages returns the languages a request accepts: its own, else
// those its mentee speaks.
func requestLanguages(r Request, mentee Member) []Lang {
	if len(r.Languages) > 0 {
		return r.Languages
	}
	return spoken(mentee)
}

// sharedLanguage returns the first language mentee speaks that mentor
// speaks too: what "you both speak" may truly say.
func sharedLanguage(mentee, mentor Member) (Lang, bool) {
	theirs := spoken(mentor)
	for _, l := range spoken(mentee) {
		if slices.Contains(theirs, l) {
			return l, true
		}
	}
	return "", false
}

// langCodes turns languages into the matcher's codes.
func langCodes(langs []Lang) []string {
	out := make([]string, len(langs))
	for i, l := range langs {
		out[i] = string(l)
	}
	return out
}

// languageName names a language code in the reader's language: the
// catalog's name for the languages the bot speaks, else the CLDR name
// ("German", « allemand »), else the code itself.
func languageName(reader Lang, code string) string {
	if HasKey(reader, "lang."+code) {
		return T(reader, "lang."+code)
	}
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.Languages(language.Make(string(reader))).Name(tag); n != "" {
		return n
	}
	return code
}

// languageList names languages joined with "or": « anglais ou allemand ».
func languageList(reader Lang, codes []string) string {
	names := languageNames(reader, codes)
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + T(reader, "langs.or") + names[len(names)-1]
}

// languageNames names language codes in the reader's language.
func languageNames(reader Lang, codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = languageName(reader, c)
	}
	return out
}

// languageAsk is the reply to a request that no mentor of its topic can
// take because of languages alone: it says which languages the topic's
// mentors speak, and carries a button that widens the request to them.
// head is the first line, which says the request waits.
func languageAsk(lang Lang, head string, r Request, want []Lang, gap matching.LanguageGap) Message {
	return languageAskFull(lang, head, r, want, gap, false)
}

// languageAskFull is languageAsk, saying when full that every mentor
// the button would bring in has all their places taken right now, as a
// topic's suggestion says it (request.suggestion_full): the request
// widened would wait for a place, not be proposed at once.
func languageAskFull(lang Lang, head string, r Request, want []Lang, gap matching.LanguageGap, full bool) Message {
	others := make([]string, 0, len(gap.Others))
	for _, o := range gap.Others {
		others = append(others, o.Language)
	}
	if len(others) > maxAskLanguages {
		others = others[:maxAskLanguages]
	}
	wantCodes := langCodes(want)
	none := "langs.gap_none"
	if gap.Declined > 0 {
		none = "langs.gap_none_other" // the mentor who speaks them declined
	}
	if len(wantCodes) > 1 {
		none += "_many"
	} else {
		none += "_one"
	}
	do := "langs.gap_others"
	if len(others) > 1 {
		do = "langs.gap_others_many"
	}
	if gap.Mentors == 1 {
		do += "_one"
	}
	names := languageList(lang, others)
	ask := T(lang, "langs.ask", "languages", names)
	if full {
		ask = T(lang, "request.suggestion_full", "count", itoa(gap.Mentors)) + "\n" + T(lang, "langs.ask_full", "languages", names)
	}
	text := head + "\n" +
		T(lang, none, "languages", languageList(lang, wantCodes), "topic", r.Topic) + reasonSep(lang) +
		T(lang, do, "count", itoa(gap.Mentors), "languages", names) + "\n" + ask
	value := r.ID + ":" + strings.Join(others, ",")
	if len(value) > maxSuggestValue {
		return Message{Text: text} // too long for a Discord custom_id: said, without the button
	}
	return Message{Text: text, Buttons: []Button{{
		Label: T(lang, "btn.request_languages", "languages", names), ActionID: ActionRequestLanguages,
		Value: value, Style: StylePrimary,
	}}}
}

// gapFull reports whether every mentor that widening r's languages would
// bring in (gap, as the instant proposal found it) has all their places
// taken right now: languages aside, the mentors of its topic with a free
// place leave no such gap. A failure to read counts as not full.
func (b *Bot) gapFull(ctx context.Context, r Request, mentee Member, gap matching.LanguageGap) bool {
	if !gap.Gap() {
		return false
	}
	t := r.Mentee.Tenant()
	offers, err := b.store.offers.OffersFor(ctx, t, b.lookupKeys(ctx, t, r.Topic))
	if err != nil {
		b.log.Warn("language ask: read offers", "tenant", t.String(), "code", string(ErrorCode(err)))
		return false
	}
	var free []matching.Mentor
	for _, m := range b.mentors(offers) {
		if m.Active < m.Capacity {
			free = append(free, m)
		}
	}
	return matching.Languages(b.need(r, mentee), free, b.matchOptions(ctx, t)).Mentors == 0
}

// languageGap tells whether languages alone keep r from the mentors of
// its topic, from the mentors the instant proposal read.
func languageGap(rk ranking) matching.LanguageGap {
	return matching.Languages(rk.need, rk.mentors, rk.opt)
}

// widenRequestLanguages is the language ask's button: only the mentee it
// was sent to may use it, and only while the request waits. The request
// then accepts the languages it had and those of the button, keeping its
// place in the queue, and a mentor is proposed at once if one fits. A
// second click finds the languages already there, or the request no
// longer waiting.
func widenRequestLanguages(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	id, list, _ := strings.Cut(value, ":")
	add := parseLangs(strings.Split(list, ","))
	if id == "" || len(add) == 0 || len(add) > maxAskLanguages {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	t := who.Tenant()
	r, err := b.waitingRequestOf(ctx, who, id, "err.request_not_waiting_languages")
	if ErrorCode(err) == ESTALE && r.Mentee == who && r.State.Open() && !slices.ContainsFunc(add, func(l Lang) bool { return !slices.Contains(r.Languages, l) }) {
		// A second click, after the first widened the request and a
		// mentor was asked: said as it is, not "stays as it is".
		return Reply{}, Errorf(ESTALE, "err.request_languages_widened", "topic", r.Topic, "languages", languageList(lang, langCodes(add)))
	}
	if err != nil {
		return Reply{}, err
	}
	mentee, err := b.member(ctx, who)
	if err != nil {
		return Reply{}, err
	}
	langs := slices.Clone(requestLanguages(r, mentee))
	for _, l := range add {
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	r, err = b.store.requests.SetRequestLanguages(ctx, t, id, langs)
	if ErrorCode(err) == ESTALE {
		return Reply{}, Errorf(ESTALE, "err.request_not_waiting_languages")
	}
	if err != nil {
		return Reply{}, err
	}
	b.log.Info("request languages widened", "request", r.ID, "member", who.String())
	changed := T(lang, "request.languages_changed", "topic", r.Topic, "languages", languageList(lang, langCodes(add)))
	return b.proposeChanged(ctx, lang, r, mentee, changed), nil
}
