package bot

import "context"

// ManagerStore keeps the managers added by command (admin_managers.go,
// admin.go).
type ManagerStore interface {
	// AddManager makes a member a manager of their workspace; adding one
	// twice is not an error.
	AddManager(ctx context.Context, id MemberID) error

	// RemoveManager removes a manager added with AddManager. ENOTFOUND if
	// the member was not one.
	RemoveManager(ctx context.Context, id MemberID) error

	// Managers returns the managers added with AddManager, by user ID.
	Managers(ctx context.Context, t Tenant) ([]MemberID, error)

	// IsManager reports whether AddManager made the member a manager.
	IsManager(ctx context.Context, id MemberID) (bool, error)
}

// Poster is an optional Platform feature: posting in a channel, such as
// the managers' channel. Platforms without it cannot post digests.
type Poster interface {
	Post(ctx context.Context, t Tenant, channel string, msg Message) error
}

// postToManagers posts a message in the workspace's managers' channel, once
// per key, if one is set and the platform can post. Without a channel it
// does nothing: the digest shows the same facts.
func (b *Bot) postToManagers(ctx context.Context, t Tenant, key string, build func(Lang) Message) error {
	_, err := b.postedToManagers(ctx, t, key, build)
	return err
}

// postedToManagers is postToManagers, which also says whether the message
// is in the managers' channel (posted now or before under key): false
// without a channel, or on a platform that cannot post.
func (b *Bot) postedToManagers(ctx context.Context, t Tenant, key string, build func(Lang) Message) (bool, error) {
	s, p, err := b.managersChannel(ctx, t)
	if p == nil {
		return false, err
	}
	if _, ok := p.(Poster); !ok {
		return false, nil
	}
	err = b.postOnce(ctx, t, p, s.DigestChannel, key, s.DefaultLang, build)
	return err == nil, err
}

// postOnce posts a message in channel, in lang, once per key in a
// workspace (a delivery mark, key+":channel"), if platform p can post.
func (b *Bot) postOnce(ctx context.Context, t Tenant, p Platform, channel, key string, lang Lang, build func(Lang) Message) error {
	poster, ok := p.(Poster)
	if !ok {
		return nil
	}
	return b.once(ctx, t, key+":channel", b.lease(), func(ctx context.Context) error {
		msg := build(lang)
		msg.Lang = lang
		return poster.Post(ctx, t, channel, msg)
	})
}

// postFor posts msg in channel for the command in: once per delivery of
// the command (Command.Delivery, under what), so that a command
// redelivered after its replica stopped does not post twice; at once
// when the platform gives no delivery (the shell).
func (b *Bot) postFor(ctx context.Context, in *Invocation, what string, poster Poster, t Tenant, channel string, msg Message) error {
	post := func(ctx context.Context) error { return poster.Post(ctx, t, channel, msg) }
	if in.Delivery == "" {
		return post(ctx)
	}
	return b.once(ctx, t, what+":"+in.Delivery, b.lease(), post)
}

// managersChannel returns the workspace's settings and platform when it
// has a managers' channel (Settings.DigestChannel); the platform is nil
// when it has none, or with the error of finding the platform.
func (b *Bot) managersChannel(ctx context.Context, t Tenant) (Settings, Platform, error) {
	s := b.settings(ctx, t)
	if s.DigestChannel == "" {
		return s, nil, nil
	}
	p, err := b.tenantPlatform(t)
	return s, p, err
}
