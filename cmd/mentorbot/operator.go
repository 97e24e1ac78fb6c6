package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/shell"
	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
)

// platforms are the platforms a member ID may name.
var platforms = []string{slackadapter.Platform, discord.Platform, shell.Platform}

// Operate runs an operator's command for one member's data-protection
// request, on the Redis at REDIS_URL, with no platform connected:
//
//   - "export" writes everything the bot keeps about the member as JSON
//     to Stdout, the file /mentor export-me sends them (bot.ExportMember);
//   - "forget" erases them as /mentor forget does (bot.ForgetMember), and
//     says so on Stdout. What the erasure tells the others involved (a
//     partner, a mentor whose proposal is withdrawn, a mentee proposed
//     again) is kept in Redis as notices due at once (bot.Relay), which
//     the running bot sends at its next tick.
//
// member is the ID the log prints (slack:T123:U456). A malformed ID, an
// unknown platform or no REDIS_URL is a configError (status 2). A member
// the bot keeps nothing about (never seen, or erased already) is, for
// forget, nothing to erase: said on Stdout, and no error, so that a
// script working through erasure requests can repeat one; for export, an
// unknownMemberError (status 3), which a script tells from Redis down
// (status 1).
func (m *Main) Operate(ctx context.Context, op, member string) error {
	if op == "workspaces" || op == "erase-workspace" {
		return m.operateWorkspaces(ctx, op, member)
	}
	id, err := bot.ParseMemberID(member)
	if err == nil && !slices.Contains(platforms, id.Platform) {
		err = fmt.Errorf("want platform:workspace:user, the platform one of %s, %s or %s", platforms[0], platforms[1], platforms[2])
	}
	if err == nil {
		err = memberIDChars(id)
	}
	if err != nil {
		if strings.HasPrefix(member, "<@") {
			err = errors.New("a mention says no platform or workspace: want platform:workspace:user")
		}
		return &configError{fmt.Errorf("%s MEMBER: %w; give it as the log prints it (slack:T123:U456, discord:<server>:<user>, shell:local:<name>)", op, err)}
	}
	if err := m.openOperator(ctx, op); err != nil {
		return err
	}
	switch op {
	case "export":
		data, err := m.Bot.ExportMember(ctx, id)
		if err != nil {
			return knownMember(err, op, id)
		}
		_, err = m.Stdout.Write(append(data, '\n'))
		return err
	case "forget":
		err := knownMember(m.Bot.ForgetMember(ctx, id), op, id)
		if _, unknown := errors.AsType[*unknownMemberError](err); unknown {
			// Erasing is idempotent: a member erased already stays erased.
			fmt.Fprintf(m.Stdout, "mentorbot: %s\n", err)
			return nil
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "mentorbot: %s erased; %s\n", id, m.whoTellsOthers(ctx, id.Tenant()))
		return nil
	}
	return &configError{fmt.Errorf("unknown command %q: usage: %s", op, usage)}
}

// openOperator opens the Redis at REDIS_URL and a core on it, with no
// platform connected, for an operator's command op.
func (m *Main) openOperator(ctx context.Context, op string) error {
	if m.Config.RedisURL == "" {
		return &configError{fmt.Errorf("REDIS_URL: want the Redis the bot keeps its data in: mentorbot %s reads it", op)}
	}
	if m.Log == nil {
		level := m.Config.LogLevel
		if level == "" {
			// Standard output is the answer, and the command's own error
			// says what failed: the log (standard error) only adds errors,
			// not a Redis client's warnings before a refused connection.
			level = "error"
		}
		m.Log = newProgramLogger(level, m.Config.LogFormat, m.LogOutput, &m.stopping)
	}
	store.SetLogger(m.Log)
	if err := m.openStore(ctx); err != nil {
		if _, refused := errors.AsType[*configError](err); !refused {
			// Redis down or away: nothing was done, and trying again later
			// is the whole remedy, once Redis answers (status 1).
			done, ok := map[string]string{"export": "exported", "forget": "erased"}[op]
			if !ok {
				done = "done"
			}
			return fmt.Errorf("%w: nothing was %s; check that Redis runs at %s, then run the command again", err, done, m.Config.redisVar())
		}
		return err
	}
	if m.Clock == nil {
		m.Clock = bot.SystemClock{}
	}
	if m.Rand == nil {
		m.Rand = rand.Reader
	}
	cfg := m.Config.Config
	cfg.CheckSchedule, cfg.NextDigest = checkDigestSchedule, digestNext
	m.Bot = bot.New(cfg, m.Store, m.Clock, m.Rand, m.Log)
	relay := m.Bot.Relay()
	for _, p := range platforms {
		m.Bot.Register(p, relay)
	}
	return nil
}

// whoTellsOthers says, after an erasure, who sends what it tells the
// others involved: the running bot, at its next tick, unless the member's
// workspace removed the bot, which serves it no more (docs/slack.md,
// Uninstall): then the notices wait for a reinstall, and go with the
// workspace's data at the end of its retention.
func (m *Main) whoTellsOthers(ctx context.Context, t bot.Tenant) string {
	in, err := m.Store.Installation(ctx, t)
	if err != nil || in.UninstalledAt.IsZero() {
		return "what the erasure tells others is sent by the running bot."
	}
	return fmt.Sprintf("their workspace removed the bot on %s, so what the erasure tells others is sent only if it installs the bot again; otherwise it is deleted with the workspace's data, %s after the removal (MENTORBOT_RETENTION).",
		in.UninstalledAt.UTC().Format("2006-01-02"), formatDuration(m.Config.Retention))
}

// idChars are the characters of a workspace's and a user's ID
// (docs/configuration.md).
var idCharset = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

// memberIDChars refuses an ID that cannot be one, rather than look it up
// and answer that the bot keeps nothing about it: a Slack mention pasted
// whole (<@U456>), or a Slack ID in lower case (Slack's are in capitals).
func memberIDChars(id bot.MemberID) error {
	for _, part := range []string{id.Workspace, id.User} {
		if err := idChars(id.Platform, part); err != nil {
			return err
		}
	}
	return nil
}

// idChars refuses what cannot be a workspace's or a user's ID on
// platform (memberIDChars).
func idChars(platform, id string) error {
	if !idCharset.MatchString(id) {
		return errors.New("want IDs of letters, digits, '-', '_' or '.' (a pasted mention <@U456> is the ID U456)")
	}
	if platform == slackadapter.Platform && strings.ToUpper(id) != id {
		return errors.New("want Slack's IDs in capitals, as Slack writes them (T123, U456)")
	}
	return nil
}

// unknownMemberError is an operator's command on a member the bot keeps
// nothing about: main exits with status 3 (exitStatus).
type unknownMemberError struct {
	op string
	id bot.MemberID
}

func (e *unknownMemberError) Error() string {
	nothing := ""
	if e.op == "forget" {
		nothing = ", so there is nothing to erase"
	}
	return e.op + ": the bot keeps nothing about " + e.id.String() + nothing + ": check the ID against the log (platform:workspace:user); a member erased already is not known either"
}

// knownMember makes ENOTFOUND an unknownMemberError, and passes any other
// error on.
func knownMember(err error, op string, id bot.MemberID) error {
	if err == nil {
		return nil
	}
	if bot.ErrorCode(err) != bot.ENOTFOUND {
		return fmt.Errorf("%s %s: %w", op, id, err)
	}
	return &unknownMemberError{op: op, id: id}
}
