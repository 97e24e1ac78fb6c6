package bot

import (
	"context"
	"errors"
	"github.com/mentorbot/mentorbot/matching"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Goals and milestones (docs/followup.md). Each member of a pair sets up
// to MaxGoals goals for it: with the "Set our goals" button of the
// introduction, or /mentor goals. The mentee's request's goal (goal:) is
// their first goal. Each check-in asks where every goal stands; the
// mid-way survey shows them and asks whether to keep them, change them or
// readjust the pair; the managers' digest counts goals set and done per
// program, and the end-of-program report the share of pairs that reached
// at least one.

// GoalProgress is where a goal stands.
type GoalProgress string

// Goal progress values, as stored.
const (
	GoalNotStarted GoalProgress = "not-started"
	GoalInProgress GoalProgress = "in-progress"
	GoalDone       GoalProgress = "done"
)

// goalProgresses are the progress values, in the order offered.
var goalProgresses = []GoalProgress{GoalNotStarted, GoalInProgress, GoalDone}

func validProgress(p GoalProgress) bool {
	for _, q := range goalProgresses {
		if p == q {
			return true
		}
	}
	return false
}

// Goal is one goal of a pair, set by one of its members.
type Goal struct {
	ID       string // short and random, unique within the pair
	By       MemberID
	Text     string
	Progress GoalProgress
	Updated  time.Time // when it was set, or its progress last changed
	// ProgressBy is the member who last changed its progress in a
	// check-in's menu (zero if nobody did).
	ProgressBy MemberID
	// ProgressMenu is the menu that change was made in (the token its
	// choices carry, see goalsSelect; "" if none, or a menu without one):
	// ProgressBy's next choice in that same menu corrects their answer
	// rather than being refused as stale.
	ProgressMenu string
}

// ProgressChange is a change of a goal's progress, for SetProgress: to
// To, by By, at At, in the menu Menu (the goal's ProgressMenu becomes
// it); with From set, only while the goal's progress is still From (the
// progress the menu clicked showed, or the one By set in that menu).
type ProgressChange struct {
	To, From GoalProgress
	By       MemberID
	At       time.Time
	Menu     string
}

// MaxGoals is how many goals each member of a pair may set.
const MaxGoals = 3

// GoalStore keeps the goals of pairs (goals.go), apart from the pairs
// themselves; they are erased with the pair's data (PrivacyStore's Erase
// and Prune).
type GoalStore interface {
	// Goals returns the goals of a pair, each member's in the order they
	// set them (none if nobody set any).
	Goals(ctx context.Context, t Tenant, pairID string) ([]Goal, error)

	// GoalsOf returns the goals of several pairs at once, by pair ID (a
	// pair without goals is absent).
	GoalsOf(ctx context.Context, t Tenant, pairIDs []string) (map[string][]Goal, error)

	// SetGoals replaces the goals by set for a pair, atomically: change is
	// given by's goals as stored, with fresh true if by never set any for
	// the pair, and returns the new list (an empty list clears them). An
	// error of change is returned as is and nothing is written. The pair
	// is filed under program in the workspace's list of pairs with goals
	// (GoalPairs). It returns by's goals as stored; ECONFLICT if the write
	// kept racing with others.
	SetGoals(ctx context.Context, t Tenant, pairID string, program ProgramID, by MemberID, change func(mine []Goal, fresh bool) ([]Goal, error)) ([]Goal, error)

	// SetProgress records change to the progress of goal goalID, set by
	// owner, atomically (ProgressBy becomes change.By, ProgressMenu
	// change.Menu). ENOTFOUND if
	// owner has no such goal in the pair; ESTALE, with the goal as
	// stored, if it already has progress change.To, or if change.From is
	// set and its progress is another. It returns the goal as stored.
	SetProgress(ctx context.Context, t Tenant, pairID string, owner MemberID, goalID string, change ProgressChange) (Goal, error)

	// GoalPairs returns the pairs that have had goals set, each with the
	// program it was filed under.
	GoalPairs(ctx context.Context, t Tenant) (map[string]ProgramID, error)
}

// Goal actions. Values are a pair ID; the progress select's choices are
// "<goal>.<progress>.<progress when the menu was sent>~<menu>", menu a
// token of its own to each menu sent (menus sent before the token
// carried "<goal>.<progress>.<progress when sent>", and menus before
// that "<goal>.<progress>", not guarded).
const (
	ActionGoalsOpen     = "goals.open"     // opens the goals form of the pair
	ActionGoalProgress  = "goals.progress" // a select: a goal's progress
	ActionGoalsKeep     = "goals.keep"     // the mid-way survey: keep our goals
	ActionGoalsReadjust = "goals.readjust" // the mid-way survey: readjust the pair
)

// EventReadjust counts a member's "Readjust the pair" at the mid-way
// review (Member who asked, Ref the pair): the digest shows the week's.
const EventReadjust EventKind = "readjust"

// goalOptions are the options of /mentor goals that carry goals, in order.
var goalOptions = []string{"first", "second", "third"}

// errGoalsUnchanged makes SetGoals write nothing.
var errGoalsUnchanged = errors.New("goals unchanged")

// goalButtons are the buttons a pair's introduction carries for its goals:
// "Set our goals", in each reader's language.
func goalButtons(langs []Lang, pair Pair) []Button {
	labels := make([]string, len(langs))
	for i, l := range langs {
		labels[i] = T(l, "btn.goals_set")
	}
	return []Button{{Label: strings.Join(labels, " / "), ActionID: ActionGoalsOpen, Value: pair.ID}}
}

// pairGoals returns a pair's goals, the mentee's first. The mentee's
// request's goal is their first goal: it is stored when the pair becomes
// official (seedGoal), and the first time the pair's goals are read if
// that failed (or the pair became official before this was so), unless
// the mentee set goals of their own.
func (b *Bot) pairGoals(ctx context.Context, pair Pair) ([]Goal, error) {
	t := pair.Mentor.Tenant()
	goals, err := b.store.goals.Goals(ctx, t, pair.ID)
	if err != nil {
		return nil, err
	}
	if !hasGoalBy(goals, pair.Mentee) {
		goals = append(goals, b.seedGoal(ctx, pair)...)
	}
	return orderGoals(pair, goals), nil
}

// seedGoal stores the goal of an active pair's request (goal:) as the
// mentee's first goal, unless the mentee has goals for the pair already,
// and returns what it stored (nothing then, or when the request had no
// goal). It is called as the pair becomes official (madeOfficial), so
// that the managers' figures (reportGoals: the pairs filed with goals)
// count the goal from the introduction on, not from the first time a
// member opens their status. A failure is logged: the next read of the
// pair's goals tries again.
func (b *Bot) seedGoal(ctx context.Context, pair Pair) []Goal {
	if pair.Goal == "" || pair.State != PairActive {
		return nil
	}
	seeded, err := b.setGoals(ctx, pair, pair.Mentee, func(mine []Goal, fresh bool) ([]Goal, error) {
		if !fresh {
			return nil, errGoalsUnchanged
		}
		return b.requestGoal(pair)
	})
	if err != nil {
		if !errors.Is(err, errGoalsUnchanged) {
			b.log.Warn("goals: request goal not stored", "pair", pair.ID, "code", string(ErrorCode(err)))
		}
		return nil
	}
	return seeded
}

// requestGoal is the mentee's first goal made from the goal of their
// request (goal:); none when it had none, or the pair is not active.
func (b *Bot) requestGoal(pair Pair) ([]Goal, error) {
	if pair.Goal == "" || pair.State != PairActive {
		return nil, nil
	}
	id, err := b.randomName(4)
	if err != nil {
		return nil, err
	}
	return []Goal{{ID: id, By: pair.Mentee, Text: clip(oneLine(pair.Goal), MaxGoalLen), Progress: GoalNotStarted, Updated: b.clock.Now().UTC()}}, nil
}

// setGoals replaces by's goals in pair through change, filing the pair
// under its program.
func (b *Bot) setGoals(ctx context.Context, pair Pair, by MemberID, change func([]Goal, bool) ([]Goal, error)) ([]Goal, error) {
	t := pair.Mentor.Tenant()
	program, err := b.pairProgram(ctx, t, pair)
	if err != nil {
		return nil, err
	}
	goals, err := b.store.goals.SetGoals(ctx, t, pair.ID, program, by, change)
	if err == nil {
		b.homeChanged(pair.Mentor, pair.Mentee) // home_publish.go: their homes list the goals
	}
	return goals, err
}

func hasGoalBy(goals []Goal, id MemberID) bool {
	for _, g := range goals {
		if g.By.User == id.User {
			return true
		}
	}
	return false
}

// orderGoals puts the mentee's goals first, then the mentor's, each in
// the order set.
func orderGoals(pair Pair, goals []Goal) []Goal {
	out := append([]Goal(nil), goals...)
	rank := func(g Goal) int {
		if g.By.User == pair.Mentee.User {
			return 0
		}
		return 1
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

// goalsBy keeps the goals set by id.
func goalsBy(goals []Goal, id MemberID) []Goal {
	var out []Goal
	for _, g := range goals {
		if g.By.User == id.User {
			out = append(out, g)
		}
	}
	return out
}

// goalList writes goals one a line, numbered, with who set each and
// where it stands.
func goalList(lang Lang, goals []Goal, names map[string]string) string {
	lines := make([]string, len(goals))
	for i, g := range goals {
		lines[i] = T(lang, "goals.item", "n", itoa(i+1), "goal", g.Text, "name", names[g.By.User], "progress", T(lang, "goals.progress."+string(g.Progress)))
	}
	return strings.Join(lines, "\n")
}

// pairNames names the members of a pair by user ID.
func (b *Bot) pairNames(ctx context.Context, pair Pair) map[string]string {
	names := map[string]string{}
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		m, err := b.member(ctx, id)
		if err != nil {
			names[id.User] = id.User
			continue
		}
		names[id.User] = m.displayName()
	}
	return names
}

// runGoals is /mentor goals: with goals (first: second: third:), it
// changes the member's goals for their pair, each option the goal of its
// place only, "none" (noGoal) removing it; without, it opens the goals
// form, or shows the goals and how to set them where there are no forms.
// The form, prefilled with the member's goals, submits them all: an
// empty field removes its goal. The reply names each goal removed or
// replaced, and the command that puts it back.
func runGoals(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	if err := goalOptionTypo(in); err != nil {
		return Reply{}, err
	}
	pair, choose, err := b.goalsPair(ctx, in)
	if err != nil || choose != nil {
		return Reply{Message: msgOf(choose)}, err
	}
	edits, given := make([]goalEdit, len(goalOptions)), false
	for i, name := range goalOptions {
		// One line: a goal is listed, numbered, with who set it and where
		// it stands after it, which a line break would cut off.
		v := oneLine(in.Text(name))
		if utf8.RuneCountInString(v) > MaxGoalLen {
			return Reply{}, &Error{Code: EINVALID, Key: "goals.too_long", Args: []string{"n", itoa(i + 1), "max", itoa(MaxGoalLen)}, Field: name}
		}
		switch {
		case v == "" && !in.FromForm:
			// Not given: the goal stays.
		case v == "" || noGoal(v):
			edits[i], given = goalEdit{given: true, remove: true}, true
		default:
			edits[i], given = goalEdit{given: true, text: v}, true
		}
	}
	if !given && !in.FromForm {
		return b.goalsForm(ctx, in.Member, in.Lang, pair, in.Forms)
	}
	var before []Goal
	saved, err := b.setGoals(ctx, pair, in.Member, func(mine []Goal, fresh bool) ([]Goal, error) {
		if fresh && in.Member.User == pair.Mentee.User {
			// The request's goal is the mentee's first until they set
			// goals (pairGoals shows it so): first: replaces it, and
			// second: keeps it.
			seed, err := b.requestGoal(pair)
			if err != nil {
				return nil, err
			}
			mine = seed
		}
		before = mine
		return b.editGoals(in.Member, mine, edits, in.FromForm)
	})
	if err != nil {
		return Reply{}, err
	}
	b.log.Info("goals set", "member", in.Member.String(), "pair", pair.ID, "goals", len(saved))
	names := b.pairNames(ctx, pair)
	other := pair.Other(in.Member)
	all, err := b.pairGoals(ctx, pair)
	if err != nil {
		all = saved // saved all the same: the list is the member's only
	}
	if !sameGoalTexts(before, saved) {
		// The other member hears of a change only, in the words of what
		// it was: goals set, changed, or all removed.
		key := "goals.other_set"
		switch {
		case len(saved) == 0:
			key = "goals.other_cleared"
		case len(before) > 0:
			key = "goals.other_changed"
		}
		_ = b.notify(ctx, other, func(l Lang) Message {
			text := T(l, key, "name", names[in.Member.User], "topic", pair.Topic)
			if len(all) > 0 {
				text += "\n" + goalList(l, all, names)
			}
			return Message{Title: T(l, "goals.other_title", "topic", pair.Topic), Text: text}
		})
	}
	var text string
	if len(saved) == 0 {
		text = T(in.Lang, "goals.cleared", "topic", pair.Topic, "name", names[other.User])
	} else {
		text = T(in.Lang, "goals.saved", "name", names[other.User], "topic", pair.Topic) + "\n" + goalList(in.Lang, all, names)
	}
	if note := droppedNote(in.Lang, in.Spec, before, saved); note != "" {
		text += "\n" + note
	}
	return Reply{Message: Message{Text: text}}, nil
}

// goalEdit is what /mentor goals does to the goal of one place: nothing
// (not given), remove it, or set its text.
type goalEdit struct {
	given, remove bool
	text          string
}

// noGoalWords remove a goal when given as its text (`second:none`), in
// either language.
var noGoalWords = []string{"none", "aucun", "aucune", "-"}

// noGoal reports whether v, a goal's option, asks to remove the goal.
func noGoal(v string) bool {
	for _, w := range noGoalWords {
		if strings.EqualFold(strings.TrimSpace(v), w) {
			return true
		}
	}
	return false
}

// goalOptionTypo refuses a typed goal that holds a "word:" close to
// another goal's option ("thrd:" for third:, "troisème:" for troisième:):
// the goals' options are free text, so Parse kept it in the goal before
// it, and saving "learn testing thrd:x" would hide the member's third
// goal in their second. It is refused as a misspelt option is anywhere
// else (unknownOption), and nothing is saved. Close is one edit (a
// swap of two letters counts as one), or two for a word of six letters
// or more: "list:" or "thing:" in a goal stay the member's text, as does
// any other colon. A form's fields are each one goal: not checked.
func goalOptionTypo(in *Invocation) error {
	if in.FromForm {
		return nil
	}
	var names []string
	for _, name := range goalOptions {
		if o, ok := in.Spec.Option(name); ok {
			for _, n := range o.Names() {
				names = append(names, foldName(n))
			}
		}
	}
	for _, name := range goalOptions {
		text := in.Text(name)
		for i := 0; i < len(text); {
			word, end := optionAt(text, i)
			if word == "" {
				i++
				continue
			}
			w := foldName(word)
			for _, n := range names {
				if d := matching.TypoDistance(w, n, 2); d == 1 || d == 2 && utf8.RuneCountInString(w) >= 6 {
					return unknownOption(in.Lang, in.Spec, word)
				}
			}
			i = end
		}
	}
	return nil
}

func msgOf(m *Message) Message {
	if m == nil {
		return Message{}
	}
	return *m
}

// editGoals applies edits to a member's goals mine, place by place
// (edits[0] is first:): a goal not given stays where it is, one removed
// goes, the others move up; a text given keeps the goal that already has
// it (same place first, else another of the member's, case aside), with
// its ID and progress, or makes a new goal, not started. A place past
// the member's goals adds the goal after them. Removing a goal the member
// does not have is refused when nothing else is asked (EINVALID), but
// for a form, whose empty fields are just empty; so is the same goal in
// two places.
func (b *Bot) editGoals(by MemberID, mine []Goal, edits []goalEdit, form bool) ([]Goal, error) {
	now := b.clock.Now().UTC()
	slots := make([]*Goal, max(len(mine), len(edits)))
	used := map[string]bool{}
	for i := range mine {
		if i >= len(edits) || !edits[i].given {
			slots[i], used[mine[i].ID] = &mine[i], true
		}
	}
	effective, missing := false, 0
	for i, e := range edits {
		switch {
		case !e.given:
			continue
		case e.remove:
			if i < len(mine) {
				effective = true
			} else if missing == 0 {
				missing = i + 1
			}
			continue
		}
		effective = true
		if g := sameGoal(mine, used, i, e.text); g != nil {
			kept := *g
			kept.Text = e.text
			used[kept.ID], slots[i] = true, &kept
			continue
		}
		id, err := b.randomName(4)
		if err != nil {
			return nil, err
		}
		slots[i] = &Goal{ID: id, By: by, Text: e.text, Progress: GoalNotStarted, Updated: now}
	}
	if !effective && missing > 0 && !form {
		return nil, &Error{Code: EINVALID, Key: "goals.no_goal", Args: []string{"n", itoa(missing), "count", itoa(len(mine))}, Field: goalOptions[missing-1]}
	}
	// The same goal twice is a slip ("first:B" where B is the second):
	// refused, naming the place it has.
	for i, g := range slots {
		for j := i + 1; g != nil && j < len(slots); j++ {
			if h := slots[j]; h != nil && strings.EqualFold(strings.TrimSpace(g.Text), strings.TrimSpace(h.Text)) {
				place, given := i, j
				if j >= len(edits) || !edits[j].given {
					place, given = j, i
				}
				return nil, &Error{Code: EINVALID, Key: "goals.twice", Args: []string{"goal", clip(slots[given].Text, 80), "n", itoa(place + 1)}, Field: goalOptions[min(given, len(goalOptions)-1)]}
			}
		}
	}
	out := make([]Goal, 0, len(slots))
	for _, g := range slots {
		if g != nil {
			out = append(out, *g)
		}
	}
	return out, nil
}

// sameGoal returns the goal of mine, not used yet, whose text is text
// (case and spaces aside): the one at place i first.
func sameGoal(mine []Goal, used map[string]bool, i int, text string) *Goal {
	same := func(g Goal) bool { return !used[g.ID] && strings.EqualFold(strings.TrimSpace(g.Text), text) }
	if i < len(mine) && same(mine[i]) {
		return &mine[i]
	}
	for j := range mine {
		if same(mine[j]) {
			return &mine[j]
		}
	}
	return nil
}

// droppedNote names the goals of before that after no longer has
// (removed, or replaced by another text), with where each stood, and the
// command that puts them back; "" when none went. A goal goes back after
// the goals left while there is room; past MaxGoals, in the place of a
// goal set by this change (the first ones), never of one that was kept.
func droppedNote(lang Lang, spec CommandSpec, before, after []Goal) string {
	had := map[string]bool{}
	for _, g := range before {
		had[g.ID] = true
	}
	kept := map[string]bool{}
	var fresh []int // the places in after of the goals this change set
	for i, g := range after {
		kept[g.ID] = true
		if !had[g.ID] {
			fresh = append(fresh, i)
		}
	}
	var dropped []Goal
	items, progressed := []string{}, false
	for _, g := range before {
		if kept[g.ID] {
			continue
		}
		dropped = append(dropped, g)
		if g.Progress != GoalNotStarted && validProgress(g.Progress) {
			progressed = true
			items = append(items, T(lang, "goals.dropped_item_progress", "goal", clip(g.Text, 80), "progress", T(lang, "goals.progress."+string(g.Progress))))
		} else {
			items = append(items, T(lang, "goals.dropped_item", "goal", clip(g.Text, 80)))
		}
	}
	if len(dropped) == 0 {
		return ""
	}
	option := func(i int) string {
		if o, ok := spec.Option(goalOptions[i]); ok {
			return o.NameIn(lang) + ":"
		}
		return goalOptions[i] + ":"
	}
	room := max(len(goalOptions)-len(after), 0)
	displace := min(max(len(dropped)-room, 0), len(fresh))
	var typed []string
	for j, g := range dropped {
		switch {
		case j < displace:
			typed = append(typed, option(fresh[j])+oneLine(g.Text))
		case len(after)+j-displace < len(goalOptions):
			typed = append(typed, option(len(after)+j-displace)+oneLine(g.Text))
		}
	}
	note := T(lang, "goals.dropped", "goals", andList(lang, items), "count", itoa(len(dropped)), "typed", strings.Join(typed, " "))
	if progressed {
		note += " " + T(lang, "goals.dropped_progress")
	}
	return note
}

// oneLine is text on one line, its spaces each one, as a command types it.
func oneLine(text string) string { return strings.Join(strings.Fields(text), " ") }

// goalsPair finds the pair /mentor goals is about: the member's one
// active pair, the one pair: names (its other member, its topic, or its
// ID, as the form carries it), or else a message with a button per pair.
func (b *Bot) goalsPair(ctx context.Context, in *Invocation) (Pair, *Message, error) {
	var ov Overview
	if !in.Newcomer {
		var err error
		if ov, err = b.store.members.Overview(ctx, in.Member); err != nil {
			return Pair{}, nil, err
		}
	}
	pairs, waiting := endable(ov.Pairs), charterPending(ov.Pairs)
	q := strings.TrimSpace(in.Text("pair"))
	if q != "" {
		for _, p := range pairs {
			if p.ID == q {
				return p, nil, nil
			}
		}
		waiting = pairsNamed(in.Member, ov, waiting, q)
	}
	if len(pairs) == 0 {
		if len(waiting) > 0 {
			return Pair{}, nil, Errorf(ESTALE, "goals.not_started", "name", otherName(in.Member, ov, waiting[0]), "topic", waiting[0].Topic)
		}
		return Pair{}, nil, Errorf(ENOTFOUND, "goals.none")
	}
	if q != "" {
		all := pairs
		if pairs = pairsNamed(in.Member, ov, pairs, q); len(pairs) == 0 {
			return Pair{}, nil, Errorf(ENOTFOUND, "goals.no_match", "query", clip(q, 40), "pairs", pairList(in.Lang, in.Member, ov, all))
		}
	}
	if len(pairs) == 1 {
		return pairs[0], nil, nil
	}
	msg := &Message{Text: T(in.Lang, "goals.choose")}
	for _, p := range pairs[:min(len(pairs), maxEndButtons)] {
		msg.Buttons = append(msg.Buttons, Button{Label: T(in.Lang, "btn.goals_pair", "name", otherName(in.Member, ov, p), "topic", p.Topic), ActionID: ActionGoalsOpen, Value: p.ID})
	}
	if len(pairs) > maxEndButtons {
		msg.Text += "\n" + T(in.Lang, "goals.more", "pairs", pairList(in.Lang, in.Member, ov, pairs))
	}
	return Pair{}, msg, nil
}

// goalsForm opens the goals form of a pair for who, prefilled with their
// goals; the message shows the pair's goals and, where there are no
// forms, what to type.
func (b *Bot) goalsForm(ctx context.Context, who MemberID, lang Lang, pair Pair, forms bool) (Reply, error) {
	goals, err := b.pairGoals(ctx, pair)
	if err != nil {
		return Reply{}, err
	}
	names := b.pairNames(ctx, pair)
	f := &Form{Command: "goals", Title: T(lang, "form.goals.title"), Submit: T(lang, "form.submit"), Fixed: map[string]string{"pair": pair.ID}}
	mine := goalsBy(goals, who)
	for i, name := range goalOptions {
		field := FormField{Name: name, Label: T(lang, "label.goal_n", "n", itoa(i+1)), Placeholder: clip(T(lang, "form.goals.placeholder"), 100), MaxLength: MaxGoalLen}
		if i < len(mine) {
			field.Value = mine[i].Text
		}
		f.Fields = append(f.Fields, field)
	}
	text := T(lang, "goals.form_intro", "name", names[pair.Other(who).User], "topic", pair.Topic, "max", itoa(MaxGoals))
	if len(goals) > 0 {
		text += "\n" + goalList(lang, goals, names)
	}
	if !forms {
		text += "\n" + T(lang, "goals.how")
	}
	return Reply{Form: f, Message: Message{Text: text}}, nil
}

// openGoals is the "Set our goals" button (the introduction, the mid-way
// survey, a choice of pairs): the goals form of the pair.
func openGoals(ctx context.Context, b *Bot, who MemberID, lang Lang, pairID string) (Reply, error) {
	pair, err := b.endPairOf(ctx, who, pairID)
	if err != nil {
		return Reply{}, err
	}
	return b.goalsForm(ctx, who, lang, pair, false)
}

// goalsSelect is the menu of a check-in that asks where each goal of the
// pair stands; nil without goals. Each choice carries the progress its
// goal had when the menu was made, and the menu's token (menu, from
// Bot.menuToken), the
// same in all its choices and new to each menu made: a change recorded
// from this menu is known as this menu's.
func goalsSelect(lang Lang, pair Pair, goals []Goal, menu string) *Select {
	if len(goals) == 0 {
		return nil
	}
	s := &Select{ActionID: ActionGoalProgress, Value: pair.ID, Placeholder: T(lang, "goals.select")}
	for i, g := range goals {
		for _, p := range goalProgresses {
			s.Choices = append(s.Choices, Choice{
				Label: T(lang, "goals.choice", "n", itoa(i+1), "goal", clip(g.Text, 50), "progress", T(lang, "goals.progress."+string(p))),
				Value: g.ID + "." + string(p) + "." + string(g.Progress) + menuSep + menu,
			})
		}
	}
	return s
}

// menuSep puts a menu's token after the progress in its choices.
const menuSep = "~"

// menuToken names one goals menu: 40 random bits from the bot's
// randomness, lower-case base32 (8 letters and digits), so that two menus
// of a member never share one. Without randomness the menu goes without
// one, and is guarded as menus before tokens were.
func (b *Bot) menuToken() string {
	s, err := b.randomName(5)
	if err != nil {
		return ""
	}
	return s
}

// withGoals adds to a check-in's message the pair's goals as they stand
// and the question on them.
func withGoals(lang Lang, m Message, pair Pair, goals []Goal, names map[string]string, menu string) Message {
	s := goalsSelect(lang, pair, goals, menu)
	if s == nil {
		return m
	}
	m.Text += "\n\n" + T(lang, "goals.checkin") + "\n" + goalList(lang, goals, names)
	m.Selects = append(m.Selects, *s)
	return m
}

// checkinGoals reads a pair's goals for a check-in; a failure is logged
// and the check-in goes without them.
func (b *Bot) checkinGoals(ctx context.Context, pair Pair) []Goal {
	goals, err := b.pairGoals(ctx, pair)
	if err != nil {
		b.log.Warn("check-in: goals not read", "pair", pair.ID, "code", string(ErrorCode(err)))
	}
	return goals
}

// answerGoalProgress records where a goal stands (the check-in's menu).
// The message stays, so that the member can answer for each goal. A
// choice carries the progress the goal had when the menu was sent: if it
// has changed since (by the other member, or by the member in another
// menu), the choice is refused, saying who changed it and to what, with
// the goals as they stand now and a fresh menu, so that nobody's answer
// is undone by an older menu. The member's own change in this same menu
// is no such change: their later choice in it corrects their answer
// (the menu's token, kept as the goal's ProgressMenu, tells).
func answerGoalProgress(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	pairID, chosen := splitSelect(value)
	if len(chosen) != 1 {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	parts := strings.Split(chosen[0], ".")
	if len(parts) < 2 || len(parts) > 3 || !validProgress(GoalProgress(parts[1])) {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	goalID, p := parts[0], GoalProgress(parts[1])
	var was GoalProgress // "" for a menu sent before choices carried it
	var menu string      // "" for a menu sent before choices carried its token
	if len(parts) == 3 {
		sent, token, _ := strings.Cut(parts[2], menuSep)
		if was, menu = GoalProgress(sent), token; !validProgress(was) {
			return Reply{}, Errorf(ESTALE, "err.unknown_button")
		}
	}
	pair, err := b.endPairOf(ctx, who, pairID)
	if err != nil {
		return Reply{}, err
	}
	goals, err := b.pairGoals(ctx, pair)
	if err != nil {
		return Reply{}, err
	}
	names := b.pairNames(ctx, pair)
	changed := Errorf(ESTALE, "goals.changed", "goals", goalList(lang, goals, names))
	var goal *Goal
	for i := range goals {
		if goals[i].ID == goalID {
			goal = &goals[i]
		}
	}
	from, corrected := was, GoalProgress("")
	switch {
	case goal == nil:
		return Reply{}, changed
	case goal.Progress == p:
		return Reply{}, progressSame(lang, *goal)
	case was != "" && goal.Progress != was:
		if !ownMenuChange(*goal, who, menu) {
			return progressMoved(lang, who, pair, *goal, goals, names, b.menuToken()), nil
		}
		// The member's own answer in this menu, changed: the write
		// checks that it is still theirs.
		from, corrected = goal.Progress, goal.Progress
	case ownMenuChange(*goal, who, menu):
		// Their own answer in this menu, back to what the menu showed:
		// a new choice corrects it too.
		corrected = goal.Progress
	}
	g, err := b.store.goals.SetProgress(ctx, who.Tenant(), pair.ID, goal.By, goalID, ProgressChange{To: p, From: from, By: who, At: b.clock.Now().UTC(), Menu: menu})
	if err == nil {
		b.homeChanged(pair.Mentor, pair.Mentee) // home_publish.go: their homes show where goals stand
	}
	switch ErrorCode(err) {
	case "":
	case ENOTFOUND:
		return Reply{}, changed
	case ESTALE:
		if g.Progress == p {
			return Reply{}, progressSame(lang, g)
		}
		// Changed between our read and the write: show the goals now.
		now, rerr := b.pairGoals(ctx, pair)
		if rerr != nil {
			return Reply{}, rerr
		}
		return progressMoved(lang, who, pair, g, now, names, b.menuToken()), nil
	default:
		return Reply{}, err
	}
	b.log.Info("goal progress", "member", who.String(), "pair", pair.ID, "goal", g.ID, "progress", string(p), "corrected", corrected != "")
	args := []string{"goal", clip(g.Text, 80), "progress", T(lang, "goals.progress."+string(p))}
	key := "goals.progress_saved"
	switch {
	case corrected != "" && g.Progress == GoalDone: // a correction says so, to "done" too
		key, args = "goals.progress_corrected_done", append(args, "before", T(lang, "goals.progress."+string(corrected)))
	case corrected != "":
		key, args = "goals.progress_corrected", append(args, "before", T(lang, "goals.progress."+string(corrected)))
	case g.Progress == GoalDone:
		key = "goals.progress_done"
	}
	return Reply{Message: Message{Text: T(lang, key, args...)}}, nil
}

// ownMenuChange reports whether goal g's progress was last changed by who
// in the menu whose token is menu: then who's choice in that menu is a
// correction of their own answer, not a stale one.
func ownMenuChange(g Goal, who MemberID, menu string) bool {
	return menu != "" && g.ProgressMenu == menu && g.ProgressBy.User != "" && g.ProgressBy.User == who.User
}

// progressSame is the answer to a choice of the progress a goal has.
func progressSame(lang Lang, g Goal) error {
	return Errorf(ESTALE, "goals.progress_same", "goal", clip(g.Text, 80), "progress", T(lang, "goals.progress."+string(g.Progress)))
}

// progressMoved refuses a choice made in a menu sent before goal g's
// progress changed: who changed it and to what, then the pair's goals as
// they stand and a fresh menu to choose again.
func progressMoved(lang Lang, who MemberID, pair Pair, g Goal, goals []Goal, names map[string]string, menu string) Reply {
	args := []string{"goal", clip(g.Text, 80), "progress", T(lang, "goals.progress."+string(g.Progress))}
	by := g.ProgressBy.User
	key := "goals.moved"
	switch {
	case by == who.User:
		key = "goals.moved_you"
	case by == "" || (by != pair.Mentor.User && by != pair.Mentee.User) || names[by] == "" || names[by] == by:
		key = "goals.moved_unknown" // set before progress had an author, or by someone gone
	default:
		args = append(args, "name", names[by])
	}
	m := Message{Text: T(lang, key, args...) + "\n" + T(lang, "goals.now") + "\n" + goalList(lang, goals, names)}
	if s := goalsSelect(lang, pair, goals, menu); s != nil {
		m.Selects = append(m.Selects, *s)
	}
	return Reply{Message: m}
}

// sendMidGoals sends each member of a pair, with the mid-way survey, its
// goals and the question: keep them, change them, or readjust the pair.
func (b *Bot) sendMidGoals(ctx context.Context, pair Pair, key string) error {
	goals, err := b.pairGoals(ctx, pair)
	if err != nil {
		return err
	}
	names := b.pairNames(ctx, pair)
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		other := names[pair.Other(id).User]
		if err := b.deliver(ctx, key, id, func(l Lang) Message { return midGoalsMessage(l, pair, goals, names, other) }); err != nil {
			return err
		}
	}
	return nil
}

// midGoalsMessage is the mid-way review of a pair's goals, for the member
// whose partner is other: named, as a mentor of two mentees on one topic
// must know which pair "Readjust the pair" is about.
func midGoalsMessage(lang Lang, pair Pair, goals []Goal, names map[string]string, other string) Message {
	m := Message{Title: T(lang, "goals.mid_title", "topic", pair.Topic, "name", other)}
	if len(goals) == 0 {
		m.Text = T(lang, "goals.mid_none", "name", other)
		m.Buttons = []Button{
			{Label: T(lang, "btn.goals_set"), ActionID: ActionGoalsOpen, Value: pair.ID, Style: StylePrimary},
			{Label: T(lang, "btn.goals_readjust"), ActionID: ActionGoalsReadjust, Value: pair.ID},
		}
		return m
	}
	m.Text = T(lang, "goals.mid_text", "name", other) + "\n" + goalList(lang, goals, names)
	m.Buttons = []Button{
		{Label: T(lang, "btn.goals_keep"), ActionID: ActionGoalsKeep, Value: pair.ID, Style: StylePrimary},
		{Label: T(lang, "btn.goals_change"), ActionID: ActionGoalsOpen, Value: pair.ID},
		{Label: T(lang, "btn.goals_readjust"), ActionID: ActionGoalsReadjust, Value: pair.ID},
	}
	return m
}

// midGoalsAnswer records a member's answer to the mid-way review, once.
func (b *Bot) midGoalsAnswer(ctx context.Context, who MemberID, pairID, answer string) (Pair, error) {
	pair, err := b.endPairOf(ctx, who, pairID)
	if err != nil {
		return pair, err
	}
	err = b.store.followups.AnswerSurvey(ctx, who.Tenant(), SurveyID(pair.ID+":"+SurveyMid), who, "goals", answer, b.clock.Now().UTC())
	if ErrorCode(err) == ESTALE {
		return pair, Errorf(ESTALE, "goals.mid_answered")
	}
	return pair, err
}

// keepGoals is "Keep our goals".
func keepGoals(ctx context.Context, b *Bot, who MemberID, lang Lang, pairID string) (Reply, error) {
	pair, err := b.midGoalsAnswer(ctx, who, pairID, "keep")
	if err != nil {
		return Reply{}, err
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, "goals.kept", "topic", pair.Topic)}}, nil
}

// readjustPair is "Readjust the pair", the guide's « réajuster les
// binômes »: the managers are told (in their channel, and the digest
// counts the week's), and the member may end the pair for a new match.
func readjustPair(ctx context.Context, b *Bot, who MemberID, lang Lang, pairID string) (Reply, error) {
	pair, err := b.midGoalsAnswer(ctx, who, pairID, "readjust")
	if err != nil {
		return Reply{}, err
	}
	t := who.Tenant()
	names := b.pairNames(ctx, pair)
	b.log.Info("pair readjustment asked", "member", who.String(), "pair", pair.ID)
	b.record(ctx, Event{Kind: EventReadjust, Member: who, Other: pair.Other(who), Ref: pair.ID, Topic: pair.Topic})
	told, err := b.postedToManagers(ctx, t, "readjust:"+pair.ID+":"+who.User, func(l Lang) Message {
		return Message{Title: T(l, "goals.readjust_title"), Text: T(l, "goals.readjust_managers",
			"name", names[who.User], "role", T(l, "goals.role."+pair.Role(who)), "mentor", names[pair.Mentor.User], "mentee", names[pair.Mentee.User], "topic", pair.Topic)}
	})
	if err != nil {
		b.log.Warn("readjust: managers not told", "pair", pair.ID, "code", string(ErrorCode(err)))
	}
	key := "goals.readjusted"
	if !told {
		// Nothing posted (no managers' channel, or it failed): the
		// answer is counted for the managers' figures (the digest, admin
		// stats), which is all that can be said.
		key = "goals.readjusted_noted"
	}
	return Reply{Replace: true, Message: Message{
		Text: T(lang, key, "name", names[pair.Other(who).User], "topic", pair.Topic),
		Buttons: []Button{
			{Label: T(lang, "btn.goals_rematch"), ActionID: ActionEndAsk, Value: pair.ID, Style: StyleDanger},
			{Label: T(lang, "btn.goals_change"), ActionID: ActionGoalsOpen, Value: pair.ID},
		},
	}}, nil
}

// memberGoals returns the goals a member set in their pairs, for their
// export.
func (b *Bot) memberGoals(ctx context.Context, id MemberID, pairs []Pair) ([]PairGoal, error) {
	ids := make([]string, len(pairs))
	for i, p := range pairs {
		ids[i] = p.ID
	}
	if len(ids) == 0 {
		return nil, nil
	}
	all, err := b.store.goals.GoalsOf(ctx, id.Tenant(), ids)
	if err != nil {
		return nil, err
	}
	var out []PairGoal
	for _, pid := range ids {
		for _, g := range goalsBy(all[pid], id) {
			out = append(out, PairGoal{Pair: pid, Goal: g})
		}
	}
	return out, nil
}

// PairGoal is a goal with its pair, as a member's export lists it.
type PairGoal struct {
	Pair string
	Goal
}

// ProgramGoals counts the goals of a program's pairs, for the digest.
type ProgramGoals struct {
	Program   Program
	Pairs     int // pairs with goals
	Set, Done int // goals set, and done
}

// reportGoals counts, per program, the goals set and done in its pairs
// (the pairs with goals, in one read, and their goals in another).
func (b *Bot) reportGoals(ctx context.Context, t Tenant, r *Report) error {
	filed, err := b.store.goals.GoalPairs(ctx, t)
	if err != nil || len(filed) == 0 {
		return err
	}
	ids := make([]string, 0, len(filed))
	for id := range filed {
		ids = append(ids, id)
	}
	goals, err := b.store.goals.GoalsOf(ctx, t, ids)
	if err != nil {
		return err
	}
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		return err
	}
	byID := map[ProgramID]*ProgramGoals{}
	for _, p := range programs {
		byID[p.ID] = &ProgramGoals{Program: p}
	}
	for id, program := range filed {
		gs := goals[id]
		if len(gs) == 0 {
			continue
		}
		pg := byID[program]
		if pg == nil {
			pg = &ProgramGoals{Program: Program{ID: program}}
			byID[program] = pg
		}
		pg.Pairs++
		for _, g := range gs {
			pg.Set++
			if g.Progress == GoalDone {
				pg.Done++
			}
		}
	}
	for _, pg := range byID {
		if pg.Set > 0 {
			r.Goals = append(r.Goals, *pg)
		}
	}
	sort.Slice(r.Goals, func(i, j int) bool {
		a, c := r.Goals[i], r.Goals[j]
		return a.Set > c.Set || a.Set == c.Set && a.Program.ID < c.Program.ID
	})
	return nil
}

// goalsSection is the digest's lines on goals: the week's requests to
// readjust a pair, then per program, goals set and done; "" when there is
// nothing to say.
func goalsSection(lang Lang, r Report) string {
	if len(r.Goals) == 0 && r.Week.Readjust == 0 {
		return ""
	}
	lines := []string{T(lang, "digest.goals")}
	if r.Week.Readjust > 0 {
		lines = append(lines, T(lang, "digest.goals_readjust", "count", Number(lang, r.Week.Readjust)))
	}
	for _, g := range r.Goals[:min(len(r.Goals), maxDigestItems)] {
		name := g.Program.Name
		if g.Program.ID == DefaultProgram || name == "" {
			name = T(lang, "digest.goals_default")
		}
		lines = append(lines, T(lang, "digest.goals_program", "name", name, "set", Number(lang, g.Set), "done", Number(lang, g.Done), "pairs", Number(lang, g.Pairs)))
	}
	if n := len(r.Goals) - maxDigestItems; n > 0 {
		lines = append(lines, T(lang, "digest.more", "count", itoa(n)))
	}
	return strings.Join(lines, "\n")
}

// goalsReached counts, for the end-of-program report, the pairs among
// own that set goals, and those that reached at least one.
func goalsReached(goals map[string][]Goal, own map[string]Pair) (set, reached int) {
	for id := range own {
		if len(goals[id]) > 0 {
			set++
		}
		for _, g := range goals[id] {
			if g.Progress == GoalDone {
				reached++
				break
			}
		}
	}
	return set, reached
}

// cohortGoals reads the goals of the pairs of the programs named (one
// read), for the end-of-program report.
func (b *Bot) cohortGoals(ctx context.Context, t Tenant, in cohortInput, programs ...ProgramID) (map[string][]Goal, error) {
	var ids []string
	for _, p := range in.all {
		if id := in.programOf[p.ID]; id != "" && containsProgram(programs, id) {
			ids = append(ids, p.ID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return b.store.goals.GoalsOf(ctx, t, ids)
}

// sameGoalTexts reports whether two lists of a member's goals say the
// same, in the same order (their progress aside): a change nobody needs
// to hear of.
func sameGoalTexts(a, b []Goal) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(strings.TrimSpace(a[i].Text), strings.TrimSpace(b[i].Text)) {
			return false
		}
	}
	return true
}
