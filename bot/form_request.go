package bot

import (
	"context"
	"strings"
)

// requestFormOptions are the fields of the request form, and their
// placeholders where they differ from the options' help. A workspace
// with programs open to requests gets a field that names one (the
// program: option, as the typed command has it), after the topic: a
// member who asks by the form before a program starts can join it, and
// not only the current program, which is then the default one. A form
// holds MaxFormFields fields (a Discord modal), so the one-language field
// (language:, this request's only) makes room for it: languages: stays.
// Its placeholder names the open programs, as typed, and what an empty
// field joins; an empty field joins the current program, as without the
// option.
func (b *Bot) requestFormOptions(ctx context.Context, lang Lang, t Tenant, spec CommandSpec) ([]Option, map[string]string) {
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		return spec.Options, nil // the form as without programs: the text command still names one
	}
	var names []string
	for _, p := range programs {
		if p.State == ProgramOpen {
			names = append(names, p.Name)
		}
	}
	if len(names) == 0 {
		return spec.Options, nil
	}
	current := T(lang, "program.default_name")
	if id := currentProgram(programs, b.clock.Now(), b.workspaceLoc(ctx, t)); id != DefaultProgram {
		for _, p := range programs {
			if p.ID == id {
				current = quotedList(lang, []string{p.Name})
			}
		}
	}
	var options []Option
	for _, o := range spec.Options {
		switch o.Name {
		case "language", "program":
			continue
		}
		options = append(options, o)
		if o.Name == spec.Positional {
			if p, ok := spec.Option("program"); ok {
				options = append(options, p)
			}
		}
	}
	return options, map[string]string{"program": T(lang, "form.request.program", "programs", strings.Join(names, ", "), "current", current)}
}
