package bot

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Testimonials with consent. The final survey of a pair (end, or flash
// for a single session) closes with a "Write a testimonial" button: one
// sentence about the experience, typed in a form (a modal on Slack and
// Discord; /mentor testimonial <sentence> in the shell). Then three
// buttons say whether it may be shared: anonymously, with the member's
// first name, or not at all. A quote carries a first name only when both
// members of the pair chose "with my first name" (shareQuotes).

// TestimonialStore keeps one testimonial per member per pair. It is part
// of FollowupStore: a testimonial is the last answer of a final survey.
type TestimonialStore interface {
	// WriteTestimonial stores the text of tm for (tm.Pair, tm.Member),
	// with its role, topic, program and time, and clears its consent,
	// in one step: a consent is given for a sentence, so a new sentence
	// asks again. It reports whether a text was there before.
	WriteTestimonial(ctx context.Context, t Tenant, tm Testimonial) (replaced bool, err error)
	// ShareTestimonial sets the consent of by's testimonial in the pair
	// (ShareAnonymous, ShareName or ShareNo) and returns the previous one
	// ("" if none). ENOTFOUND if by has no testimonial there (never
	// written, erased, or pruned).
	ShareTestimonial(ctx context.Context, t Tenant, pair string, by MemberID, share string) (previous string, err error)
	// Testimonials returns every testimonial of the workspace, shared or
	// not, oldest first (then by pair and member). It walks the
	// workspace's keys: a manager's command, not a hot path.
	Testimonials(ctx context.Context, t Tenant) ([]Testimonial, error)
	// DeleteTestimonial deletes by's testimonial in the pair, if any.
	DeleteTestimonial(ctx context.Context, t Tenant, pair string, by MemberID) error
}

// Testimonial is one member's sentence about a pair, and their consent.
type Testimonial struct {
	Pair    string   `json:"pair"`
	Member  MemberID `json:"-"`
	Role    string   `json:"role"` // "mentor" or "mentee"
	Topic   string   `json:"topic"`
	Program string   `json:"program"` // the pair's program; "" until programs exist
	Text    string   `json:"text"`
	// Share is the member's consent: ShareAnonymous, ShareName, ShareNo,
	// or "" while they have not said (never shared).
	Share string    `json:"share"`
	At    time.Time `json:"written"` // when the text was written
}

// The consents to share a testimonial.
const (
	ShareAnonymous = "anonymous"
	ShareName      = "name"
	ShareNo        = "no"
)

var shareChoices = []string{ShareAnonymous, ShareName, ShareNo}

// MaxTestimonialLen bounds a testimonial: one sentence for a newsletter.
const MaxTestimonialLen = 300

// maxTestimonialPair bounds pair:, which may hold the sentence after the
// name ("pair:Carole What a joy").
const maxTestimonialPair = 80 + 1 + MaxTestimonialLen

// Testimonial actions. Write's value is "<pair>:<stage>", Share's
// "<pair>:<share>".
const (
	ActionTestimonialWrite = "testimonial.write"
	ActionTestimonialShare = "testimonial.share"
)

// finalStage reports whether a survey stage is a pair's last survey.
func finalStage(stage string) bool { return stage == SurveyEnd || stage == SurveyFlash }

// testimonialButton is the final survey's "Write a testimonial" button.
func testimonialButton(lang Lang, pairID, stage string) Button {
	return Button{Label: T(lang, "btn.testimonial_write"), ActionID: ActionTestimonialWrite, Value: pairID + ":" + stage, Style: StylePrimary}
}

// testimonialRecent is how recent a final survey is for a testimonial
// typed without pair: to be about it (beside the member's last survey).
const testimonialRecent = 30 * 24 * time.Hour

// writeTestimonial opens the testimonial form for the pair of the button,
// which becomes the survey the form's sentence goes to; the form carries
// the pair, so that a member with several pairs writes about this one.
func writeTestimonial(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	pairID, stage, ok := strings.Cut(value, ":")
	if !ok || !finalStage(stage) {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	pair, err := b.testimonialPair(ctx, who, pairID)
	if err != nil {
		return Reply{}, err
	}
	b.surveySent(ctx, who, pairID+":"+stage)
	spec, _ := b.command("testimonial")
	f := b.form(ctx, spec, &Invocation{Member: who, Lang: lang})
	// The pair is the button's: not a field to fill.
	fields := f.Fields[:0]
	for _, field := range f.Fields {
		if field.Name != "pair" {
			field.Required = true
			fields = append(fields, field)
		}
	}
	f.Fields, f.Fixed = fields, map[string]string{"pair": pair.ID}
	text := T(lang, "testimonial.how")
	if pairs, err := b.testimonialPairs(ctx, who); err == nil && len(pairs) > 1 {
		// In the shell, which has no forms, the command must name it.
		other, err := b.otherName(ctx, pair, who, lang)
		if err != nil {
			return Reply{}, err
		}
		text = T(lang, "testimonial.how_pair", "name", other, "topic", pair.Topic, "pair", firstName(other))
	}
	return Reply{Form: f, Message: Message{Text: text}}, nil
}

// testimonialPair returns the pair a member writes about: gone when it
// was erased or pruned, forbidden when they are not in it.
func (b *Bot) testimonialPair(ctx context.Context, who MemberID, pairID string) (Pair, error) {
	pair, err := b.store.pairs.GetPair(ctx, who.Tenant(), pairID)
	if ErrorCode(err) == ENOTFOUND {
		return Pair{}, Errorf(ENOTFOUND, "err.testimonial_gone")
	}
	if err != nil {
		return Pair{}, err
	}
	if pair.Role(who) == "" {
		return Pair{}, Errorf(EFORBIDDEN, "err.not_your_button")
	}
	return pair, nil
}

// testimonialPairs returns the member's pairs a testimonial may be about:
// those whose final survey was sent (which completed them), newest first.
func (b *Bot) testimonialPairs(ctx context.Context, who MemberID) ([]Pair, error) {
	ov, err := b.store.members.Overview(ctx, who)
	if err != nil {
		return nil, err
	}
	return finalPairs(ov.Pairs), nil
}

// finalPairs keeps the pairs completed by their final survey.
func finalPairs(pairs []Pair) []Pair {
	var out []Pair
	for _, p := range pairs {
		if p.State == PairCompleted && finalStage(p.EndReason) {
			out = append(out, p)
		}
	}
	return out
}

// runTestimonial stores the member's sentence about one of their pairs,
// then asks whether it may be shared. The pair is the one pair: names, or
// the member's one pair whose final survey is recent (or their last
// survey's): with several, the bot asks which, and never picks one.
func runTestimonial(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	// One line, for a newsletter.
	text := strings.Join(strings.Fields(in.Text("sentence")), " ")
	if err := optionAttempt(in, text); err != nil {
		return Reply{}, err
	}
	pair, text, several, ask, err := b.testimonialTarget(ctx, in, text)
	if err != nil || ask != nil {
		if ask != nil {
			return Reply{Message: *ask}, nil
		}
		return Reply{}, err
	}
	// The testimonial is asked at the end of the final survey: while its
	// next question waits, the member is told to answer it first.
	if err := b.questionsLeft(ctx, in.Lang, in.Member, pair, SurveyID(pair.ID+":"+pair.EndReason), "testimonial.left"); err != nil {
		return Reply{}, err
	}
	if text == "" {
		return Reply{}, &Error{Code: EINVALID, Key: "err.required", Args: []string{"option", "sentence", "example", T(in.Lang, "cmd.testimonial.example")}, Field: "sentence"}
	}
	if utf8.RuneCountInString(text) > MaxTestimonialLen {
		return Reply{}, &Error{Code: EINVALID, Key: "err.too_long", Args: []string{"option", "sentence", "max", itoa(MaxTestimonialLen)}, Field: "sentence"}
	}
	tm := Testimonial{Pair: pair.ID, Member: in.Member, Role: pair.Role(in.Member), Topic: pair.Topic, Text: text, At: b.clock.Now().UTC()}
	if id, err := b.pairProgram(ctx, in.Member.Tenant(), pair); err == nil && id != DefaultProgram {
		tm.Program = string(id)
	}
	replaced, err := b.store.followups.WriteTestimonial(ctx, in.Member.Tenant(), tm)
	if err != nil {
		return Reply{}, err
	}
	b.log.Info("testimonial written", "member", in.Member.String(), "pair", pair.ID, "replaced", replaced)
	other, err := b.otherName(ctx, pair, in.Member, in.Lang)
	if err != nil {
		return Reply{}, err
	}
	key := "testimonial.saved"
	if replaced {
		key = "testimonial.replaced"
	}
	if several {
		// Which of their pairs it went to, said in full.
		key += "_pair"
	}
	return Reply{Message: Message{
		Text:    T(in.Lang, key, "topic", pair.Topic, "name", other) + "\n\n" + T(in.Lang, "testimonial.consent", "name", other),
		Buttons: shareButtons(in.Lang, pair.ID),
	}}, nil
}

// testimonialTarget finds the pair a typed testimonial is about, and the
// sentence (pair: may have taken it: "pair:Carole What a joy" is Carole's
// pair and "What a joy"). several says the member has more than one pair
// to write about; ask, when set, asks which one, with a button per pair.
func (b *Bot) testimonialTarget(ctx context.Context, in *Invocation, text string) (pair Pair, sentence string, several bool, ask *Message, err error) {
	var ov Overview
	if !in.Newcomer {
		if ov, err = b.store.members.Overview(ctx, in.Member); err != nil {
			return Pair{}, "", false, nil, err
		}
	}
	all := finalPairs(ov.Pairs)
	lastID, stage, _ := strings.Cut(in.Me.LastSurvey, ":")
	if len(all) == 0 {
		if lastID != "" && finalStage(stage) {
			// Its pair was erased or pruned: say so.
			if _, err := b.testimonialPair(ctx, in.Member, lastID); err != nil {
				return Pair{}, "", false, nil, err
			}
		}
		return Pair{}, "", false, nil, Errorf(ENOTFOUND, "err.testimonial_no_survey")
	}
	several = len(all) > 1
	if q := strings.Join(strings.Fields(in.Text("pair")), " "); q != "" {
		for _, p := range all {
			if p.ID == q { // the form's pair
				return p, text, several, nil, nil
			}
		}
		named := pairsNamed(in.Member, ov, all, q)
		if words := strings.Fields(q); len(named) == 0 && text == "" {
			// "pair:Carole What a joy": the longest start of the value
			// that names exactly one pair names it; the rest is the
			// sentence.
			for k := len(words) - 1; k >= 1; k-- {
				if one := pairsNamed(in.Member, ov, all, strings.Join(words[:k], " ")); len(one) == 1 {
					return one[0], strings.Join(words[k:], " "), several, nil, nil
				}
			}
		}
		switch len(named) {
		case 0:
			return Pair{}, "", several, nil, Errorf(ENOTFOUND, "testimonial.no_match", "query", clip(q, 40), "pairs", pairList(in.Lang, in.Member, ov, all))
		case 1:
			return named[0], text, several, nil, nil
		}
		return Pair{}, "", several, testimonialChoice(in.Lang, in.Member, ov, named), nil
	}
	// No pair named: the recent final surveys, and the last one.
	var recent []Pair
	now := b.clock.Now()
	for _, p := range all {
		if p.ID == lastID || now.Sub(p.Ended) <= testimonialRecent {
			recent = append(recent, p)
		}
	}
	if len(recent) == 0 {
		recent = all
	}
	if len(recent) == 1 {
		return recent[0], text, several, nil, nil
	}
	return Pair{}, "", several, testimonialChoice(in.Lang, in.Member, ov, recent), nil
}

// testimonialChoice asks which pair a testimonial is about: a button per
// pair (the form of that pair), and the command that names it.
func testimonialChoice(lang Lang, me MemberID, ov Overview, pairs []Pair) *Message {
	example := firstName(otherName(me, ov, pairs[0]))
	msg := &Message{Text: T(lang, "testimonial.choose", "pairs", pairList(lang, me, ov, pairs), "pair", example)}
	for _, p := range pairs[:min(len(pairs), maxEndButtons)] {
		msg.Buttons = append(msg.Buttons, Button{Label: T(lang, "btn.testimonial_pair", "name", otherName(me, ov, p), "topic", p.Topic),
			ActionID: ActionTestimonialWrite, Value: p.ID + ":" + p.EndReason})
	}
	return msg
}

// optionAttempt refuses a sentence that begins with a "word:" meant as an
// option: one of the command's own misspelled ("binome2:", "phrse:"), or an
// option of another member's command ("sujet:"). The parser keeps such a
// word in free text (Option.FreeText); published, it would read
// "sujet:go Great mentor". A sentence may still begin "Verdict: great".
func optionAttempt(in *Invocation, text string) error {
	word, _ := optionAt(text, 0)
	if word == "" {
		return nil
	}
	var own []string
	for _, o := range in.Spec.Options {
		for _, n := range o.Names() {
			own = append(own, foldName(n))
		}
	}
	meant := suggest(foldName(word), own) != ""
	for _, c := range commandTable() {
		if c.Admin || meant {
			continue
		}
		if _, ok := c.Lookup(word); ok {
			meant = true
		}
	}
	if !meant {
		return nil
	}
	err := unknownOption(in.Lang, in.Spec, word)
	if e, ok := err.(*Error); ok {
		e.Field = "sentence"
	}
	return err
}

// shareButtons are the three consents, for the pair's testimonial.
func shareButtons(lang Lang, pairID string) []Button {
	out := make([]Button, len(shareChoices))
	for i, c := range shareChoices {
		out[i] = Button{Label: T(lang, "btn.testimonial_"+c), ActionID: ActionTestimonialShare, Value: pairID + ":" + c}
	}
	return out
}

// shareTestimonial records a consent. The answer replaces the question,
// buttons kept, so that a member may change their mind: a second answer
// replaces the first and says so.
func shareTestimonial(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	i := strings.LastIndexByte(value, ':')
	if i < 0 || !contains(shareChoices, value[i+1:]) {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	pairID, share := value[:i], value[i+1:]
	pair, err := b.testimonialPair(ctx, who, pairID)
	if err != nil {
		return Reply{}, err
	}
	previous, err := b.store.followups.ShareTestimonial(ctx, who.Tenant(), pair.ID, who, share)
	if ErrorCode(err) == ENOTFOUND {
		return Reply{}, Errorf(ENOTFOUND, "err.testimonial_gone")
	}
	if err != nil {
		return Reply{}, err
	}
	b.log.Info("testimonial consent", "member", who.String(), "pair", pair.ID, "share", share)
	me, err := b.member(ctx, who)
	if err != nil {
		return Reply{}, err
	}
	other, err := b.otherName(ctx, pair, who, lang)
	if err != nil {
		return Reply{}, err
	}
	text := T(lang, "testimonial.share."+share, "first", firstName(me.displayName()), "name", other)
	switch previous {
	case "":
	case share:
		text = T(lang, "testimonial.share_same") + " " + text
	default:
		text = T(lang, "testimonial.share_changed") + " " + text
	}
	return Reply{Replace: true, Message: Message{Text: text, Buttons: shareButtons(lang, pair.ID)}}, nil
}

// otherName is how the other member of the pair is named to who: "a
// former member" once erased from a pair kept for who.
func (b *Bot) otherName(ctx context.Context, pair Pair, who MemberID, lang Lang) (string, error) {
	id := pair.Other(who)
	if id.User == "" {
		return T(lang, "forget.former_member"), nil
	}
	m, err := b.member(ctx, id)
	return m.displayName(), err
}

// firstName is the first word of a display name: what a quote shows.
func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return ""
}

// eraseTestimonialsNaming deletes the testimonials of the other members of
// who's pairs that hold one of their names (the whole name or the first
// name): erasing a member erases what names them. Their own testimonials
// go with the rest of their data (PrivacyStore.Erase).
func (b *Bot) eraseTestimonialsNaming(ctx context.Context, who MemberID, names []string, pairs []Pair) error {
	if len(pairs) == 0 {
		return nil
	}
	mine := map[string]bool{}
	for _, p := range pairs {
		mine[p.ID] = true
	}
	var words []string
	for _, n := range names {
		if n != "" {
			words = append(words, strings.ToLower(n), strings.ToLower(firstName(n)))
		}
	}
	all, err := b.store.followups.Testimonials(ctx, who.Tenant())
	if err != nil {
		return err
	}
	for _, tm := range all {
		if !mine[tm.Pair] || tm.Member == who || !namesAny(tm.Text, words) {
			continue
		}
		if err := b.store.followups.DeleteTestimonial(ctx, who.Tenant(), tm.Pair, tm.Member); err != nil {
			return err
		}
		b.log.Info("testimonial naming an erased member deleted", "pair", tm.Pair, "member", tm.Member.String())
	}
	return nil
}

// namesAny reports whether text holds one of words (lower case) as a
// whole word.
func namesAny(text string, words []string) bool {
	lower := strings.ToLower(text)
	for _, w := range words {
		for i := 0; w != ""; {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(w)
			before, _ := utf8.DecodeLastRuneInString(lower[:start])
			after, _ := utf8.DecodeRuneInString(lower[end:])
			if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
				return true
			}
			i = start + 1
		}
	}
	return false
}
