// Package matching scores and ranks mentors for a mentoring request and
// explains why each proposal was made, or why nobody fits.
//
// The package is pure and deterministic: it uses only the standard library
// and golang.org/x/text/unicode/norm (to take accents off topics, see
// [NormalizeTopic]), reads no clock, draws no random numbers and keeps no mutable state. The same
// inputs always give the same outputs, in the same order.
//
// # Eligibility
//
// A mentor is eligible for a [Need] unless one of these hard filters rejects
// it; the first filter that rejects a mentor is the one [Explain] counts:
//
//  1. Excluded: the mentor is in Need.Exclude or is the mentee.
//  2. NoTopic: no mentor topic matches Need.Topic (see [NormalizeTopic]).
//  3. NoLanguage: both sides list languages and none is shared.
//  4. KindMismatch: the mentor lists kinds and not Need.Kind, or the need is
//     [Reverse] and both years are known and the mentor is not less senior.
//  5. NoCapacity: Active >= Capacity.
//  6. TooFar: Options.MaxTZHours > 0 and the time-zone distance exceeds it.
//
// # Scoring
//
// Each eligible mentor gets four part scores in [0,1] (topic, language, time
// zone, kind fit) and their weighted mean, Score.Total. [Rank] sorts by
// total, then by lower load (Active/Capacity), then by mentor ID. Totals are
// compared after rounding to 1e-9 so that float noise cannot reorder ties.
//
// # Assignment
//
// [Assign] pairs many needs with many mentors at once. It solves the
// assignment exactly with a min-cost flow, maximising the sum of totals and,
// among solutions of equal sum, the number of pairs.
//
// # Topics
//
// Topics are compared folded ([NormalizeTopic]): case, accents,
// punctuation and plurals (English and French) do not matter, and the
// common spellings of a technology listed in topics.txt are one topic. A
// topic matches exactly when both fold the same, and is related when the
// words of one include all those of the other. [TopicKeys] gives the words
// an index keeps a topic under; [Synonyms] adds a workspace's own aliases;
// [Suggest] finds the offered topic a request is likely a typo of.
package matching
