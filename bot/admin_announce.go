package bot

import (
	"context"
	"slices"
	"strconv"
	"strings"
)

// ActionOfferOpen is the "Offer to mentor" button of a call for mentors:
// it opens the offer form for whoever clicks it.
const ActionOfferOpen = "offer.open"

// langBoth is the announce option for a bilingual call for mentors.
const langBoth = "both"

// maxReinvite bounds how many past mentors the announce reply names to
// re-invite, and how many it names as re-invited already.
const maxReinvite = 10

// runAdminAnnounce posts a call for mentors in a channel, in the
// workspace's language, another, or both (lang:both). program: makes it a
// call for that program, whose button's offer joins it; years:5+ sends it
// instead, as a campaign, by DM to each member with at least that many
// years of experience who offers no mentoring yet, in their language, as
// the guide recommends. The manager's reply carries the advice that works
// best, asking experienced members in person and re-inviting past
// mentors, with the paused mentors to re-invite.
func runAdminAnnounce(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	var prog *Program
	if name := strings.TrimSpace(unquote(in.Text("program"))); name != "" {
		p, err := b.openProgramNamed(ctx, t, name)
		if err != nil {
			return Reply{}, err
		}
		prog = &p
	}
	if y := in.Text("years"); y != "" {
		years, ok := parseYearsAtLeast(y)
		if !ok {
			return Reply{}, &Error{Code: EINVALID, Key: "err.announce.years", Args: []string{"value", clip(y, 10)}, Field: "years"}
		}
		return b.announceByDM(ctx, in, prog, years)
	}
	raw := in.Text("channel")
	if raw == "" {
		return Reply{}, &Error{Code: EINVALID, Key: "err.announce.where", Field: "channel"}
	}
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
	msg := announceMessage(langs, prog)
	msg.Lang = langs[0]
	if err := b.postFor(ctx, in, "announce", poster, t, channel, msg); err != nil {
		return Reply{}, err
	}
	b.log.Info("call for mentors posted", "tenant", t.String(), "channel", channel, "by", in.Member.String())
	text := T(in.Lang, "admin.announce.done", "channel", ChannelText(channel))
	if in.Text("lang") == "" && langs[0] != in.Lang {
		// Posted in the workspace's language, not the manager's: said,
		// with how to post it in theirs, as the needs survey does.
		text += " " + T(in.Lang, "admin.announce.lang", "lang", languageName(in.Lang, string(langs[0])), "other", string(in.Lang))
	}
	text += "\n" + T(in.Lang, "admin.announce.advice")
	past := b.pastMentors(ctx, t, prog)
	if len(past.names) > 0 {
		text += "\n" + T(in.Lang, "admin.announce.reinvite", "names", andList(in.Lang, past.names))
	}
	for _, g := range past.reinvited {
		text += "\n" + T(in.Lang, "admin.announce.reinvited", "names", andList(in.Lang, g.names), "count", itoa(len(g.names)), "name", g.program)
	}
	return Reply{Message: Message{Text: text, Channels: []string{channel}}}, nil
}

// parseYearsAtLeast reads "5+" or "5" as at least 5 years.
func parseYearsAtLeast(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(s), "+"))
	return n, err == nil && n >= 0 && n <= 70
}

// announceByDM sends the call for mentors as a campaign to the members
// with at least years of experience who offer no mentoring.
func (b *Bot) announceByDM(ctx context.Context, in *Invocation, prog *Program, years int) (Reply, error) {
	t := in.Member.Tenant()
	e, err := b.store.reports.Export(ctx, t)
	if err != nil {
		return Reply{}, err
	}
	offers, err := b.store.offers.Offers(ctx, t)
	if err != nil {
		return Reply{}, err
	}
	mentors := map[string]bool{}
	for _, o := range offers {
		mentors[o.Mentor.User] = true
	}
	var users []string
	for _, m := range e.Members {
		if m.Years >= years && !mentors[m.ID.User] {
			users = append(users, m.ID.User)
		}
	}
	if len(users) == 0 {
		return Reply{Message: Message{Text: T(in.Lang, "admin.announce.nobody", "years", itoa(years))}}, nil
	}
	subject, name := "", ""
	if prog != nil {
		subject, name = string(prog.ID), prog.Name
	}
	spec := CampaignSpec{Kind: CampaignCall, Program: name, Subject: subject, Manager: in.Member, Lang: in.Lang, Users: users}
	_, prior, err := b.startCampaign(ctx, spec, in.Text("confirm") == "yes")
	if err == errCampaignAgain {
		return Reply{Message: Message{Text: T(in.Lang, "admin.announce.again", "date", Date(in.Lang, prior.Created))}}, nil
	}
	if err != nil {
		return Reply{}, err
	}
	key := "admin.announce.dm_started"
	if years == 0 { // years:0 is every member without an offer
		key = "admin.announce.dm_started_all"
	}
	return Reply{Message: Message{Text: T(in.Lang, key, "count", itoa(len(users)), "years", itoa(years)) + "\n" + T(in.Lang, "admin.announce.advice")}}, nil
}

// CampaignCall is a call for mentors sent by DM (announce years:).
const CampaignCall = "call"

// callMessage is the call for mentors as one member reads it by DM.
func callMessage(ctx context.Context, b *Bot, c Campaign, to MemberID, lang Lang) (Message, error) {
	var prog *Program
	if c.Subject != "" {
		p, err := b.store.programs.GetProgram(ctx, c.Tenant, ProgramID(c.Subject))
		if err != nil {
			return Message{}, err
		}
		prog = &p
	}
	return announceMessage([]Lang{lang}, prog), nil
}

// announceMessage is the call for mentors, in one or more languages, with
// one button; for a program, it names the program and its dates, and the
// button's offer joins it.
func announceMessage(langs []Lang, prog *Program) Message {
	var titles, texts, labels []string
	value := "announce"
	for _, l := range langs {
		titles = append(titles, T(l, "announce.title"))
		text := T(l, "announce.text")
		if prog != nil {
			// The command it gives names the program: an offer without
			// program: joins the current one, which is not this program
			// before its start.
			text = programCallText(l, prog)
		}
		texts = append(texts, text)
		labels = append(labels, T(l, "btn.offer_open"))
	}
	if prog != nil {
		value = "program:" + string(prog.ID)
	}
	return Message{
		Title:   strings.Join(titles, " / "),
		Text:    strings.Join(texts, "\n\n"),
		Buttons: []Button{{Label: strings.Join(labels, " / "), ActionID: ActionOfferOpen, Value: value, Style: StylePrimary}},
	}
}

// pastMentorList is what the announce reply says of past mentors: the
// names of those to re-invite, and apart, by program, of those a
// re-invitation to it has reached or is reaching already.
type pastMentorList struct {
	names     []string
	reinvited []reinvitedGroup
}

// reinvitedGroup names the past mentors re-invited to one program.
type reinvitedGroup struct {
	program string
	names   []string
}

// pastMentors names the past mentors whose offer is paused: the first
// people to re-invite. A past mentor mentored here, in a pair introduced
// with them as mentor; a paused offer that never led to a pair makes no
// past mentor. Those whom a re-invitation campaign targeted, sent or
// being sent, are named apart (reinvited), since a personal message
// asked them already: the campaign of prog, or without prog, of any open
// program (reinvitedTo). One who offers in prog already (offersIn) has
// an offer that is not paused, and is not named at all: nor is one who
// said yes to a re-invitation, which resumed their offer.
func (b *Bot) pastMentors(ctx context.Context, t Tenant, prog *Program) pastMentorList {
	var out pastMentorList
	offers, err := b.store.offers.Offers(ctx, t)
	if err != nil {
		return out
	}
	var reached map[string]string // user ID -> the program's name
	apart := 0                    // names in out.reinvited
	for _, o := range offers {
		if !o.Paused || len(out.names) == maxReinvite && apart == maxReinvite || !b.mentoredBefore(ctx, o.Mentor) {
			continue
		}
		m, err := b.member(ctx, o.Mentor)
		if err != nil {
			continue
		}
		if reached == nil {
			reached = b.reinvitedTo(ctx, t, prog)
		}
		name, ok := reached[o.Mentor.User]
		switch {
		case !ok && len(out.names) < maxReinvite:
			out.names = append(out.names, m.displayName())
			continue
		case !ok || apart == maxReinvite:
			continue
		}
		apart++
		i := slices.IndexFunc(out.reinvited, func(g reinvitedGroup) bool { return g.program == name })
		if i < 0 {
			i = len(out.reinvited)
			out.reinvited = append(out.reinvited, reinvitedGroup{program: name})
		}
		out.reinvited[i].names = append(out.reinvited[i].names, m.displayName())
	}
	return out
}

// reinvitedTo maps the members targeted by a re-invitation campaign to
// the name of the program it invites them to: the campaign of prog, or
// without prog, the campaigns of open programs. A campaign holds all its
// targets from its start, those it has not messaged yet included (they
// are being re-invited); the latest campaign that targeted a member
// names the program. A program just created, whose re-invitation job has
// not started its campaign yet (reinvitePending), counts the mentors
// that job will message (reinviteTargets): they are being re-invited.
func (b *Bot) reinvitedTo(ctx context.Context, t Tenant, prog *Program) map[string]string {
	reached := map[string]string{}
	all, err := b.store.campaigns.Campaigns(ctx, t)
	if err != nil {
		b.log.Warn("announce: campaigns not read", "tenant", t.String(), "code", string(ErrorCode(err)))
		return reached
	}
	started := map[ProgramID]bool{}
	for _, c := range all {
		if c.Kind == CampaignReinvite {
			started[ProgramID(c.Subject)] = true
		}
	}
	for _, c := range all { // oldest first
		if c.Kind != CampaignReinvite {
			continue
		}
		name := c.Program
		if prog != nil {
			if ProgramID(c.Subject) != prog.ID {
				continue
			}
			name = prog.Name
		} else {
			p, err := b.store.programs.GetProgram(ctx, t, ProgramID(c.Subject))
			if err != nil || p.State == ProgramClosed {
				continue
			}
			name = p.Name
		}
		users, err := b.store.campaigns.CampaignTargets(ctx, t, c.ID, 0, c.Total)
		if err != nil {
			b.log.Warn("announce: campaign targets not read", "tenant", t.String(), "code", string(ErrorCode(err)))
			continue
		}
		for _, u := range users {
			if u != "" {
				reached[u] = name
			}
		}
	}
	// The newest: their re-invitation names the program.
	for _, p := range b.reinvitePending(ctx, t, prog, started) {
		users, _, err := b.reinviteTargets(ctx, p)
		if err != nil {
			b.log.Warn("announce: re-invitation targets not read", "tenant", t.String(), "code", string(ErrorCode(err)))
			continue
		}
		for _, u := range users {
			reached[u] = p.Name
		}
	}
	return reached
}

// mentoredBefore reports whether who was the mentor of an introduced pair.
func (b *Bot) mentoredBefore(ctx context.Context, who MemberID) bool {
	pairs, err := b.store.pairs.PairsOf(ctx, who)
	if err != nil {
		return false
	}
	for _, p := range pairs {
		if p.Mentor == who && !p.Official.IsZero() {
			return true
		}
	}
	return false
}

// openOfferForm answers the "Offer to mentor" button with the offer form
// (a modal on Slack and Discord; the shell says what to type). On a call
// for a program ("program:<id>"), the offer joins that program.
func openOfferForm(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	if id, ok := strings.CutPrefix(value, "program:"); ok {
		p, err := b.recruitProgram(ctx, who.Tenant(), id)
		if err != nil {
			return Reply{}, err
		}
		return b.offerFormFor(ctx, who, lang, p), nil
	}
	spec, _ := b.command("offer")
	f := b.form(ctx, spec, &Invocation{Member: who, Lang: lang})
	return Reply{Form: f, Message: Message{Text: T(lang, "announce.offer_how")}}, nil
}
