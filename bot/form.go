package bot

import (
	"context"
	"strings"
)

// MaxFormFields is how many inputs a form shows: Discord's modals take 5.
const MaxFormFields = 5

// form builds the modal form of a command from its options, prefilled
// with the member's current offer when there is one.
func (b *Bot) form(ctx context.Context, spec CommandSpec, in *Invocation) *Form {
	lang := in.Lang
	if spec.Name == "profile" {
		return profileForm(lang, in.Me)
	}
	f := &Form{Command: spec.Name, Title: T(lang, "form."+spec.Name+".title"), Submit: T(lang, "form.submit")}
	prefill := map[string]string{}
	if spec.Name == "offer" {
		if o, err := b.store.offers.GetOffer(ctx, in.Member); err == nil {
			prefill = offerValues(o)
		}
	}
	for i, o := range spec.Options {
		if i == MaxFormFields {
			break
		}
		f.Fields = append(f.Fields, FormField{
			Name: o.Name, Label: T(lang, "label."+o.Name), Placeholder: clip(T(lang, o.HelpKey()), 100),
			Multiline: o.Multiline, Required: o.Required, Value: prefill[o.Name], MaxLength: o.MaxLength,
		})
	}
	return f
}

// offerValues writes an offer back as option values, to prefill its form.
func offerValues(o Offer) map[string]string {
	langs := make([]string, len(o.Languages))
	for i, l := range o.Languages {
		langs[i] = string(l)
	}
	kinds := make([]string, len(o.Kinds))
	for i, k := range o.Kinds {
		kinds[i] = string(k)
	}
	return map[string]string{
		"topics": strings.Join(o.Topics, ", "), "capacity": itoa(o.Capacity),
		"languages": strings.Join(langs, ", "), "kinds": strings.Join(kinds, ", "), "tz": o.TZ,
	}
}
