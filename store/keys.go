package store

import (
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
)

// The key schema. Every key of a tenant starts with its prefix, whose hash
// tag puts all of them in one Redis Cluster slot (EraseTenant walks that
// prefix to erase a workspace); the only global keys are tenantsKey, the
// set of tenants (for scheduled work), the sets of installed workspaces,
// and the locks. A script or MULTI touches one tenant's keys only: see
// the slot rule in slots.go.
//
//	mb:{p:w}:member:<user>        hash   profile, language, last charter accepted; the member's pairs
//	                                     "p:<pair>" → creation (ms), and a mentee's history "h:<mentor>"
//	                                     → "met" or "never" (memberindex.go)
//	mb:{p:w}:offer:<user>         hash   offer; "active" and "pending" are counters,
//	                                     "keys" the index keys it is filed under
//	mb:{p:w}:offers               set    users with an offer
//	mb:{p:w}:tk:<key>             set    users whose offer has index key <key>
//	mb:{p:w}:prof                 hash   user → compact offer profile (index.go), what
//	                                     ranking needs without one HGETALL per mentor
//	mb:{p:w}:load                 hash   "<user>:active", "<user>:pending": the offer's
//	                                     counters, changed by the same scripts
//	mb:{p:w}:room                 set    users whose offer has topics and whose open
//	                                     proposals and slot-holding pairs are below its
//	                                     capacity, kept by the same scripts (the "room"
//	                                     write of tx.go): a request reads its topic's
//	                                     mentors with room (SINTER) and their counters only
//	mb:{p:w}:roomok               string "1" once the room set holds every offer: set by
//	                                     the first offer of a workspace, or by the check
//	                                     of every offer (Offers) in a workspace written
//	                                     before the set; without it a request reads the
//	                                     counters of all its topic's mentors
//	mb:{p:w}:full                 set    (before the room set) users at capacity; deleted
//	                                     by Offers' check
//	mb:{p:w}:tkv                  hash   <key> → a random stamp, changed with every change
//	                                     of the offers filed under <key> (their profiles,
//	                                     who they are): what candidates.go's cache checks
//	mb:{p:w}:req:<id>             hash   request; "keys" its index keys
//	mb:{p:w}:req:<id>:declined    set    mentors who declined the request
//	mb:{p:w}:openreq:<user>       string the member's open request ID
//	mb:{p:w}:waiting              zset   waiting request IDs by creation time (ms)
//	mb:{p:w}:wk:<key>             zset   waiting request IDs with index key <key>, by
//	                                     creation time (ms), kept with "waiting"
//	mb:{p:w}:prop:<id>            hash   proposal, until accepted: its pair then takes its ID and
//	                                     holds it, with "proposed" and "score" (proposals.go)
//	mb:{p:w}:pair:<id>            hash   pair, with its check-in answers "c:<round>:<m|e>" and its
//	                                     members' survey answers "s:<stage>:<m|e>:<question>" (followup.go),
//	                                     its members' goals "g:<user>" (goals.go) and its meeting times
//	                                     "m:<field>" (meetings.go)
//	mb:{p:w}:pairs:<user>         zset   the member's pair IDs by creation time (ms), as older versions kept them
//	mb:{p:w}:goals:<pair>         hash   a pair's goals as older versions kept them (goals.go)
//	mb:{p:w}:meeting:<pair>       hash   a pair's meeting as older versions kept it (meetings.go)
//	mb:{p:w}:goalpairs:~<n>       hash   pair → the program its goals count under, in 64 buckets (goals.go)
//	mb:{p:w}:hist:<user>          hash   mentor → "met" or "never", for the mentee <user>, as older versions kept it
//	mb:{p:w}:charter              hash   version, updated, text:<lang>
//	mb:{p:w}:charterlog           list   "user|pair|version|unix-ms" per acceptance, in older versions: now
//	                                     the pair's "<role>_ack" (version) and "<role>_ack_at" (ms)
//	mb:{p:w}:jobs                 zset   job IDs by due time, or lease end while running (ms)
//	mb:{p:w}:checkin:<pair>       hash   "<n>:<user>" → answer, written by older versions (read still)
//	mb:{p:w}:survey:<pair>:<stage>:<user> hash  question → answer, for a survey naming no pair of
//	                                     the member, or answered by an older version
//	mb:{p:w}:quote:<pair>:<user>  hash   a member's testimonial on a pair: pair, user, role, topic,
//	                                     program, text, share (consent), at (testimonials.go)
//	mb:{p:w}:sent:<job>:<user>    string delivery mark while "pending" (with a TTL); "done"
//	                                     in older versions (jobs.go)
//	mb:{p:w}:mark:<user>          hash   digest of a job → the member's confirmed delivery marks,
//	                                     "<day>" or "<state>/<day>", kept 90 days (jobs.go)
//	mb:{p:w}:mark:~<n>            hash   the same for messages to no single member, in 32 buckets
//	mb:{p:w}:notice:<id>          string a notice to send again, or owed by a state change's
//	                                     outbox (JSON, with a TTL), job notice:<id>
//	mb:{p:w}:seen:<key>           string an inbound delivery already received (with a TTL), FirstSeen
//	mb:{p:w}:inbox:<id>           string a click or a form acked and not yet handled (with a
//	                                     TTL), job inbound:<id>:<user> (inbound:<id> in older versions)
//	                                     (inbox.go)
//	mb:{p:w}:inboxof:<user>       zset   the member's inbox IDs by their job's first due time (ms), for
//	                                     their erasure (with the same TTL); an ID goes when it is handled,
//	                                     and the key with the last ID (Handled)
//	mb:{p:w}:draft:<id>           string what a manager is asked to confirm (with a TTL), drafts.go
//	mb:{p:w}:settings             hash   overridden settings
//	mb:{p:w}:pauses               hash   user → "<at ms>|<until ms>|<flags>", a member's pause (pause.go)
//	mb:{p:w}:unanswered           hash   user → prompts left without a click in a row (pause.go)
//	mb:{p:w}:stats:<yyyy-Www>     hash   weekly counters (events.go)
//	mb:{p:w}:stats:<week>:intro   list   seconds from request to introduction
//	mb:{p:w}:stats:<week>:topics  hash   requests by normalised topic
//	mb:{p:w}:fair:<request>       string a request's week, window end and fairness groups, until matched (stats.go)
//	mb:{p:w}:homes                set    users who opened their home (home.go)
//	mb:{p:w}:flags:stalled        zset   stalled pair IDs by time (ms)
//	mb:{p:w}:flags:low            zset   "<pair>:<rating>:<ms>" low ratings by time
//	mb:{p:w}:managers             set    user IDs of managers added by command
//	mb:{p:w}:synonyms             hash   managers' topic aliases: folded alias → folded topic (topics.go)
//	mb:{p:w}:programs             set    program IDs (program.go)
//	mb:{p:w}:program:<id>         hash   program; "state" open or closed, changed by guarded scripts
//	mb:{p:w}:program:<id>:requests set   IDs of the requests made in the program
//	mb:{p:w}:speeds               zset   speed-mentoring event IDs by creation time (ms) (speed.go)
//	mb:{p:w}:speed:<id>           hash   "id", "data" (the event, JSON); expires 30 days after its end
//	mb:{p:w}:speed:<id>:who       hash   user → registration (JSON), same expiry
//	mb:{p:w}:speed:<id>:r:<n>     hash   "data" (round n, JSON) and "v" (its version), same expiry
//	mb:{p:w}:install              hash   the workspace's installation by OAuth (installs.go): enterprise,
//	                                     bot, token (sealed by the adapter, opaque bytes), scopes, by,
//	                                     at, gone (ms, uninstalled; token erased then)
//	mb:installs:<platform>        set    workspace IDs of the platform with an installation record
//	mb:tenants                    set    "<platform>:<workspace>" of every tenant (tenantsKey)
//	mb:lock:<name>                string cross-replica lock for scheduled work
//	mb:ready:{n}                  string readiness probe "1", written by Store.Ready (health.go) through
//	                                     CheckWrites (probe.go), 10 s TTL: {0} on one node, one n per
//	                                     master's slot range on a cluster
const tenantsKey = "mb:tenants"

type keys string

// Index keys (<key> above) are computed by the core from topics; the store
// files offers and waiting requests under them and never folds topics.

// keysFor returns the key prefix of a tenant. Braces and colons inside IDs
// are replaced so that the hash tag and the schema stay unambiguous.
func keysFor(t bot.Tenant) keys {
	return keys("mb:{" + idCleaner.Replace(t.Platform) + ":" + idCleaner.Replace(t.Workspace) + "}:")
}

var idCleaner = strings.NewReplacer("{", "_", "}", "_", ":", "_")

func (k keys) member(user string) string      { return string(k) + "member:" + user }
func (k keys) offer(user string) string       { return string(k) + "offer:" + user }
func (k keys) offers() string                 { return string(k) + "offers" }
func (k keys) topicOffers(key string) string  { return string(k) + "tk:" + key }
func (k keys) profiles() string               { return string(k) + "prof" }
func (k keys) load() string                   { return string(k) + "load" }
func (k keys) room() string                   { return string(k) + "room" }
func (k keys) roomReady() string              { return string(k) + "roomok" }
func (k keys) full() string                   { return string(k) + "full" }
func (k keys) topicStamps() string            { return string(k) + "tkv" }
func (k keys) topicWaiting(key string) string { return string(k) + "wk:" + key }
func (k keys) history(user string) string     { return string(k) + "hist:" + user }
func (k keys) request(id string) string       { return string(k) + "req:" + id }
func (k keys) declined(id string) string      { return string(k) + "req:" + id + ":declined" }
func (k keys) openRequest(u string) string    { return string(k) + "openreq:" + u }
func (k keys) waiting() string                { return string(k) + "waiting" }
func (k keys) proposal(id string) string      { return string(k) + "prop:" + id }
func (k keys) pair(id string) string          { return string(k) + "pair:" + id }
func (k keys) pairs(user string) string       { return string(k) + "pairs:" + user }
func (k keys) charter() string                { return string(k) + "charter" }
func (k keys) programs() string               { return string(k) + "programs" }
func (k keys) program(id bot.ProgramID) string {
	return string(k) + "program:" + idCleaner.Replace(string(id))
}
func (k keys) programRequests(id bot.ProgramID) string { return k.program(id) + ":requests" }
func (k keys) charterLog() string                      { return string(k) + "charterlog" }

// jobs is the sorted set of due jobs of an older version: it is drained,
// never added to (jobBucket).
func (k keys) jobs() string { return string(k) + "jobs" }

// jobBuckets is how many sorted sets hold a workspace's jobs. Each job
// lives in the one its ID hashes to (jobBucket), so that each set stays
// small enough (Redis's zset-max-listpack-entries, 128) to be a compact
// listpack rather than a skiplist, at about a fifth of the memory per
// job, up to some 30,000 jobs waiting in a workspace at its busiest (a
// set that grew past 128 stays a skiplist).
const jobBuckets = 256

// bucketOf is the number of the bucket that holds the job id, as the
// member that names it in the index (jobIndex).
func bucketOf(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	return strconv.Itoa(int(h.Sum32() % jobBuckets))
}

// jobBucket is the sorted set that holds the job id.
func (k keys) jobBucket(id string) string { return string(k) + "jobs:" + bucketOf(id) }

// jobIndex is the sorted set of the buckets by the earliest score they
// may hold: every write that adds a job lowers its bucket's score there;
// a claim raises it back to the truth once it looks. "legacy" names the
// older version's set.
func (k keys) jobIndex() string { return string(k) + "jobs:next" }

// legacyBucket names the older version's set in the index.
const legacyBucket = "legacy"

// jobSets are every sorted set that may hold a job: the buckets, then
// the older version's set.
func (k keys) jobSets() []string {
	out := make([]string, 0, jobBuckets+1)
	for b := range jobBuckets {
		out = append(out, string(k)+"jobs:"+strconv.Itoa(b))
	}
	return append(out, k.jobs())
}

// lowerIndex is the Lua of a script that adds a job: lower(idx, bucket,
// score) makes the index say the bucket may hold a job due at score.
const lowerIndex = `
local function lower(idx, m, score)
  local c = redis.call('ZSCORE', idx, m)
  if not c or tonumber(c) > tonumber(score) then redis.call('ZADD', idx, score, m) end
end
`

func (k keys) checkin(pair string) string { return string(k) + "checkin:" + pair }
func (k keys) sent(key string) string     { return string(k) + "sent:" + key }
func (k keys) marks(user string) string   { return string(k) + "mark:" + user }
func (k keys) notice(id string) string    { return string(k) + "notice:" + id }
func (k keys) seen(key string) string     { return string(k) + "seen:" + key }
func (k keys) inbox(id string) string     { return string(k) + "inbox:" + id }
func (k keys) inboxOf(user string) string { return string(k) + "inboxof:" + user }
func (k keys) draft(id string) string     { return string(k) + "draft:" + id }
func (k keys) settings() string           { return string(k) + "settings" }
func (k keys) survey(id, user string) string {
	return string(k) + "survey:" + id + ":" + user
}

// The speed-mentoring events (speed.go).
func (k keys) speeds() string            { return string(k) + "speeds" }
func (k keys) speed(id string) string    { return string(k) + "speed:" + id }
func (k keys) speedWho(id string) string { return string(k) + "speed:" + id + ":who" }
func (k keys) speedRound(id string, n int) string {
	return string(k) + "speed:" + id + ":r:" + strconv.Itoa(n)
}
