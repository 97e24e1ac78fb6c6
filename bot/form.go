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
			prefill = offerValues(lang, o)
		}
	}
	options, placeholders := spec.Options, map[string]string{}
	if spec.Name == "request" {
		// With programs open to requests, a field names one (form_request.go).
		options, placeholders = b.requestFormOptions(ctx, lang, in.Member.Tenant(), spec)
	}
	for i, o := range options {
		if i == MaxFormFields {
			break
		}
		placeholder, ok := placeholders[o.Name]
		if !ok {
			placeholder = T(lang, o.HelpKey())
		}
		f.Fields = append(f.Fields, FormField{
			Name: o.Name, Label: T(lang, "label."+o.Name), Placeholder: clip(placeholder, 100),
			Multiline: o.Multiline, Required: o.Required, Value: prefill[o.Name], MaxLength: fieldMaxLength(o),
		})
	}
	return f
}

// offerValues writes an offer back as option values, to prefill its form,
// in the reader's words, which the form's submission reads back: kinds
// as readers of lang type them (« individuel »), languages by their names
// (« français »; a code whose name would not read back stays a code).
func offerValues(lang Lang, o Offer) map[string]string {
	langs := make([]string, len(o.Languages))
	for i, l := range o.Languages {
		langs[i] = languageValue(lang, string(l))
	}
	kinds := make([]string, len(o.Kinds))
	for i, k := range o.Kinds {
		kinds[i] = kindChoices.ChoiceIn(lang, string(k))
	}
	return map[string]string{
		"topics": strings.Join(o.Topics, ", "), "capacity": itoa(o.Capacity),
		"languages": strings.Join(langs, ", "), "kinds": strings.Join(kinds, ", "), "tz": o.TZ,
	}
}

// fieldMaxLength is how much a form's field for o takes: the option's
// own bound, or for a number or a choice, room enough for what is read
// back (a platform's default, 4,000 characters, would let a member type
// pages into "Capacity" before being refused).
func fieldMaxLength(o Option) int {
	switch {
	case o.MaxLength > 0:
		return o.MaxLength
	case o.Type == OptInt:
		return 10
	case o.Type == OptChoice:
		return 40
	}
	return 0
}
