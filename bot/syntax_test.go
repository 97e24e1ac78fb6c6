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
		"testimonial": "témoignage", "answers": "réponses", "pause": "pause", "campaigns": campaignsFrench(),
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
		{"/mentor admin topics alias conduite de projet = project management", "admin topics", "action=alias | alias=conduite de projet | topic=project management", "", false},
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

// campaignsFrench is campaigns' French name: "campagnes" once the parser
// reads that word, its name until then.
func campaignsFrench() string {
	if frenchCommands["campagnes"] == "campaigns" {
		return "campagnes"
	}
	return "campaigns"
}

// TestCampaignsFrenchName: campaigns, the one member's command left
// without a French name, is « campagnes » as soon as the parser reads
// that word, and not before: neither the help nor a French Discord
// client shows a word the core would not understand.
func TestCampaignsFrenchName(t *testing.T) {
	reads := map[string]string{"campagnes": "campaigns"}
	for w, c := range frenchCommands {
		reads[w] = c
	}
	if got := frenchNameFrom("campaigns", reads, frenchAdminWords); got != "campagnes" {
		t.Errorf("with the parser reading it: French name %q, want campagnes", got)
	}
	without := map[string]string{}
	for w, c := range frenchCommands {
		if c != "campaigns" {
			without[w] = c
		}
	}
	if got := frenchNameFrom("campaigns", without, frenchAdminWords); got != "" {
		t.Errorf("without the parser reading it: French name %q, want none", got)
	}
	if got := readWords([]string{"propose", "campagnes"}, without); strings.Join(got, " ") != "propose" {
		t.Errorf("help's words without the parser reading campagnes: got %q, want propose alone", got)
	}
	if got := readWords([]string{"propose", "campagnes"}, reads); strings.Join(got, " ") != "propose campagnes" {
		t.Errorf("help's words with the parser reading campagnes: got %q, want both", got)
	}
	for _, w := range helpFrenchWords {
		if frenchCommands[w] == "" {
			t.Errorf("the help names %q, which the parser does not read", w)
		}
	}
}

// TestValueIn: a value is shown as a reader of the language types it:
// a choice, a verb of a command's positional text and the command the
// help's option names in that language's word; the core reads each back
// as the same (helpTopic, commandNamed, the verbs' tables).
func TestValueIn(t *testing.T) {
	b := grammar()
	cmd := func(name string) CommandSpec {
		c, ok := b.command(name)
		if !ok {
			t.Fatalf("no command %s", name)
		}
		return c
	}
	opt := func(c CommandSpec, name string) Option {
		o, ok := c.Option(name)
		if !ok {
			t.Fatalf("%s: no option %s", c.Name, name)
		}
		return o
	}
	for _, tt := range []struct {
		command, option string
		lang            Lang
		value, want     string
	}{
		{"help", "command", French, "offer", "propose"},
		{"help", "command", French, "propose", "propose"},
		{"help", "command", English, "propose", "offer"},
		{"help", "command", French, "admin settings", "admin réglages"},
		{"help", "command", French, "admin", "admin"},
		{"help", "command", French, "<commande>", "<commande>"},
		{"admin help", "command", French, "settings", "réglages"},
		{"admin help", "command", French, "admin settings", "admin réglages"},
		{"admin help", "command", English, "réglages", "settings"},
		{"admin program", "action", French, "list", "lister"},
		{"admin program", "action", French, `create "Mentorat 2027"`, `créer "Mentorat 2027"`},
		{"admin program", "action", English, "liste", "list"},
		{"admin topics", "action", French, "remove", "retirer"},
		{"admin topics", "action", French, "list", "lister"},
		{"admin managers", "action", French, "add", "ajouter"},
		{"admin events", "action", French, "cancel Soirée", "annuler Soirée"},
		{"admin program", "action", French, "frob", "frob"},
		{"campaigns", "choice", French, "on", "oui"},
		{"campaigns", "choice", English, "non", "off"},
		{"campaigns", "choice", French, "<choix>", "<choix>"},
		{"offer", "topics", French, "list", "list"},
	} {
		c := cmd(tt.command)
		if got := c.ValueIn(tt.lang, opt(c, tt.option), tt.value); got != tt.want {
			t.Errorf("%s %s:%q in %s: got %q, want %q", tt.command, tt.option, tt.value, tt.lang, got, tt.want)
		}
	}
	// Every verb's word, in either language, is read as that verb, and
	// the French one is the word the French help of its option gives.
	for name, vt := range positionalVerbs {
		c := cmd(name)
		help := T(French, opt(c, c.Positional).HelpKey())
		for _, verb := range vt.typed {
			if verb == "" {
				continue
			}
			for _, lang := range Langs {
				w := vt.wordIn(lang, verb)
				if got, ok := vt.verbOf(w); !ok || got != verb {
					t.Errorf("%s: %s's %s word %q reads as %q", name, verb, lang, w, got)
				}
			}
			if fr := vt.wordIn(French, verb); !strings.Contains(help, fr) {
				t.Errorf("%s: %s's French word %q is not the help's (%q)", name, verb, fr, help)
			}
		}
	}
}

// TestReadFragment: a command's arguments written alone, after the
// command, are read as that command when they start with one of its
// verbs, and not otherwise.
func TestReadFragment(t *testing.T) {
	topics, _ := grammar().command("admin topics")
	for _, tt := range []struct{ fragment, options string }{
		{"retirer <alias>", "action=retirer | alias=<alias>"},
		{"lister", "action=lister"},
		{"alias conduite de projet = project management", "action=alias | alias=conduite de projet | topic=project management"},
	} {
		got, ok := ReadFragment(topics, tt.fragment)
		var opts []string
		for _, o := range got.Options {
			opts = append(opts, o.Option.Name+"="+o.Value)
		}
		if !ok || got.Spec.Name != "admin topics" || strings.Join(opts, " | ") != tt.options {
			t.Errorf("%q: got %v %s [%s], want admin topics [%s]", tt.fragment, ok, got.Spec.Name, strings.Join(opts, " | "), tt.options)
		}
	}
	offer, _ := grammar().command("offer")
	for _, tt := range []struct {
		spec     CommandSpec
		fragment string
	}{{topics, "sre"}, {topics, "capacité:2"}, {topics, ""}, {offer, "go"}} {
		if got, ok := ReadFragment(tt.spec, tt.fragment); ok {
			t.Errorf("%s %q: read as %s, want not read", tt.spec.Name, tt.fragment, got.Spec.Name)
		}
	}
}

// TestOptionNames: IsOptionName and SameOption know every name of an
// option, with or without its accents and apostrophe, and nothing else.
func TestOptionNames(t *testing.T) {
	for _, w := range []string{"jusqu'au", "jusqu-au", "horaire-bilan", "digest-schedule", "capacité", "capacite", "langues"} {
		if !IsOptionName(w) {
			t.Errorf("%q: not an option's name", w)
		}
	}
	for _, w := range []string{"https", "", "frob", "0 9 * * 1"} {
		if IsOptionName(w) {
			t.Errorf("%q: an option's name", w)
		}
	}
	if !SameOption("langues", "languages") || !SameOption("jusqu'au", "until") {
		t.Errorf("two names of one option not seen as such")
	}
	if SameOption("langues", "capacity") || SameOption("frob", "frob") {
		t.Errorf("names of two options (or none) seen as one option's")
	}
}
