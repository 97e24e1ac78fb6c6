package bot

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/matching"
)

// ActionRequestTopic changes a waiting request's topic to the one
// suggested with it. Its value is "<request ID>:<topic>".
const ActionRequestTopic = "request.topic"

// maxSuggestValue bounds the button's value: Discord packs the guild, the
// action and the value into a custom_id of 100 characters. A suggestion
// too long for it is still made, without the button.
const maxSuggestValue = 60

// topicSuggestion is an offered topic close to a requested one that
// nobody offers, and the mentors offering it: those who could take the
// request, or, when there are none, those who could but for their
// languages, and the languages these speak.
type topicSuggestion struct {
	topic string // as the first mentor offering it spelt it
	// broader: the topic is no typo of the request's but a broader one,
	// whose words are all among the request's (matching.Broader).
	broader bool
	mentors int
	// full: every one of mentors has all their places taken right now
	// (the request changed to the topic would wait for one), which the
	// suggestion says.
	full bool
	// paused: no mentor who could take the request offers a close topic,
	// but mentors who paused their offer do (mentors counts them): the
	// request changed to it would wait for them to resume, which the
	// suggestion says. Without it the typo would go unnoticed and the
	// request miss them once they are back.
	paused bool
	// others are the languages of the mentors of the topic who share none
	// with the request, most speakers first (matching.LanguageGap's
	// order); set only when mentors is 0 and others counts them.
	others []matching.LanguageCount
	// otherMentors counts the mentors speaking the others.
	otherMentors int
}

// suggestTopic looks for an offered topic that the request's topic is
// likely a typo of (matching.Suggest, with the workspace's synonyms),
// else a broader one, whose words are all among the request's
// ("kubernetes" for "kubernetes operators", matching.Broader), which the
// matcher never proposes on its own, among the offers of the mentors who
// could take the request, and counts those mentors: a suggestion must
// lead somewhere. A mentor could take it when, their topic aside, the
// matcher would propose them now or once a slot of theirs is free
// (couldTake): not paused, in the request's program, sharing a language
// with it, accepting its kind, near enough, neither the mentee nor a
// mentor the request or the mentee's history rules out. Mentors who
// differ only by their languages are looked at too: the corrected request
// is then asked to widen its languages, as the request with the right
// spelling would be (languageAsk), so the suggestion says which languages
// they speak. It reads every offer, but only for a request that found no
// mentor. Failures are logged and mean no suggestion.
func (b *Bot) suggestTopic(ctx context.Context, r Request, mentee Member) (topicSuggestion, bool) {
	t := r.Mentee.Tenant()
	offers, err := b.store.offers.Offers(ctx, t)
	if err != nil {
		b.log.Warn("suggest topic: list offers", "tenant", t.String(), "code", string(ErrorCode(err)))
		return topicSuggestion{}, false
	}
	hist, err := b.store.proposals.Histories(ctx, t, []string{r.Mentee.User})
	if err != nil {
		b.log.Warn("suggest topic: read history", "tenant", t.String(), "code", string(ErrorCode(err)))
		return topicSuggestion{}, false
	}
	never, met := verdicts(hist[r.Mentee.User])
	need, opt := b.needWith(r, mentee, never, met), b.matchOptions(ctx, t)
	anyLanguage := need
	anyLanguage.Languages = nil // a need that lists none accepts every language
	var live, otherLang, paused []Offer
	var offered, pausedTopics []string
	for _, o := range offers {
		if o.Mentor == r.Mentee {
			continue
		}
		if o.Paused {
			if b.couldTake(need, offerResumed(o), opt) {
				paused = append(paused, o)
				pausedTopics = append(pausedTopics, o.Topics...)
			}
			continue
		}
		switch {
		case b.couldTake(need, o, opt):
			live = append(live, o)
		case len(need.Languages) > 0 && b.couldTake(anyLanguage, o, opt):
			otherLang = append(otherLang, o)
		default:
			continue
		}
		offered = append(offered, o.Topics...)
	}
	syn := opt.Synonyms
	if len(offering(append(append(slices.Clone(live), otherLang...), paused...), syn, syn.Normalize(r.Topic))) > 0 {
		return topicSuggestion{}, false // offered as written: nothing to suggest
	}
	best, broader, ok := closeTopic(syn, r.Topic, offered)
	if !ok {
		// Only paused mentors offer a close topic.
		if best, broader, ok = closeTopic(syn, r.Topic, pausedTopics); !ok {
			return topicSuggestion{}, false
		}
		mentors := offering(paused, syn, syn.Normalize(best))
		return topicSuggestion{topic: best, broader: broader, mentors: len(mentors), paused: true}, len(mentors) > 0
	}
	want := syn.Normalize(best)
	s := topicSuggestion{topic: best, broader: broader}
	mentors := offering(live, syn, want)
	s.mentors = len(mentors)
	s.full = s.mentors > 0
	for _, o := range mentors {
		if o.Active+o.Pending < o.Capacity {
			s.full = false
		}
	}
	if s.mentors == 0 {
		// Only mentors of other languages offer it: the languages they
		// speak, as the language gap of the corrected request says them.
		theirs := offering(otherLang, syn, want)
		corrected := need
		corrected.Topic = best
		gap := matching.Languages(corrected, b.mentors(theirs), opt)
		s.others, s.otherMentors = gap.Others, gap.Mentors
		// Full when every one of them is: the request would wait for a
		// place even with their languages.
		s.full = s.otherMentors > 0
		for _, o := range theirs {
			if o.Active+o.Pending < o.Capacity {
				s.full = false
			}
		}
	}
	return s, s.mentors > 0 || s.otherMentors > 0
}

// closeTopic is the offered topic that topic is likely a typo of, else a
// broader one (broader), whose words are all among topic's.
func closeTopic(syn matching.Synonyms, topic string, offered []string) (best string, broader, ok bool) {
	if best, ok = syn.Suggest(topic, offered); ok {
		return best, false, true
	}
	best, ok = syn.Broader(topic, offered)
	return best, true, ok
}

// offerResumed is o as the matcher will see it once its mentor resumes.
func offerResumed(o Offer) Offer {
	o.Paused = false
	return o
}

// offering returns the offers with a topic that folds to want.
func offering(offers []Offer, syn matching.Synonyms, want string) []Offer {
	var out []Offer
	for _, o := range offers {
		for _, topic := range o.Topics {
			if syn.Normalize(topic) == want {
				out = append(out, o)
				break
			}
		}
	}
	return out
}

// couldTake reports whether the matcher, asked need on a topic of the
// offer's, would find its mentor eligible or only full: every hard
// filter but the topic and the mentor's free slots (see matching's
// Eligibility), so that a suggestion counts the mentors the corrected
// request may be proposed to.
func (b *Bot) couldTake(need matching.Need, o Offer, opt matching.Options) bool {
	return couldTakeMentor(need, b.mentors([]Offer{o})[0], opt)
}

// couldTakeMentor is couldTake of a mentor as the matcher sees them.
func couldTakeMentor(need matching.Need, m matching.Mentor, opt matching.Options) bool {
	mentors := []matching.Mentor{m}
	for _, topic := range m.Topics {
		need.Topic = topic
		e := matching.Explain(need, mentors, opt)
		if e.NoTopic == 0 {
			return e.Eligible+e.NoCapacity > 0
		}
	}
	return false
}

// suggestionMessage asks the mentee whether they meant the suggestion,
// with a button that changes the request. It never changes it by itself.
func suggestionMessage(lang Lang, r Request, s topicSuggestion) Message {
	// Nobody offers the topic as written: it waits for a mentor who
	// does, not for one to be free.
	msg := Message{Text: T(lang, "request.waiting_topic", "topic", r.Topic) + "\n" + suggestionText(lang, r, s)}
	if value := r.ID + ":" + s.topic; len(value) <= maxSuggestValue {
		msg.Buttons = []Button{{Label: T(lang, "btn.request_topic", "topic", s.topic), ActionID: ActionRequestTopic, Value: value, Style: StylePrimary}}
	}
	return msg
}

// suggestionText says that nobody offers the request's topic and asks
// whether the mentee meant the suggestion ("Did you mean “kubernetes” (4
// mentors)?") or would rather ask the mentors of the broader topic ("4
// mentors offer “kubernetes”: ask them instead?"). When only mentors of
// other languages offer it, it says which.
func suggestionText(lang Lang, r Request, s topicSuggestion) string {
	codes := suggestionLanguages(s)
	full := ""
	switch {
	case s.paused:
		full = " " + T(lang, "request.suggestion_paused", "count", itoa(s.mentors))
	case s.full:
		full = " " + T(lang, "request.suggestion_full", "count", itoa(s.mentors))
	}
	if s.broader {
		if s.mentors > 0 {
			return T(lang, "request.broader", "topic", r.Topic, "suggestion", s.topic, "count", itoa(s.mentors)) + full
		}
		key := "request.broader_languages"
		if len(codes) > 1 {
			key += "_many"
		}
		return T(lang, key, "topic", r.Topic, "suggestion", s.topic, "count", itoa(s.otherMentors), "languages", languageList(lang, codes)) + otherFull(lang, s)
	}
	if s.mentors > 0 {
		return T(lang, "request.suggest", "topic", r.Topic, "suggestion", s.topic, "mentors", mentorCount(lang, s.mentors)) + full
	}
	key := "request.suggest_languages"
	if len(codes) > 1 {
		key += "_many"
	}
	if s.otherMentors == 1 {
		key += "_one"
	}
	return T(lang, key, "topic", r.Topic, "suggestion", s.topic, "count", itoa(s.otherMentors), "languages", languageList(lang, codes)) + otherFull(lang, s)
}

// otherFull says, after a suggestion whose mentors all speak other
// languages, that none of them has a free place right now; "" if one has.
func otherFull(lang Lang, s topicSuggestion) string {
	if !s.full || s.paused {
		return ""
	}
	return " " + T(lang, "request.suggestion_full", "count", itoa(s.otherMentors))
}

// mentorCount says how many mentors offer a suggested topic: "1 mentor",
// "3 mentors".
func mentorCount(lang Lang, n int) string {
	if n == 1 {
		return T(lang, "count.mentors_one")
	}
	return T(lang, "count.mentors", "count", itoa(n))
}

// suggestionLanguages are the languages that a suggestion's mentors of
// other languages speak, as many as a question names (maxAskLanguages).
func suggestionLanguages(s topicSuggestion) []string {
	codes := make([]string, 0, len(s.others))
	for _, o := range s.others {
		codes = append(codes, o.Language)
	}
	if len(codes) > maxAskLanguages {
		codes = codes[:maxAskLanguages]
	}
	return codes
}

// changeRequestTopic is the suggestion's button: only the mentee it was
// sent to may use it, and only while the request waits. The request keeps
// its place in the queue, and a mentor is proposed at once if one fits.
func changeRequestTopic(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	id, topic, _ := strings.Cut(value, ":")
	if id == "" || topic == "" || utf8.RuneCountInString(topic) > MaxTopicLen {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	t := who.Tenant()
	r, err := b.waitingRequestOf(ctx, who, id, "err.request_not_waiting")
	if (err == nil || ErrorCode(err) == ESTALE) && r.Mentee == who && r.Topic == topic {
		// A second click: the change was made by the first (the request
		// since proposed, or still waiting: held for its program's
		// kick-off, or no mentor free).
		return Reply{}, Errorf(ESTALE, "err.request_topic_already", "topic", topic)
	}
	if err != nil {
		return Reply{}, err
	}
	r, err = b.store.requests.SetRequestTopic(ctx, t, id, topic, topicKeys(topic))
	if ErrorCode(err) == ESTALE {
		return Reply{}, Errorf(ESTALE, "err.request_not_waiting")
	}
	if err != nil {
		return Reply{}, err
	}
	b.log.Info("request topic changed", "request", r.ID, "member", who.String())
	changed := T(lang, "request.topic_changed", "topic", r.Topic)
	if held, ok := b.heldText(ctx, lang, r); ok {
		// Held for its program's kick-off: proposed in its round, not now.
		return Reply{Replace: true, Message: Message{Text: changed + "\n" + held}}, nil
	}
	mentee, err := b.member(ctx, who)
	if err != nil {
		return Reply{Replace: true, Message: Message{Text: changed + "\n" + T(lang, "request.saved_later", "topic", r.Topic)}}, nil
	}
	return b.proposeChanged(ctx, lang, r, mentee, changed), nil
}

// proposeChanged proposes a request a button has just changed, and
// replaces the button's message with what changed and what came of it.
func (b *Bot) proposeChanged(ctx context.Context, lang Lang, r Request, mentee Member, changed string) Reply {
	res, err := b.proposeNext(ctx, r, mentee)
	next := ""
	switch {
	case err != nil:
		// The request is stored as changed; the sweep retries.
		b.log.Error("propose failed", "request", r.ID, "err", err)
		next = T(lang, "request.saved_later", "topic", r.Topic)
	case res.proposed:
		next = T(lang, "request.proposed", "topic", r.Topic)
	case res.paused != nil:
		next = b.pausedWaiting(ctx, lang, r, *res.paused, mentee)
	case res.gap.Gap():
		// Only mentors of other languages offer the topic now (the
		// suggestion said so): the question that widens the request's
		// languages, with its button.
		msg := languageAskFull(lang, changed, r, requestLanguages(r, mentee), res.gap, b.gapFull(ctx, r, mentee, res.gap))
		return Reply{Replace: true, Message: msg}
	default:
		next = res.reason(lang, r.Topic)
	}
	return Reply{Replace: true, Message: Message{Text: changed + "\n" + next}}
}

// waitingRequestOf reads the request a button of who's names, for a
// button that acts only on who's own waiting request: a request that is
// gone is a stale button, someone else's is refused, and one no longer
// waiting is the ESTALE sentence notWaiting.
func (b *Bot) waitingRequestOf(ctx context.Context, who MemberID, id, notWaiting string) (Request, error) {
	r, err := b.store.requests.GetRequest(ctx, who.Tenant(), id)
	switch {
	case ErrorCode(err) == ENOTFOUND:
		return r, Errorf(ESTALE, "err.unknown_button")
	case err != nil:
		return r, err
	case r.Mentee != who:
		return r, Errorf(EFORBIDDEN, "err.not_your_button")
	case r.State == RequestCancelled:
		// Withdrawn: "no longer waiting" would read as if about the
		// member's request of now, which may well wait.
		return r, Errorf(ESTALE, "err.request_withdrawn_button")
	case r.State != RequestWaiting:
		return r, Errorf(ESTALE, notWaiting)
	}
	return r, nil
}
