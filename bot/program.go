package bot

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ProgramID names a program in its workspace: a short slug of its name
// ("mentorat-2027"), fixed when the program is created.
type ProgramID string

// DefaultProgram is the always-open program of every workspace: a request
// or an offer made outside any program belongs to it, and so does
// everything stored before programs existed (an empty Request.Program, an
// empty Offer.Programs). It is never stored as a Program.
const DefaultProgram ProgramID = "default"

// ProgramState is where a program stands.
type ProgramState string

// Program states.
const (
	ProgramOpen   ProgramState = "open"
	ProgramClosed ProgramState = "closed" // ended: at its end date, or closed by a manager
)

// Program is one mentoring program of a workspace: a school year of
// one-to-one mentoring, a speed-mentoring evening. Members join it with
// their offers and requests (Offer.Programs, Request.Program); its
// kick-off round runs at Start, and its pairs end at End.
type Program struct {
	ID     ProgramID
	Tenant Tenant
	Name   string
	Kind   Kind
	// Start and End are calendar days (midnight UTC): the program runs
	// from the start of Start to the end of End, in the workspace's time
	// zone (Settings.TZ).
	Start, End time.Time
	// Charter is the program's own charter by language; none means the
	// workspace's (Charter).
	Charter map[Lang]string
	// Questions are the program's own survey questions, for a survey that
	// reads them; none means the usual ones.
	Questions []string
	State     ProgramState
	Created   time.Time
	// KickedOff is when a manager sent or discarded the kick-off round;
	// zero until then (see programHeld).
	KickedOff time.Time
	Closed    time.Time
}

// ProgramStore keeps a workspace's programs (program.go, admin_program.go).
type ProgramStore interface {
	// CreateProgram stores a new open program and schedules its jobs, in
	// one step. ECONFLICT if the workspace has a program with its ID.
	CreateProgram(ctx context.Context, p Program, jobs []Job) error

	// GetProgram returns a program, or ENOTFOUND.
	GetProgram(ctx context.Context, t Tenant, id ProgramID) (Program, error)

	// Programs returns the workspace's programs, by start date then ID.
	Programs(ctx context.Context, t Tenant) ([]Program, error)

	// CloseProgram closes an open program at at and schedules jobs, in one
	// step (a job scheduled already moves to the earlier time), and returns
	// it closed. ESTALE if it is closed already,
	// ENOTFOUND if there is none.
	CloseProgram(ctx context.Context, t Tenant, id ProgramID, at time.Time, jobs []Job) (Program, error)

	// KickOffProgram records that the program's kick-off round was sent
	// or discarded at at, and returns the program. ESTALE if that was
	// recorded already, ENOTFOUND if there is none.
	KickOffProgram(ctx context.Context, t Tenant, id ProgramID, at time.Time) (Program, error)

	// AddProgramRequest files a request ID under the program, so that its
	// end finds the pairs formed from it. Adding one twice is no error.
	AddProgramRequest(ctx context.Context, t Tenant, id ProgramID, request string) error

	// ProgramRequests returns the request IDs filed under the program, in
	// no particular order.
	ProgramRequests(ctx context.Context, t Tenant, id ProgramID) ([]string, error)
}

// InProgram returns the program of a request: DefaultProgram when it
// names none.
func (r Request) InProgram() ProgramID {
	if r.Program == "" {
		return DefaultProgram
	}
	return r.Program
}

// InPrograms returns the programs of an offer: DefaultProgram alone when
// it names none.
func (o Offer) InPrograms() []ProgramID {
	if len(o.Programs) == 0 {
		return []ProgramID{DefaultProgram}
	}
	return o.Programs
}

// MaxProgramNameLen bounds a program's name.
const MaxProgramNameLen = 80

// programSlug turns a program's name (or a slug typed back) into its ID:
// lower case, accents off, words joined by '-', at most 40 characters.
// "Mentorat 2027" and "mentorat-2027" give "mentorat-2027".
func programSlug(name string) ProgramID {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return ProgramID(strings.TrimRight(b.String(), "-"))
}

// startsAt is when the program's first day begins in the workspace's
// time zone: the kick-off's due time.
func (p Program) startsAt(loc *time.Location) time.Time {
	return time.Date(p.Start.Year(), p.Start.Month(), p.Start.Day(), 0, 0, 0, 0, loc)
}

// releasedAt is when the program's requests held for its kick-off are
// released to the matching: when a manager sent or discarded the kick-off
// round (KickedOff, which may come before the start), else kickoffGrace
// past the start. A request made since was never held. A program created
// on or after its first day was kicked off at its creation.
func (p Program) releasedAt(loc *time.Location) time.Time {
	if !p.KickedOff.IsZero() {
		return p.KickedOff
	}
	return p.startsAt(loc).Add(kickoffGrace)
}

// endsAt is when the program's last day is over in the workspace's time
// zone: the end's due time.
func (p Program) endsAt(loc *time.Location) time.Time {
	return time.Date(p.End.Year(), p.End.Month(), p.End.Day()+1, 0, 0, 0, 0, loc)
}

// runs reports whether the program is open and its dates include now.
func (p Program) runs(now time.Time, loc *time.Location) bool {
	return p.State == ProgramOpen && !now.Before(p.startsAt(loc)) && now.Before(p.endsAt(loc))
}

// workspaceLoc returns the workspace's time zone (Settings.TZ), UTC if
// it cannot be loaded.
func (b *Bot) workspaceLoc(ctx context.Context, t Tenant) *time.Location {
	if loc, err := loadLocation(b.settings(ctx, t).TZ); err == nil {
		return loc
	}
	return time.UTC
}

// currentProgram is the program a request or an offer that names none
// joins: the open program whose dates include today (the one that started
// last if several do), else DefaultProgram.
func currentProgram(programs []Program, now time.Time, loc *time.Location) ProgramID {
	var cur *Program
	for i, p := range programs {
		if p.runs(now, loc) && (cur == nil || !p.Start.Before(cur.Start)) {
			cur = &programs[i]
		}
	}
	if cur == nil {
		return DefaultProgram
	}
	return cur.ID
}

// programOption resolves the program: option of a command, or the
// current program when it is left out. The program named must exist and
// be open; the default program may be named "default" (or « défaut »).
func (b *Bot) programOption(ctx context.Context, in *Invocation) (ProgramID, error) {
	t := in.Member.Tenant()
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		return "", err
	}
	v := strings.TrimSpace(in.Text("program"))
	if v == "" {
		return currentProgram(programs, b.clock.Now(), b.workspaceLoc(ctx, t)), nil
	}
	id := programSlug(v)
	if id == DefaultProgram || id == "defaut" {
		return DefaultProgram, nil
	}
	for _, p := range programs {
		if p.ID != id {
			continue
		}
		if p.State == ProgramClosed {
			return "", &Error{Code: EINVALID, Key: "err.program.closed", Args: []string{"name", p.Name}, Field: "program"}
		}
		return p.ID, nil
	}
	e := unknownProgram(v, programs, "program")
	if e.Key == "err.program.unknown" {
		e.Key = "err.program.unknown_option" // the option takes the default program too: say how to name it
	}
	return "", e
}

// fileInProgram files a request of a program under it, so that the
// program's end and its report find it (ProgramRequests). It is filed
// before the request is stored: a crash between leaves an ID that names
// no request, which both skip. A request of the default program is not
// filed.
func (b *Bot) fileInProgram(ctx context.Context, t Tenant, r Request) error {
	if r.InProgram() == DefaultProgram {
		return nil
	}
	return b.store.programs.AddProgramRequest(ctx, t, r.Program, r.ID)
}

// programNames lists the open programs' names for an error, as typed:
// "`A`, `B`"; "" when none is open (the default program always is).
func programNames(programs []Program) string {
	var names []string
	for _, p := range programs {
		if p.State == ProgramOpen {
			names = append(names, "`"+p.Name+"`")
		}
	}
	return strings.Join(names, ", ")
}

// unknownProgram is the error for a program option or name, given as the
// member wrote it, that names no program: it lists the open programs,
// the default one last, as it is always open.
func unknownProgram(name string, programs []Program, field string) *Error {
	key, args := "err.program.unknown_only_default", []string{"name", clip(name, MaxProgramNameLen)}
	if names := programNames(programs); names != "" {
		key, args = "err.program.unknown", append(args, "programs", names)
	}
	return &Error{Code: ENOTFOUND, Key: key, Args: args, Field: field}
}

// heldPrograms returns the programs whose requests wait for their
// kick-off now: before the start date, and from it until a manager sends
// or discards the kick-off round (or kickoffGrace has passed). The
// instant proposal, the sweep and a mentor's new slots leave them alone.
func (b *Bot) heldPrograms(ctx context.Context, t Tenant) (map[ProgramID]Program, error) {
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil || len(programs) == 0 {
		return nil, err
	}
	now, loc := b.clock.Now(), b.workspaceLoc(ctx, t)
	held := map[ProgramID]Program{}
	for _, p := range programs {
		if p.State == ProgramOpen && p.KickedOff.IsZero() && now.Before(p.startsAt(loc).Add(kickoffGrace)) {
			held[p.ID] = p
		}
	}
	return held, nil
}

// kickoffGrace is how long after a program's start its requests wait for
// a manager's answer to the kick-off round; then the usual matching takes
// them.
const kickoffGrace = 24 * time.Hour

// unheld returns the requests whose program is not held.
func unheld(waiting []Request, held map[ProgramID]Program) []Request {
	if len(held) == 0 {
		return waiting
	}
	return slices.DeleteFunc(slices.Clone(waiting), func(r Request) bool {
		_, ok := held[r.InProgram()]
		return ok
	})
}

// notHeld returns the waiting requests whose program is not held.
func (b *Bot) notHeld(ctx context.Context, t Tenant, waiting []Request) ([]Request, error) {
	for _, r := range waiting {
		if r.Program != "" {
			held, err := b.heldPrograms(ctx, t)
			return unheld(waiting, held), err
		}
	}
	return waiting, nil // no program is named: nothing to read
}
