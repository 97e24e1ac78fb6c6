package bot

import (
	"context"
	"slices"
	"strings"

	"github.com/mentorbot/mentorbot/matching"
)

// The matcher counts a mentor who offers a request's topic outside the
// request's program under OtherProgram, before it looks at anything
// else: a paused offer, or one of a closed program, is "in another
// program" all the same. Said to the member ("Mentors offer “go”, but
// only in other programs for now"), that promises help where there is
// none. What the bot says of other programs counts only the mentors who
// could take the request if it moved there: in an open program, not
// paused, and fitting it (the kind it would have there, time zones,
// seniority for reverse mentoring; languages aside, which the member is
// asked to widen when they alone stand in the way) with or without a
// free slot today.

// rehomeClosed returns mentors with each paused offer of closed programs
// only in the default program, where /mentor resume puts it
// (openClosedOffer): for a request of the default program, such a mentor
// is paused, not in another program. A paused mentor is never eligible,
// so no match changes, only what is said of them. mentors is not
// changed; programs are the workspace's.
func rehomeClosed(mentors []matching.Mentor, programs []Program) []matching.Mentor {
	closed := map[string]bool{}
	for _, p := range programs {
		if p.State == ProgramClosed {
			closed[string(p.ID)] = true
		}
	}
	if len(closed) == 0 {
		return mentors
	}
	var out []matching.Mentor
	for i, m := range mentors {
		if !m.Paused || len(m.Programs) == 0 || slices.ContainsFunc(m.Programs, func(id string) bool { return !closed[id] }) {
			continue
		}
		if out == nil {
			out = slices.Clone(mentors)
		}
		out[i].Programs = []string{string(DefaultProgram)}
	}
	if out == nil {
		return mentors
	}
	return out
}

// pausedInPrograms reports whether a paused mentor names a program
// other than the default one: only then can rehomeClosed change anything.
func pausedInPrograms(mentors []matching.Mentor) bool {
	return slices.ContainsFunc(mentors, func(m matching.Mentor) bool {
		return m.Paused && slices.ContainsFunc(m.Programs, func(id string) bool { return id != string(DefaultProgram) })
	})
}

// outsideProgram reports whether a mentor offers outside need's program:
// only then is OtherProgram to be recounted (otherPrograms).
func outsideProgram(need matching.Need, mentors []matching.Mentor) bool {
	return need.Program != "" && slices.ContainsFunc(mentors, func(m matching.Mentor) bool { return !slices.Contains(m.Programs, need.Program) })
}

// withClosedRehomed is rehomeClosed for a round's pool or the digest: the
// programs are read only when a paused offer names one.
func (b *Bot) withClosedRehomed(ctx context.Context, t Tenant, mentors []matching.Mentor) []matching.Mentor {
	if !pausedInPrograms(mentors) {
		return mentors
	}
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		return mentors // said as the matcher sees it
	}
	return rehomeClosed(mentors, programs)
}

// explainRanking is rk's explanation as members and managers are told
// it: the one kept for requests alike (waitCache) when there is one,
// else the matcher's, with a paused offer of closed programs only in the
// default program (rehomeClosed) and only the mentors who could take the
// request in another program counted there (otherPrograms); it returns
// those programs. The workspace's programs are read only when a mentor
// offers outside the request's program or a paused one names a program;
// unread, the matcher's word stands.
func (b *Bot) explainRanking(ctx context.Context, t Tenant, rk ranking) (matching.Explanation, []Program) {
	if rk.known != nil {
		return rk.known.why, rk.known.others
	}
	if !outsideProgram(rk.need, rk.mentors) && !pausedInPrograms(rk.mentors) {
		return rk.explain(), nil
	}
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		return rk.explain(), nil
	}
	mentors := rehomeClosed(rk.mentors, programs)
	return otherPrograms(rk.need, mentors, rk.opt, matching.Explain(rk.need, mentors, rk.opt), programs)
}

// otherPrograms recounts why.OtherProgram, the matcher's explanation of
// need over mentors: it keeps the mentors who could take the request if
// it moved to one of their open programs (with the kind it would take
// there: the program's), and counts the others as not offering the
// topic to it. It returns the programs those mentors are in, in the
// workspace's order, the default program last. programs are the
// workspace's.
func otherPrograms(need matching.Need, mentors []matching.Mentor, opt matching.Options, why matching.Explanation, programs []Program) (matching.Explanation, []Program) {
	if why.OtherProgram == 0 || need.Program == "" {
		return why, nil
	}
	open := map[string]Program{string(DefaultProgram): {ID: DefaultProgram, State: ProgramOpen}}
	for _, p := range programs {
		if p.State == ProgramOpen {
			open[string(p.ID)] = p
		}
	}
	in := map[string]bool{}
	fit := 0
	for _, m := range mentors {
		if m.Paused || slices.Contains(m.Programs, need.Program) {
			continue
		}
		fits := false
		for _, id := range m.Programs {
			p, ok := open[id]
			if !ok || id == need.Program {
				continue
			}
			// Languages aside: there, as here, a request that only
			// languages keep from a mentor asks the member to widen them
			// (languageAsk).
			n := need
			n.Program, n.Kind, n.Languages = id, programKindOf(p), nil
			if e := matching.Explain(n, []matching.Mentor{m}, opt); e.Eligible+e.NoCapacity > 0 {
				fits, in[id] = true, true
			}
		}
		if fits {
			fit++
		}
	}
	fit = min(fit, why.OtherProgram)
	why.NoTopic += why.OtherProgram - fit
	why.OtherProgram = fit
	var out []Program
	for _, p := range programs {
		if in[string(p.ID)] {
			out = append(out, p)
		}
	}
	if in[string(DefaultProgram)] {
		out = append(out, open[string(DefaultProgram)])
	}
	return why, out
}

// programKindOf is the kind a request takes in p when it names none
// (programKind).
func programKindOf(p Program) matching.Kind {
	if p.ID == DefaultProgram || p.Kind == "" {
		return matching.Flash
	}
	return p.Kind
}

// moveText tells a waiting member where the mentors of their topic who
// could take their request are, and how to move it there: "These
// mentors are in “Spring 2026”: to move your request there, type
// `/mentor cancel`, then `/mentor request go program:spring-2026`." ""
// when there is nowhere to go.
func moveText(lang Lang, topic string, why matching.Explanation, to []Program) string {
	key, n := waitingKey(why)
	if key != "waiting.program" || len(to) == 0 {
		return ""
	}
	return T(lang, "waiting.program_move", "count", itoa(n), "programs", programsNamed(lang, to), "commands", moveCommands(lang, topic, to))
}

// programsNamed names programs in a sentence: “Spring 2026” and the
// default program.
func programsNamed(lang Lang, programs []Program) string {
	names := make([]string, len(programs))
	for i, p := range programs {
		if p.ID == DefaultProgram {
			names[i] = T(lang, "program.default_name")
			continue
		}
		names[i] = quotedList(lang, []string{p.Name})
	}
	return andList(lang, names)
}

// moveCommands are the commands that file a request on topic in each of
// programs, as readers of lang type them, in backticks and joined with
// "or": `/mentor request go program:spring-2026`.
func moveCommands(lang Lang, topic string, programs []Program) string {
	spec, opt := CommandSpec{Name: "request"}, optProgram
	cmds := make([]string, len(programs))
	for i, p := range programs {
		id := string(p.ID)
		if p.ID == DefaultProgram {
			id = T(lang, "program.default_id")
		}
		cmds[i] = "`/mentor " + spec.NameIn(lang) + " " + topic + " " + opt.NameIn(lang) + ":" + id + "`"
	}
	if len(cmds) < 2 {
		return strings.Join(cmds, "")
	}
	return strings.Join(cmds[:len(cmds)-1], ", ") + T(lang, "langs.or") + cmds[len(cmds)-1]
}
