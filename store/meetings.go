package store

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/meeting"
	"github.com/redis/go-redis/v9"
)

// A pair's meeting lives in the pair's hash, in fields prefixed "m:":
// m:round, m:slots and m:past (the earlier rounds', bot.MaxPastSlots at most), m:full, m:offered
// (ms), m:pick:<user> (the slot indexes that suit the user, comma
// separated: "0,2"; an older version kept one index, which reads the same)
// and, once both picked the same slot,
// m:agreed_start and m:agreed_end. It had a hash of its own before,
// meeting:<pair>, with the same fields unprefixed: a key of some 100 bytes
// more per pair. That hash still reads, and the next change of the
// meeting moves it into the pair's, its slots re-encoded (moveMeeting).
// The pair's erasure deletes the meeting with the pair (forget.go); a
// blanked pair loses its "m:" fields.

func (k keys) meeting(pair string) string { return string(k) + "meeting:" + pair }

// meetingPrefix prefixes the meeting's fields in the pair's hash.
const meetingPrefix = "m:"

// meetingNames are the meeting's fields in the pair's hash but the picks,
// "m:pick:<user>".
var meetingNames = []string{"m:round", "m:slots", "m:past", "m:full", "m:offered", "m:agreed_start", "m:agreed_end"}

// pairGoneLua starts the meeting scripts: -1 when the pair KEYS[1] is gone.
const pairGoneLua = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
`

// moveMeetingScript moves a meeting an older version kept in a hash of
// its own, KEYS[2], into the pair's hash KEYS[1], as fields ARGV (names
// and values, re-encoded by moveMeeting), unless the pair holds a meeting
// already; it deletes the older hash either way. It returns -1 when the
// pair is gone.
var moveMeetingScript = redis.NewScript(pairGoneLua + `
if redis.call('HEXISTS', KEYS[1], 'm:round') == 0 and #ARGV > 0 then
  redis.call('HSET', KEYS[1], unpack(ARGV))
end
redis.call('DEL', KEYS[2])
return 1
`)

// offerSlotsScript replaces the meeting with a new round if its round is
// the expected one, keeping the slots it replaces as past, after those of
// the rounds before (at most ARGV[5], the newest); it returns 1,
// 0 when the round moved on, -1 when the pair is gone, or -4 when an
// older version's meeting is to move first (moveMeeting). KEYS: the pair,
// the older meeting. ARGV: expected round, slots, full, offered (ms), the
// most past slots kept (maxPastSlots).
var offerSlotsScript = redis.NewScript(pairGoneLua + `
if redis.call('EXISTS', KEYS[2]) == 1 then return -4 end
local cur = tonumber(redis.call('HGET', KEYS[1], 'm:round') or '0')
if cur ~= tonumber(ARGV[1]) then return 0 end
local past = redis.call('HGET', KEYS[1], 'm:slots') or ''
local older = redis.call('HGET', KEYS[1], 'm:past') or ''
if past == '' then
  past = older
elseif older ~= '' and string.sub(past, 1, 1) ~= '[' and string.sub(older, 1, 1) ~= '[' then
  -- The earlier rounds' slots too, the newest last, at most maxPast.
  local all = {}
  for x in string.gmatch(older .. ',' .. past, '[^,]+') do all[#all + 1] = x end
  local from = math.max(1, #all - tonumber(ARGV[5]) + 1)
  past = table.concat(all, ',', from)
end
for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
  if string.sub(f, 1, 2) == 'm:' then redis.call('HDEL', KEYS[1], f) end
end
redis.call('HSET', KEYS[1], 'm:round', cur + 1, 'm:slots', ARGV[2], 'm:full', ARGV[3], 'm:offered', ARGV[4])
if past ~= '' then redis.call('HSET', KEYS[1], 'm:past', past) end
return 1
`)

// pickSlotScript adds a slot to those that suit a member, and agrees on
// it when the other member picked it too. It returns -1 when the pair is
// gone, -3 when no time was offered, -2 when the round moved on, 2 when a
// time was agreed before, 1 when this pick agreed it, 0 otherwise. KEYS:
// the pair. ARGV: round, slot, user, other user, slot start (ms), slot
// end (ms).
var pickSlotScript = redis.NewScript(pairGoneLua + `
local cur = tonumber(redis.call('HGET', KEYS[1], 'm:round') or '0')
if cur == 0 then return -3 end
if cur ~= tonumber(ARGV[1]) then return -2 end
if redis.call('HEXISTS', KEYS[1], 'm:agreed_start') == 1 then return 2 end
local function has(list, v)
  for x in string.gmatch(list, '[^,]+') do
    if x == v then return true end
  end
  return false
end
local mine = redis.call('HGET', KEYS[1], 'm:pick:' .. ARGV[3]) or ''
if not has(mine, ARGV[2]) then
  if mine ~= '' then mine = mine .. ',' end
  redis.call('HSET', KEYS[1], 'm:pick:' .. ARGV[3], mine .. ARGV[2])
end
if has(redis.call('HGET', KEYS[1], 'm:pick:' .. ARGV[4]) or '', ARGV[2]) then
  redis.call('HSET', KEYS[1], 'm:agreed_start', ARGV[5], 'm:agreed_end', ARGV[6])
  return 1
end
return 0
`)

// moveMeeting moves the meeting an older version kept in meeting:<pair>,
// if any, into the pair's hash before a change: its slots re-encoded
// (slotsField: the JSON of before is longer than a listpack's values,
// and would make the whole pair's hash a hash table). It returns
// ENOTFOUND when the pair is gone.
func (s *Store) moveMeeting(ctx context.Context, k keys, pairID string, old map[string]string) error {
	if len(old) == 0 {
		return nil
	}
	var kv []any
	for f, v := range old {
		switch f {
		case "slots", "past":
			if v = slotsField(slotsFrom(v)); v == "" {
				continue
			}
		}
		kv = append(kv, meetingPrefix+f, v)
	}
	res, err := moveMeetingScript.Run(ctx, s.rdb, []string{k.pair(pairID), k.meeting(pairID)}, kv...).Int()
	switch {
	case err != nil:
		return classify(err, "move meeting")
	case res == -1:
		return notFound("pair")
	}
	return nil
}

// readMeeting reads the pair's meeting fields, unprefixed, and the meeting
// an older version kept in a hash of its own, at once.
func (s *Store) readMeeting(ctx context.Context, k keys, pairID string) (cur, old map[string]string, err error) {
	pair := redis.NewMapStringStringCmd(ctx, "hgetall", k.pair(pairID))
	older := redis.NewMapStringStringCmd(ctx, "hgetall", k.meeting(pairID))
	if err := s.batch.do(ctx, pair, older); err != nil {
		return nil, nil, classify(err, "get meeting")
	}
	return meetingFields(pair.Val()), older.Val(), nil
}

// OfferSlots implements bot.MeetingStore.
func (s *Store) OfferSlots(ctx context.Context, t bot.Tenant, pairID string, round int, slots []bot.MeetingSlot, full bool, at time.Time) (bot.Meeting, error) {
	k := keysFor(t)
	run := func() (int, error) {
		return offerSlotsScript.Run(ctx, s.rdb, []string{k.pair(pairID), k.meeting(pairID)}, round, slotsField(slots), flag(full), ms(at), bot.MaxPastSlots).Int()
	}
	ok, err := run()
	if err == nil && ok == -4 { // an older version's meeting: moved, then again
		var old map[string]string
		if _, old, err = s.readMeeting(ctx, k, pairID); err != nil {
			return bot.Meeting{}, err
		}
		if err := s.moveMeeting(ctx, k, pairID, old); err != nil {
			return bot.Meeting{}, err
		}
		ok, err = run()
	}
	switch {
	case err != nil:
		return bot.Meeting{}, classify(err, "offer slots")
	case ok == -1:
		return bot.Meeting{}, notFound("pair")
	case ok == 0:
		return bot.Meeting{}, meetingErr(bot.ESTALE, "meeting round moved on")
	case ok != 1: // an older replica wrote its meeting again meanwhile
		return bot.Meeting{}, meetingErr(bot.ECONFLICT, "older meeting written again")
	}
	return s.GetMeeting(ctx, t, pairID)
}

// PickSlot implements bot.MeetingStore.
func (s *Store) PickSlot(ctx context.Context, t bot.Tenant, pairID string, round, i int, by, other string, at time.Time) (bot.Meeting, bool, error) {
	m, err := s.getMeeting(ctx, t, pairID)
	if err != nil {
		return bot.Meeting{}, false, err
	}
	if m.Round != round {
		return bot.Meeting{}, false, meetingErr(bot.ESTALE, "meeting round moved on")
	}
	if i < 0 || i >= len(m.Slots) {
		return bot.Meeting{}, false, meetingErr(bot.EINVALID, "no such slot")
	}
	slot := m.Slots[i]
	k := keysFor(t)
	if m.older {
		_, old, err := s.readMeeting(ctx, k, pairID)
		if err != nil {
			return bot.Meeting{}, false, err
		}
		if err := s.moveMeeting(ctx, k, pairID, old); err != nil {
			return bot.Meeting{}, false, err
		}
	}
	res, err := pickSlotScript.Run(ctx, s.rdb, []string{k.pair(pairID)}, round, i, by, other, ms(slot.Start), ms(slot.End)).Int()
	if err != nil {
		return bot.Meeting{}, false, classify(err, "pick slot")
	}
	switch res {
	case -1:
		return bot.Meeting{}, false, notFound("pair")
	case -3:
		return bot.Meeting{}, false, notFound("meeting")
	case -2:
		return bot.Meeting{}, false, meetingErr(bot.ESTALE, "meeting round moved on")
	}
	after, err := s.GetMeeting(ctx, t, pairID)
	return after, res == 1, err
}

// GetMeeting implements bot.MeetingStore: the pair's hash, or the
// meeting's own of an older version, read at once.
func (s *Store) GetMeeting(ctx context.Context, t bot.Tenant, pairID string) (bot.Meeting, error) {
	m, err := s.getMeeting(ctx, t, pairID)
	return m.Meeting, err
}

// meetingRead is a meeting and whether an older version's hash holds it.
type meetingRead struct {
	bot.Meeting
	older bool
}

func (s *Store) getMeeting(ctx context.Context, t bot.Tenant, pairID string) (meetingRead, error) {
	h, old, err := s.readMeeting(ctx, keysFor(t), pairID)
	if err != nil {
		return meetingRead{}, err
	}
	older := h["round"] == ""
	if older {
		h = old
	}
	if len(h) == 0 || h["round"] == "" {
		return meetingRead{}, notFound("meeting")
	}
	return meetingRead{meetingFrom(pairID, h), older}, nil
}

// meetingFields returns the meeting's fields of a pair's hash, unprefixed.
func meetingFields(pair map[string]string) map[string]string {
	h := map[string]string{}
	for f, v := range pair {
		if name, ok := strings.CutPrefix(f, meetingPrefix); ok {
			h[name] = v
		}
	}
	return h
}

func meetingFrom(pairID string, h map[string]string) bot.Meeting {
	m := bot.Meeting{
		Pair: pairID, Round: num(h["round"]), Slots: slotsFrom(h["slots"]), Past: slotsFrom(h["past"]), Full: h["full"] == "1",
		Offered: fromMS(h["offered"]), Picks: map[string][]int{},
		Agreed: bot.MeetingSlot{Start: fromMS(h["agreed_start"]), End: fromMS(h["agreed_end"])},
	}
	for f, v := range h {
		if user, ok := strings.CutPrefix(f, "pick:"); ok {
			m.Picks[user] = picksFrom(v)
		}
	}
	return m
}

// picksFrom reads a member's picks, "0,2", in order; an older version's
// single index, "1", reads as one pick.
func picksFrom(v string) []int {
	var out []int
	for _, f := range strings.Split(v, ",") {
		if f == "" {
			continue
		}
		i := num(f)
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// slotsField encodes slots as "start+length" in Unix seconds, comma
// separated ("1793340000+3600,..."): three slots stay under 64 bytes, so
// that the meeting's hash keeps Redis's compact encoding (a listpack, not
// a hashtable: about a third of the memory). Slots not on whole seconds
// are JSON pairs of Unix milliseconds, as every slot was before.
func slotsField(slots []bot.MeetingSlot) string {
	parts := make([]string, len(slots))
	for i, s := range slots {
		start, end := s.Start.UnixMilli(), s.End.UnixMilli()
		if start%1000 != 0 || end%1000 != 0 {
			return slotsJSON(slots)
		}
		parts[i] = strconv.FormatInt(start/1000, 10) + "+" + strconv.FormatInt((end-start)/1000, 10)
	}
	return strings.Join(parts, ",")
}

func slotsJSON(slots []bot.MeetingSlot) string {
	out := make([][2]int64, len(slots))
	for i, s := range slots {
		out[i] = [2]int64{s.Start.UnixMilli(), s.End.UnixMilli()}
	}
	return jsonOf(out)
}

// slotsFrom reads slotsField, or the JSON of before.
func slotsFrom(s string) []bot.MeetingSlot {
	if s == "" {
		return nil
	}
	if strings.HasPrefix(s, "[") {
		var raw [][2]int64
		if json.Unmarshal([]byte(s), &raw) != nil {
			return nil
		}
		out := make([]bot.MeetingSlot, len(raw))
		for i, r := range raw {
			out[i] = bot.MeetingSlot{Start: fromMS(strconv.FormatInt(r[0], 10)), End: fromMS(strconv.FormatInt(r[1], 10))}
		}
		return out
	}
	var out []bot.MeetingSlot
	for _, part := range strings.Split(s, ",") {
		start, length, ok := strings.Cut(part, "+")
		a, err1 := strconv.ParseInt(start, 10, 64)
		d, err2 := strconv.ParseInt(length, 10, 64)
		if !ok || err1 != nil || err2 != nil {
			return nil
		}
		out = append(out, bot.MeetingSlot{Start: time.Unix(a, 0).UTC(), End: time.Unix(a+d, 0).UTC()})
	}
	return out
}

func meetingErr(code bot.Code, what string) error {
	return &bot.Error{Code: code, Err: errString(what)}
}

// hoursFrom reads a member's stored hours; hours it cannot read are the
// default ones.
func hoursFrom(s string) meeting.Hours {
	h, _ := meeting.ParseHours(s)
	return h
}
