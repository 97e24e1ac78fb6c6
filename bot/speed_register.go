package bot

import "context"

// registerSpeed answers "Register as mentor" and "Register as mentee" on
// an event's registration message, open to every member. A mentee's
// topic is their waiting request's, else the session is an open
// conversation (docs/events.md). Registration closes when the last round
// starts; a member who registers during the event joins the next round.
func registerSpeed(role SpeedRole) actionFunc {
	return func(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
		t := who.Tenant()
		e, err := b.speedEvent(ctx, t, value)
		if err != nil {
			return Reply{}, err
		}
		now := b.clock.Now()
		if !e.Cancelled.IsZero() {
			return Reply{}, Errorf(ESTALE, "err.event.cancelled", "name", e.Name)
		}
		if !now.Before(e.RoundStart(e.Rounds)) {
			return Reply{}, Errorf(ESTALE, "err.event.over", "name", e.Name)
		}
		// Recorded with their name, so that partners' messages name them.
		me, err := b.knownMember(ctx, who)
		if err != nil {
			return Reply{}, err
		}
		en := SpeedEntrant{Member: who, Role: role, Joined: now.UTC()}
		if role == SpeedMentee {
			if r, err := b.store.requests.OpenRequest(ctx, who); err == nil {
				en.Topic = r.Topic
			}
		}
		got, created, err := b.store.speed.RegisterSpeed(ctx, t, e.ID, en)
		if ErrorCode(err) == ESTALE {
			return Reply{}, Errorf(ESTALE, "err.event.cancelled", "name", e.Name)
		}
		if err != nil {
			return Reply{}, ignoreSpeedGone(err)
		}
		if !created {
			if got.Role == role {
				text := T(lang, "event.already_"+string(role), "name", e.Name)
				if role == SpeedMentee {
					// The topic their sessions take, as the first reply said.
					text += "\n" + speedTopicNote(lang, got.Topic)
				}
				return speedReply(text), nil
			}
			return Reply{}, Errorf(ECONFLICT, "err.event.other_role_"+string(got.Role), "name", e.Name)
		}
		b.log.Info("speed registration", "event", e.ID, "member", who.String(), "role", string(role))
		// Nobody registered on the other side speaks their languages: the
		// reply says so, and promises no room (speedStranded).
		stranded, langs := b.speedStranded(ctx, e, me, role)
		key := "event.registered_"
		if stranded {
			key = "event.registered_stranded_"
		}
		text := T(lang, key+string(role), "name", e.Name, "when", speedWhen(lang, e, e.Start))
		if n := e.RoundAt(now); n >= 1 {
			text = T(lang, "event.registered_late_"+string(role), "name", e.Name, "round", itoa(n+1), "when", speedClock(lang, e, e.RoundStart(n+1)))
		}
		if stranded {
			text += " " + T(lang, "event.stranded_"+string(role), "languages", languageList(lang, langs))
		}
		if role == SpeedMentee {
			text += "\n" + speedTopicNote(lang, got.Topic)
		}
		return speedReply(text), nil
	}
}

// speedTopicNote tells a mentee what their sessions will be about.
func speedTopicNote(lang Lang, topic string) string {
	if topic == "" {
		return T(lang, "event.topic_open")
	}
	return T(lang, "event.topic", "topic", topic)
}

// leaveSpeed answers "Unregister": the member is dropped from the rounds
// to come and, during a round, their partner is paired again or told why
// not (speed_leave.go).
func leaveSpeed(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	t := who.Tenant()
	e, err := b.speedEvent(ctx, t, value)
	if err != nil {
		return Reply{}, err
	}
	if !e.Cancelled.IsZero() {
		return Reply{}, Errorf(ESTALE, "err.event.cancelled", "name", e.Name)
	}
	if !b.clock.Now().Before(e.End()) {
		return Reply{}, Errorf(ESTALE, "err.event.ended", "name", e.Name)
	}
	if _, err := b.store.speed.UnregisterSpeed(ctx, t, e.ID, who.User); err != nil {
		if ErrorCode(err) == ENOTFOUND {
			return speedReply(T(lang, "event.not_registered", "name", e.Name)), nil
		}
		return Reply{}, err
	}
	b.log.Info("speed unregistration", "event", e.ID, "member", who.String())
	b.speedDropped(ctx, e, who)
	return speedReply(T(lang, "event.unregistered", "name", e.Name)), nil
}

// speedEvent reads the event a button names; one that is gone makes the
// button stale.
func (b *Bot) speedEvent(ctx context.Context, t Tenant, id string) (SpeedEvent, error) {
	e, err := b.store.speed.GetSpeedEvent(ctx, t, id)
	if ErrorCode(err) == ENOTFOUND {
		return e, Errorf(ESTALE, "err.event.gone")
	}
	return e, err
}

func ignoreSpeedGone(err error) error {
	if ErrorCode(err) == ENOTFOUND {
		return Errorf(ESTALE, "err.event.gone")
	}
	return err
}

// speedReply is an answer to a click on a shared message: the message
// stays for the others.
func speedReply(text string) Reply { return Reply{Message: Message{Text: text}} }
