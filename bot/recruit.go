package bot

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Recruitment, the guide's second step: mentors of earlier programs are
// re-invited personally when a program is created (they very often come
// back), and mentees whose mentoring went well, with the experience to
// guide someone, are invited to mentor in turn. Both go out as campaigns
// (campaign.go): paced, once per member, honouring opt-outs, with the
// manager watching their progress.

// Campaign kinds of recruitment.
const (
	CampaignReinvite = "reinvite" // past mentors, at a program's creation
	CampaignGiveBack = "giveback" // mentees who could mentor in turn
)

// Recruitment buttons, on a DM to one member (owned); each value is the
// program's ID.
const (
	ActionReinviteYes    = "reinvite.yes"
	ActionReinviteChange = "reinvite.change"
	ActionReinviteNo     = "reinvite.no"
	ActionGiveBackYes    = "giveback.yes"
	ActionGiveBackNo     = "giveback.no"
)

// GiveBackYears is the experience from which a mentee whose mentoring went
// well is invited to mentor in turn, as the guide recommends.
const GiveBackYears = 5

// giveBackRating is the lowest final rating, by the mentee, of a
// mentoring that went well.
const giveBackRating = 4

// JobProgramReinvite re-invites the mentors of earlier pairs to a new
// program: progreinvite:<program>:<manager's user ID>:<their language>,
// due when the program is created. The campaign it starts is the one
// campaign of its kind and program (a rerun finds it and does nothing).
const JobProgramReinvite = "progreinvite"

func runProgramReinvite(ctx context.Context, b *Bot, t Tenant, j Job) error {
	p, err := b.store.programs.GetProgram(ctx, t, ProgramID(j.Part(0)))
	if err != nil {
		return ignoreGone(err)
	}
	_, err = b.reinvitePast(ctx, p, t.Member(j.Part(1)), Lang(j.Part(2)))
	if err == errCampaignAgain {
		return nil // started by an earlier run of this job
	}
	return err
}

// reinvitePast starts the re-invitation of the mentors of earlier pairs
// to program p (reinviteTargets), and returns how many it targets. It
// runs when p is created; the manager follows its progress in a message
// of their own.
func (b *Bot) reinvitePast(ctx context.Context, p Program, manager MemberID, lang Lang) (int, error) {
	users, _, err := b.reinviteTargets(ctx, p)
	if err != nil || len(users) == 0 {
		return 0, err
	}
	spec := CampaignSpec{Kind: CampaignReinvite, Program: p.Name, Subject: string(p.ID), Manager: manager, Lang: lang, Users: users}
	if _, _, err := b.startCampaign(ctx, spec, false); err != nil {
		return 0, err
	}
	return len(users), nil
}

// reinviteWindow is how long after a program's creation its
// re-invitation job, due at the creation, may not have started its
// campaign yet (a tick away, or a few retries): within it, a program with
// no campaign is about to re-invite (reinvitePending); past it, the job
// found nobody, or the program is older than re-invitations.
const reinviteWindow = time.Hour

// reinvitePending returns the programs whose re-invitation job has not
// started its campaign yet (none in started, by program ID) though it is
// about to: prog, or without prog the open programs, created less than
// reinviteWindow ago.
func (b *Bot) reinvitePending(ctx context.Context, t Tenant, prog *Program, started map[ProgramID]bool) []Program {
	programs := []Program{}
	if prog != nil {
		programs = append(programs, *prog)
	} else {
		all, err := b.store.programs.Programs(ctx, t)
		if err != nil {
			b.log.Warn("re-invitations: programs not read", "tenant", t.String(), "code", string(ErrorCode(err)))
			return nil
		}
		programs = all
	}
	now := b.clock.Now()
	var out []Program
	for _, p := range programs {
		if p.State == ProgramOpen && !started[p.ID] && !p.Created.IsZero() && now.Sub(p.Created) < reinviteWindow {
			out = append(out, p)
		}
	}
	return out
}

// reinviteTargets are the mentors of earlier pairs to re-invite to p, by
// user ID, sorted: every mentor of a pair that was introduced and had
// ended (completed or cancelled) when p was created, except those who
// opted out of campaigns, whom it counts (optedOut): the campaign would
// skip them, and the manager is told of those it sends to. A pair still
// under way makes no past mentor, nor does a pair that ends after p was
// created: the reply to p's creation and the job that invites them, run
// later, read the same mentors. One who joins p in between is still a
// target, and their message is skipped (reinviteMessage).
func (b *Bot) reinviteTargets(ctx context.Context, p Program) (users []string, optedOut int, err error) {
	e, err := b.store.reports.Export(ctx, p.Tenant)
	if err != nil {
		return nil, 0, err
	}
	created := p.Created
	if created.IsZero() {
		created = b.clock.Now()
	}
	seen := map[string]bool{}
	for _, pair := range e.Pairs {
		if pair.Official.IsZero() || !pair.State.Closed() || pair.Ended.IsZero() || pair.Ended.After(created) || seen[pair.Mentor.User] {
			continue
		}
		if pair.Met.IsZero() {
			continue // never met: no mentoring to thank them for (lastRecord)
		}
		seen[pair.Mentor.User] = true
		if no, err := b.saidNoAgain(ctx, pair.Mentor); err != nil {
			return nil, 0, err
		} else if no {
			continue // "would you mentor again?" "no", and still paused
		}
		out, err := b.store.campaigns.CampaignOptedOut(ctx, pair.Mentor)
		if err != nil {
			return nil, 0, err
		}
		if out {
			optedOut++
			continue
		}
		users = append(users, pair.Mentor.User)
	}
	sort.Strings(users)
	return users, optedOut, nil
}

// mentorRecord is what a mentor did in their latest program: the people
// they mentored there and their mentees' final ratings.
type mentorRecord struct {
	Program         ProgramID
	People          int
	Rated, RatedSum int
}

// lastRecord reads a mentor's latest program other than skip, from their
// introduced pairs as mentor that have ended (a pair under way is no past
// mentoring to thank them for): the program of the pair that ended last,
// whenever it was made. ok is false without any.
func (b *Bot) lastRecord(ctx context.Context, t Tenant, mentor MemberID, skip ProgramID) (mentorRecord, bool, error) {
	pairs, err := b.store.pairs.PairsOf(ctx, mentor)
	if err != nil {
		return mentorRecord{}, false, err
	}
	type done struct {
		pair Pair
		prog ProgramID
	}
	var mentored []done
	var r mentorRecord
	var last time.Time // the latest end: its program is the latest one
	for _, p := range pairs {
		if p.Mentor != mentor || p.Official.IsZero() || !p.State.Closed() || p.Met.IsZero() {
			continue // a pair that never met is no mentoring done
		}
		prog, err := b.pairProgram(ctx, t, p)
		if err != nil {
			return mentorRecord{}, false, err
		}
		if prog == skip {
			continue
		}
		mentored = append(mentored, done{p, prog})
		if len(mentored) == 1 || p.Ended.After(last) {
			r.Program, last = prog, p.Ended
		}
	}
	people := map[string]bool{}
	for _, d := range mentored {
		p := d.pair
		if d.prog != r.Program {
			continue
		}
		people[p.Mentee.User] = true
		if n, ok := b.finalRating(ctx, t, p); ok {
			r.Rated++
			r.RatedSum += n
		}
	}
	r.People = len(people)
	return r, len(mentored) > 0, nil
}

// saidNoAgain reports whether mentor answered "no" to "would you mentor
// again?" in the last survey of one of their pairs and has not come back
// since: their offer is still paused, or gone (survey.go's notAgain
// paused it). A re-invitation would ask them again what they answered.
func (b *Bot) saidNoAgain(ctx context.Context, mentor MemberID) (bool, error) {
	o, has, err := b.offerOf(ctx, mentor)
	if err != nil || has && !o.Paused {
		return false, err
	}
	pairs, err := b.store.pairs.PairsOf(ctx, mentor)
	if err != nil {
		return false, err
	}
	for _, p := range pairs {
		if p.Mentor != mentor || !p.State.Closed() {
			continue
		}
		for _, stage := range []string{SurveyEnd, SurveyFlash} {
			a, err := b.store.followups.Survey(ctx, mentor.Tenant(), SurveyID(p.ID+":"+stage), mentor)
			if err == nil && a["again"] == "no" {
				return true, nil
			}
		}
	}
	return false, nil
}

// pairProgram is the program of a pair: its request's.
func (b *Bot) pairProgram(ctx context.Context, t Tenant, p Pair) (ProgramID, error) {
	if p.Request == "" {
		return DefaultProgram, nil
	}
	r, err := b.store.requests.GetRequest(ctx, t, p.Request)
	switch ErrorCode(err) {
	case "":
		return r.InProgram(), nil
	case ENOTFOUND:
		return DefaultProgram, nil
	}
	return "", err
}

// finalRating is the mentee's rating of a pair in its final survey.
func (b *Bot) finalRating(ctx context.Context, t Tenant, p Pair) (int, bool) {
	for _, stage := range []string{SurveyEnd, SurveyFlash} {
		a, err := b.store.followups.Survey(ctx, t, SurveyID(p.ID+":"+stage), p.Mentee)
		if err != nil {
			continue
		}
		if n, err := strconv.Atoi(a["rating"]); err == nil && n >= 1 && n <= 5 {
			return n, true
		}
	}
	return 0, false
}

// recruitProgram is the open program a recruitment campaign is for.
func (b *Bot) recruitProgram(ctx context.Context, t Tenant, id string) (Program, error) {
	p, err := b.store.programs.GetProgram(ctx, t, ProgramID(id))
	if err != nil {
		return Program{}, err
	}
	if p.State == ProgramClosed {
		return Program{}, Errorf(ESTALE, "recruit.closed", "name", p.Name)
	}
	return p, nil
}

// errNotInvited is a builder's word that a target no longer fits the
// campaign: it is counted as skipped, and sent nothing.
var errNotInvited = errors.New("no longer a target")

// reinviteMessage is a past mentor's personal re-invitation: what they
// did in their latest program, and three buttons.
func reinviteMessage(ctx context.Context, b *Bot, c Campaign, to MemberID, lang Lang) (Message, error) {
	p, err := b.store.programs.GetProgram(ctx, c.Tenant, ProgramID(c.Subject))
	if err != nil {
		return Message{}, err
	}
	if in, err := b.offersIn(ctx, to, p.ID); err != nil {
		return Message{}, err
	} else if in {
		// They joined p since it was created: nothing to ask.
		return Message{}, errNotInvited
	}
	r, found, err := b.lastRecord(ctx, c.Tenant, to, p.ID)
	if err != nil {
		return Message{}, err
	}
	if !found {
		// Their only ended pairs are in this program: nothing to thank
		// them for elsewhere.
		return Message{}, errNotInvited
	}
	satisfaction := ""
	if r.Rated > 0 {
		satisfaction = T(lang, "recruit.satisfaction", "rating", Decimal(lang, rounded(float64(r.RatedSum)/float64(r.Rated))))
	}
	dates := []string{"name", p.Name, "start", Date(lang, p.Start), "end", Date(lang, p.End)}
	var text string
	if r.Program == DefaultProgram || r.Program == "" {
		text = T(lang, "recruit.reinvite_here", append([]string{"count", itoa(r.People), "satisfaction", satisfaction}, dates...)...)
	} else {
		last := string(r.Program)
		if q, err := b.store.programs.GetProgram(ctx, c.Tenant, r.Program); err == nil {
			last = q.Name
		}
		text = T(lang, "recruit.reinvite", append([]string{"count", itoa(r.People), "program", last, "satisfaction", satisfaction}, dates...)...)
	}
	v := string(p.ID)
	return Message{
		Title: T(lang, "recruit.reinvite_title", "name", p.Name),
		Text:  text,
		Buttons: []Button{
			{Label: T(lang, "btn.reinvite_yes"), ActionID: ActionReinviteYes, Value: v, Style: StylePrimary},
			{Label: T(lang, "btn.reinvite_change"), ActionID: ActionReinviteChange, Value: v},
			{Label: T(lang, "btn.reinvite_no"), ActionID: ActionReinviteNo, Value: v},
		},
	}, nil
}

// joinProgram puts the member's offer, with its topics, in program p
// (resuming it if it was paused), through the offer command, whose reply
// shows the whole offer. Without an offer it opens the offer form for p.
func (b *Bot) joinProgram(ctx context.Context, who MemberID, lang Lang, p Program) (Reply, bool, error) {
	o, err := b.store.offers.GetOffer(ctx, who)
	if ErrorCode(err) == ENOTFOUND {
		return b.offerFormFor(ctx, who, lang, p), false, nil
	}
	if err != nil {
		return Reply{}, false, err
	}
	if o.Paused {
		// Paused by its program's end ("so that no request surprises
		// you") or by the member: the yes is to p, not to requests outside
		// programs. The offer keeps its open programs, and takes p, before
		// it is resumed.
		if closed, err := b.closedPrograms(ctx, who.Tenant()); err == nil {
			keep := slices.DeleteFunc(withoutClosed(o.Programs, closed), func(id ProgramID) bool { return id == DefaultProgram })
			if !slices.Contains(keep, p.ID) {
				keep = append(keep, p.ID)
			}
			o.Programs, o.Keys = keep, topicKeys(o.Topics...)
			if err := b.store.offers.SaveOffer(ctx, o); err != nil {
				return Reply{}, false, err
			}
		}
		b.HandleCommand(ctx, Command{Name: "resume", Member: who})
	}
	return b.HandleCommand(ctx, Command{Name: "offer", Member: who, Values: map[string]string{"program": string(p.ID)}}), true, nil
}

// offerFormFor opens the offer form, whose offer joins program p.
func (b *Bot) offerFormFor(ctx context.Context, who MemberID, lang Lang, p Program) Reply {
	spec, _ := b.command("offer")
	f := b.form(ctx, spec, &Invocation{Member: who, Lang: lang})
	f.Fixed = map[string]string{"program": string(p.ID)}
	return Reply{Form: f, Message: Message{Text: T(lang, "recruit.form_how", "name", p.Name, "id", string(p.ID))}}
}

// runAdminInviteMentors invites mentees to mentor in turn in a program:
// the members named (members:), or else every mentee whose mentoring went
// well (met, rated 4 or 5 by them) with GiveBackYears years of experience
// or more (years: changes it), who offers no mentoring yet.
func runAdminInviteMentors(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	name := strings.TrimSpace(unquote(in.Text("program")))
	if name == "" {
		return Reply{}, &Error{Code: EINVALID, Key: "err.recruit.which", Field: "program"}
	}
	p, err := b.openProgramNamed(ctx, t, name)
	if err != nil {
		return Reply{}, err
	}
	var users []string
	if list := in.Text("members"); list != "" {
		if users, err = b.namedMembers(ctx, in, list); err != nil {
			return Reply{}, err
		}
	} else {
		users, err = b.giveBackCandidates(ctx, t, in.Int("years", GiveBackYears))
		if err != nil {
			return Reply{}, err
		}
	}
	sort.Strings(users)
	users = slices.Compact(users)
	// Those named who offer in p already are not invited: the manager
	// is told who they are.
	users, already, err := b.withoutMentorsIn(ctx, t, p.ID, users)
	if err != nil {
		return Reply{}, err
	}
	note := ""
	if len(already) > 0 {
		note = T(in.Lang, "recruit.giveback_in_already", "count", itoa(len(already)), "names", andList(in.Lang, already), "name", p.Name)
	}
	say := func(text string) (Reply, error) {
		if note != "" {
			text = strings.TrimSpace(note + " " + text)
		}
		return Reply{Message: Message{Text: text}}, nil
	}
	switch {
	case len(users) == 0 && note != "":
		return say("")
	case len(users) == 0:
		return say(T(in.Lang, "recruit.giveback_none", "years", itoa(in.Int("years", GiveBackYears))))
	}
	spec := CampaignSpec{Kind: CampaignGiveBack, Program: p.Name, Subject: string(p.ID), Manager: in.Member, Lang: in.Lang, Users: users}
	again := in.Text("confirm") == "yes"
	if !again {
		// Those an earlier invitation to p reached are not invited again
		// unless confirmed, and are named; the others are invited now.
		reached, prior, err := b.campaignsReaching(ctx, t, spec)
		if err != nil {
			return Reply{}, err
		}
		var fresh, invited []string
		for _, u := range spec.Users {
			if reached[u] {
				invited = append(invited, u)
			} else {
				fresh = append(fresh, u)
			}
		}
		if len(invited) > 0 {
			names, err := b.displayNames(ctx, t, invited)
			if err != nil {
				return Reply{}, err
			}
			skipped := T(in.Lang, "recruit.giveback_invited_before", "count", itoa(len(invited)), "names", andList(in.Lang, names), "name", p.Name, "date", Date(in.Lang, prior.Created))
			if len(fresh) == 0 {
				return say(skipped)
			}
			note = strings.TrimSpace(note + " " + skipped)
			spec.Users = fresh
		}
	}
	// Checked above (or confirmed): startCampaign need not read the
	// earlier campaigns again.
	if _, _, err := b.startCampaign(ctx, spec, true); err != nil {
		return Reply{}, err
	}
	return say(T(in.Lang, "recruit.giveback_started", "count", itoa(len(spec.Users)), "name", p.Name))
}

// displayNames are the names of the members users of t, as the bot
// shows them, at most ten: past that, the count says the rest.
func (b *Bot) displayNames(ctx context.Context, t Tenant, users []string) ([]string, error) {
	var out []string
	for i, u := range users {
		if i == 10 {
			out[len(out)-1] += "…"
			break
		}
		m, err := b.namedMember(ctx, t, u)
		if err != nil {
			return nil, err
		}
		out = append(out, m.displayName())
	}
	return out, nil
}

// namedMembers reads the members a manager named in list (mentions or user
// IDs, separated by commas or spaces), by user ID. Each must be in the
// workspace (inDirectory): a name it does not know is a typo, and all of
// them are named in one refusal, before anyone is invited, so that the
// manager sends the corrected list once and nobody is invited twice (a
// second campaign to the same people asks for confirm:yes).
func (b *Bot) namedMembers(ctx context.Context, in *Invocation, list string) ([]string, error) {
	t := in.Member.Tenant()
	var users, unknown []string
	for _, ref := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		u, ok := parseUserRef(ref)
		if !ok {
			return nil, badUser("members", ref)
		}
		if slices.Contains(users, u) {
			continue // named twice: checked once, said once
		}
		known, err := b.inDirectory(ctx, t.Member(u))
		if err != nil {
			return nil, err
		}
		if !known {
			unknown = append(unknown, clip(ref, 40)) // as typed
		}
		users = append(users, u)
	}
	if len(unknown) > 0 {
		b.log.Info("invite-mentors: members not in the workspace", "tenant", t.String(), "count", len(unknown))
		return nil, &Error{Code: EINVALID, Key: platformKey(t, "err.recruit.no_members"),
			Args: []string{"names", quotedList(in.Lang, unknown)}, Field: "members"}
	}
	return users, nil
}

// offersIn reports whether who offers mentoring in program p, their offer
// not paused: an invitation to mentor there would ask them for what they
// already do.
func (b *Bot) offersIn(ctx context.Context, who MemberID, p ProgramID) (bool, error) {
	o, err := b.store.offers.GetOffer(ctx, who)
	switch {
	case ErrorCode(err) == ENOTFOUND:
		return false, nil
	case err != nil:
		return false, err
	}
	return !o.Paused && containsProgram(o.InPrograms(), p), nil
}

// withoutMentorsIn splits users into those to invite to mentor in p and
// the names of those who offer in p already (offersIn).
func (b *Bot) withoutMentorsIn(ctx context.Context, t Tenant, p ProgramID, users []string) (rest, already []string, err error) {
	for _, u := range users {
		in, err := b.offersIn(ctx, t.Member(u), p)
		if err != nil {
			return nil, nil, err
		}
		if !in {
			rest = append(rest, u)
			continue
		}
		m, err := b.namedMember(ctx, t, u)
		if err != nil {
			return nil, nil, err
		}
		already = append(already, m.displayName())
	}
	return rest, already, nil
}

// giveBackCandidates are the mentees whose mentoring went well, with at
// least years of experience, who offer no mentoring.
func (b *Bot) giveBackCandidates(ctx context.Context, t Tenant, years int) ([]string, error) {
	e, err := b.store.reports.Export(ctx, t)
	if err != nil {
		return nil, err
	}
	rated := map[string]int{} // "<pair>" → the mentee's final rating
	for _, a := range e.Answers {
		pairID, stage, _ := strings.Cut(string(a.Survey), ":")
		if a.Question == "rating" && (stage == SurveyEnd || stage == SurveyFlash) {
			if n, err := strconv.Atoi(a.Answer); err == nil {
				rated[pairID+"/"+a.Member.User] = n
			}
		}
	}
	members := map[string]Member{}
	for _, m := range e.Members {
		members[m.ID.User] = m
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range e.Pairs {
		u := p.Mentee.User
		if seen[u] || p.Met.IsZero() || rated[p.ID+"/"+u] < giveBackRating || members[u].Years < years {
			continue
		}
		if _, err := b.store.offers.GetOffer(ctx, p.Mentee); err == nil {
			continue // a mentor already
		} else if ErrorCode(err) != ENOTFOUND {
			return nil, err
		}
		seen[u] = true
		out = append(out, u)
	}
	return out, nil
}

// giveBackMessage invites a mentee to mentor in turn: after a mentoring
// that went well, or because a manager thinks they would be good at it.
func giveBackMessage(ctx context.Context, b *Bot, c Campaign, to MemberID, lang Lang) (Message, error) {
	p, err := b.store.programs.GetProgram(ctx, c.Tenant, ProgramID(c.Subject))
	if err != nil {
		return Message{}, err
	}
	if in, err := b.offersIn(ctx, to, p.ID); err != nil {
		return Message{}, err
	} else if in {
		// They offer in p since the invitations started: nothing to ask.
		return Message{}, errNotInvited
	}
	m, err := b.member(ctx, to)
	if err != nil {
		return Message{}, err
	}
	dates := []string{"name", p.Name, "start", Date(lang, p.Start), "end", Date(lang, p.End)}
	text := ""
	if topic, ok := b.wentWell(ctx, c.Tenant, to); ok {
		key, args := "recruit.giveback_well", []string{"topic", topic}
		if m.Years > 0 { // 0 is unknown: nothing is said about the years
			key, args = "recruit.giveback_well_years", append(args, "years", itoa(m.Years))
		}
		text = T(lang, key, append(args, dates...)...)
	} else {
		who := T(lang, "recruit.a_manager")
		if mgr, err := b.member(ctx, c.Manager); err == nil {
			who = mgr.displayName()
		}
		text = T(lang, "recruit.giveback_chosen", append([]string{"manager", who}, dates...)...)
	}
	v := string(p.ID)
	return Message{
		Title: T(lang, "recruit.giveback_title", "name", p.Name),
		Text:  text,
		Buttons: []Button{
			{Label: T(lang, "btn.giveback_yes"), ActionID: ActionGiveBackYes, Value: v, Style: StylePrimary},
			{Label: T(lang, "btn.giveback_no"), ActionID: ActionGiveBackNo, Value: v},
		},
	}, nil
}

// wentWell returns the topic of the member's latest mentoring, as mentee,
// that met and that they rated giveBackRating or more.
func (b *Bot) wentWell(ctx context.Context, t Tenant, who MemberID) (string, bool) {
	pairs, err := b.store.pairs.PairsOf(ctx, who)
	if err != nil {
		return "", false
	}
	for _, p := range pairs {
		if p.Mentee != who || p.Met.IsZero() {
			continue
		}
		if n, ok := b.finalRating(ctx, t, p); ok && n >= giveBackRating {
			return p.Topic, true
		}
	}
	return "", false
}
