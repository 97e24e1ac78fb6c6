package bot_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// formValues are a form's prefilled values, by option name, as a member
// submits the form unchanged.
func formValues(f *bot.Form) map[string]string {
	values := map[string]string{}
	for _, field := range f.Fields {
		if field.Value != "" {
			values[field.Name] = field.Value
		}
	}
	return values
}

// TestFormsPrefillInReadersWords: the offer and profile forms show a
// member's kinds, languages and working days in the words of the
// language they read, never codes or another language's words; and the
// form submitted unchanged is refused nothing and changes nothing, in
// both languages.
func TestFormsPrefillInReadersWords(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		lang                   bot.Lang
		offer, profile         string
		kinds, languages, days string
	}{
		{bot.English, "offer go, kubernetes kinds:one-to-one, peer languages:fr, en capacity:3 tz:Europe/Paris", "profile tz:Europe/Paris hours:9-17:30 mon,tue,thu",
			"one-to-one, peer", "French, English", "9-17:30 mon,tue,thu"},
		{bot.French, "propose go, kubernetes types:individuel, entre pairs langues:fr, anglais capacité:3 fuseau:Paris", "profil fuseau:Paris heures:9h-17h30 lun,mar,jeu",
			"individuel, entre pairs", "français, anglais", "9h-17h30 lun,mar,jeu"},
		{bot.French, "propose go types:individuel langues:fr capacité:2 fuseau:Paris", "profil fuseau:Paris heures:8:30-17 lun,mar,mer,jeu,sam",
			"individuel", "français", "8h30-17h lun-jeu,sam"},
	} {
		t.Run(string(tc.lang)+" "+tc.days, func(t *testing.T) {
			h := MustHarness(t)
			who := h.Tenant.Member("etienne")
			h.Run("etienne", "lang "+string(tc.lang))
			h.Run("etienne", tc.offer)
			h.Run("etienne", tc.profile)
			before, err := h.Store.GetOffer(ctx, who)
			if err != nil {
				t.Fatal(err)
			}
			me, err := h.Store.GetMember(ctx, who)
			if err != nil {
				t.Fatal(err)
			}

			form := h.Bot.HandleCommand(ctx, bot.Command{Member: who, Text: "offer", Forms: true}).Form
			if form == nil {
				t.Fatal("got no offer form")
			}
			values := formValues(form)
			if values["kinds"] != tc.kinds || values["languages"] != tc.languages {
				t.Fatalf("got kinds %q and languages %q, want %q and %q", values["kinds"], values["languages"], tc.kinds, tc.languages)
			}
			r := h.Bot.HandleCommand(ctx, bot.Command{Member: who, Name: "offer", Values: values, FromForm: true, Forms: true})
			if len(r.FieldErrors) > 0 {
				t.Fatalf("got %+v, want the unchanged form taken", r.FieldErrors)
			}
			after, err := h.Store.GetOffer(ctx, who)
			if err != nil || !reflect.DeepEqual([]any{after.Topics, after.Capacity, after.Languages, after.Kinds, after.TZ, after.Programs},
				[]any{before.Topics, before.Capacity, before.Languages, before.Kinds, before.TZ, before.Programs}) {
				t.Fatalf("got offer %+v, %v; want it as it was, %+v", after, err, before)
			}

			form = h.Bot.HandleCommand(ctx, bot.Command{Member: who, Text: "profile", Forms: true}).Form
			if form == nil {
				t.Fatal("got no profile form")
			}
			values = formValues(form)
			if values["hours"] != tc.days {
				t.Fatalf("got hours %q, want %q", values["hours"], tc.days)
			}
			r = h.Bot.HandleCommand(ctx, bot.Command{Member: who, Name: "profile", Values: values, FromForm: true, Forms: true})
			if len(r.FieldErrors) > 0 {
				t.Fatalf("got %+v, want the unchanged form taken", r.FieldErrors)
			}
			again, err := h.Store.GetMember(ctx, who)
			if err != nil || again.Hours != me.Hours || again.TZ != me.TZ {
				t.Fatalf("got %+v, %v; want hours %+v in %s as they were", again, err, me.Hours, me.TZ)
			}
		})
	}
}
