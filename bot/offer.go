package bot

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/matching"
)

// OfferStore keeps mentors' offers and files them under their topic keys
// (offer.go, topickeys.go, matchmaker.go).
type OfferStore interface {
	// SaveOffer creates or replaces the mentor's offer. Active and Pending
	// are kept by the store and ignored here.
	SaveOffer(ctx context.Context, o Offer) error

	// GetOffer returns the mentor's offer, or ENOTFOUND.
	GetOffer(ctx context.Context, mentor MemberID) (Offer, error)

	// Offers returns every offer in the tenant, in mentor ID order.
	Offers(ctx context.Context, t Tenant) ([]Offer, error)

	// OffersFor returns every offer indexed under any of keys (Offer.Keys),
	// with its current Active and Pending, in mentor ID order, in at most
	// two round trips whatever the number of offers. The offers' lists
	// (Topics, Languages, Kinds, Keys) may be shared with other calls:
	// read them, never change them.
	OffersFor(ctx context.Context, t Tenant, keys []string) ([]Offer, error)

	// IndexOffer files the mentor's offer under keys instead of the keys it
	// has, if its topics are still topics (keys were computed from them).
	// ESTALE if the offer changed meanwhile, ENOTFOUND if there is none.
	IndexOffer(ctx context.Context, mentor MemberID, topics, keys []string) error
}

// maxTopicList bounds the text of an offer's topics, add and remove
// options: a whole command's. offerTopics checks the number of topics
// (MaxTopics), then the length of each (MaxTopicLen), with sentences that
// name the rule broken; a bound on the list's characters of its own
// would speak first, and of characters, to a member who typed too many
// topics.
const maxTopicList = MaxTextLen

// runOffer makes the member a mentor for some topics, or updates their
// offer. Only what is given changes: topics: sets the whole list, add:
// and remove: change some topics and keep the others, and any other
// option left out keeps its value. The reply shows the whole offer.
func runOffer(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	m := in.Me
	o, err := b.store.offers.GetOffer(ctx, in.Member)
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return Reply{}, err
	}
	updated := err == nil
	if !updated {
		o = Offer{Mentor: in.Member, Capacity: DefaultCapacity, Languages: spoken(m)}
	}
	if updated && !anyValue(in.Values) {
		// Nothing given, or only text that cleaning left empty (a
		// zero-width space): the offer as it is, not a false "updated".
		return offerReply(in.Lang, "offer.current", o, m, b.memberLoc(ctx, m)), nil
	}
	previous := o.Topics
	topics, err := offerTopics(in, o.Topics)
	if err != nil {
		return Reply{}, err
	}
	if err := applyProfile(in, &m); err != nil {
		return Reply{}, err
	}
	o.Topics, o.TZ, o.Years, o.Updated = topics, m.TZ, m.Years, b.clock.Now().UTC()
	o.Keys = topicKeys(o.Topics...)
	o.Capacity = in.Int("capacity", o.Capacity)
	if v := in.List("languages"); len(v) > 0 {
		o.Languages = parseLangs(v)
		m.Languages = o.Languages // the languages the member speaks, for their requests too
	}
	if o.Programs, err = b.offerPrograms(ctx, in, o, updated); err != nil {
		return Reply{}, err
	}
	if v := in.List("kinds"); len(v) > 0 {
		o.Kinds = o.Kinds[:0]
		for _, k := range v {
			o.Kinds = append(o.Kinds, matching.Kind(k))
		}
	}
	// Before the offer is saved and matched: a waiting request on the
	// topic, which tells it is no typo, may be proposed to this mentor.
	typos := b.typoNotes(ctx, in)
	if err := b.store.members.SaveMember(ctx, m); err != nil {
		return Reply{}, err
	}
	if err := b.store.offers.SaveOffer(ctx, o); err != nil {
		return Reply{}, err
	}
	if !updated {
		b.recordNewMentor(ctx, o)
	}
	if b.matchFor(ctx, o) > 0 {
		// The reply tells the slots as they are now, the proposals just
		// made to this mentor included.
		if now, err := b.store.offers.GetOffer(ctx, o.Mentor); err == nil {
			o.Active, o.Pending = now.Active, now.Pending
		}
	}
	key := "offer.saved"
	if updated {
		key = "offer.updated"
	}
	reply := offerReply(in.Lang, key, o, m, b.memberLoc(ctx, m))
	if o.Active+o.Pending > o.Capacity {
		// Lowered under what is taken: nothing is withdrawn, and the
		// mentor should know why no request comes for a while.
		reply.Message.Text += "\n" + T(in.Lang, "offer.over_capacity", "capacity", itoa(o.Capacity))
	}
	if note := kindsNote(in.Lang, b.settings(ctx, in.Member.Tenant()), o.Kinds); note != "" {
		reply.Message.Text += "\n" + note
	}
	if len(o.Programs) > 0 {
		reply.Message.Fields = append(reply.Message.Fields, Field{Label: T(in.Lang, "field.programs"), Value: b.programNamesOf(ctx, in.Lang, in.Member.Tenant(), o.InPrograms(), true)})
	}
	for _, note := range typos {
		reply.Message.Text += "\n" + note
	}
	if removed := replacedTopics(in, previous, o.Topics); len(removed) > 0 {
		// topics: replaces the list: said, since add: was perhaps meant.
		reply.Message.Text += "\n" + T(in.Lang, "offer.replaced", "topics", andList(in.Lang, removed), "typed", strings.Join(removed, ", "), "count", itoa(len(removed)))
	}
	return reply, nil
}

// anyValue reports whether a command was given any value: validate
// cleaned them, so one of only invisible characters is "" and counts as
// none.
func anyValue(values map[string]string) bool {
	for _, v := range values {
		if v != "" {
			return true
		}
	}
	return false
}

// replacedTopics returns the topics an offer had before that a topics:
// list (not remove:) took out.
func replacedTopics(in *Invocation, before, after []string) []string {
	if len(offerList(in, "topics")) == 0 {
		return nil
	}
	var out []string
	for _, t := range before {
		if topicIndex(after, t) < 0 && topicIndex(offerList(in, "remove"), t) < 0 {
			out = append(out, t)
		}
	}
	return out
}

// typoNotes asks, for each topic typed now that looks like a typo of a
// well-known one ("kubernete"), whether the mentor meant that one, and
// says how to change it: mentees who type the right spelling would be
// offered the typo. The offer is kept as typed. A topic the workspace
// knows is never a typo: one of the built-in vocabulary or of the
// workspace's aliases (matching.Synonyms.SuggestBuiltin), or one that
// another mentor offers or another member's waiting request asks for.
func (b *Bot) typoNotes(ctx context.Context, in *Invocation) []string {
	var notes []string
	var syn matching.Synonyms
	for _, t := range append(offerList(in, "topics"), offerList(in, "add")...) {
		if len(notes) == 2 {
			break
		}
		if syn == nil {
			syn = b.synonyms(ctx, in.Member.Tenant())
		}
		s, ok := syn.SuggestBuiltin(t)
		if ok && !b.topicInUse(ctx, in.Member, syn, t) {
			notes = append(notes, T(in.Lang, "offer.typo", "topic", t, "suggestion", s))
		}
	}
	return notes
}

// topicInUse reports whether a member other than who offers topic, or
// asks for it in a waiting request, as the workspace folds topics: then
// it is a topic of the workspace's, not a typo. It reads only what is
// filed under the topic's keys; a store failure counts as not in use
// (the note is a question, not a change).
func (b *Bot) topicInUse(ctx context.Context, who MemberID, syn matching.Synonyms, topic string) bool {
	t := who.Tenant()
	want := syn.Normalize(topic)
	keys := b.lookupKeys(ctx, t, topic)
	offers, err := b.store.offers.OffersFor(ctx, t, keys)
	if err != nil {
		b.log.Warn("typo note: read offers", "tenant", t.String(), "code", string(ErrorCode(err)))
		return false
	}
	for _, o := range offers {
		if o.Mentor == who {
			continue
		}
		for _, ot := range o.Topics {
			if syn.Normalize(ot) == want {
				return true
			}
		}
	}
	waiting, err := b.store.requests.WaitingFor(ctx, t, keys)
	if err != nil {
		b.log.Warn("typo note: read requests", "tenant", t.String(), "code", string(ErrorCode(err)))
		return false
	}
	for _, r := range waiting {
		if r.Mentee != who && syn.Normalize(r.Topic) == want {
			return true
		}
	}
	return false
}

// offerTopics returns the topics of an offer after the command: the
// topics option replaces current (each topic once), then add appends the topics not there
// yet and remove takes topics out, each compared as topics are ("Go" is
// "golang"). An offer keeps at least one topic. A topic both given
// (topics or add) and removed is refused, whatever was meant
// (addedAndRemoved).
func offerTopics(in *Invocation, current []string) ([]string, error) {
	if err := addedAndRemoved(in); err != nil {
		return nil, err
	}
	topics := append([]string(nil), current...)
	if v := offerList(in, "topics"); len(v) > 0 {
		topics = nil // each topic once, as first typed: ".NET, dotnet" is one
		for _, t := range v {
			if topicIndex(topics, t) < 0 {
				topics = append(topics, t)
			}
		}
	}
	for _, t := range offerList(in, "add") {
		if topicIndex(topics, t) < 0 {
			topics = append(topics, t)
		}
	}
	for _, t := range offerList(in, "remove") {
		i := topicIndex(topics, t)
		if i < 0 && len(current) == 0 {
			return nil, &Error{Code: EINVALID, Key: "err.offer_none_to_remove", Field: "remove"}
		}
		if i < 0 {
			// The whole command is refused: the topics saved are told,
			// not those it would have left.
			return nil, &Error{Code: EINVALID, Key: "err.offer_not_offered", Args: []string{"topic", clip(t, MaxTopicLen), "topics", quotedList(in.Lang, current)}, Field: "remove"}
		}
		topics = append(topics[:i], topics[i+1:]...)
	}
	switch {
	case len(topics) == 0 && len(current) > 0:
		return nil, &Error{Code: EINVALID, Key: "err.offer_no_topic_left", Field: "remove"}
	case len(topics) == 0:
		return nil, &Error{Code: EINVALID, Key: "err.required", Args: []string{"option", "topics", "example", T(in.Lang, "cmd.offer.example")}, Field: "topics"}
	case len(topics) > MaxTopics:
		return nil, &Error{Code: EINVALID, Key: "err.too_many_topics", Args: []string{"max", itoa(MaxTopics)}, Field: "topics"}
	}
	for _, t := range append(offerList(in, "topics"), offerList(in, "add")...) {
		if matching.NormalizeTopic(t) == "" {
			// Only punctuation or symbols ("---", "🚀"): no request can
			// ever match it (runRequest refuses such a topic), and a
			// topics: list of it would replace real topics. Only the
			// topics typed now: an offer saved before this check can
			// still change its other options.
			return nil, &Error{Code: EINVALID, Key: "err.offer_topic_no_letters", Args: []string{"topic", clip(t, 30)}, Field: topicsField(in, t)}
		}
	}
	for _, t := range topics {
		if len([]rune(t)) > MaxTopicLen {
			return nil, &Error{Code: EINVALID, Key: "err.topic_too_long", Args: []string{"topic", clip(t, 30), "max", itoa(MaxTopicLen)}, Field: "topics"}
		}
	}
	return topics, nil
}

// addedAndRemoved refuses a command that gives a topic, in topics or
// add, and removes it too, compared as topicIndex compares topics ("Go"
// and "golang", "réseaux" and "reseau"): applied in order, it would
// silently keep or drop it, when only the member knows which they meant.
// The topic is named as typed, both ways when they differ.
func addedAndRemoved(in *Invocation) error {
	given := append(offerList(in, "topics"), offerList(in, "add")...)
	for _, r := range offerList(in, "remove") {
		i := topicIndex(given, r)
		if i < 0 {
			continue
		}
		if strings.EqualFold(given[i], r) {
			return &Error{Code: EINVALID, Key: "err.offer_add_remove", Args: []string{"topic", clip(given[i], 30)}, Field: "remove"}
		}
		return &Error{Code: EINVALID, Key: "err.offer_add_remove_as", Args: []string{"topic", clip(given[i], 30), "removed", clip(r, 30)}, Field: "remove"}
	}
	return nil
}

// offerList is the list of topics given in option name (topics, add or
// remove), each without the quotes it was typed in: "\"public
// speaking\", leadership" and « « gestion de projet », finance » are two
// topics, as a request's topic is read without its quotes. Each topic
// once, as splitList keeps it.
//
// A list whose every topic is quoted ("\"a\", \"b\"") reaches here with
// its outer quotes taken off as those of one value (unquote), leaving
// a lone quote at either end ("a\"" and "\"b"): those go too.
func offerList(in *Invocation, name string) []string {
	items := in.List(name)
	out := items[:0:0]
	seen := map[string]bool{}
	for i, it := range items {
		if i == 0 {
			it = trimLoneQuote(it, false)
		}
		if i == len(items)-1 {
			it = trimLoneQuote(it, true)
		}
		it = strings.Join(strings.Fields(unquote(it)), " ")
		if key := strings.ToLower(it); it != "" && !seen[key] {
			seen[key] = true
			out = append(out, it)
		}
	}
	return out
}

// trimLoneQuote takes off the quote that item ends with (or, with
// start, begins with) when item holds no other quote mark: the other
// half of a pair that unquote took off the whole list.
func trimLoneQuote(item string, start bool) string {
	item = strings.TrimSpace(item)
	const quotes = "\"'“”«»‘’„"
	var r rune
	var size int
	if start {
		r, size = utf8.DecodeRuneInString(item)
	} else {
		r, size = utf8.DecodeLastRuneInString(item)
	}
	if size == 0 || !strings.ContainsRune(quotes, r) {
		return item
	}
	rest := item[size:]
	if !start {
		rest = item[:len(item)-size]
	}
	if strings.ContainsAny(rest, quotes) {
		return item
	}
	return strings.TrimSpace(rest)
}

// topicsField is the option a typed topic came from: topics, or add.
func topicsField(in *Invocation, topic string) string {
	for _, t := range offerList(in, "topics") {
		if t == topic {
			return "topics"
		}
	}
	return "add"
}

// topicIndex finds topic in topics, compared as the matcher compares
// them, or -1.
func topicIndex(topics []string, topic string) int {
	n := matching.NormalizeTopic(topic)
	for i, t := range topics {
		if strings.EqualFold(t, topic) || matching.NormalizeTopic(t) == n {
			return i
		}
	}
	return -1
}

// offerReply shows a mentor their whole offer, after the sentence key.
// assumed is the zone their meeting times are found in while they give
// none (memberLoc).
func offerReply(lang Lang, key string, o Offer, m Member, assumed *time.Location) Reply {
	return Reply{Message: Message{Text: T(lang, key, "topics", andList(lang, o.Topics)), Fields: offerDetails(lang, o, m, assumed)}}
}

// offerDetails are the fields of a mentor's offer, years of experience
// included when known. An offer without a time zone says what the
// profile says (profileMessage): the zone assumed for meeting times
// until the mentor gives theirs, not "unknown" here and "UTC" there.
func offerDetails(lang Lang, o Offer, m Member, assumed *time.Location) []Field {
	tz := tzText(o.TZ)
	if o.TZ == "" {
		tz = profileZone(lang, m, assumed)
	}
	fields := offerFields(lang, o, tz)
	if m.Years > 0 {
		fields = append(fields, Field{Label: T(lang, "field.years"), Value: itoa(m.Years)})
	}
	return fields
}

// recordNewMentor counts a new offer, and a mentee who became a mentor.
func (b *Bot) recordNewMentor(ctx context.Context, o Offer) {
	b.record(ctx, Event{Kind: EventOffer, Member: o.Mentor, Topics: o.Topics})
	pairs, err := b.store.pairs.PairsOf(ctx, o.Mentor)
	if err != nil {
		return
	}
	for _, p := range pairs {
		if p.Mentee == o.Mentor {
			b.record(ctx, Event{Kind: EventBecame, Member: o.Mentor, Ref: p.ID})
			return
		}
	}
}

// applyProfile copies the tz, years and hours options into the member's profile.
func applyProfile(in *Invocation, m *Member) error {
	if tz := in.Text("tz"); tz != "" {
		// validate wrote tz in its stored form (parseTZ).
		loc, err := loadLocation(tz)
		if err != nil || tz == "Local" {
			return &Error{Code: EINVALID, Key: "err.bad_tz", Args: []string{"tz", clip(tz, 40)}, Field: "tz"}
		}
		m.TZ = loc.String()
	}
	m.Years = in.Int("years", m.Years)
	return applyHours(in, m)
}

// parseLangs normalises language names to codes ("Français" → "fr"),
// keeping languages the bot does not speak as lower-cased words.
func parseLangs(items []string) []Lang {
	out := make([]Lang, 0, len(items))
	for _, it := range items {
		if l, ok := ParseLang(it); ok {
			out = append(out, l)
			continue
		}
		out = append(out, Lang(strings.ToLower(it)))
	}
	return out
}

// offerFields describes an offer for its mentor, its zone as tz.
func offerFields(lang Lang, o Offer, tz string) []Field {
	kinds := T(lang, "kind.all")
	if len(o.Kinds) > 0 {
		names := make([]string, len(o.Kinds))
		for i, k := range o.Kinds {
			names[i] = T(lang, "kind."+string(k))
		}
		kinds = andList(lang, names)
	}
	langs := make([]string, len(o.Languages))
	for i, l := range o.Languages {
		langs[i] = languageName(lang, string(l))
	}
	return []Field{
		{Label: T(lang, "field.capacity"), Value: capacityText(lang, o)},
		{Label: T(lang, "field.languages"), Value: andList(lang, langs)},
		{Label: T(lang, "field.kinds"), Value: kinds},
		{Label: T(lang, "field.tz"), Value: tz},
	}
}

// capacityText tells a mentor how many of their slots are taken: active
// pairs, pairs waiting for their charter and open proposals, which all
// count against capacity.
func capacityText(lang Lang, o Offer) string {
	if o.Pending > 0 {
		return T(lang, "offer.capacity_pending", "used", itoa(o.Active+o.Pending), "capacity", itoa(o.Capacity), "pending", itoa(o.Pending))
	}
	return T(lang, "offer.capacity", "active", itoa(o.Active), "capacity", itoa(o.Capacity))
}

// runPause and runResume: pause_cmd.go.

// kindsNote tells a mentor which of the kinds they offer the workspace
// does not run now (its kinds setting): requests of those never come, so
// an offer of none of the kinds open would wait for ever unsaid. "" when
// every kind offered is open (no kinds: all of them).
func kindsNote(lang Lang, s Settings, kinds []Kind) string {
	// In French each kind takes its article: « le mentorat individuel et
	// le mentorat entre pairs » (every kind is « mentorat … »).
	nameOf := func(k Kind) string {
		if lang == French {
			return "le " + T(lang, "kind."+string(k))
		}
		return T(lang, "kind."+string(k))
	}
	var open, closed []string
	for _, k := range kinds {
		name := nameOf(k)
		if s.KindEnabled(k) {
			open = append(open, name)
		} else {
			closed = append(closed, name)
		}
	}
	if len(closed) == 0 {
		return ""
	}
	var running []string
	for _, k := range s.Kinds {
		running = append(running, nameOf(k))
	}
	// After a negation: "one-to-one or reverse mentoring", « pas le
	// mentorat individuel ni le mentorat inversé ».
	not := strings.Join(closed, " or ")
	if lang == French {
		not = strings.Join(closed, " ni ")
	}
	if len(open) == 0 {
		return T(lang, "offer.kinds_none_open", "closed", not, "open", andList(lang, running))
	}
	return T(lang, "offer.kinds_some_closed", "closed", not, "open", andList(lang, open))
}
