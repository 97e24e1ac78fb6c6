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

// writeTestimonial opens the testimonial form for the pair of the button,
// which becomes the survey the form's sentence goes to.
func writeTestimonial(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	pairID, stage, ok := strings.Cut(value, ":")
	if !ok || !finalStage(stage) {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	if _, err := b.testimonialPair(ctx, who, pairID); err != nil {
		return Reply{}, err
	}
	b.surveySent(ctx, who, pairID+":"+stage)
	spec, _ := b.command("testimonial")
	f := b.form(ctx, spec, &Invocation{Member: who, Lang: lang})
	return Reply{Form: f, Message: Message{Text: T(lang, "testimonial.how")}}, nil
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

// runTestimonial stores the member's sentence about the pair of their
// last final survey, then asks whether it may be shared.
func runTestimonial(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	pairID, stage, _ := strings.Cut(in.Me.LastSurvey, ":")
	if pairID == "" || !finalStage(stage) {
		return Reply{}, Errorf(ENOTFOUND, "err.testimonial_no_survey")
	}
	// One line, for a newsletter; the option is required, so the parser
	// has already refused an empty one.
	text := strings.Join(strings.Fields(in.Text("sentence")), " ")
	pair, err := b.testimonialPair(ctx, in.Member, pairID)
	if err != nil {
		return Reply{}, err
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
	return Reply{Message: Message{
		Text:    T(in.Lang, key, "topic", pair.Topic) + "\n\n" + T(in.Lang, "testimonial.consent", "name", other),
		Buttons: shareButtons(in.Lang, pair.ID),
	}}, nil
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
