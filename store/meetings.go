package store

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/meeting"
	"github.com/redis/go-redis/v9"
)

// A pair's meeting is one hash, meeting:<pair>: round, slots and past
// (the round before's; JSON pairs of Unix ms), full, offered, pick:<user> (a slot index) and, once both
// picked the same slot, agreed_start and agreed_end. The pair's erasure
// deletes it with the pair (forget.go).

func (k keys) meeting(pair string) string { return string(k) + "meeting:" + pair }

// offerSlotsScript replaces the meeting with a new round if its round is
// the expected one, keeping the slots it replaces as past; it returns 1,
// or 0 when the round moved on. KEYS: the
// meeting. ARGV: expected round, slots, full, offered (ms).
var offerSlotsScript = redis.NewScript(`
local cur = tonumber(redis.call('HGET', KEYS[1], 'round') or '0')
if cur ~= tonumber(ARGV[1]) then return 0 end
local past = redis.call('HGET', KEYS[1], 'slots') or '[]'
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'round', cur + 1, 'slots', ARGV[2], 'past', past, 'full', ARGV[3], 'offered', ARGV[4])
return 1
`)

// pickSlotScript records a pick and agrees on the slot when the other
// member picked it too. It returns -1 when no time was offered, -2 when
// the round moved on, 2 when a time was agreed before, 1 when this pick
// agreed it, 0 otherwise. KEYS: the meeting. ARGV: round, slot, user,
// other user, slot start (ms), slot end (ms).
var pickSlotScript = redis.NewScript(`
local cur = tonumber(redis.call('HGET', KEYS[1], 'round') or '0')
if cur == 0 then return -1 end
if cur ~= tonumber(ARGV[1]) then return -2 end
if redis.call('HEXISTS', KEYS[1], 'agreed_start') == 1 then return 2 end
redis.call('HSET', KEYS[1], 'pick:' .. ARGV[3], ARGV[2])
if redis.call('HGET', KEYS[1], 'pick:' .. ARGV[4]) == ARGV[2] then
  redis.call('HSET', KEYS[1], 'agreed_start', ARGV[5], 'agreed_end', ARGV[6])
  return 1
end
return 0
`)

// OfferSlots implements bot.MeetingStore.
func (s *Store) OfferSlots(ctx context.Context, t bot.Tenant, pairID string, round int, slots []bot.MeetingSlot, full bool, at time.Time) (bot.Meeting, error) {
	k := keysFor(t)
	ok, err := offerSlotsScript.Run(ctx, s.rdb, []string{k.meeting(pairID)}, round, slotsField(slots), flag(full), ms(at)).Int()
	if err != nil {
		return bot.Meeting{}, classify(err, "offer slots")
	}
	if ok == 0 {
		return bot.Meeting{}, meetingErr(bot.ESTALE, "meeting round moved on")
	}
	return s.GetMeeting(ctx, t, pairID)
}

// PickSlot implements bot.MeetingStore.
func (s *Store) PickSlot(ctx context.Context, t bot.Tenant, pairID string, round, i int, by, other string, at time.Time) (bot.Meeting, bool, error) {
	m, err := s.GetMeeting(ctx, t, pairID)
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
	res, err := pickSlotScript.Run(ctx, s.rdb, []string{keysFor(t).meeting(pairID)}, round, i, by, other, ms(slot.Start), ms(slot.End)).Int()
	if err != nil {
		return bot.Meeting{}, false, classify(err, "pick slot")
	}
	switch res {
	case -1:
		return bot.Meeting{}, false, notFound("meeting")
	case -2:
		return bot.Meeting{}, false, meetingErr(bot.ESTALE, "meeting round moved on")
	}
	m, err = s.GetMeeting(ctx, t, pairID)
	return m, res == 1, err
}

// GetMeeting implements bot.MeetingStore.
func (s *Store) GetMeeting(ctx context.Context, t bot.Tenant, pairID string) (bot.Meeting, error) {
	cmd := redis.NewMapStringStringCmd(ctx, "hgetall", keysFor(t).meeting(pairID))
	if err := s.batch.do(ctx, cmd); err != nil {
		return bot.Meeting{}, classify(err, "get meeting")
	}
	h := cmd.Val()
	if len(h) == 0 || h["round"] == "" {
		return bot.Meeting{}, notFound("meeting")
	}
	return meetingFrom(pairID, h), nil
}

func meetingFrom(pairID string, h map[string]string) bot.Meeting {
	m := bot.Meeting{
		Pair: pairID, Round: num(h["round"]), Slots: slotsFrom(h["slots"]), Past: slotsFrom(h["past"]), Full: h["full"] == "1",
		Offered: fromMS(h["offered"]), Picks: map[string]int{},
		Agreed: bot.MeetingSlot{Start: fromMS(h["agreed_start"]), End: fromMS(h["agreed_end"])},
	}
	for f, v := range h {
		if user, ok := strings.CutPrefix(f, "pick:"); ok {
			m.Picks[user] = num(v)
		}
	}
	return m
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
