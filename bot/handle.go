package bot

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
)

// HandleCommand runs one /mentor command for the member who typed it and
// returns what that member should see. It never panics on bad input and
// never returns infrastructure details: every failure becomes a sentence
// in the member's language.
func (b *Bot) HandleCommand(ctx context.Context, c Command) Reply {
	// The Observer hears of every answer: the command's name once known,
	// and how it ended.
	name, failure := unknownName, error(nil)
	defer func() { b.observer().Command(name, outcome(failure)) }()
	refuse := func(what string, err error, lang Lang) Reply {
		failure = err
		return b.fail(c.Member, what, err, lang, c.FromForm)
	}
	me, lookup := b.store.members.GetMember(ctx, c.Member)
	var was Lang // a known member's inferred language, that French words replace
	french := frenchOverInferred(c, me, lookup)
	told, _ := ParseLang(c.Locale) // the client's language, or the profile's (below), if either says one
	if french {
		// A member who chose no language and types "/mentor demande" is
		// answered in French, and recorded as reading it (lang_infer.go):
		// what they type says more than their platform's locale.
		c.Locale = string(French)
		if lookup == nil && me.Lang != French {
			was, me.Lang = b.withLang(ctx, me).Lang, French
		}
	}
	lang := b.langFor(ctx, c.Member, me, lookup, c.Locale)
	if r, slow := b.slowDown(ctx, c.Member, "command", b.cfg.RateLimit.Commands, lang); slow {
		failure = &Error{Code: ELIMITED}
		return r
	}
	spec, values, err := b.resolve(c, lang)
	opensForm := err == nil && spec.Form && len(values) == 0 && c.Forms && !c.FromForm
	if ErrorCode(lookup) == ENOTFOUND && c.Locale == "" && !opensForm {
		// A first contact whose adapter knew no locale: the platform's
		// profile may say it, before anything is written to them, a
		// refusal included. Asked once: touchMember reads the same
		// profile from ctx. A form is left to its adapter, which looks
		// its member up within the time a form must open in.
		var p Profile
		ctx, p = b.profileOnce(ctx, c.Member)
		if l, ok := ParseLang(p.Locale); ok {
			told = l
			if l != lang {
				c.Locale, lang = p.Locale, l
				spec, values, err = b.resolve(c, lang)
			}
		}
	}
	if err != nil && !french && lang != French && told != English && (lookup != nil || !me.LangChosen && me.Lang == "") && b.frenchTypo(c) {
		// A misspelt French command word ("demnde") from a member whose
		// language nothing else tells (none chosen or recorded, no client
		// or profile in English) is answered in French, with the French
		// word (lang_infer.go). Nothing is recorded: it is a typo.
		c.Locale, lang = string(French), French
		spec, values, err = b.resolve(c, lang)
	}
	if spec.Name != "" {
		name = spec.Name
	}
	if err != nil && spec.Admin {
		// A member who is no manager learns that first, not what was
		// wrong with what they typed.
		if ferr := b.mustManage(ctx, c.Member, c.IsAdmin); ferr != nil {
			err = ferr
		}
	}
	if err != nil {
		return refuse("command", err, lang)
	}
	if spec.Admin {
		// Before anything is written for the member: a refused
		// admin command changes nothing.
		if err := b.mustManage(ctx, c.Member, c.IsAdmin); err != nil {
			return refuse(spec.Name, err, lang)
		}
	}
	in := &Invocation{Member: c.Member, Lang: lang, Spec: spec, Values: values, FromForm: c.FromForm, IsAdmin: c.IsAdmin, Forms: c.Forms && !c.FromForm, Delivery: c.Delivery}
	if lookup == nil {
		in.Me = me
	}
	if spec.Form && len(values) == 0 && c.Forms && !c.FromForm {
		return Reply{Form: b.form(ctx, spec, in), Lang: lang}
	}
	if err := in.validate(); err != nil {
		if spec.parseError != nil && c.Name == "" {
			err = b.settingsListed(c.Member.Tenant(), lang, spec.parseError(spec, lang, c.Text, err))
		}
		return refuse(spec.Name, err, lang)
	}
	in.Newcomer = ErrorCode(lookup) == ENOTFOUND
	// A read-only command records no newcomer; it still refreshes a known
	// member's record. A newcomer answered in French for their French
	// words is recorded reading it, as the status then says they do,
	// unless they ask to be forgotten or for what is kept of them.
	record := !spec.ReadOnly || !in.Newcomer || (french && spec.Name != "forget" && spec.Name != "export-me")
	if in.Me, err = b.touchMember(ctx, c.Member, me, lookup, c.Locale, record); err != nil {
		if !spec.Static || ErrorCode(err) != EUNAVAILABLE {
			return refuse(spec.Name, err, lang)
		}
		// The store is down, and the command needs nothing of it.
		in.Me = Member{ID: c.Member, Lang: lang}
	}
	if lookup != nil {
		// A newcomer: the platform's profile may have told their language.
		in.Lang = in.Me.Lang
	}
	if was != "" {
		if spec.Name == "lang" && in.Text("lang") != "" {
			in.Me.Lang = was // /mentor langue en: the choice changes it from what it was
		} else {
			b.inferFrench(ctx, in.Me, was)
		}
	}
	reply, err := spec.run(ctx, b, in)
	if err != nil {
		return refuse(spec.Name, err, in.Lang)
	}
	// What the reply's buttons answer, they answer for this member only.
	reply.Message = ownedBy(c.Member, reply.Message)
	if reply.Lang == "" {
		reply.Lang = in.Lang
	}
	b.log.Info("command", "member", c.Member.String(), "command", spec.Name)
	if !spec.ReadOnly {
		b.homeChanged(c.Member) // home_publish.go: the member's home may show it
	}
	return reply
}

// resolve turns a Command into a spec and raw values keyed by option
// Name. Structured values may be keyed by any name of their option
// ("capacité"); a name that is no option is left for validate to refuse.
// An option given under two of its names is read as the typed parser
// reads it twice (structuredValues).
func (b *Bot) resolve(c Command, lang Lang) (CommandSpec, map[string]string, error) {
	if c.Name == "" {
		spec, values, err := b.ParseIn(lang, c.Text)
		if err != nil && spec.parseError != nil {
			err = b.settingsListed(c.Member.Tenant(), lang, spec.parseError(spec, lang, c.Text, err))
		}
		return spec, values, err
	}
	spec, ok := b.command(c.Name)
	if !ok {
		return spec, nil, &Error{Code: EINVALID, Key: "err.unknown_command", Args: []string{"command", clip(c.Name, 30)}}
	}
	values, err := structuredValues(lang, spec, c.Values)
	return spec, values, err
}

// structuredValues keys an adapter's values by their options' Names. An
// option given under two of its names ("capacity" and "capacité") with
// two values is refused as the typed parser refuses it (err.option_twice,
// both values shown): which one was meant is the member's to say. A list
// takes both, as typed ones do, in the order of the option's names (Name,
// French, Aliases; two spellings of one name in byte order): the values'
// map has no order, and a map's iteration must not choose. A value given
// twice the same counts once; an empty one counts as not given.
func structuredValues(lang Lang, spec CommandSpec, given map[string]string) (map[string]string, error) {
	type keyed struct {
		name string // the key as given
		rank int    // the index of its name in Option.Names
	}
	byOption := map[string][]keyed{}
	values := map[string]string{}
	for k, v := range given {
		if v == "" {
			continue
		}
		o, ok := spec.Lookup(k)
		if !ok {
			values[k] = v // no option: validate refuses it
			continue
		}
		f := foldName(k)
		rank := slices.IndexFunc(o.Names(), func(n string) bool { return foldName(n) == f })
		byOption[o.Name] = append(byOption[o.Name], keyed{k, rank})
	}
	for _, o := range spec.Options {
		keys := byOption[o.Name]
		slices.SortFunc(keys, func(a, b keyed) int {
			return cmp.Or(cmp.Compare(a.rank, b.rank), strings.Compare(a.name, b.name))
		})
		for _, k := range keys {
			v, prev := given[k.name], values[o.Name]
			switch {
			case prev == "" || sameValue(prev, v):
				values[o.Name] = v
			case o.Type == OptList || o.Type == OptLanguages:
				values[o.Name] = prev + ", " + v
			default:
				return nil, &Error{Code: EINVALID, Key: "err.option_twice", Args: []string{"name", o.NameIn(lang), "first", clip(prev, 40), "second", clip(v, 40)}, Field: o.Name}
			}
		}
	}
	return values, nil
}

// actionTable maps button action IDs to their handlers.
func actionTable() map[string]actionFunc {
	return map[string]actionFunc{
		ActionProposalAccept:     acceptProposal,
		ActionProposalDecline:    declineProposal,
		ActionCharterAccept:      acceptCharter,
		ActionCharterDecline:     declineCharter,
		ActionCharterWithdraw:    withdrawCharter,
		ActionCheckinYes:         answerCheckin("yes"),
		ActionCheckinNotYet:      answerCheckin("notyet"),
		ActionCheckinStop:        askCheckinStop,
		ActionCheckinStopConfirm: answerCheckin("stop"),
		ActionNewMatchYes:        answerNewMatch(true),
		ActionNewMatchNo:         answerNewMatch(false),
		ActionSurveyAnswer:       answerSurvey,
		ActionSurveyComment:      commentButton,
		ActionSurveyEnd:          endAfterRating,
		ActionSurveyKeep:         keepAfterRating,
		// The final survey's testimonial (testimonial.go).
		ActionTestimonialWrite: writeTestimonial,
		ActionTestimonialShare: shareTestimonial,
		ActionEndAsk:           askEnd,
		ActionEndConfirm:       confirmEnd,
		ActionEndKeep:          keepPair,
		ActionEndDone:          finishPair,
		// The status's "Withdraw my request" (withdraw.go).
		ActionWithdrawAsk:     askWithdraw,
		ActionWithdrawConfirm: confirmWithdraw,
		ActionWithdrawKeep:    keepRequest,
		ActionForgetConfirm:   confirmForget,
		ActionForgetKeep:      keepData,
		// The announcement's button: open to every member, not only managers.
		ActionOfferOpen: openOfferForm,
		// The typo suggestion's button: only for the mentee it was sent to.
		ActionRequestTopic: changeRequestTopic,
		// The language ask's button: only for the mentee it was sent to.
		ActionRequestLanguages: widenRequestLanguages,
		// A manager's round (IsAdminAction: managers only).
		ActionRoundSend:   sendRound,
		ActionRoundCancel: cancelRound,
		// A manager's pair to confirm (managers only; the one who asked).
		ActionPairConfirm: confirmPair,
		ActionPairCancel:  cancelPair,
		// Closing a program (managers only).
		ActionProgramClose: confirmCloseProgram,
		ActionProgramKeep:  keepProgram,
		// Cancelling a speed-mentoring event (managers only).
		ActionSpeedCancel: confirmCancelSpeed,
		ActionSpeedKeep:   keepSpeed,
		// A speed-mentoring event (speed*.go): registration is open to
		// every member; the continue buttons are each member's own.
		ActionSpeedMentor:     registerSpeed(SpeedMentor),
		ActionSpeedMentee:     registerSpeed(SpeedMentee),
		ActionSpeedLeave:      leaveSpeed,
		ActionSpeedContinue:   answerSpeed(true),
		ActionSpeedNoContinue: answerSpeed(false),
		// The needs survey and campaigns (needs.go, campaign.go).
		ActionNeedsAnswer:    answerNeeds,
		ActionNeedsOther:     openNeedsOther,
		ActionNeedsMentor:    needsSignUp(true),
		ActionNeedsMentee:    needsSignUp(false),
		ActionNeedsAgain:     sendNeedsAgain,
		ActionCampaignOptOut: optOutCampaigns,
		// Recruitment (recruit.go).
		ActionReinviteYes:    reinviteYes,
		ActionProgramAnswers: openProgramAnswers,
		ActionReinviteChange: reinviteChange,
		ActionReinviteNo:     reinviteNo,
		ActionGiveBackYes:    giveBackYes,
		ActionGiveBackNo:     giveBackNo,
		// A pair's goals (goals.go).
		ActionGoalsOpen:     openGoals,
		ActionGoalProgress:  answerGoalProgress,
		ActionGoalsKeep:     keepGoals,
		ActionGoalsReadjust: readjustPair,
		// The Resume button of a member paused for not answering (pause_auto.go).
		ActionPauseResume: resumeButton,
		// Meeting times (meeting*.go): on the pair's shared messages, each
		// handler checks the clicker is in the pair.
		ActionMeetPick:    pickTime,
		ActionMeetOther:   otherTimes,
		ActionMeetReplace: replaceTimes,
		ActionMeetKeep:    keepTime,
		ActionMeetTZ:      askZone,
		ActionMeetZone:    chooseZone,
	}
}

// HandleAction runs one button click and returns what the clicker sees.
// A click on a button that is stale, someone else's, or already used
// changes nothing and says so politely.
func (b *Bot) HandleAction(ctx context.Context, a Action) Reply {
	me, lookup := b.store.members.GetMember(ctx, a.Member)
	lang := b.langFor(ctx, a.Member, me, lookup, a.Locale)
	name, failure := unknownName, error(nil)
	if _, ok := b.actions[a.ActionID]; ok {
		name = a.ActionID
	}
	defer func() { b.observer().Action(name, outcome(failure)) }()
	refuse := func(what string, err error) Reply {
		failure = err
		return b.fail(a.Member, what, err, lang, false)
	}
	if r, slow := b.slowDown(ctx, a.Member, "click", b.cfg.RateLimit.Clicks, lang); slow {
		failure = &Error{Code: ELIMITED}
		return r
	}
	run, ok := b.actions[a.ActionID]
	if !ok || a.Value == "" || len(a.Value) > 200 {
		return refuse("action", Errorf(ESTALE, "err.unknown_button"))
	}
	if IsAdminAction(a.ActionID) {
		if err := b.mustManage(ctx, a.Member, a.IsAdmin); err != nil {
			return refuse(a.ActionID, err)
		}
	}
	owner, value := buttonOwner(a.ActionID, a.Value)
	switch {
	case value == "":
		return refuse(a.ActionID, Errorf(ESTALE, "err.unknown_button"))
	case owner != "" && owner != a.Member.User:
		// Someone else's button: refused before anything is read, and
		// the message that carries it stays as it is.
		return refuse(a.ActionID, Errorf(EFORBIDDEN, "err.not_your_button"))
	}
	b.answered(ctx, a.Member) // any click of theirs: they answer (pause_auto.go)
	if lookup == nil && me.Lang == "" {
		b.learnLang(ctx, me, a.Locale) // known, but not their language (learnLang)
	}
	// A newcomer whose first contact is a click (an event's registration)
	// is recorded reading the language of their client, as a command
	// records it (touchMember).
	ctx = withClickLocale(ctx, a.Member, a.Locale)
	reply, err := run(ctx, b, a.Member, lang, value)
	if err != nil {
		return refuse(a.ActionID, err)
	}
	if owner == "" && ownedActions[a.ActionID] {
		// A shared message: the other member may still answer it.
		reply.Replace = false
	}
	reply.Message = ownedBy(a.Member, reply.Message)
	if reply.Lang == "" {
		reply.Lang = lang
	}
	b.log.Info("action", "member", a.Member.String(), "action", a.ActionID, "id", value)
	b.homeChanged(a.Member) // home_publish.go: the member's home may show it
	return reply
}

// fail logs err for operators (IDs and codes only) and turns it into a
// reply in the member's language.
func (b *Bot) fail(who MemberID, what string, err error, lang Lang, form bool) Reply {
	code := ErrorCode(err)
	level := slog.LevelInfo
	if code == EINTERNAL || code == EUNAVAILABLE {
		level = slog.LevelError
	}
	key, args := userError(err)
	if level == slog.LevelInfo {
		// A refusal of what the member gave: its sentence's key, never the
		// error's text, which may quote what they typed.
		b.log.Info("refused", "member", who.String(), "what", what, "code", string(code), "key", key)
	} else {
		b.log.Log(context.Background(), level, "refused", "member", who.String(), "what", what, "code", string(code), "err", err)
	}
	text := errorText(lang, err)
	if key == "err.gone" {
		// "That member is no longer in this server", on Discord.
		text = T(lang, platformKey(who.Tenant(), key), args...)
	}
	r := Reply{Message: Message{Text: text}, Lang: lang, TryAgain: code == EUNAVAILABLE || code == ELIMITED}
	var e *Error
	if form && errors.As(err, &e) && e.Field != "" {
		r.FieldErrors = map[string]string{e.Field: text}
	}
	var more formErrors
	if form && errors.As(err, &more) {
		// Every field at fault, each under its own sentence.
		if r.FieldErrors == nil {
			r.FieldErrors = map[string]string{}
		}
		lines := []string{text}
		for _, e := range more {
			if _, said := r.FieldErrors[e.Field]; e.Field != "" && !said {
				r.FieldErrors[e.Field] = errorText(lang, e)
				lines = append(lines, r.FieldErrors[e.Field])
			}
		}
		// Where a form cannot show a sentence under each field (Discord's
		// modals, the shell), the reply says them all, one a line, in the
		// form's order: the member fixes every field in one go.
		r.Message.Text = strings.Join(lines, "\n")
	}
	return r
}

// langFor returns the language to speak to a member in: their choice, else
// the platform's hint, else the workspace default. It never fails: with
// the store down (lookup is the error of reading m) it falls back to the hint.
func (b *Bot) langFor(ctx context.Context, id MemberID, m Member, lookup error, locale string) Lang {
	if lookup == nil && m.Lang != "" {
		return m.Lang
	}
	if l, ok := ParseLang(locale); ok {
		return l
	}
	return b.settings(ctx, id.Tenant()).DefaultLang
}

// clickLocale is the locale of the member who clicked, for touchMember.
type clickLocale struct {
	member MemberID
	locale string
}

type clickLocaleKey struct{}

func withClickLocale(ctx context.Context, who MemberID, locale string) context.Context {
	return context.WithValue(ctx, clickLocaleKey{}, clickLocale{who, locale})
}

// localeOf is the locale of id's click that ctx runs, "" for anyone else.
func localeOf(ctx context.Context, id MemberID) string {
	if c, ok := ctx.Value(clickLocaleKey{}).(clickLocale); ok && c.member == id {
		return c.locale
	}
	return ""
}

// knownProfile is a member's profile already asked of their platform
// while a command runs (profileOnce).
type knownProfile struct {
	member  MemberID
	profile Profile
}

type knownProfileKey struct{}

// profileOnce asks id's platform for their profile and returns a context
// that keeps it, so that profile answers from it for the rest of the
// command instead of asking again.
func (b *Bot) profileOnce(ctx context.Context, id MemberID) (context.Context, Profile) {
	p := b.profile(ctx, id)
	return context.WithValue(ctx, knownProfileKey{}, knownProfile{id, p}), p
}

// profileIn is the profile of id that ctx keeps (profileOnce), if any.
func profileIn(ctx context.Context, id MemberID) (Profile, bool) {
	k, ok := ctx.Value(knownProfileKey{}).(knownProfile)
	return k.profile, ok && k.member == id
}
