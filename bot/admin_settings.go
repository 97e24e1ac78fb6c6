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
	wasTZ := s.MaxTZHours
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
		if name == "digest-channel" || name == "intro-channel" {
			ch, err := channelValue(v)
			if err != nil {
				return Reply{}, withField(badSetting(in.Lang, name, v, err), name)
			}
			v = ch
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
	if widerTZ(wasTZ, b.settings(ctx, t).MaxTZHours) {
		// Requests that waited on the time-zone limit may fit now: they are
		// proposed at once, as a freed slot's are, before a newer request
		// takes the slot ahead of them.
		b.matchWaiting(ctx, t)
	}
	names := make([]string, len(changed))
	for i, n := range changed {
		names[i] = settingName(in.Lang, n)
	}
	return b.showSettings(ctx, in, T(in.Lang, "admin.settings.saved", "names", strings.Join(names, ", ")))
}

// widerTZ reports whether a change of the max-tz-hours setting from was
// to now (0: no limit) lets more mentors fit a request.
func widerTZ(was, now int) bool {
	return was > 0 && (now <= 0 || now > was)
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
	e, ok := err.(*Error)
	if !ok || e.Key != "err.bad_setting" && e.Key != "err.not_channel" {
		return err
	}
	hint := "admin.settings.hint." + name
	if _, ok := (&Settings{}).durations()[name]; ok {
		hint = "admin.settings.hint.duration"
	}
	key := "err.admin.bad_setting"
	if e.Key == "err.not_channel" {
		key = "err.admin.setting_not_channel"
	}
	return &Error{Code: EINVALID, Key: key, Args: []string{
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

// settingsListed rewrites the list of settings in an unknown-setting
// error (unknownSetting) for workspace t as /mentor admin settings shows
// them: without intro-channel where pairs are not introduced in a
// channel (showSettings), which would be named there and nowhere else.
func (b *Bot) settingsListed(t Tenant, lang Lang, err error) error {
	e, ok := err.(*Error)
	if !ok || !strings.HasPrefix(e.Key, "err.admin.unknown_setting") || b.introducesInChannels(t) {
		return err
	}
	var names []string
	for _, n := range settingNames {
		if n != "intro-channel" {
			names = append(names, settingName(lang, n))
		}
	}
	for i := 0; i+1 < len(e.Args); i += 2 {
		if e.Args[i] == "settings" {
			e.Args[i+1] = strings.Join(names, ", ")
		}
	}
	return e
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
	if ch == "" && b.settings(ctx, t).DigestChannel == "" {
		// Off, and it was: no digest stops, which "Done: no longer
		// posted" would say.
		return Reply{Message: Message{Text: T(in.Lang, "admin.digest_channel.was_off")}}, nil
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
		// The digest speaks the workspace's language, not the reader's:
		// said now rather than found out on Monday.
		text += "\n" + T(in.Lang, "admin.digest_channel.lang", "lang", languageName(in.Lang, string(dl)), "code", string(in.Lang))
	}
	return Reply{Message: Message{Text: text, Channels: []string{ch}}}, nil
}

// channelSetting reads a channel for the digest-channel setting: a word
// that turns it off (channelOff) clears it. The command's channel option
// is also a bare ID or name, as Discord's channel picker sends it.
func channelSetting(raw string) (string, error) {
	if channelOff(raw) {
		return "", nil
	}
	ch, ok := parseChannelRef(raw)
	if !ok {
		return "", badChannel("channel", raw)
	}
	return ch, nil
}

// channelOff reports whether v turns a channel setting off, in either
// language: off, no, none, non, aucun, désactivé…, accents and case
// aside.
func channelOff(v string) bool {
	switch foldName(strings.TrimSpace(v)) {
	case "off", "none", "no", "-", "disabled", "non", "aucun", "aucune", "desactive", "desactivee", "desactiver":
		return true
	}
	return false
}

// channelValue reads the value of a channel setting of admin settings
// (digest-channel, intro-channel), whose option is text: a word that
// turns it off becomes "off"; a channel is written as the adapters pass
// one typed (#team on the shell, a Slack or Discord channel mention
// rewritten as # and its ID: ChannelRef), or as a bare platform ID (a
// Discord snowflake, a Slack C… ID). Any other word ("mentorat") is no
// channel, and is refused rather than stored as one. The default word
// passes unchanged.
func channelValue(v string) (string, error) {
	t := strings.TrimSpace(v)
	switch {
	case defaultWord(t):
		return t, nil
	case channelOff(t):
		return "off", nil
	case strings.HasPrefix(t, "#"):
		if _, ok := parseChannelRef(t); ok {
			return t, nil
		}
	case channelID(t):
		return t, nil
	}
	return "", &Error{Code: EINVALID, Key: "err.not_channel"}
}

// channelID reports whether s is a platform's channel ID written bare: a
// Discord snowflake (digits) or a Slack ID (C, G or D, then upper-case
// letters and digits).
func channelID(s string) bool {
	if s == "" {
		return false
	}
	digits, slack := true, len(s) >= 9 && strings.ContainsRune("CGD", rune(s[0]))
	for _, r := range s {
		digits = digits && r >= '0' && r <= '9'
		slack = slack && (r >= '0' && r <= '9' || r >= 'A' && r <= 'Z')
	}
	return digits || slack
}

// withField names the option at fault on a coded error, for forms.
func withField(err error, field string) error {
	if e, ok := err.(*Error); ok && e.Field == "" {
		e.Field = field
	}
	return err
}
