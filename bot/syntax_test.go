package bot

import (
	"regexp"
	"strings"
	"testing"
)

// TestCommandFrenchNames: each command's French name (NameIn) is the one
// word the French catalog and the help write for it, which the parser
// reads back as that command; no two commands of one level share one.
// Discord registers it as the command's French localization.
func TestCommandFrenchNames(t *testing.T) {
	b := grammar()
	for _, c := range b.commands {
		name := c.NameIn(French)
		if got, ok := b.commandNamed(name); !ok || got.Name != c.Name {
			t.Errorf("%s: French name %q reads as %q, want the command itself", c.Name, name, got.Name)
		}
		if c.NameIn(English) != c.Name {
			t.Errorf("%s: English name %q, want its name", c.Name, c.NameIn(English))
		}
	}
	for name, want := range map[string]string{
		"offer": "propose", "request": "demande", "lang": "langue", "end": "terminer", "comment": "commentaire",
		"testimonial": "témoignage", "answers": "réponses", "pause": "pause", "campaigns": "campaigns",
		"admin needs": "admin besoins", "admin program": "admin programme", "admin pair": "admin binôme",
		"admin stats": "admin statistiques", "admin settings": "admin réglages",
	} {
		c, _ := b.command(name)
		if got := c.NameIn(French); got != want {
			t.Errorf("%s: French name %q, want %q", name, got, want)
		}
	}
	seen := map[string]string{}
	for _, c := range b.commands {
		if other, ok := seen[c.NameIn(French)]; ok {
			t.Errorf("%s and %s are both %q in French", other, c.Name, c.NameIn(French))
		}
		seen[c.NameIn(French)] = c.Name
	}
}

// TestFrenchCatalogCommandWords: where the French catalog names a
// command by a French word ("`/mentor propose <sujets>`", "`/mentor admin
// besoins résultats …`"), it is that command's French name: the one a
// French Discord client shows.
func TestFrenchCatalogCommandWords(t *testing.T) {
	span := regexp.MustCompile("`/mentor ([^`]*)`")
	for _, key := range CatalogKeys(French) {
		for _, m := range span.FindAllStringSubmatch(T(French, key), -1) {
			typed, ok := ReadTyped("/mentor " + m[1])
			if !ok || !typedInFrench(Command{Text: m[1]}) {
				continue
			}
			words := strings.Fields(m[1])
			n := len(strings.Fields(typed.Spec.NameIn(French)))
			if got := strings.ToLower(strings.Join(words[:min(n, len(words))], " ")); got != typed.Spec.NameIn(French) {
				t.Errorf("%s: writes %q for %s, want its French name %q", key, got, typed.Spec.Name, typed.Spec.NameIn(French))
			}
		}
	}
}

// TestReadTyped: a command as the catalog writes it is read as the
// parser reads it, its options in order, placeholders and empty values
// kept, the positional text split as its command splits it.
func TestReadTyped(t *testing.T) {
	tests := []struct {
		typed, command string
		options        string // name=value, space-separated by " | "
		rest           string
		french         bool
	}{
		{"/mentor offer go, kubernetes capacité:2", "offer", "topics=go, kubernetes | capacity=2", "", true},
		{"/mentor propose <sujets>", "offer", "topics=<sujets>", "", true},
		{"/mentor lang fr", "lang", "lang=fr", "", false},
		{"/mentor langue en", "lang", "lang=en", "", true},
		{"/mentor end Dan", "end", "pair=Dan", "", false},
		{"/mentor comment Très utile, merci !", "comment", "text=Très utile, merci !", "", false},
		{"/mentor témoignage … binôme:{pair}", "testimonial", "sentence=… | pair={pair}", "", true},
		{`/mentor needs "{program}" autre:`, "needs", "program={program} | other=", "", true},
		{`/mentor admin needs "Mentorat 2027" mp:oui sujets:go, kubernetes`, "admin needs", "program=Mentorat 2027 | dm=oui | topics=go, kubernetes", "", true},
		{`/mentor admin besoins résultats "Mentorat 2027"`, "admin needs", `program=résultats "Mentorat 2027"`, "", true},
		{`/mentor admin program créer "Mentorat 2027" type:individuel`, "admin program", "action=créer | name=Mentorat 2027 | kind=individuel", "", true},
		{"/mentor admin managers ajouter @ada", "admin managers", "action=ajouter | user=@ada", "", false},
		{"/mentor admin pair @mentor @mentoré kubernetes", "admin pair", "mentor=@mentor | mentee=@mentoré | topic=kubernetes", "", false},
		{"/mentor admin topics alias gestion de projet = project management", "admin topics", "action=alias | alias=gestion de projet | topic=project management", "", false},
		{"/mentor admin topics retirer <alias>", "admin topics", "action=retirer | alias=<alias>", "", false},
		{"/mentor admin settings nom:valeur", "admin settings", "", "nom:valeur", false},
		{"/mentor pause jusqu'au:2027-01-10", "pause", "until=2027-01-10", "", true},
		{"/mentor offer capacity:3", "offer", "capacity=3", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			got, ok := ReadTyped(tt.typed)
			if !ok {
				t.Fatalf("not read")
			}
			var opts []string
			for _, o := range got.Options {
				opts = append(opts, o.Option.Name+"="+o.Value)
			}
			if got.Spec.Name != tt.command || strings.Join(opts, " | ") != tt.options || got.Rest != tt.rest || got.French != tt.french {
				t.Errorf("got %s [%s] rest %q French %v, want %s [%s] rest %q French %v",
					got.Spec.Name, strings.Join(opts, " | "), got.Rest, got.French, tt.command, tt.options, tt.rest, tt.french)
			}
		})
	}
	for _, bad := range []string{"/mentor", "/mentor frob go", "/mentor {command}", "status", "/mentor …"} {
		if got, ok := ReadTyped(bad); ok {
			t.Errorf("%q: read as %s, want not read", bad, got.Spec.Name)
		}
	}
	if got, _ := ReadTyped("/mentor offer capacity:3"); !got.English {
		t.Errorf("capacity: not seen as English")
	}
}
