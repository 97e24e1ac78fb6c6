package bot

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/mentorbot/mentorbot/matching"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// languageIndex maps every way of writing a language that the bot
// understands to its ISO 639-1 code: the code itself and the language's
// name in English, in French and in itself ("es", "Spanish", "espagnol",
// "español"), folded as option names are (case and accents ignored).
var languageIndex = sync.OnceValue(func() map[string]string {
	idx := map[string]string{}
	namers := []display.Namer{display.English.Languages(), display.French.Languages(), display.Self}
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := string([]rune{a, b})
			base, err := language.ParseBase(code)
			if err != nil || base.String() != code {
				continue
			}
			if c, _ := language.Make(code).Base(); c.String() != code && len(c.String()) == 2 {
				// A deprecated code ("iw"): read as the current one ("he").
				idx[code] = c.String()
				continue
			}
			idx[code] = code
			for _, n := range namers {
				if name := n.Name(base); name != "" {
					if _, taken := idx[foldName(name)]; !taken {
						idx[foldName(name)] = code
					}
				}
			}
		}
	}
	return idx
})

// parseLanguage reads one language as a member writes it ("fr", "French",
// "français", "fr-CA") and returns its ISO 639-1 code.
func parseLanguage(s string) (string, bool) {
	f := foldName(strings.TrimSpace(s))
	if code, ok := languageIndex()[f]; ok {
		return code, true
	}
	// A locale ("fr-CA", "en_GB") names its language first.
	if i := strings.IndexAny(f, "-_"); i == 2 {
		return parseLanguage(f[:2])
	}
	return "", false
}

// suggestLanguage returns the language whose name is closest to s
// ("espagnl"), named for readers of lang with its code ("Spanish (es)"),
// or "".
func suggestLanguage(lang Lang, s string) string {
	idx := languageIndex()
	names := make([]string, 0, len(idx))
	for n := range idx {
		if len(n) > 2 {
			names = append(names, n)
		}
	}
	sort.Strings(names) // suggest is deterministic on a sorted list
	name := suggest(foldName(s), names)
	if name == "" {
		return ""
	}
	code := idx[name]
	namer := display.English.Languages()
	if lang == French {
		namer = display.French.Languages()
	}
	return namer.Name(language.MustParseBase(code)) + " (" + code + ")"
}

// checkLanguages normalises a list of languages to codes ("français,
// English" gives "fr, en"), or refuses the first one it does not know,
// suggesting a close name.
func checkLanguages(lang Lang, o Option, v string) (string, error) {
	items := splitList(v)
	codes := make([]string, 0, len(items))
	seen := map[string]bool{}
	for _, it := range items {
		code, ok := parseLanguage(it)
		if !ok {
			if s := suggestLanguage(lang, it); s != "" {
				return "", &Error{Code: EINVALID, Key: "err.bad_language_suggest", Args: []string{"value", clip(it, 30), "suggestion", s}, Field: o.Name}
			}
			return "", &Error{Code: EINVALID, Key: "err.bad_language", Args: []string{"value", clip(it, 30)}, Field: o.Name}
		}
		if !seen[code] {
			seen[code] = true
			codes = append(codes, code)
		}
	}
	return strings.Join(codes, ", "), nil
}

// utcOffsetRE matches UTC and GMT with an optional offset: "UTC", "gmt+2",
// "UTC-5:30", "utc+0530".
var utcOffsetRE = regexp.MustCompile(`^(?i)(?:utc|gmt|z)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?$`)

// parseTZ reads a time zone as a member writes it and returns the name
// to store: an IANA name in its proper case ("europe/paris" gives
// "Europe/Paris", "cet" gives "CET"), "UTC", or a fixed offset written
// "UTC+2" or "UTC-5:30", which loadLocation understands.
func parseTZ(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "local") {
		return "", false
	}
	if m := utcOffsetRE.FindStringSubmatch(s); m != nil {
		if m[1] == "" {
			return "UTC", true
		}
		h, _ := strconv.Atoi(m[2])
		mins, _ := strconv.Atoi(m[3])
		if h > 14 || mins >= 60 || h == 14 && mins > 0 {
			return "", false
		}
		if h == 0 && mins == 0 {
			return "UTC", true
		}
		name := "UTC" + m[1] + strconv.Itoa(h)
		if mins > 0 {
			name += ":" + m[3]
		}
		return name, true
	}
	for _, c := range []string{s, titleZone(s), strings.ToUpper(s)} {
		if _, err := time.LoadLocation(c); err == nil && validZoneName(c) {
			return c, true
		}
	}
	if c, ok := zoneNames()[strings.ToLower(s)]; ok {
		return c, true
	}
	// A city alone, as people say their zone ("Paris", "new york",
	// "Montréal"), when one zone of the database is named after it; or
	// its French name ("Londres").
	if zones := cityZones()[cityKey(s)]; len(zones) == 1 {
		return zones[0], true
	}
	for _, cities := range []map[string]string{frenchCities, bigCities} {
		if zone, ok := cities[cityKey(s)]; ok {
			if _, err := time.LoadLocation(zone); err == nil {
				return zone, true
			}
		}
	}
	return "", false
}

// bigCities are large cities that no zone of the database is named after,
// as members type them when asked for their zone ("San Francisco" is in
// America/Los_Angeles): the cities of a network's members are likelier
// to be these than the few the database names.
var bigCities = map[string]string{
	"san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles", "san diego": "America/Los_Angeles",
	"san jose": "America/Los_Angeles", "las vegas": "America/Los_Angeles", "portland": "America/Los_Angeles",
	"boston": "America/New_York", "washington": "America/New_York", "miami": "America/New_York",
	"atlanta": "America/New_York", "philadelphia": "America/New_York", "dallas": "America/Chicago",
	"houston": "America/Chicago", "austin": "America/Chicago", "calgary": "America/Edmonton",
	"rio de janeiro": "America/Sao_Paulo", "lyon": "Europe/Paris", "marseille": "Europe/Paris",
	"toulouse": "Europe/Paris", "bordeaux": "Europe/Paris", "lille": "Europe/Paris", "nantes": "Europe/Paris",
	"nice": "Europe/Paris", "strasbourg": "Europe/Paris", "montpellier": "Europe/Paris", "rennes": "Europe/Paris",
	"geneva": "Europe/Zurich", "antwerp": "Europe/Brussels", "frankfurt": "Europe/Berlin", "hamburg": "Europe/Berlin",
	"barcelona": "Europe/Madrid", "florence": "Europe/Rome", "manchester": "Europe/London",
	"marrakech": "Africa/Casablanca", "yaounde": "Africa/Douala", "beijing": "Asia/Shanghai",
	"shenzhen": "Asia/Shanghai", "mumbai": "Asia/Kolkata", "delhi": "Asia/Kolkata", "bangalore": "Asia/Kolkata",
	"bengaluru": "Asia/Kolkata", "osaka": "Asia/Tokyo", "kyoto": "Asia/Tokyo",
}

// frenchCities are the French names of cities whose zone the database
// names otherwise, as French speakers type them (cityKey: no accents,
// lower case): the capitals and large cities members of a French-speaking
// network are likely to live in.
var frenchCities = map[string]string{
	"londres": "Europe/London", "bruxelles": "Europe/Brussels", "geneve": "Europe/Zurich", "zurich": "Europe/Zurich",
	"berne": "Europe/Zurich", "lausanne": "Europe/Zurich", "lisbonne": "Europe/Lisbon", "varsovie": "Europe/Warsaw",
	"vienne": "Europe/Vienna", "athenes": "Europe/Athens", "moscou": "Europe/Moscow", "copenhague": "Europe/Copenhagen",
	"edimbourg": "Europe/London", "barcelone": "Europe/Madrid", "milan": "Europe/Rome", "munich": "Europe/Berlin",
	"francfort": "Europe/Berlin", "le caire": "Africa/Cairo", "alger": "Africa/Algiers", "rabat": "Africa/Casablanca",
	"pekin": "Asia/Shanghai", "bombay": "Asia/Kolkata", "new delhi": "Asia/Kolkata", "singapour": "Asia/Singapore",
	"la nouvelle orleans": "America/Chicago", "quebec": "America/Toronto", "ottawa": "America/Toronto",
	"mexico": "America/Mexico_City", "sao paulo": "America/Sao_Paulo", "la reunion": "Indian/Reunion",
	"pointe a pitre": "America/Guadeloupe", "fort de france": "America/Martinique", "cayenne": "America/Cayenne",
	"noumea": "Pacific/Noumea", "papeete": "Pacific/Tahiti",
}

// cityKey folds a city as typed or as a zone name ends ("New_York",
// "new york", "Montréal"): lower case, no accents, spaces for '_', '-'.
func cityKey(s string) string {
	return strings.Join(strings.FieldsFunc(foldName(s), func(r rune) bool { return r == '-' || unicode.IsSpace(r) }), " ")
}

// cityZones indexes the zones of the system's database ("Europe/Paris")
// by their city (cityKey of "Paris"); a city that names several zones
// lists them all, and is not read as any of them.
var cityZones = sync.OnceValue(func() map[string][]string {
	idx := map[string][]string{}
	for _, name := range zoneNames() {
		i := strings.LastIndexByte(name, '/')
		if i < 0 || strings.HasPrefix(name, "Etc/") {
			continue
		}
		k := cityKey(name[i+1:])
		idx[k] = append(idx[k], name)
	}
	for _, zones := range idx {
		slices.Sort(zones)
	}
	return idx
})

// validZoneName refuses what time.LoadLocation takes but is no zone name.
func validZoneName(s string) bool {
	return s != "Local" && !strings.Contains(s, "..") && !strings.HasPrefix(s, "/")
}

// titleZone capitalises each word of a zone name: "america/new_york"
// gives "America/New_York".
func titleZone(s string) string {
	b := []byte(strings.ToLower(s))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '/' || c == '_' || c == '-'
	}
	return string(b)
}

// fixedOffset reads a name made by parseTZ ("UTC+2", "UTC-5:30") as an
// offset east of UTC, in seconds.
func fixedOffset(name string) (int, bool) {
	if !strings.HasPrefix(name, "UTC") || len(name) < 5 {
		return 0, false
	}
	m := utcOffsetRE.FindStringSubmatch(name)
	if m == nil || m[1] == "" {
		return 0, false
	}
	h, _ := strconv.Atoi(m[2])
	mins, _ := strconv.Atoi(m[3])
	secs := h*3600 + mins*60
	if m[1] == "-" {
		secs = -secs
	}
	return secs, true
}

// zoneNames indexes the zone names of the system's zone database by their
// lower case, for the names titleZone cannot spell ("America/Port-au-Prince").
// It is empty where the system has no database (the embedded one cannot
// be listed).
var zoneNames = sync.OnceValue(func() map[string]string {
	idx := map[string]string{}
	for _, root := range []string{os.Getenv("ZONEINFO"), "/usr/share/zoneinfo"} {
		if root == "" {
			continue
		}
		_ = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			name, err := filepath.Rel(root, path)
			if err != nil || strings.ContainsAny(name, ".") || !isZoneStart(name) {
				return nil
			}
			idx[strings.ToLower(name)] = name
			return nil
		})
	}
	return idx
})

// isZoneStart reports whether a file of the zone database is a zone: they
// start with an upper-case letter ("posix/" and "right/" are copies).
func isZoneStart(name string) bool {
	return name != "" && name[0] >= 'A' && name[0] <= 'Z'
}

// kindFrench names the kinds of mentoring for French readers, in one
// word or two, as a member types them (FRENCH.md's mentorat
// individuel, entre pairs, inversé); "flash" is the same in both.
var kindFrench = map[string]string{
	string(matching.OneToOne): "individuel", string(matching.Peer): "entre pairs", string(matching.Reverse): "inversé",
}

// kindAliases are the other spellings of the kinds a member may type, in
// English or French ("1:1", "pairs", "mentorat entre pairs").
var kindAliases = map[string][]string{
	string(matching.Flash):    {"mentorat flash", "flash mentoring", "meet & share"},
	string(matching.OneToOne): {"1:1", "onetoone", "one2one", "one to one mentoring", "mentorat individuel"},
	string(matching.Peer):     {"pairs", "pair", "peers", "par les pairs", "peer mentoring", "mentorat entre pairs", "mentorat par les pairs"},
	string(matching.Reverse):  {"reverse mentoring", "mentorat inversé"},
}

// kindChoices is the option that reads kinds, whatever the command: the
// same words for offer, request, admin pair and the kinds setting.
var kindChoices = optKind(kindValues())

func kindValues() []string {
	out := make([]string, len(allKinds))
	for i, k := range allKinds {
		out[i] = string(k)
	}
	return out
}

// parseKind reads one kind of mentoring as a member writes it, in English
// or French ("one-to-one", "individuel", "entre pairs").
func parseKind(s string) (Kind, bool) {
	c, ok := kindChoices.choiceOf(s)
	return Kind(c), ok
}

// kindsIn writes kinds as readers of lang type them: "flash, individuel".
func kindsIn(lang Lang, kinds []Kind) string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = kindChoices.ChoiceIn(lang, string(k))
	}
	return strings.Join(out, ", ")
}
