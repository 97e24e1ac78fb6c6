package matching

import (
	"cmp"
	"slices"
)

// LanguageGap tells whether languages alone keep a need from the mentors
// of its topic, so that the member can be asked to widen their languages
// rather than left waiting.
type LanguageGap struct {
	// Sharing counts the mentors offering the topic (the mentee aside)
	// who share one of the need's languages, or list none, leaving out
	// Need.Exclude; Declined counts those in Need.Exclude.
	Sharing, Declined int
	// Mentors counts the other mentors offering the topic, those who
	// share no language with the need, leaving out Need.Exclude: widening
	// the need's languages would bring these in.
	Mentors int
	// Others are the languages those mentors speak, each with how many of
	// them speak it, most speakers first, then by code.
	Others []LanguageCount
}

// LanguageCount is a language and how many mentors speak it.
type LanguageCount struct {
	Language string
	Mentors  int
}

// Gap reports whether languages stand in the way: no mentor of the topic
// who speaks the need's languages is left (none does, or those who do
// declined), and some who speak others are.
func (g LanguageGap) Gap() bool { return g.Sharing == 0 && g.Mentors > 0 }

// Languages sorts the mentors offering need's topic by the languages they
// speak, for LanguageGap. A paused mentor is left out. A mentor who shares
// no language counts only if languages are all that keeps them from the
// need (their kind, seniority and time zone fit it), so that widening the
// languages is never proposed in vain; capacity is not looked at: a mentor
// who is full now still speaks the language, and frees a slot later.
func Languages(need Need, mentors []Mentor, opt Options) LanguageGap {
	n := newNeedProfile(need, opt.Synonyms)
	f := newTopicMemo(opt.Synonyms)
	var g LanguageGap
	counts := map[string]int{}
	for i := range mentors {
		if n.MenteeID != "" && mentors[i].ID == n.MenteeID {
			continue
		}
		m := newMentorProfile(mentors[i], f)
		score, detail, exact := matchTopic(n.topic, m.topics, opt.NarrowerOffers)
		if score == 0 || m.Paused {
			continue
		}
		_, _, shares := matchLanguage(n.langs, m.langs)
		switch excluded := n.excluded(m.ID); {
		case shares && excluded:
			g.Declined++
			continue
		case shares:
			g.Sharing++
			continue
		case excluded:
			continue
		}
		if !fitsButLanguage(&n, m, opt, topicMatch{score, detail, exact}) {
			continue
		}
		g.Mentors++
		seen := map[string]bool{}
		for _, l := range m.langs {
			if !seen[l] {
				seen[l] = true
				counts[l]++
			}
		}
	}
	for l, c := range counts {
		g.Others = append(g.Others, LanguageCount{Language: l, Mentors: c})
	}
	slices.SortFunc(g.Others, func(a, b LanguageCount) int {
		if c := cmp.Compare(b.Mentors, a.Mentors); c != 0 {
			return c
		}
		return cmp.Compare(a.Language, b.Language)
	})
	return g
}

// fitsButLanguage reports whether m would be eligible for n if they shared
// a language, leaving capacity aside.
func fitsButLanguage(n *needProfile, m mentorProfile, opt Options, tm topicMatch) bool {
	any := *n
	any.langs = nil // a need that lists no language accepts every one
	m.Active = 0
	if m.Capacity < 1 {
		m.Capacity = 1
	}
	_, rej := assessRest(&any, &m, opt, tm)
	return rej == eligible
}
