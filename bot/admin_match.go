package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/matching"
)

// Action IDs of a manager's round. Every action ID starting with "admin."
// is a manager's (IsAdminAction): HandleAction refuses it to anyone else.
const (
	ActionRoundSend   = "admin.round.send"
	ActionRoundCancel = "admin.round.cancel"
)

// IsAdminAction reports whether a button is for managers only, so that
// adapters can tell the core whether the clicker administers the
// workspace (Action.IsAdmin), as they do for admin commands.
func IsAdminAction(actionID string) bool { return strings.HasPrefix(actionID, "admin.") }

// maxPreviewRunes bounds each list of a round's preview, so that the whole
// text stays below the smallest limit of the platforms (a Discord embed's
// 4,096 characters).
const maxPreviewRunes = 1700

// roundLease is how long a click that sends a round holds it.
const roundLease = 2 * time.Minute

// roundPlan is one optimal round over a workspace's pool, not yet sent:
// the pairs it would propose and the requests it would leave waiting.
// Print identifies the pool and the round: if either changes, so does it.
type roundPlan struct {
	pool  roundPool
	pairs []matching.Assignment
	left  []Request // in waiting order
	print string
	// program is the program whose kick-off round this is, "" for the
	// whole pool (what is not held for a kick-off).
	program ProgramID
	// kickoff marks the round posted at the program's start, where
	// Cancel releases its requests: its buttons are explained so.
	kickoff bool
}

// value is what the round's buttons carry: the print, and the program
// of a kick-off round ("<print>:<program>").
func (p roundPlan) value() string {
	if p.program == "" {
		return p.print
	}
	return p.print + ":" + string(p.program)
}

// planRound solves a round over the workspace's pool as it is now, or
// over one program's waiting requests when program is set.
func (b *Bot) planRound(ctx context.Context, t Tenant, program ProgramID) (roundPlan, error) {
	var pool roundPool
	var err error
	if program == "" {
		pool, err = b.loadRound(ctx, t)
	} else {
		pool, err = b.loadProgramRound(ctx, t, program)
	}
	if err != nil {
		return roundPlan{}, err
	}
	p := roundPlan{pool: pool, pairs: matching.Assign(pool.needs, pool.mentors, pool.opt), program: program}
	assigned := map[string]bool{}
	for _, a := range p.pairs {
		assigned[a.NeedID] = true
	}
	for _, r := range pool.waiting {
		if !assigned[r.ID] {
			p.left = append(p.left, r)
		}
	}
	p.print = fingerprint(pool, p.pairs)
	return p, nil
}

// fingerprint hashes what the round read and what it chose: 96 bits, in
// hex, short enough for a button's value. It reads the requests and the
// mentees' profiles rather than the matcher's needs, and the pairs chosen
// rather than their scores, so that a term that grows with time (waiting
// time) changes it only if it changes the round.
func fingerprint(pool roundPool, pairs []matching.Assignment) string {
	h := sha256.New()
	fmt.Fprintf(h, "%+v\n", pool.opt)
	for _, r := range pool.waiting {
		m := pool.mentees[r.ID]
		fmt.Fprintf(h, "r%+v %s %s %d\n", r, m.Lang, m.TZ, m.Years)
	}
	for _, m := range pool.mentors {
		fmt.Fprintf(h, "m%+v\n", m)
	}
	for _, a := range pairs {
		fmt.Fprintf(h, "a%s %s\n", a.NeedID, a.Candidate.MentorID)
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// runAdminMatch shows a manager the round the matcher would make now,
// with buttons to send it or discard it. Nothing is sent yet.
// With program: it previews that program's kick-off round: its waiting
// requests only, held or not.
func runAdminMatch(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	var program ProgramID
	if in.Text("program") != "" {
		id, err := b.programOption(ctx, in)
		if err != nil {
			return Reply{}, err
		}
		if id != DefaultProgram {
			program = id
		}
	}
	p, err := b.planRound(ctx, in.Member.Tenant(), program)
	if err != nil {
		return Reply{}, err
	}
	msg, err := b.roundPreview(ctx, in.Lang, p)
	if err == nil && program == "" && len(p.pool.waiting) == 0 {
		if note := heldNote(in.Lang, p.pool); note != "" {
			msg.Text = note
		}
	} else if err == nil && program == "" {
		// The round leaves them out: said, so that no one is forgotten.
		if note := heldAlso(in.Lang, p.pool); note != "" {
			msg.Text += "\n\n" + note
		}
	}
	return Reply{Message: msg}, err
}

// heldNote says, when a round has nobody to pair, who waits for a
// program's kick-off instead (the round leaves them alone), and how to
// preview that program's round; "" when nobody does.
func heldNote(lang Lang, pool roundPool) string {
	return heldSentence(lang, pool, "round.empty_held")
}

// heldAlso says, under a round's preview, which requests it leaves out
// because they wait for their program's kick-off; "" when none do.
func heldAlso(lang Lang, pool roundPool) string {
	return heldSentence(lang, pool, "round.held_also")
}

func heldSentence(lang Lang, pool roundPool, key string) string {
	held, count := pool.held, pool.heldCount
	if len(count) == 0 {
		return ""
	}
	var parts []string
	var first ProgramID
	for _, id := range slices.Sorted(maps.Keys(count)) {
		if first == "" {
			first = id
		}
		parts = append(parts, T(lang, "round.held_program", "name", held[id].Name, "start", Date(lang, held[id].Start), "n", itoa(count[id])))
	}
	return T(lang, key, "programs", andList(lang, parts), "slug", string(first))
}

// roundPreview writes a round for a manager: its pairs with scores and
// reasons, the requests it leaves waiting with the reason, and the
// buttons (none when there is nothing to send).
func (b *Bot) roundPreview(ctx context.Context, lang Lang, p roundPlan) (Message, error) {
	if len(p.pool.waiting) == 0 {
		return Message{Text: T(lang, "round.empty")}, nil
	}
	mentors, err := b.roundMentors(ctx, p)
	if err != nil {
		return Message{}, err
	}
	waiting := plural(lang, len(p.pool.waiting), "round.requests")
	lines := []string{T(lang, "round.intro_none", "waiting", waiting)}
	if len(p.pairs) > 0 {
		lines[0] = T(lang, "round.intro", "pairs", plural(lang, len(p.pairs), "round.pairs"), "waiting", waiting)
	}
	var pairs, left []string
	for _, a := range p.pairs {
		r, mentor := p.pool.byID[a.NeedID], mentors[a.Candidate.MentorID]
		pairs = append(pairs, "• "+T(lang, "round.pair", "mentee", p.pool.mentees[r.ID].displayName(), "mentor", mentor.displayName(),
			"topic", r.Topic, "score", score(lang, a.Candidate.Score.Total), "why", roundReasons(lang, a.Candidate.Reasons, mentor.displayName())))
	}
	// Only the requests that can be shown are explained: Explain reads
	// every mentor.
	for _, r := range p.left[:min(len(p.left), maxDigestItems)] {
		// Its days count from when it began to wait for a mentor: a
		// request held for its program's kick-off, from the kick-off, as
		// the digest, the alert and the fairness report count them.
		since, err := b.waitingSince(ctx, r.Mentee.Tenant(), r)
		if err != nil {
			return Message{}, err
		}
		left = append(left, "• "+T(lang, "round.left_item", "mentee", p.pool.mentees[r.ID].displayName(), "topic", r.Topic,
			"waited", waited(lang, int(b.clock.Now().Sub(since)/(24*time.Hour))), "why", AfterColon(lang, b.leftReason(lang, p, r))))
	}
	lines = append(lines, capList(lang, pairs, len(pairs), maxPreviewRunes)...)
	if len(p.pairs) > 0 && len(left) > 0 {
		lines = append(lines, T(lang, "round.left", "requests", plural(lang, len(p.left), "round.requests")))
	}
	lines = append(lines, capList(lang, left, len(p.left), maxPreviewRunes)...)
	msg := Message{Title: T(lang, "round.title"), Text: strings.Join(lines, "\n")}
	if len(p.pairs) > 0 {
		// Each preview is its own: Cancel discards this one, not a later
		// preview of the same pool.
		nonce, err := b.randomName(5)
		if err != nil {
			return Message{}, err
		}
		value := nonce + "/" + p.value()
		confirm := "round.confirm"
		if p.kickoff {
			confirm = "program.kickoff_confirm"
		}
		msg.Text += "\n\n" + T(lang, confirm)
		msg.Buttons = []Button{
			{Label: T(lang, "round.btn_send"), ActionID: ActionRoundSend, Value: value, Style: StylePrimary},
			{Label: T(lang, "round.btn_cancel"), ActionID: ActionRoundCancel, Value: value},
		}
	}
	return msg, nil
}

// previewOf splits a round button's value into the preview's nonce ("" on
// a button of an older version) and the round's value (print:program).
func previewOf(value string) (nonce, round string) {
	if n, r, ok := strings.Cut(value, "/"); ok {
		return n, r
	}
	return "", value
}

// previewCancelled reports whether the preview nonce was discarded.
func (b *Bot) previewCancelled(ctx context.Context, t Tenant, nonce string) (bool, error) {
	if nonce == "" {
		return false, nil
	}
	_, err := b.store.drafts.Draft(ctx, t, "round-cancelled:"+nonce)
	if ErrorCode(err) == ENOTFOUND {
		return false, nil
	}
	return err == nil, err
}

// peekMark returns the state of the delivery mark key without keeping
// it: a mark it finds free (or to retry) is claimed and freed at once.
func (b *Bot) peekMark(ctx context.Context, t Tenant, key string) (string, error) {
	prev, err := b.store.delivery.MarkSent(ctx, t, key, time.Second)
	if err != nil || prev == markDone || prev == markPending {
		return prev, err
	}
	return prev, b.store.delivery.UnmarkSent(ctx, t, key)
}

// roundTaken answers a click on a round already sent, or being sent, as
// its mark prev says, to the clicker alone (alreadyDone): the message keeps
// the list of what the first click sent. False for a round still to send. program is the
// program of the round ("" for the whole pool), for the command that
// shows the next one.
func roundTaken(lang Lang, prev string, program ProgramID) (Reply, bool) {
	switch prev {
	case markDone:
		return alreadyDone(T(lang, "round.already_sent", "command", matchCommand(lang, program))), true
	case markPending:
		return alreadyDone(T(lang, "round.sending")), true
	}
	return Reply{}, false
}

// matchCommand is the command that previews a round again: of the
// program's requests when program is set, else of the whole pool (which
// leaves out a program's held requests, so that a hint without the
// program would find nobody waiting).
func matchCommand(lang Lang, program ProgramID) string {
	if program == "" {
		return T(lang, "round.command")
	}
	return T(lang, "round.command_program", "slug", string(program))
}

// roundMentors reads the members the round would propose.
func (b *Bot) roundMentors(ctx context.Context, p roundPlan) (map[string]Member, error) {
	if len(p.pairs) == 0 {
		return nil, nil
	}
	t := p.pool.waiting[0].Mentee.Tenant()
	users := make([]string, len(p.pairs))
	for i, a := range p.pairs {
		users[i] = a.Candidate.MentorID
	}
	known, err := b.store.members.Members(ctx, t, users)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		if _, ok := known[u]; !ok {
			known[u] = Member{ID: t.Member(u)}
		}
	}
	return known, nil
}

// leftReason says why the round leaves r waiting: the mentors who could
// have taken it went to other requests of this round (said of as many
// mentors as there were, and of as many requests as took them), and
// why the mentors who still have a free slot after the round cannot take
// it; or, when no mentor could have, the reason a waiting mentee is
// told.
func (b *Bot) leftReason(lang Lang, p roundPlan, r Request) string {
	// The need as the round saw it, with the mentee's history: the
	// mentors they must not meet again are excluded, as in the round.
	if pz, ok := p.pool.paused[r.ID]; ok {
		return pausedReasonOf(lang, pz, p.pool.pausedLoc)
	}
	need, _ := p.pool.need(r.ID)
	fit := matching.Rank(need, p.pool.mentors, p.pool.opt)
	if len(fit) == 0 {
		why := matching.Explain(need, p.pool.mentors, p.pool.opt)
		if nobodyOffers(why) {
			// The broader topic the member is told of, if any: offered
			// by mentors who could take the request, or else by
			// mentors of other languages only, as the member is told too.
			for _, otherLanguages := range []bool{false, true} {
				if text, ok := broaderReasonOf(lang, need, r.Topic, p.pool.mentors, p.pool.opt, otherLanguages); ok {
					return text
				}
			}
		}
		return waitingReasonFor(lang, r.Topic, r, p.pool.mentees[r.ID], why)
	}
	could := map[string]bool{}
	for _, c := range fit {
		could[c.MentorID] = true
	}
	taken := 0
	for _, a := range p.pairs {
		if could[a.Candidate.MentorID] {
			taken++
		}
	}
	if taken == 0 {
		// Someone who fits has room the round did not use: the reason
		// a waiting request is told (the next look proposes it).
		return waitingReasonFor(lang, r.Topic, r, p.pool.mentees[r.ID], matching.Explain(need, p.pool.mentors, p.pool.opt))
	}
	text := T(lang, "round.left_taken", "topic", r.Topic, "count", itoa(len(fit)), "taken", itoa(taken))
	if rest := matching.Explain(need, withRoomAfter(p), p.pool.opt); rest.Offering() > 0 {
		// The mentors of the topic with room left after the round: the
		// round did not give them r for a reason of their own.
		text += " " + T(lang, "round.left_room", "why", AfterColon(lang, waitingReasonFor(lang, r.Topic, r, p.pool.mentees[r.ID], rest)))
	}
	return text
}

// withRoomAfter returns the pool's mentors who still have a free slot
// once the round's pairs are made.
func withRoomAfter(p roundPlan) []matching.Mentor {
	given := map[string]int{}
	for _, a := range p.pairs {
		given[a.Candidate.MentorID]++
	}
	var out []matching.Mentor
	for _, m := range p.pool.mentors {
		if m.Active+given[m.ID] < m.Capacity {
			out = append(out, m)
		}
	}
	return out
}

// roundReasons explains a proposed pair to a manager: the reasons the pair
// itself would read, with "both speak" for "you both speak".
func roundReasons(lang Lang, reasons []matching.Reason, mentor string) string {
	parts := make([]string, 0, len(reasons))
	for _, r := range reasons {
		s := reasonText(lang, r, mentor)
		switch {
		case r.Code == matching.ReasonLanguage && r.Detail != "":
			s = T(lang, "round.reason_language", "language", languageName(lang, r.Detail))
		case r.Code == matching.ReasonMetBefore:
			// Told to a manager, not to one of the two: "they", not "you".
			s = T(lang, "round.reason_met_before")
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, reasonSep(lang))
}

// score writes a match score with two decimals, a comma in French.
func score(lang Lang, f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if lang == French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// capList keeps the first items of a list of total, at most
// maxDigestItems and fewer if they would pass limit characters, and counts
// the rest: "… and 12 more".
func capList(lang Lang, items []string, total, limit int) []string {
	used := 0
	for i, it := range items {
		used += utf8.RuneCountInString(it) + 1
		if i == maxDigestItems || used > limit {
			return append(items[:i:i], T(lang, "digest.more", "count", itoa(total-i)))
		}
	}
	if total > len(items) {
		return append(items[:len(items):len(items)], T(lang, "digest.more", "count", itoa(total-len(items))))
	}
	return items
}

// sendRound sends the round a manager previewed, if the pool is still the
// one previewed; otherwise it shows the round recomputed, never a stale
// one. The round is sent once whatever the clicks: a second click finds it
// sent, or being sent.
func sendRound(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	t := who.Tenant()
	nonce, value := previewOf(value)
	if cancelled, err := b.previewCancelled(ctx, t, nonce); err != nil {
		return Reply{}, err
	} else if cancelled {
		_, program, _ := strings.Cut(value, ":")
		return alreadyDone(T(lang, "round.discarded", "command", matchCommand(lang, ProgramID(program)))), nil
	}
	print, program, _ := strings.Cut(value, ":")
	key := "round:" + print
	p, err := b.planRound(ctx, t, ProgramID(program))
	if err != nil {
		return Reply{}, err
	}
	if p.print != print {
		return b.roundChanged(ctx, t, lang, key, p, ProgramID(program))
	}
	var results []error
	ran := false
	err = b.once(ctx, t, key, roundLease, func(ctx context.Context) error {
		ran, results = true, b.proposeAssignments(ctx, p.pool.waitingNeeds, p.pairs)
		return nil
	})
	switch {
	case ErrorCode(err) == ESTALE:
		return alreadyDone(T(lang, "round.sending")), nil
	case err != nil:
		return Reply{}, err
	case !ran:
		return alreadyDone(T(lang, "round.already_sent", "command", matchCommand(lang, p.program))), nil
	}
	b.kickedOff(ctx, t, p.program)
	msg, err := b.roundReport(ctx, lang, p, results)
	b.log.Info("round sent", "tenant", t.String(), "by", who.String(), "pairs", len(p.pairs), "program", string(p.program))
	return Reply{Replace: true, Message: msg}, err
}

// roundReport says what a round sent, and what it could not send: a
// request no longer waiting, a mentor gone or without a free slot.
func (b *Bot) roundReport(ctx context.Context, lang Lang, p roundPlan, results []error) (Message, error) {
	mentors, err := b.roundMentors(ctx, p)
	if err != nil {
		return Message{}, err
	}
	var sent, notSent []string
	for i, a := range p.pairs {
		r := p.pool.byID[a.NeedID]
		line := "• " + T(lang, "round.sent_item", "mentee", p.pool.mentees[r.ID].displayName(),
			"mentor", mentors[a.Candidate.MentorID].displayName(), "topic", r.Topic)
		switch ErrorCode(results[i]) {
		case "":
			sent = append(sent, line)
		case ESTALE:
			notSent = append(notSent, line+" "+T(lang, "round.not_waiting"))
		default:
			notSent = append(notSent, line+" "+T(lang, "round.not_proposed"))
		}
	}
	lines := []string{T(lang, "round.sent", "proposals", plural(lang, len(sent), "round.proposals"))}
	lines = append(lines, capList(lang, sent, len(sent), maxPreviewRunes)...)
	if len(notSent) > 0 {
		lines = append(lines, T(lang, "round.not_sent", "proposals", plural(lang, len(notSent), "round.proposals")))
		lines = append(lines, capList(lang, notSent, len(notSent), maxPreviewRunes)...)
	}
	return Message{Text: strings.Join(lines, "\n")}, nil
}

// roundChanged answers a click on a preview whose pool has changed: if
// that round was sent (a second click), it says so; otherwise it shows
// the round as it is now. It peeks at the round's delivery mark by
// claiming it and freeing it at once.
func (b *Bot) roundChanged(ctx context.Context, t Tenant, lang Lang, key string, p roundPlan, program ProgramID) (Reply, error) {
	prev, err := b.peekMark(ctx, t, key)
	if err != nil {
		return Reply{}, err
	}
	if r, taken := roundTaken(lang, prev, program); taken {
		return r, nil
	}
	msg, err := b.roundPreview(ctx, lang, p)
	if err != nil {
		return Reply{}, err
	}
	head := "round.changed"
	if b.releasedByGrace(ctx, t, program) {
		// Nobody clicked before the kick-off's grace ran out: the bot
		// released the requests itself, and says so, not that the
		// requests or offers changed.
		head = "round.released"
	}
	msg.Text = T(lang, head) + "\n\n" + msg.Text
	return Reply{Replace: true, Message: msg}, nil
}

// cancelRound discards a preview: nothing was sent, and its Send button,
// clicked later (a stale copy of the message), sends nothing either. A
// preview already discarded (a second click), and a round already sent
// (or being sent), are said so.
func cancelRound(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	t := who.Tenant()
	nonce, value := previewOf(value)
	print, program, _ := strings.Cut(value, ":")
	if cancelled, err := b.previewCancelled(ctx, t, nonce); err != nil {
		return Reply{}, err
	} else if cancelled {
		return alreadyDone(T(lang, "round.already_cancelled", "command", matchCommand(lang, ProgramID(program)))), nil
	}
	prev, err := b.peekMark(ctx, t, "round:"+print)
	if err != nil {
		return Reply{}, err
	}
	if r, taken := roundTaken(lang, prev, ProgramID(program)); taken {
		return r, nil
	}
	if nonce != "" {
		// A flag the preview's Send reads (previewCancelled), kept as long
		// as a round's own mark.
		if err := b.store.drafts.SaveDraft(ctx, t, "round-cancelled:"+nonce, "1", sentKept); err != nil {
			return Reply{}, err
		}
	}
	// Discarding the kick-off round releases the program's requests to
	// the usual matching; a preview discarded before the program starts
	// is only a look, and they stay held until the start.
	if p, err := b.store.programs.GetProgram(ctx, t, ProgramID(program)); err == nil && !b.clock.Now().Before(p.startsAt(b.workspaceLoc(ctx, t))) {
		b.kickedOff(ctx, t, p.ID)
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, "round.cancelled")}}, nil
}

// releasedByGrace reports whether program's requests held for its
// kick-off went to the usual matching because nobody sent or discarded
// the kick-off round by the end of its first day (kickoffGrace).
func (b *Bot) releasedByGrace(ctx context.Context, t Tenant, program ProgramID) bool {
	if program == "" || program == DefaultProgram {
		return false
	}
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		return false
	}
	for _, p := range programs {
		if p.ID == program {
			return p.KickedOff.IsZero() && !b.clock.Now().Before(p.releasedAt(b.workspaceLoc(ctx, t)))
		}
	}
	return false
}
