package bot

import (
	"context"
	"strings"
)

// managerVerbs maps what a manager may type to add, remove or list.
var managerVerbs = map[string]string{
	"": "list", "list": "list", "liste": "list", "lister": "list",
	"add": "add", "ajouter": "add", "remove": "remove", "retirer": "remove", "supprimer": "remove",
}

// runAdminManagers adds, removes or lists the managers added by command:
// "/mentor admin managers add @U123". Managers from Config.Managers and
// workspace admins are shown but cannot be removed here.
func runAdminManagers(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	action, user := in.Text("action"), in.Text("user")
	if user == "" {
		action, user, _ = strings.Cut(action, " ")
	}
	verb, ok := managerVerbs[strings.ToLower(strings.TrimSpace(action))]
	if !ok {
		return Reply{}, unknownVerb(in, action, &Error{Code: EINVALID, Key: "err.admin.managers_usage", Field: "action"})
	}
	if verb == "list" {
		return b.listManagers(ctx, in)
	}
	if user = strings.TrimSpace(user); user == "" {
		// "/mentor admin managers add": ask whom, never quote an empty name.
		return Reply{}, &Error{Code: EINVALID, Key: "err.admin.managers_who_" + verb, Field: "user"}
	}
	u, ok := parseUserRef(user)
	if !ok {
		return Reply{}, badUser("user", user)
	}
	id := in.Member.Tenant().Member(u)
	if verb == "add" {
		if err := b.inWorkspace(ctx, "user", id, user); err != nil {
			return Reply{}, err
		}
		return b.addManager(ctx, in, id)
	}
	return b.removeManager(ctx, in, id)
}

func (b *Bot) addManager(ctx context.Context, in *Invocation, id MemberID) (Reply, error) {
	// A second add (a retry, another manager) says so and welcomes nobody
	// twice.
	already, err := b.store.managers.IsManager(ctx, id)
	if err != nil {
		return Reply{}, err
	}
	already = already || b.configManager(id) // a manager from the configuration is one already
	if !already {
		if err := b.store.managers.AddManager(ctx, id); err != nil {
			return Reply{}, err
		}
	}
	m, err := b.knownMember(ctx, id)
	if err != nil {
		m = Member{ID: id}
	}
	if already {
		return Reply{Message: Message{Text: T(in.Lang, "admin.managers.already", "name", m.displayName()), Mentions: []MemberID{id}}}, nil
	}
	b.log.Info("manager added", "member", id.String(), "by", in.Member.String())
	if id != in.Member {
		b.welcomeManager(ctx, id, func(l Lang) Message { return Message{Text: T(l, "admin.managers.welcome")} })
	}
	return Reply{Message: Message{Text: T(in.Lang, "admin.managers.added", "name", m.displayName()), Mentions: []MemberID{id}}}, nil
}

// MakeManager makes a member a manager of their workspace, as
// "/mentor admin managers add" does: the Slack adapter calls it for
// whoever installs the app by OAuth. The first time, it welcomes them by
// DM, in their language, with the first steps of a program (the install's
// page only says they are a manager). Making one twice is not an error,
// and sends nothing more.
func (b *Bot) MakeManager(ctx context.Context, id MemberID) error {
	already, err := b.store.managers.IsManager(ctx, id)
	if err != nil {
		return err
	}
	if err := b.store.managers.AddManager(ctx, id); err != nil {
		return err
	}
	b.log.Info("manager added", "member", id.String(), "by", "install")
	if already {
		return nil
	}
	// The installer is welcomed by DM, with the first steps of a program:
	// a failure is logged (and the notice kept if the platform is down),
	// never a reason to undo the install.
	// The time zone example is theirs, when their platform tells it.
	tz := b.profile(ctx, id).TZ
	if _, ok := parseTZ(tz); !ok {
		tz = "Europe/Paris"
	}
	b.welcomeManager(ctx, id, func(l Lang) Message {
		return Message{Title: T(l, "install.welcome_title"), Text: T(l, "install.welcome", "tz", tz)}
	})
	return nil
}

// welcomeManager sends a new manager their welcome as notify does (kept
// for later if the platform is down), in managerLang: a manager is often
// someone the bot has never met.
func (b *Bot) welcomeManager(ctx context.Context, id MemberID, build func(Lang) Message) {
	lang := b.managerLang(ctx, id)
	msg := build(lang)
	msg.Lang = lang
	msg = b.tagNotice(id, msg)
	if err := b.sendTo(ctx, id, msg); ErrorCode(err) == EUNAVAILABLE {
		b.keepNotice(ctx, id, msg, maybeSent(err))
	}
}

// managerLang is the language to welcome a new manager in: their own
// choice if the bot knows them, else what their platform's profile says
// (Slack's locale, from users.info), as their first command would be
// answered, else the workspace's. Without the profile, a French installer
// the bot has never met would be welcomed in the workspace's default
// language. Nothing is recorded: the profile is only read.
func (b *Bot) managerLang(ctx context.Context, id MemberID) Lang {
	m, err := b.store.members.GetMember(ctx, id)
	if err == nil && m.Lang != "" {
		return m.Lang
	}
	if err == nil || ErrorCode(err) == ENOTFOUND {
		if l, ok := ParseLang(b.profile(ctx, id).Locale); ok {
			return l
		}
	}
	return b.withLang(ctx, Member{ID: id}).Lang
}

func (b *Bot) removeManager(ctx context.Context, in *Invocation, id MemberID) (Reply, error) {
	m, _ := b.namedMember(ctx, id.Tenant(), id.User) // named by the platform, even if never met
	err := b.store.managers.RemoveManager(ctx, id)
	switch {
	case ErrorCode(err) == ENOTFOUND && b.configManager(id):
		return Reply{}, Errorf(EINVALID, "err.admin.manager_config", "name", m.displayName())
	case ErrorCode(err) == ENOTFOUND:
		return Reply{}, Errorf(ENOTFOUND, "err.admin.not_manager", "name", m.displayName())
	case err != nil:
		return Reply{}, err
	}
	b.log.Info("manager removed", "member", id.String(), "by", in.Member.String())
	return Reply{Message: Message{Text: T(in.Lang, "admin.managers.removed", "name", m.displayName())}}, nil
}

// listManagers names the managers added by command and those of the
// configuration that belong to this workspace.
func (b *Bot) listManagers(ctx context.Context, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	stored, err := b.store.managers.Managers(ctx, t)
	if err != nil {
		return Reply{}, err
	}
	var lines []string
	for _, id := range stored {
		m, _ := b.member(ctx, id)
		lines = append(lines, "• "+m.displayName())
	}
	for _, c := range b.cfg.Managers {
		if u, ok := configManagerIn(c, t); ok {
			m, _ := b.member(ctx, t.Member(u))
			lines = append(lines, "• "+m.displayName()+" "+T(in.Lang, "admin.managers.from_config"))
		}
	}
	if len(lines) == 0 {
		lines = append(lines, T(in.Lang, "admin.managers.none"))
	}
	text := strings.Join(lines, "\n") + "\n" + T(in.Lang, platformKey(t, "admin.managers.admins"))
	return Reply{Message: Message{Title: T(in.Lang, "admin.managers.title"), Text: text}}, nil
}

// configManagerIn returns the user an entry of Config.Managers makes a
// manager of workspace t, if it applies there: "platform:workspace:user"
// and "workspace:user" (a Slack team or Discord guild ID) in that
// workspace only, a plain user ID in every workspace. Discord user IDs
// are the same in every guild, so a plain one is a manager in every
// guild the bot joins (UnqualifiedManagers).
func configManagerIn(entry string, t Tenant) (string, bool) {
	parts := strings.Split(strings.TrimSpace(entry), ":")
	var user string
	switch len(parts) {
	case 1:
		user = parts[0]
	case 2:
		if parts[0] != t.Workspace {
			return "", false
		}
		user = parts[1]
	case 3:
		if parts[0] != t.Platform || parts[1] != t.Workspace {
			return "", false
		}
		user = parts[2]
	default:
		return "", false
	}
	user, ok := validRef(user)
	return user, ok
}

// UnqualifiedManagers returns the entries of a MENTORBOT_MANAGERS list
// that name a user ID alone: each makes that ID a manager in every
// workspace the deployment serves, which on Discord, where user IDs are
// global, means every guild the bot is added to.
func UnqualifiedManagers(entries []string) []string {
	var out []string
	for _, e := range entries {
		if e = strings.TrimSpace(e); e != "" && !strings.Contains(e, ":") {
			out = append(out, e)
		}
	}
	return out
}
