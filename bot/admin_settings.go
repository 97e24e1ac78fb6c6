package bot

import (
	"context"
	"strings"
	"time"
)

// runAdminSettings shows every setting, or sets those given as options
// ("/mentor admin settings proposal-timeout:3d kinds:flash,one-to-one").
// All values are checked before any is saved: one bad value changes
// nothing.
func runAdminSettings(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	if len(in.Values) == 0 {
		return b.showSettings(ctx, in, "")
	}
	s := b.settings(ctx, t)
	s.Kinds = append([]Kind(nil), s.Kinds...)
	var changed []string
	reset := map[string]bool{}
	for _, name := range settingNames {
		v, ok := in.Values[name]
		if !ok {
			continue
		}
		if err := b.checkSetting(t, name, v); err != nil {
			return Reply{}, withField(badSetting(in.Lang, name, v, err), name)
		}
		if defaultWord(v) {
			// Stored as "": the default, which follows the environment.
			reset[name] = true
			changed = append(changed, name)
			continue
		}
		if name == "digest-channel" {
			ch, err := channelSetting(v)
			if err != nil {
				return Reply{}, err
			}
			v = ch
		}
		if err := s.Set(name, v); err != nil {
			return Reply{}, withField(badSetting(in.Lang, name, v, err), name)
		}
		changed = append(changed, name)
	}
	for _, name := range changed {
		v := s.Get(name)
		if reset[name] {
			v = ""
		}
		if err := b.store.settings.SetSetting(ctx, t, name, v); err != nil {
			b.forgetSettings(t)
			return Reply{}, err
		}
	}
	b.forgetSettings(t)
	b.log.Info("settings changed", "tenant", t.String(), "names", strings.Join(changed, ","), "by", in.Member.String())
	names := make([]string, len(changed))
	for i, n := range changed {
		names[i] = settingName(in.Lang, n)
	}
	return b.showSettings(ctx, in, T(in.Lang, "admin.settings.saved", "names", strings.Join(names, ", ")))
}

// badSetting says why a value of a setting was refused in the words of
// the manager's language: the setting's name as they type it, and what
// it takes. Any error but a refused value is left as it is.
func badSetting(lang Lang, name, value string, err error) error {
	if e, ok := err.(*Error); ok && e.Key == "err.setting_range" {
		r := durationBounds[name]
		return &Error{Code: EINVALID, Key: "err.admin.setting_range", Args: []string{
			"value", clip(strings.TrimSpace(value), 40), "setting", settingName(lang, name),
			"min", durationIn(lang, r[0]), "max", durationIn(lang, r[1]),
		}}
	}
	if e, ok := err.(*Error); !ok || e.Key != "err.bad_setting" {
		return err
	}
	hint := "admin.settings.hint." + name
	if _, ok := (&Settings{}).durations()[name]; ok {
		hint = "admin.settings.hint.duration"
	}
	return &Error{Code: EINVALID, Key: "err.admin.bad_setting", Args: []string{
		"value", clip(strings.TrimSpace(value), 40), "setting", settingName(lang, name),
		"hint", T(lang, hint, "choices", strings.Join(kindChoices.ChoicesIn(lang), ", ")),
	}}
}

// settingValue writes a setting's value for readers of lang: durations
// in words ("3 jours"), kinds by the names they type ("individuel").
func settingValue(lang Lang, s Settings, name string) string {
	if d, ok := s.durations()[name]; ok {
		return durationIn(lang, *d)
	}
	if name == "kinds" {
		return kindsIn(lang, s.Kinds)
	}
	if name == "unanswered" && s.Unanswered == 0 {
		return T(lang, "admin.settings.unanswered_off")
	}
	if name == "digest-schedule" {
		return weeklyIn(lang, s.DigestSchedule)
	}
	if name == "digest-channel" && s.DigestChannel != "" {
		return ChannelText(s.DigestChannel)
	}
	if name == "intro-channel" {
		switch s.IntroChannel {
		case "":
			return T(lang, "admin.settings.intro_platform")
		case introOff:
			return T(lang, "admin.settings.intro_dm")
		}
		return ChannelText(s.IntroChannel)
	}
	if v := s.Get(name); name != "max-tz-hours" || v != "0" {
		return v
	}
	return T(lang, "admin.settings.no_limit")
}

// durationIn writes d in words, in whole days, hours or minutes where
// it can ("3 jours", "36 hours"), else as ParseDuration reads it.
func durationIn(lang Lang, d time.Duration) string {
	for _, u := range []struct {
		d   time.Duration
		key string
	}{{24 * time.Hour, "admin.settings.days"}, {time.Hour, "admin.settings.hours"}, {time.Minute, "admin.settings.minutes"}} {
		if d >= u.d && d%u.d == 0 {
			return T(lang, u.key, "n", itoa(int(d/u.d)))
		}
	}
	return FormatDuration(d)
}

// unknownSetting turns a refused "/mentor admin settings foo:1" into
// "unknown setting", with the closest setting when one is close and the
// list of them: the first name:value pair whose name is no setting. Any
// other error is left as it is.
func unknownSetting(c CommandSpec, lang Lang, text string, err error) error {
	if ErrorCode(err) != EINVALID {
		return err
	}
	for i := 0; i < len(text); {
		name, end := optionAt(text, i)
		if name == "" {
			i++
			continue
		}
		if _, ok := c.Lookup(name); !ok {
			names := settingNamesIn(lang)
			list := strings.Join(names, ", ")
			if s := suggest(name, append(names, settingNames...)); s != "" {
				return &Error{Code: EINVALID, Key: "err.admin.unknown_setting_suggest", Args: []string{"setting", clip(name, 30), "suggestion", s, "settings", list}}
			}
			return &Error{Code: EINVALID, Key: "err.admin.unknown_setting", Args: []string{"setting", clip(name, 30), "settings", list}}
		}
		i = end
	}
	return err
}

// settingNamesIn returns the settings' names as a member of lang types
// them, in the order they are shown.
func settingNamesIn(lang Lang) []string {
	out := make([]string, len(settingNames))
	for i, n := range settingNames {
		out[i] = settingName(lang, n)
	}
	return out
}

// settingName is the name of a setting in lang: the French one for a
// French-speaking manager. Both are understood whatever the language.
func settingName(lang Lang, name string) string {
	if fr := settingFrench[name]; lang == French && fr != "" {
		return fr
	}
	return name
}

// showSettings lists the settings with their values, marking those that
// are the defaults.
func (b *Bot) showSettings(ctx context.Context, in *Invocation, intro string) (Reply, error) {
	t := in.Member.Tenant()
	over, err := b.store.settings.Settings(ctx, t)
	if err != nil {
		return Reply{}, err
	}
	s := b.settings(ctx, t)
	how := T(in.Lang, "admin.settings.how") + " " + T(in.Lang, "admin.settings.reset")
	msg := Message{Title: T(in.Lang, "admin.settings.title"), Text: strings.TrimSpace(intro + "\n" + how)}
	for _, name := range settingNames {
		if name == "intro-channel" && !b.introducesInChannels(t) {
			continue // introductions are the platform's own (a group DM)
		}
		v := settingValue(in.Lang, s, name)
		if v == "" {
			v = T(in.Lang, "admin.settings.none")
		}
		if o, ok := over[name]; !ok || o == "" {
			v += " " + T(in.Lang, "admin.settings.default")
		}
		msg.Fields = append(msg.Fields, Field{Label: settingName(in.Lang, name), Value: v})
	}
	// The channels shown, for adapters to link them (ChannelText).
	for _, ch := range []string{s.DigestChannel, s.IntroChannel} {
		if ch != "" && ch != introOff {
			msg.Channels = append(msg.Channels, ch)
		}
	}
	return Reply{Message: msg}, nil
}

// runAdminDigestChannel shows or sets the managers' channel, where the
// weekly digest and escalations are posted; "off" stops them.
func runAdminDigestChannel(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	raw := in.Text("channel")
	if raw == "" {
		if ch := b.settings(ctx, t).DigestChannel; ch != "" {
			return Reply{Message: Message{Text: T(in.Lang, "admin.digest_channel.current", "channel", ChannelText(ch)), Channels: []string{ch}}}, nil
		}
		return Reply{Message: Message{Text: T(in.Lang, "admin.digest_channel.none")}}, nil
	}
	ch, err := channelSetting(raw)
	if err != nil {
		return Reply{}, err
	}
	if err := b.store.settings.SetSetting(ctx, t, "digest-channel", ch); err != nil {
		return Reply{}, err
	}
	b.forgetSettings(t)
	if ch == "" {
		return Reply{Message: Message{Text: T(in.Lang, "admin.digest_channel.off")}}, nil
	}
	if p, err := b.tenantPlatform(t); err == nil {
		if _, ok := p.(Poster); !ok {
			// Saved, but nothing will be posted there: said alone, not
			// after a "Done: … will be posted" it would contradict.
			text := T(in.Lang, "admin.digest_channel.set_cannot_post", "channel", ChannelText(ch))
			return Reply{Message: Message{Text: text, Channels: []string{ch}}}, nil
		}
	}
	s := b.settings(ctx, t)
	// When the digest goes out, as the workspace's schedule says (digest_next.go).
	text := b.digestChannelSet(in.Lang, s, b.location(ctx, t), ChannelText(ch))
	if dl := s.DefaultLang; dl != "" && dl != in.Lang {
		// The digest speaks the program's language, not the reader's:
		// said now rather than found out on Monday.
		text += "\n" + T(in.Lang, "admin.digest_channel.lang", "lang", languageName(in.Lang, string(dl)), "code", string(in.Lang))
	}
	return Reply{Message: Message{Text: text, Channels: []string{ch}}}, nil
}

// channelSetting reads a channel for the digest-channel setting: "off",
// "none" or "-" clear it.
func channelSetting(raw string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(raw)) {
	case "off", "none", "-", "aucun":
		return "", nil
	}
	ch, ok := parseChannelRef(raw)
	if !ok {
		return "", badChannel("channel", raw)
	}
	return ch, nil
}

// withField names the option at fault on a coded error, for forms.
func withField(err error, field string) error {
	if e, ok := err.(*Error); ok && e.Field == "" {
		e.Field = field
	}
	return err
}
