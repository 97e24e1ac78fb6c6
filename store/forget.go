package store

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// A member's data is found by walking the workspace's keys once (scanAll),
// as Export does: the schema indexes members by role (offers, open
// requests, pairs), not every request or proposal that ever named them.
// It runs only when a member asks for their data or its erasure, or leaves.

// scanAll returns every key of the tenant, sorted, each once.
func (s *Store) scanAll(ctx context.Context, k keys) ([]string, error) {
	return s.scanPrefix(ctx, string(k), "scan")
}

// scanBatch is the COUNT of each SCAN. SCAN walks the whole keyspace,
// whatever its MATCH, so the number of round trips is the number of keys
// in the database (every workspace's) over scanBatch: 10,000 keeps a
// forget on a Redis of a million keys to 100 round trips of about a
// millisecond of server time each.
const scanBatch = 10_000

// scanPrefix returns every key that starts with prefix, sorted, each once
// (SCAN may return a key twice).
func (s *Store) scanPrefix(ctx context.Context, prefix, op string) ([]string, error) {
	var out []string
	var cursor uint64
	for {
		batch, next, err := s.rdb.Scan(ctx, cursor, globEscape(prefix)+"*", scanBatch).Result()
		if err != nil {
			return nil, classify(err, op)
		}
		out = append(out, batch...)
		if cursor = next; cursor == 0 {
			break
		}
	}
	sort.Strings(out)
	return dedupe(out), nil
}

// kindOf splits a tenant key into its kind ("req") and the rest after it.
func kindOf(k keys, key string) (kind, rest string) {
	kind, rest, _ = strings.Cut(strings.TrimPrefix(key, string(k)), ":")
	return kind, rest
}

// MemberData implements bot.PrivacyStore.
func (s *Store) MemberData(ctx context.Context, id bot.MemberID) (bot.MemberData, error) {
	t, k, u := id.Tenant(), keysFor(id.Tenant()), id.User
	all, err := s.scanAll(ctx, k)
	if err != nil {
		return bot.MemberData{}, err
	}
	var reqs, props, surveys []string
	for _, key := range all {
		switch kind, rest := kindOf(k, key); {
		case kind == "req" && !strings.Contains(rest, ":"):
			reqs = append(reqs, rest)
		case kind == "prop":
			props = append(props, rest)
		case kind == "survey" && strings.HasSuffix(rest, ":"+u):
			surveys = append(surveys, rest)
		}
	}
	var d bot.MemberData
	var member, hist *redis.MapStringStringCmd
	var manager *redis.BoolCmd
	var charters *redis.StringSliceCmd
	reqCmds := make([]*redis.MapStringStringCmd, len(reqs))
	propCmds := make([]*redis.MapStringStringCmd, len(props))
	surveyCmds := make([]*redis.MapStringStringCmd, len(surveys))
	_, err = s.rdb.Pipelined(ctx, func(p redisPipe) error {
		member, hist = p.HGetAll(ctx, k.member(u)), p.HGetAll(ctx, k.history(u))
		manager = p.SIsMember(ctx, k.managers(), u)
		charters = p.LRange(ctx, k.charterLog(), 0, -1)
		for i, r := range reqs {
			reqCmds[i] = p.HGetAll(ctx, k.request(r))
		}
		for i, r := range props {
			propCmds[i] = p.HGetAll(ctx, k.proposal(r))
		}
		for i, r := range surveys {
			surveyCmds[i] = p.HGetAll(ctx, string(k)+"survey:"+r)
		}
		return nil
	})
	if err != nil {
		return d, classify(err, "member data")
	}
	if h := member.Val(); isMemberRecord(h) {
		d.Member = memberFrom(id, h)
	}
	d.Manager = manager.Val()
	d.History = historyIn(member.Val(), hist.Val())
	paired := map[string]bot.Request{} // pair → its request, which names its mentee no more
	for i, c := range reqCmds {
		switch h := c.Val(); {
		case h["mentee"] == u:
			d.Requests = append(d.Requests, requestFrom(t, reqs[i], h, nil))
		case h["mentee"] == "" && h["pair"] != "":
			paired[h["pair"]] = requestFrom(t, reqs[i], h, nil)
		}
	}
	accepted := map[string]bot.Proposal{} // pair → its accepted proposal, which names its members no more
	for i, c := range propCmds {
		switch h := c.Val(); {
		case h["mentee"] == u || h["mentor"] == u:
			d.Proposals = append(d.Proposals, proposalFrom(t, props[i], h))
		case h["mentor"] == "" && h["mentee"] == "" && h["pair"] != "":
			accepted[h["pair"]] = proposalFrom(t, props[i], h)
		}
	}
	for i, c := range surveyCmds {
		d.Surveys = append(d.Surveys, surveyAnswers(t, surveys[i], c.Val())...)
	}
	for _, e := range charters.Val() {
		if parts := strings.Split(e, "|"); len(parts) == 4 && parts[0] == u {
			d.Charters = append(d.Charters, bot.CharterAcceptance{Pair: parts[1], Version: num(parts[2]), At: fromMS(parts[3])})
		}
	}
	if o, err := s.GetOffer(ctx, id); err == nil {
		d.Offer = &o
	} else if bot.ErrorCode(err) != bot.ENOTFOUND {
		return d, err
	}
	if d.Pairs, err = s.PairsOf(ctx, id); err != nil {
		return d, err
	}
	var folded []string // pairs that took their accepted proposal's ID, and hold it
	for _, pair := range d.Pairs {
		if p, ok := accepted[pair.ID]; ok {
			d.Proposals = append(d.Proposals, p)
		} else if pair.Proposal == pair.ID {
			folded = append(folded, pair.ID)
		}
	}
	if err = s.foldedProposals(ctx, t, folded, &d); err != nil {
		return d, err
	}
	acceptedFromPair(d.Proposals, d.Pairs)
	for _, pair := range d.Pairs {
		if r, ok := paired[pair.ID]; ok && pair.Mentee.User == u {
			d.Requests = append(d.Requests, r)
		}
	}
	for i := range d.Requests {
		for _, pair := range d.Pairs {
			d.Requests[i] = requestFromPair(d.Requests[i], pair) // what AcceptProposal left to the pair
		}
	}
	if err = s.followupsOf(ctx, k, u, &d); err != nil {
		return d, err
	}
	if d.Testimonials, err = s.readQuotes(ctx, t, quotesOf(k, all, u)); err != nil {
		return d, err
	}
	d.Sort()
	return d, nil
}

// foldedProposals adds to d the accepted proposals kept in the hashes of
// the pairs that took their IDs (AcceptProposal).
func (s *Store) foldedProposals(ctx context.Context, t bot.Tenant, pairIDs []string, d *bot.MemberData) error {
	if len(pairIDs) == 0 {
		return nil
	}
	k := keysFor(t)
	cmds := make([]*redis.MapStringStringCmd, len(pairIDs))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, id := range pairIDs {
			cmds[i] = p.HGetAll(ctx, k.pair(id))
		}
		return nil
	})
	if err != nil {
		return classify(err, "accepted proposals")
	}
	for i, c := range cmds {
		if h := c.Val(); h["proposal"] == pairIDs[i] {
			d.Proposals = append(d.Proposals, proposalOfPair(t, pairIDs[i], h))
		}
	}
	return nil
}

// followupsOf adds to d the member's check-in answers in their pairs
// (those in the pair's hash under their role, and those an older version
// kept) and their survey answers kept in the pairs' hashes.
func (s *Store) followupsOf(ctx context.Context, k keys, u string, d *bot.MemberData) error {
	pairs := d.Pairs
	cmds := make([]*redis.MapStringStringCmd, len(pairs))
	older := make([]*redis.MapStringStringCmd, len(pairs))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, pair := range pairs {
			cmds[i], older[i] = p.HGetAll(ctx, k.pair(pair.ID)), p.HGetAll(ctx, k.checkin(pair.ID))
		}
		return nil
	})
	if err != nil {
		return classify(err, "check-ins")
	}
	var out []bot.CheckinAnswer
	for i, c := range older {
		for field, answer := range c.Val() {
			if round, ok := strings.CutSuffix(field, ":"+u); ok {
				out = append(out, bot.CheckinAnswer{Pair: pairs[i].ID, Round: round, Answer: answer})
			}
		}
	}
	for i, c := range cmds {
		role := pairs[i].Role(pairs[i].Mentor.Tenant().Member(u))
		if at := c.Val()[role+"_ack_at"]; role != "" && at != "" {
			d.Charters = append(d.Charters, bot.CharterAcceptance{Pair: pairs[i].ID, Version: num(c.Val()[role+"_ack"]), At: fromMS(at)})
		}
		for round, answers := range checkinsIn(c.Val()) {
			if answer, ok := answers[role]; ok && role != "" {
				out = append(out, bot.CheckinAnswer{Pair: pairs[i].ID, Round: round, Answer: answer})
			}
		}
		for _, a := range surveysIn(pairs[i].Mentor.Tenant(), pairs[i].ID, c.Val()) {
			if a.Member.User == u {
				d.Surveys = append(d.Surveys, a)
			}
		}
	}
	d.Checkins = out
	return nil
}

// Erase implements bot.PrivacyStore. It reads what it must (the workspace's
// keys, the lists and hashes that may name the member), then deletes in
// one MULTI/EXEC. Writes that land between the read and the delete (a
// job scheduled meanwhile) are caught by running it again, which the core
// does not need: by then the member has no offer, request or pair left
// to act on.
func (s *Store) Erase(ctx context.Context, e bot.Erasure) error {
	k, u := keysFor(e.Member.Tenant()), e.Member.User
	if u == "" {
		return nil
	}
	all, err := s.scanAll(ctx, k)
	if err != nil {
		return err
	}
	r, err := s.eraseReads(ctx, k, e, all)
	if err != nil {
		return err
	}
	if err := s.eraseTargets(ctx, k, u, all); err != nil {
		return err
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redisPipe) error {
		eraseOwn(ctx, p, k, u)
		eraseInbox(ctx, p, k, u, r.inbox)
		eraseNamed(ctx, p, k, e, r)
		eraseMentions(ctx, p, k, e, all, r)
		return nil
	})
	if err != nil {
		return classify(err, "erase member")
	}
	if err := s.forgetInstaller(ctx, k, u); err != nil {
		return err
	}
	// The other member's goals no longer say the member set their progress.
	return s.forgetProgressBy(ctx, e.Member.Tenant(), e.Blank, u)
}

// eraseRead is what Erase reads before it deletes.
type eraseRead struct {
	pairs      map[string][]string // pair ID → its mentor and mentee, for Pairs and Blank
	checkins   map[string][]string // Blank pair → its check-in fields, as an older version kept them
	pairFields map[string][]string // Blank pair → the fields of its hash, check-ins included (followup.go)
	charters   []string            // the charter log
	jobs       []string            // every job ID
	low        []string            // the low-rating flags
	values     map[string]string   // notice and draft keys → their value
	hashes     map[string][]string // other members' histories → their fields
	inbox      []string            // the member's inbound deliveries kept (inbox.go)
}

func (s *Store) eraseReads(ctx context.Context, k keys, e bot.Erasure, all []string) (eraseRead, error) {
	r := eraseRead{pairs: map[string][]string{}, checkins: map[string][]string{}, pairFields: map[string][]string{}, values: map[string]string{}, hashes: map[string][]string{}}
	pairCmds := map[string]*redis.SliceCmd{}
	checkinCmds := map[string]*redis.StringSliceCmd{}
	pairFieldCmds := map[string]*redis.StringSliceCmd{}
	valueCmds := map[string]*redis.StringCmd{}
	var charters, low, inbox *redis.StringSliceCmd
	var jobs jobSetCmds
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for _, id := range append(append([]string{}, e.Pairs...), e.Blank...) {
			pairCmds[id] = p.HMGet(ctx, k.pair(id), "mentor", "mentee")
		}
		for _, id := range e.Blank {
			checkinCmds[id] = p.HKeys(ctx, k.checkin(id))
			pairFieldCmds[id] = p.HKeys(ctx, k.pair(id))
		}
		for _, key := range all {
			if kind, _ := kindOf(k, key); kind == "notice" || kind == "draft" {
				valueCmds[key] = p.Get(ctx, key)
			}
		}
		charters = p.LRange(ctx, k.charterLog(), 0, -1)
		for _, set := range k.jobSets() {
			jobs = append(jobs, p.ZRange(ctx, set, 0, -1))
		}
		low = p.ZRange(ctx, k.lowRatings(), 0, -1)
		inbox = p.ZRange(ctx, k.inboxOf(e.Member.User), 0, -1)
		return nil
	})
	if err != nil && err != redis.Nil {
		return r, classify(err, "erase read")
	}
	for id, c := range pairCmds {
		for _, v := range c.Val() {
			if s, ok := v.(string); ok && s != "" {
				r.pairs[id] = append(r.pairs[id], s)
			}
		}
	}
	for id, c := range checkinCmds {
		r.checkins[id] = c.Val()
		r.pairFields[id] = pairFieldCmds[id].Val()
	}
	for key, c := range valueCmds {
		r.values[key] = c.Val()
	}
	r.charters, r.jobs, r.low, r.inbox = charters.Val(), jobs.Val(), low.Val(), inbox.Val()
	return r, nil
}

// eraseOwn deletes the member's own keys and their entries in the
// workspace's indexes of members.
func eraseOwn(ctx context.Context, p redisPipe, k keys, u string) {
	p.Del(ctx, k.member(u), k.offer(u), k.openRequest(u), k.history(u), k.pairs(u))
	p.SRem(ctx, k.offers(), u)
	p.SRem(ctx, k.managers(), u)
	p.SRem(ctx, k.homes(), u)
	p.HDel(ctx, k.profiles(), u)
	p.HDel(ctx, k.load(), u+":active", u+":pending")
	p.SRem(ctx, k.room(), u)
	// Every topic's cached offers are read again (candidates.go): the
	// member's profile may be among them.
	p.Del(ctx, k.topicStamps())
}

// eraseInbox deletes the member's inbound deliveries kept and not yet
// handled, and their jobs: what they typed or clicked, which no replica
// may handle again once they are erased (their record would come back).
func eraseInbox(ctx context.Context, p redisPipe, k keys, u string, ids []string) {
	for _, id := range ids {
		p.Del(ctx, k.inbox(id))
		zremJob(ctx, p, k, bot.JobInbound+":"+id)
	}
	p.Del(ctx, k.inboxOf(u))
}

// eraseNamed deletes the requests, proposals and pairs the core named,
// and blanks the member's side of the pairs kept for the other member.
func eraseNamed(ctx context.Context, p redisPipe, k keys, e bot.Erasure, r eraseRead) {
	u := e.Member.User
	for _, id := range e.Requests {
		p.Del(ctx, k.request(id), k.declined(id), k.fairMark(id))
		p.ZRem(ctx, k.waiting(), id)
	}
	for _, id := range e.Proposals {
		p.Del(ctx, k.proposal(id))
	}
	for _, id := range e.Pairs {
		p.Del(ctx, k.pair(id), k.checkin(id), k.goals(id), k.meeting(id))
		unfileGoalPair(ctx, p, k, id)
		p.ZRem(ctx, k.stalled(), id)
		for _, other := range r.pairs[id] {
			if other != u {
				unindexPair(ctx, p, k, other, id)
			}
		}
	}
	for _, id := range e.Blank {
		// The member's goals, in pieces (goals.go), and as an older version kept them.
		p.HDel(ctx, k.pair(id), append(piecesOf(goalPrefix+u), goalPrefix+u, goalPrefix+u+":v")...)
		p.HDel(ctx, k.goals(id), append(piecesOf(u), u, u+":v")...)
		roles, role := r.pairs[id], ""
		switch {
		case len(roles) == 2 && roles[0] == u:
			p.HSet(ctx, k.pair(id), "mentor", "")
			role = "mentor"
		case len(roles) == 2 && roles[1] == u:
			p.HSet(ctx, k.pair(id), "mentee", "", "goal", "")
			p.HDel(ctx, k.pair(id), piecesOf("goal")...)
			role = "mentee"
		}
		for _, f := range r.pairFields[id] {
			if role != "" && roleField(f, role) {
				p.HDel(ctx, k.pair(id), f)
			}
		}
		if role != "" {
			p.HDel(ctx, k.pair(id), role+"_ack_at") // when they accepted the charter
			p.HDel(ctx, k.pair(id), "thread")       // where they talked
		}
		for _, f := range r.checkins[id] {
			if strings.HasSuffix(f, ":"+u) {
				p.HDel(ctx, k.checkin(id), f)
			}
		}
		// The erased member's picks go with the times (meetings.go): the
		// fields read, and those a change since the read may have added.
		p.Del(ctx, k.meeting(id))
		meetingFields := append([]string{}, meetingNames...)
		for _, m := range r.pairs[id] {
			meetingFields = append(meetingFields, meetingPrefix+"pick:"+m)
		}
		for _, f := range r.pairFields[id] {
			if strings.HasPrefix(f, meetingPrefix) {
				meetingFields = append(meetingFields, f)
			}
		}
		p.HDel(ctx, k.pair(id), meetingFields...)
	}
	for _, f := range r.low {
		if id, _, _ := strings.Cut(f, ":"); contains(e.Pairs, id) {
			p.ZRem(ctx, k.lowRatings(), f)
		}
	}
	gone := map[string]bool{u: true}
	for _, ids := range [][]string{e.Requests, e.Proposals, e.Pairs} {
		for _, id := range ids {
			gone[id] = true
		}
	}
	for _, j := range r.jobs {
		for _, part := range strings.Split(j, ":")[1:] {
			if gone[part] {
				zremJob(ctx, p, k, j)
				break
			}
		}
	}
}

// eraseMentions removes the member from whatever else names them: other
// members' histories, declined sets, the people counted in the figures
// (the counters stay), the topic and waiting indexes, the charter log,
// the surveys they answered, kept messages that name them, and any key
// whose last part is their user ID (delivery marks).
func eraseMentions(ctx context.Context, p redisPipe, k keys, e bot.Erasure, all []string, r eraseRead) {
	u := e.Member.User
	for _, key := range all {
		kind, rest := kindOf(k, key)
		switch {
		case kind == "hist" || kind == "pauses" || kind == "unanswered":
			p.HDel(ctx, key, u)
		case kind == "member" && rest != u:
			p.HDel(ctx, key, historyPrefix+u) // other mentees' histories (memberindex.go)
		case kind == "req" && strings.HasSuffix(rest, ":declined"):
			p.SRem(ctx, key, u)
		case kind == "stats" && strings.Contains(rest, ":people:"):
			p.SRem(ctx, key, u)
		case kind == "tk":
			p.SRem(ctx, key, u)
		case kind == "wk":
			for _, id := range e.Requests {
				p.ZRem(ctx, key, id)
			}
		case kind == "survey":
			parts := strings.Split(rest, ":")
			if parts[len(parts)-1] == u || contains(e.Pairs, parts[0]) {
				p.Del(ctx, key)
			}
		case kind == "quote" && strings.HasSuffix(rest, ":"+u):
			p.Del(ctx, key) // their testimonials
		case kind == "notice" || kind == "draft":
			if e.Mentions(r.values[key]) {
				p.Del(ctx, key)
				if kind == "notice" {
					zremJob(ctx, p, k, bot.JobNotice+":"+rest)
				}
			}
		case strings.HasSuffix(key, ":"+u):
			p.Del(ctx, key)
		}
	}
	for _, entry := range r.charters {
		if strings.HasPrefix(entry, u+"|") {
			p.LRem(ctx, k.charterLog(), 0, entry)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// MembersWithRecord implements bot.PrivacyStore.
func (s *Store) MembersWithRecord(ctx context.Context, t bot.Tenant) ([]string, error) {
	k := keysFor(t)
	all, err := s.scanAll(ctx, k)
	if err != nil {
		return nil, err
	}
	var users []string
	for _, key := range all {
		if kind, rest := kindOf(k, key); kind == "member" && rest != "" && !strings.Contains(rest, ":") {
			users = append(users, rest)
		}
	}
	// A member's hash may hold only their pairs and history, a member
	// never saved (memberindex.go): no record of theirs.
	fields := make([]*redis.StringSliceCmd, len(users))
	_, err = s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, u := range users {
			fields[i] = p.HKeys(ctx, k.member(u))
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "members with a record")
	}
	var out []string
	for i, u := range users {
		if slices.ContainsFunc(fields[i].Val(), recordField) {
			out = append(out, u)
		}
	}
	return out, nil
}

// roleField reports whether the field f of a pair's hash holds an answer
// of the member in role: a check-in answer or a survey answer.
func roleField(f, role string) bool {
	if strings.HasPrefix(f, "c:") {
		return strings.HasSuffix(f, checkinField("", role)[len("c:"):])
	}
	prefix := surveyPrefix("", role) // "s::<m|e>:"
	parts := strings.SplitN(f, ":", 4)
	return len(parts) == 4 && parts[0] == "s" && parts[2]+":" == prefix[len("s::"):]
}

// zremJob removes a job from its bucket and from the older version's set.
func zremJob(ctx context.Context, p redisPipe, k keys, id string) {
	p.ZRem(ctx, k.jobBucket(id), id)
	p.ZRem(ctx, k.jobs(), id)
}

// jobSetCmds are the reads of every set that may hold a job.
type jobSetCmds []*redis.StringSliceCmd

// Val is every job ID they hold.
func (c jobSetCmds) Val() []string {
	var out []string
	for _, cmd := range c {
		out = append(out, cmd.Val()...)
	}
	return out
}
