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
//  1. NoTopic: no mentor topic matches Need.Topic (see [NormalizeTopic]).
//  2. Self: the mentor is the mentee (Need.MenteeID).
//  3. Excluded: the mentor is in Need.Exclude; NotAgain: in Need.NotAgain;
//     Paired: in Need.Paired (a pair of the two on the topic is under way).
//  4. OtherProgram: Need.Program is set and not in Mentor.Programs.
//  5. NoLanguage: both sides list languages and none is shared.
//  6. KindMismatch: the mentor lists kinds and not Need.Kind.
//  7. NotLessSenior: the need is [Reverse], both years are known and the
//     mentor is not less senior.
//  8. Paused: the mentor paused their offer (Mentor.Paused). After the
//     filters that a pause does not change (and a paused mentor beyond
//     MaxTZHours counts as TooFar), so that a paused mentor who would not
//     fit anyway is not counted as one who will come back.
//  9. NoCapacity: Active >= Capacity.
//  10. TooFar: Options.MaxTZHours > 0 and the time-zone distance exceeds it.
//
// The topic comes first so that a reason given to a waiting member is
// true: a mentor who declined counts as excluded only if they offer the
// topic, and a mentee who offers other topics does not hide that nobody
// offers this one.
//
// # Scoring
//
// Each eligible mentor gets four part scores in [0,1] (topic, language, time
// zone, kind fit) and their weighted mean, Score.Total. Two bonuses follow
// (see [Options] and [DefaultOptions]):
//
//   - Wait, for waiting-time priority: Options.WaitPerDay per day the
//     request has waited (Need.Waited, in fractions of a day), up to
//     Options.MaxWaitDays. By default .02 a day up to 14 days: two days
//     (.04) outweigh the largest load-spread difference (.01), so a
//     request passed over twice is served before a newer one of equal fit.
//   - Load, for load spread: Options.LoadSpread·(1 − Active/Capacity), .01
//     for an idle mentor by default, so that among equal fits the mentor
//     with the lower load wins. Active includes pending proposals.
//
// Score.Value = Total + Wait + Load is what [Rank] and [Assign] maximise.
// With Options.AvoidRepeats (on by default), a mentor in Need.Met (paired
// before, and met) ranks below every other eligible mentor of that need:
// it is proposed only when no other one has a free slot. Mentors who
// declined the need belong in Need.Exclude; those with whom an earlier
// proposal or pair did not work out, in Need.NotAgain.
//
// [Rank] sorts by repeat (with AvoidRepeats), then Value, then lower load
// (Active/Capacity), then mentor ID, then input position. Values are
// compared after rounding to 1e-9 so that float noise cannot reorder ties.
// Reasons name each part; [ReasonWaited] and [ReasonMetBefore] are added
// when they apply, and Candidate.AvoidedRepeat tells when a met mentor
// would have ranked above the candidate without repeat avoidance.
//
// # Assignment
//
// [Assign] pairs many needs with many mentors at once and is exact: it
// maximises the sum of the arc weights 2·(key·K+1), where key is Value at
// 1e-9 and K exceeds any pair count, so the greatest sum of Values comes
// first and, among equal sums, the most pairs. With AvoidRepeats an arc to
// a met mentor weighs less than every other arc of its need, so no optimum
// keeps a repeat while a mentor the need has not met has a slot left. A
// lone need gets Rank's first candidate.
//
// The round never looks at all N×M pairs. An index of the mentors with a
// free slot by topic word gives each need the C mentors sharing a word of
// its topic; the hard filters then keep the E eligible arcs: O(N + M + C).
// Union-find splits the round into independent components in
// O((N+M+E)·α). Each component is solved by the Hungarian method for
// sparse graphs (successive shortest paths with Dijkstra on reduced
// costs, with duals that certify the optimum), one node of the scarcer
// side at a time: needs when the component's mentors have as many free
// slots as it has needs, else mentor slots, so that most searches end at
// once on one of the many free nodes of the other side. Arcs are scanned
// heaviest first, and a search settles only the nodes cheaper than the
// cheapest end found so far; a node whose best arc leads to a free node is
// paired with no search at all. Worst case O(E log E) to sort the arcs
// plus O(E log M) per added node, O(min(N,S)·E log M) for S free slots; in
// practice a few arcs per node. "Round benchmark" in docs/matching.md measures
// 20,000 needs × 5,000 mentors (about a million eligible pairs) at about
// 0.35 s of CPU and 95 MB allocated.
//
// # Topics
//
// Topics are compared folded ([NormalizeTopic]): case, accents,
// punctuation and plurals (English and French) do not matter, and the
// common spellings of a technology listed in topics.txt are one topic. A
// topic matches exactly when both fold the same, and is related when the
// words of the offered one include all those of the requested one.
// [TopicKeys] gives the words an index keeps a topic under; [Synonyms]
// adds a workspace's own aliases; [Suggest] finds the offered topic a
// request is likely a typo of, and [Broader] an offered topic of fewer
// words, all among the request's, that the member may choose instead.
package matching
