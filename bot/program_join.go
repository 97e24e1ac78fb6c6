package bot

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/mentorbot/mentorbot/matching"
)

// Members join programs: a request belongs to one (Request.Program), an
// offer to one or several (Offer.Programs). Either names it with the
// program: option, or joins the current one (currentProgram).

// heldReply answers a request made in a program that has not kicked off
// yet: it waits for the program's kick-off round, and is not proposed now.
func (b *Bot) heldReply(ctx context.Context, in *Invocation, r Request) (Reply, bool) {
	text, held := b.heldText(ctx, in.Lang, r)
	if !held {
		return Reply{}, false
	}
	return Reply{Message: Message{Text: text}}, true
}

// heldText says, in lang, that r waits for its program's kick-off round;
// false when r is not held (heldPrograms).
func (b *Bot) heldText(ctx context.Context, lang Lang, r Request) (string, bool) {
	if r.InProgram() == DefaultProgram {
		return "", false
	}
	held, err := b.heldPrograms(ctx, r.Mentee.Tenant())
	if err != nil {
		// Proposed now rather than lost: the program's round finds it
		// paired or proposed, as any round does.
		b.log.Error("held programs", "tenant", r.Mentee.Tenant().String(), "err", err)
		return "", false
	}
	p, ok := held[r.InProgram()]
	if !ok {
		return "", false
	}
	return T(lang, "program.request_held", "topic", r.Topic, "name", p.Name, "start", Date(lang, p.Start)), true
}

// rematchProgram is the program of the new request a mentee asks for
// after pair ended (rematch): the pair's own program (its request's),
// while it is open, so that its mentors get it, its end withdraws it and
// its figures count it; "" (the default program) for a pair outside
// programs or of a program closed since.
func (b *Bot) rematchProgram(ctx context.Context, pair Pair) (ProgramID, error) {
	t := pair.Mentee.Tenant()
	id, err := b.pairProgram(ctx, t, pair)
	if err != nil || id == DefaultProgram {
		return "", err
	}
	p, err := b.store.programs.GetProgram(ctx, t, id)
	switch {
	case ErrorCode(err) == ENOTFOUND:
		return "", nil
	case err != nil:
		return "", err
	case p.State != ProgramOpen:
		return "", nil
	}
	return id, nil
}

// offerPrograms returns the programs of an offer after the command: a new
// offer joins the program named, or the current one; an offer updated
// with program: joins that program too, keeping the others; an offer
// updated without it keeps its programs. The default program alone is
// written as none.
func (b *Bot) offerPrograms(ctx context.Context, in *Invocation, o Offer, updated bool) ([]ProgramID, error) {
	if updated && strings.TrimSpace(in.Text("program")) == "" {
		return o.Programs, nil
	}
	prog, err := b.programOption(ctx, in)
	if err != nil {
		return nil, err
	}
	var ids []ProgramID
	if updated {
		ids = slices.Clone(o.InPrograms())
	}
	if !slices.Contains(ids, prog) {
		ids = append(ids, prog)
	}
	if len(ids) == 1 && ids[0] == DefaultProgram {
		return nil, nil
	}
	return ids, nil
}

// programNamesOf names programs for a member as a sentence lists them:
// "“Mentorat 2027” and the default program", « « Mentorat 2027 » et
// le programme par défaut »; unquoted in a field's value.
func (b *Bot) programNamesOf(ctx context.Context, lang Lang, t Tenant, ids []ProgramID, field bool) string {
	quote := func(name string) string {
		if field {
			return name
		}
		return quotedList(lang, []string{name})
	}
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if id == DefaultProgram {
			names = append(names, T(lang, "program.default_name"))
			continue
		}
		if p, err := b.store.programs.GetProgram(ctx, t, id); err == nil && p.State == ProgramClosed {
			names = append(names, T(lang, "program.closed_name", "name", quote(p.Name)))
		} else if err == nil {
			names = append(names, quote(p.Name))
		} else {
			names = append(names, "`"+string(id)+"`")
		}
	}
	return andList(lang, names)
}

// programLines tell a member the programs they are in, as a mentor and
// as a mentee: none when they are in the default program only, as
// everyone was before programs.
func (b *Bot) programLines(ctx context.Context, lang Lang, t Tenant, ov Overview) []string {
	var lines []string
	if o := ov.Offer; o != nil && len(o.Programs) > 0 {
		lines = append(lines, T(lang, "status.programs_mentor", "programs", b.programNamesOf(ctx, lang, t, o.InPrograms(), false)))
	}
	if r := ov.Request; r != nil && r.State.Open() && r.Program != "" {
		lines = append(lines, T(lang, "status.program_mentee", "program", b.programNamesOf(ctx, lang, t, []ProgramID{r.InProgram()}, false)))
	}
	// A pair's program is its request's: one read per pair in progress.
	var ids []ProgramID
	count, total := map[ProgramID]int{}, 0
	for _, p := range ov.Pairs {
		if p.State.Closed() {
			continue
		}
		r, err := b.store.requests.GetRequest(ctx, t, p.Request)
		if err != nil {
			continue // not said of, rather than said outside programs
		}
		id := r.InProgram()
		total++
		if count[id]++; count[id] == 1 && id != DefaultProgram {
			ids = append(ids, id)
		}
	}
	switch {
	case len(ids) == 0:
		// Outside programs only, as everyone was before programs.
	case count[DefaultProgram] == 0:
		lines = append(lines, T(lang, "status.programs_pairs", "count", itoa(total), "programs", b.programNamesOf(ctx, lang, t, ids, false)))
	default:
		// Some in programs, some outside: "belong to: Spring" would be
		// untrue of those outside, so each program says how many.
		var parts []string
		for _, id := range ids {
			parts = append(parts, T(lang, "status.pairs_in", "count", itoa(count[id]), "name", b.programNamesOf(ctx, lang, t, []ProgramID{id}, false)))
		}
		parts = append(parts, T(lang, "status.pairs_outside", "count", itoa(count[DefaultProgram])))
		lines = append(lines, T(lang, "status.programs_pairs_mixed", "list", andList(lang, parts)))
	}
	return lines
}

// programCharter is what a pair's program adds to the charter its members
// accept: the program's own charter in lang (else in another language it
// has), after a line naming the program; "" when the pair's request
// belongs to no program with a charter.
func (b *Bot) programCharter(ctx context.Context, pair Pair, lang Lang) string {
	t := pair.Mentee.Tenant()
	r, err := b.store.requests.GetRequest(ctx, t, pair.Request)
	if err != nil || r.Program == "" {
		return ""
	}
	p, err := b.store.programs.GetProgram(ctx, t, r.Program)
	if err != nil || len(p.Charter) == 0 {
		return ""
	}
	text := p.Charter[lang]
	if text == "" {
		for _, l := range slices.Sorted(maps.Keys(p.Charter)) {
			if text = p.Charter[l]; text != "" {
				break
			}
		}
	}
	if text == "" {
		return ""
	}
	return "\n\n" + T(lang, "charter.program", "name", p.Name) + "\n" + text
}

// programKind is the kind of a request that names none: its program's
// kind, flash in the default program.
func (b *Bot) programKind(ctx context.Context, t Tenant, id ProgramID) Kind {
	if id == DefaultProgram {
		return matching.Flash
	}
	if p, err := b.store.programs.GetProgram(ctx, t, id); err == nil && p.Kind != "" {
		return p.Kind
	}
	return matching.Flash
}
