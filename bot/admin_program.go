package bot

import (
	"context"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// Action IDs of a program's closing, managers only (IsAdminAction).
const (
	ActionProgramClose = "admin.program.close"
	ActionProgramKeep  = "admin.program.keep"
)

// Job kinds of a program (jobs.go).
const (
	JobProgramStart = "progstart" // progstart:<program>: the kick-off round, at the start date
	JobProgramEnd   = "progend"   // progend:<program>: the end, at the end date or when closed
)

// programVerbs maps what a manager may type to what they mean.
var programVerbs = map[string]string{
	"": "list", "list": "list", "liste": "list", "lister": "list",
	"create": "create", "new": "create", "creer": "create", "créer": "create", "nouveau": "create",
	"show": "show", "voir": "show", "afficher": "show",
	"close": "close", "fermer": "close", "clore": "close", "cloturer": "close", "clôturer": "close",
}

// programOptions are the options of /mentor admin program; the first
// MaxFormFields after action make its form.
func programOptions(kinds []string) []Option {
	return []Option{
		{Name: "action", Type: OptText, MaxLength: MaxProgramNameLen + 20, Help: "opt.program_action"},
		{Name: "name", French: "nom", Type: OptText, MaxLength: MaxProgramNameLen, Help: "opt.program_name"},
		withHelp(optKind(kinds), "opt.program_kind"),
		{Name: "start", French: "début", Aliases: []string{"debut"}, Type: OptText, MaxLength: 30, Help: "opt.program_start"},
		{Name: "end", French: "fin", Type: OptText, MaxLength: 30, Help: "opt.program_end"},
		{Name: "charter", French: "charte", FreeText: true, Type: OptText, MaxLength: MaxCharterLen, Multiline: true, Help: "opt.program_charter"},
		{Name: "questions", FreeText: true, Type: OptText, MaxLength: MaxProgramQuestions * (MaxProgramQuestionLen + 2), Multiline: true, Help: "opt.program_questions"},
	}
}

// runAdminProgram creates, lists, shows or closes programs:
// "/mentor admin program create "Mentorat 2027" kind:one-to-one
// start:2027-01-15 end:2027-06-30". A submitted form names no action:
// it creates.
func runAdminProgram(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	action, rest := in.Text("action"), ""
	if action == "" && in.Text("name") != "" {
		action = "create"
	}
	action, rest, _ = strings.Cut(strings.TrimSpace(action), " ")
	verb, ok := programVerbs[foldName(action)]
	if !ok {
		return Reply{}, unknownVerb(in, action, &Error{Code: EINVALID, Key: "err.program.usage", Field: "action"})
	}
	name := unquote(strings.TrimSpace(rest))
	if name == "" {
		name = unquote(strings.TrimSpace(in.Text("name")))
	}
	switch verb {
	case "list":
		return b.listPrograms(ctx, in)
	case "create":
		if name == "" && in.Forms {
			return Reply{Form: b.programForm(in.Lang, in.Spec, b.formFields(in.Member))}, nil
		}
		return b.createProgram(ctx, in, name)
	}
	if name == "" {
		return Reply{}, &Error{Code: EINVALID, Key: "err.program.which", Args: []string{"verb", action}, Field: "name"}
	}
	p, err := b.programNamed(ctx, in.Member.Tenant(), name)
	if err != nil {
		return Reply{}, err
	}
	if verb == "show" {
		return b.showProgram(ctx, in, p)
	}
	if p.State == ProgramClosed {
		return Reply{}, Errorf(ESTALE, "err.program.closed_already", "name", p.Name)
	}
	return Reply{Message: Message{
		Title: T(in.Lang, "program.close_title", "name", p.Name),
		Text:  T(in.Lang, "program.close_confirm", "name", p.Name),
		Buttons: []Button{
			{Label: T(in.Lang, "program.btn_close"), ActionID: ActionProgramClose, Value: string(p.ID), Style: StyleDanger},
			{Label: T(in.Lang, "program.btn_keep"), ActionID: ActionProgramKeep, Value: string(p.ID)},
		},
	}}, nil
}

// programForm is the modal that creates a program: name, kind, dates,
// charter and its own survey questions (the options after action). The
// kind, the charter and the questions may be left empty. A form holds
// fields inputs (formFields): a Discord modal is one short of the
// questions, a Slack modal holds them all; where they do not fit, the
// charter's placeholder says they go in the command's own field.
func (b *Bot) programForm(lang Lang, spec CommandSpec, fields int) *Form {
	f := &Form{Command: spec.Name, Title: T(lang, "form.admin.program.title"), Submit: T(lang, "form.submit")}
	room := min(len(spec.Options)-1, fields)
	for _, o := range spec.Options[1 : 1+room] {
		placeholder := T(lang, o.HelpKey())
		if o.Name == "charter" && room < len(spec.Options)-1 {
			placeholder = T(lang, "form.program.charter_no_questions")
		}
		f.Fields = append(f.Fields, FormField{
			Name: o.Name, Label: T(lang, "label.program_"+o.Name), Placeholder: clip(placeholder, 100),
			Multiline: o.Multiline, Required: o.Name == "name" || o.Name == "start" || o.Name == "end", MaxLength: o.MaxLength,
		})
	}
	return f
}

// parseDay reads a date written 2027-01-15.
func parseDay(lang Lang, option, v string, from time.Time) (time.Time, error) {
	d, ok := parseDayIn(lang, v, from, time.UTC)
	if !ok {
		if err := noSuchDay(lang, option, v); err != nil {
			return time.Time{}, err
		}
		return time.Time{}, &Error{Code: EINVALID, Key: "err.program.bad_date", Args: []string{"option", option, "value", clip(v, 20)}, Field: option}
	}
	return d, nil
}

// createProgram checks a new program and stores it with its kick-off
// and end jobs.
func (b *Bot) createProgram(ctx context.Context, in *Invocation, name string) (Reply, error) {
	t := in.Member.Tenant()
	if name == "" {
		return Reply{}, &Error{Code: EINVALID, Key: "err.program.no_name", Field: "name"}
	}
	if len([]rune(name)) > MaxProgramNameLen {
		return Reply{}, &Error{Code: EINVALID, Key: "err.too_long", Args: []string{"option", "name", "max", itoa(MaxProgramNameLen)}, Field: "name"}
	}
	id := programSlug(name)
	switch id {
	case "":
		return Reply{}, &Error{Code: EINVALID, Key: "err.program.no_name", Field: "name"}
	case DefaultProgram, "defaut":
		return Reply{}, Errorf(EINVALID, "err.program.reserved", "name", name)
	}
	for _, o := range []string{"start", "end"} {
		if in.Text(o) == "" {
			return Reply{}, &Error{Code: EINVALID, Key: "err.program.no_" + o, Field: o}
		}
	}
	// A day without its year: the start within six months back (a
	// program under way) or ahead, the end on or after the start; a
	// program that would then be over already ("July 1" to "September
	// 30" in November) is the next one, read from today.
	today := b.clock.Now().In(b.workspaceLoc(ctx, t))
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	var start, end time.Time
	for _, from := range []time.Time{today.AddDate(0, -6, 0), today} {
		var err error
		if start, err = parseDay(in.Lang, "start", in.Text("start"), from); err != nil {
			return Reply{}, err
		}
		if end, err = parseDay(in.Lang, "end", in.Text("end"), start); err != nil {
			return Reply{}, err
		}
		if !end.Before(day) {
			break
		}
	}
	if end.Before(start) {
		return Reply{}, &Error{Code: EINVALID, Key: "err.program.end_before_start", Args: []string{"start", Date(in.Lang, start), "end", Date(in.Lang, end)}, Field: "end"}
	}
	loc, now := b.workspaceLoc(ctx, t), b.clock.Now()
	kind := matching.OneToOne
	if k, ok := matching.ParseKind(in.Text("kind")); ok {
		kind = k
	}
	p := Program{ID: id, Tenant: t, Name: name, Kind: kind, Start: start, End: end, State: ProgramOpen, Created: now.UTC()}
	if !now.Before(p.endsAt(loc)) {
		return Reply{}, &Error{Code: EINVALID, Key: "err.program.ended", Args: []string{"end", Date(in.Lang, end)}, Field: "end"}
	}
	// A program whose first day has come has no kick-off round to wait
	// for: its requests are matched as they come, and the start job finds
	// it kicked off.
	started := !now.Before(p.startsAt(loc))
	if started {
		p.KickedOff = now.UTC()
	}
	if c := in.Text("charter"); c != "" {
		p.Charter = map[Lang]string{in.Lang: c}
	}
	var err error
	if p.Questions, err = programQuestions(in.Text("questions")); err != nil {
		return Reply{}, err
	}
	jobs := []Job{NewJob(p.startsAt(loc), JobProgramStart, string(id)), NewJob(p.endsAt(loc), JobProgramEnd, string(id)),
		// The mentors of earlier pairs are re-invited, personally, by a
		// job: finding them reads the whole workspace, which the reply
		// does not wait for (recruit.go).
		NewJob(now.UTC(), JobProgramReinvite, string(id), in.Member.User, string(in.Lang))}
	if err := b.store.programs.CreateProgram(ctx, p, jobs); err != nil {
		if ErrorCode(err) == ECONFLICT {
			old, _ := b.store.programs.GetProgram(ctx, t, id)
			return Reply{}, &Error{Code: ECONFLICT, Key: "err.program.exists", Args: []string{"name", old.Name, "id", string(id)}, Field: "name"}
		}
		return Reply{}, err
	}
	b.log.Info("program created", "tenant", t.String(), "program", string(id), "by", in.Member.String())
	key := "program.created"
	switch {
	case started:
		key = "program.created_started"
	case !b.managersCanSee(ctx, t):
		// No managers' channel: the kick-off round is posted nowhere,
		// and its requests are released unchecked (runProgramStart).
		key = "program.created_no_channel"
	}
	text := T(in.Lang, key, "name", p.Name, "id", string(id), "start", Date(in.Lang, start), "end", Date(in.Lang, end))
	if more := b.reinviteCount(ctx, in.Lang, p); more != "" {
		text += "\n" + more
	}
	return Reply{Message: Message{Text: text}}, nil
}

// managersCanSee reports whether what the bot posts for the managers
// (postedToManagers: the kick-off round) reaches them: a managers'
// channel is set, on a platform that can post.
func (b *Bot) managersCanSee(ctx context.Context, t Tenant) bool {
	_, p, err := b.managersChannel(ctx, t)
	if p == nil || err != nil {
		return false
	}
	_, ok := p.(Poster)
	return ok
}

// reinviteCount says how many mentors of earlier pairs the program's
// re-invitation job, due now, invites: the same count it makes
// (reinviteTargets, which reads the pairs ended when p was created),
// which leaves out those who opted out of such messages; they are counted
// apart, so that the count is the one the progress message ends at. If
// they cannot be counted, it says that they are re-invited without the
// number. With nobody to re-invite and nobody left out, it says nothing
// ("").
func (b *Bot) reinviteCount(ctx context.Context, lang Lang, p Program) string {
	users, optedOut, err := b.reinviteTargets(ctx, p)
	switch {
	case err != nil:
		b.log.Warn("re-invitations not counted", "tenant", p.Tenant.String(), "program", string(p.ID), "code", string(ErrorCode(err)))
		return T(lang, "recruit.reinvite_will")
	case len(users) == 0 && optedOut > 0:
		return T(lang, "recruit.reinvite_none_opted_out", "n", Number(lang, optedOut))
	case len(users) == 0:
		return ""
	}
	text := T(lang, "recruit.reinvite_count", "count", Number(lang, len(users)), "name", p.Name)
	if optedOut > 0 {
		text += " " + T(lang, "recruit.reinvite_opted_out", "n", Number(lang, optedOut))
	}
	return text
}

// openProgramNamed finds an open program by its name or ID: what a call,
// an invitation or an event names. A closed one takes nobody.
func (b *Bot) openProgramNamed(ctx context.Context, t Tenant, name string) (Program, error) {
	p, err := b.programNamed(ctx, t, name)
	if err == nil && p.State == ProgramClosed {
		return Program{}, Errorf(ESTALE, "recruit.closed", "name", p.Name)
	}
	return p, err
}

// programNamed finds a program by its name or ID.
func (b *Bot) programNamed(ctx context.Context, t Tenant, name string) (Program, error) {
	id := programSlug(name)
	if id == DefaultProgram || id == "defaut" {
		return Program{}, Errorf(EINVALID, platformKey(t, "err.program.default"))
	}
	p, err := b.store.programs.GetProgram(ctx, t, id)
	if ErrorCode(err) == ENOTFOUND {
		all, _ := b.store.programs.Programs(ctx, t)
		return p, unknownProgram(name, all, "name")
	}
	return p, err
}

// programLine describes a program on one line.
func programLine(lang Lang, p Program) string {
	return T(lang, "program.line", "name", p.Name, "id", string(p.ID), "kind", T(lang, "kind."+string(p.Kind)),
		"start", Date(lang, p.Start), "end", Date(lang, p.End), "state", T(lang, "program.state."+string(p.State)))
}

// listPrograms lists the workspace's programs, the default one last.
func (b *Bot) listPrograms(ctx context.Context, in *Invocation) (Reply, error) {
	all, err := b.store.programs.Programs(ctx, in.Member.Tenant())
	if err != nil {
		return Reply{}, err
	}
	var lines []string
	for _, p := range all {
		lines = append(lines, "• "+programLine(in.Lang, p))
	}
	if len(lines) == 0 {
		lines = append(lines, T(in.Lang, "program.none"))
	}
	lines = append(lines, T(in.Lang, "program.default_line"))
	return Reply{Message: Message{Title: T(in.Lang, "program.list_title"), Text: strings.Join(lines, "\n")}}, nil
}

// programRequestCount counts the requests made in a program, and how
// many of them were withdrawn since. A request refused when it was asked
// (its mentee had one open already) is filed under the program
// (fileInProgram comes first) but was never stored: it is not counted,
// nor is one erased since.
func (b *Bot) programRequestCount(ctx context.Context, t Tenant, id ProgramID) (requests, withdrawn int, err error) {
	ids, err := b.store.programs.ProgramRequests(ctx, t, id)
	if err != nil {
		return 0, 0, err
	}
	for _, rid := range ids {
		r, err := b.store.requests.GetRequest(ctx, t, rid)
		if ErrorCode(err) == ENOTFOUND {
			continue
		}
		if err != nil {
			return 0, 0, err
		}
		requests++
		if r.State == RequestCancelled {
			withdrawn++
		}
	}
	return requests, withdrawn, nil
}

// showProgram shows one program: its line, who joined it, its kick-off
// and its charter.
func (b *Bot) showProgram(ctx context.Context, in *Invocation, p Program) (Reply, error) {
	t := in.Member.Tenant()
	offers, err := b.store.offers.Offers(ctx, t)
	if err != nil {
		return Reply{}, err
	}
	mentors := 0
	for _, o := range offers {
		if containsProgram(o.InPrograms(), p.ID) {
			mentors++
		}
	}
	requests, withdrawn, err := b.programRequestCount(ctx, t, p.ID)
	if err != nil {
		return Reply{}, err
	}
	joined := T(in.Lang, "program.joined", "mentors", plural(in.Lang, mentors, "program.mentors"), "requests", plural(in.Lang, requests, "program.requests"))
	if withdrawn > 0 {
		joined = T(in.Lang, "program.joined_cancel", "mentors", plural(in.Lang, mentors, "program.mentors"),
			"requests", plural(in.Lang, requests, "program.requests"), "withdrawn", itoa(withdrawn))
	}
	lines := []string{programLine(in.Lang, p), joined}
	loc := b.workspaceLoc(ctx, t)
	switch {
	case !p.Created.IsZero() && !p.Created.Before(p.startsAt(loc)):
		// Created on or after its first day: it never had a kick-off
		// round, and its KickedOff is only its creation.
		lines = append(lines, T(in.Lang, "program.no_kickoff", "date", Date(in.Lang, p.Created.In(loc))))
	case !p.KickedOff.IsZero():
		lines = append(lines, T(in.Lang, "program.kicked_off", "date", Date(in.Lang, p.KickedOff.In(loc))))
	}
	if text := p.Charter[in.Lang]; text != "" {
		lines = append(lines, T(in.Lang, "program.charter")+"\n"+text)
	} else if len(p.Charter) > 0 {
		lines = append(lines, T(in.Lang, "program.charter_other"))
	}
	if len(p.Questions) > 0 {
		lines = append(lines, T(in.Lang, "program.questions")+"\n• "+strings.Join(p.Questions, "\n• "))
	}
	return Reply{Message: Message{Title: p.Name, Text: strings.Join(lines, "\n")}}, nil
}

func containsProgram(ids []ProgramID, id ProgramID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// confirmCloseProgram closes a program: its end runs now (JobProgramEnd,
// moved to now). A second click, or a program closed meanwhile, says so.
func confirmCloseProgram(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	t, now := who.Tenant(), b.clock.Now().UTC()
	p, err := b.store.programs.CloseProgram(ctx, t, ProgramID(value), now, []Job{NewJob(now, JobProgramEnd, value)})
	switch ErrorCode(err) {
	case "":
	case ESTALE:
		return alreadyDone(T(lang, "err.program.closed_already", "name", p.Name)), nil
	case ENOTFOUND:
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	default:
		return Reply{}, err
	}
	b.log.Info("program closed", "tenant", t.String(), "program", value, "by", who.String())
	key := "program.closed"
	if b.settings(ctx, t).DigestChannel == "" {
		key = "program.closed_nochan" // nobody there to hear it
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, key, "name", p.Name)}}, nil
}

// keepProgram is "No, keep it open": nothing changes. A program closed
// meanwhile (the other button, another manager, its end date) is said to
// be closed already, not to stay open.
func keepProgram(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	p, err := b.store.programs.GetProgram(ctx, who.Tenant(), ProgramID(value))
	if err != nil {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	if p.State == ProgramClosed {
		return alreadyDone(T(lang, "err.program.closed_already", "name", p.Name)), nil
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, "program.kept", "name", p.Name)}}, nil
}
