package bot

import "context"

// notify sends a message to a member in their own language.
func (b *Bot) notify(ctx context.Context, to MemberID, build func(Lang) Message) error {
	m, err := b.member(ctx, to)
	if err != nil {
		return err
	}
	p, err := b.platform(to)
	if err != nil {
		return err
	}
	if err := p.Send(ctx, to, build(m.Lang)); err != nil {
		b.log.Error("send failed", "to", to.String(), "code", string(ErrorCode(err)), "err", err)
		return err
	}
	return nil
}

// langName names a language code in lang: "fr" is "French" in English.
func langName(lang Lang, code string) string {
	if HasKey(lang, "lang."+code) {
		return T(lang, "lang."+code)
	}
	return code
}
