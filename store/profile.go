package store

import (
	"strconv"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
)

// An offer's profile is what ranking needs of it, in one short string kept
// in the tenant's profile hash, so that OffersFor reads thousands of
// candidates with one HMGET instead of one HGETALL each, and decodes them
// without JSON. Fields are split by unit separators (0x1f), list items by
// record separators (0x1e); neither is ever meaningful in a topic, a
// language or a zone, so they are dropped from the values. The counters
// are not in it: they change with every proposal and live in the load
// hash. The first field is the encoding's version: "p1" for an offer in
// the default program alone, "p2" with the offer's programs as an 11th
// field (so that a replica of an older version, which reads p1 only,
// skips such an offer rather than mistaking its programs; its hourly
// repair may write the offer's p1 profile back, which a replica of this
// version repairs in turn from the hash, whose "programs" field the older
// one leaves alone).
const (
	profileVersion  = "p1"
	programsProfile = "p2"
	fieldSep        = "\x1f"
	itemSep         = "\x1e"
	profileFields   = 10
)

var separators = strings.NewReplacer(fieldSep, "", itemSep, "")

func profileOf(o bot.Offer) string {
	langs := make([]string, len(o.Languages))
	for i, l := range o.Languages {
		langs[i] = string(l)
	}
	kinds := make([]string, len(o.Kinds))
	for i, k := range o.Kinds {
		kinds[i] = string(k)
	}
	f := []string{
		profileVersion, items(o.Topics), items(langs), separators.Replace(o.TZ), strconv.Itoa(o.Years),
		items(kinds), strconv.Itoa(o.Capacity), flag(o.Paused), ms(o.Updated), items(o.Keys),
	}
	if len(o.Programs) > 0 {
		progs := make([]string, len(o.Programs))
		for i, p := range o.Programs {
			progs[i] = string(p)
		}
		f[0] = programsProfile
		f = append(f, items(progs))
	}
	return strings.Join(f, fieldSep)
}

func items(list []string) string {
	clean := make([]string, len(list))
	for i, s := range list {
		clean[i] = separators.Replace(s)
	}
	return strings.Join(clean, itemSep)
}

// profileFrom decodes a profile; false if it is not one this version wrote.
func profileFrom(id bot.MemberID, s string) (bot.Offer, bool) {
	f := strings.SplitN(s, fieldSep, profileFields+1)
	switch {
	case len(f) == profileFields && f[0] == profileVersion:
	case len(f) == profileFields+1 && f[0] == programsProfile:
	default:
		return bot.Offer{}, false
	}
	o := bot.Offer{
		Mentor: id, Topics: split(f[1]), TZ: f[3], Years: num(f[4]), Capacity: num(f[6]),
		Paused: f[7] == "1", Updated: fromMS(f[8]), Keys: split(f[9]),
	}
	for _, l := range split(f[2]) {
		o.Languages = append(o.Languages, bot.Lang(l))
	}
	for _, k := range split(f[5]) {
		o.Kinds = append(o.Kinds, matching.Kind(k))
	}
	if len(f) > profileFields {
		for _, p := range split(f[profileFields]) {
			o.Programs = append(o.Programs, bot.ProgramID(p))
		}
	}
	return o, true
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, itemSep)
}
