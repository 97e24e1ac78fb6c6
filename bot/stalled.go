package bot

// StalledAfter is how many "not yet" answers to check-ins, with no
// meeting confirmed, make a pair stalled: the managers then see it in the
// digest (EventStalled, ReportStore.Flags).
const StalledAfter = 2

// Stalled reports whether the rule makes pair p stalled: StalledAfter
// "not yet" answers (one per round at most) and no meeting confirmed. A
// pair once stalled stays flagged (Pair.Stalled) even after it meets; the
// digest stops listing it when EventMeeting resolves the flag.
func Stalled(p Pair) bool { return p.Met.IsZero() && p.NotYet >= StalledAfter }
