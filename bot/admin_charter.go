package bot

import (
	"context"
)

// runAdminCharter shows the charter in every language, or with text sets
// it in one language (lang:, default the workspace's) as a new version:
// members accept the new version before their next pair.
func runAdminCharter(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	text := in.Text("text")
	if text == "" {
		return b.showCharter(ctx, in)
	}
	lang := Lang(in.Text("lang"))
	if lang == "" {
		lang = b.settings(ctx, t).DefaultLang
	}
	c, err := b.store.SetCharter(ctx, t, lang, text, b.clock.Now().UTC())
	if err != nil {
		return Reply{}, err
	}
	b.log.Info("charter set", "tenant", t.String(), "version", c.Version, "lang", string(lang), "by", in.Member.String())
	return Reply{Message: Message{Text: T(in.Lang, "admin.charter.set", "version", itoa(c.Version), "language", langName(in.Lang, string(lang)))}}, nil
}

// showCharter shows the current version and its text in each language:
// the built-in one until a manager sets one, then the managers' (a
// language left unset shows another language's text, as members see it).
func (b *Bot) showCharter(ctx context.Context, in *Invocation) (Reply, error) {
	c, err := b.store.GetCharter(ctx, in.Member.Tenant())
	builtin := ErrorCode(err) == ENOTFOUND
	if err != nil && !builtin {
		return Reply{}, err
	}
	if builtin {
		c = Charter{Version: DefaultCharterVersion, Text: map[Lang]string{}}
		for _, l := range Langs {
			c.Text[l] = T(l, "charter.default")
		}
	}
	msg := Message{Title: T(in.Lang, "admin.charter.title", "version", itoa(c.Version))}
	for _, l := range Langs {
		text := c.Text[l]
		if text == "" {
			text = T(in.Lang, "admin.charter.unset")
		}
		msg.Fields = append(msg.Fields, Field{Label: langName(in.Lang, string(l)), Value: text})
	}
	msg.Text = T(in.Lang, "admin.charter.how")
	if !c.Updated.IsZero() {
		msg.Text = T(in.Lang, "admin.charter.updated", "date", Date(in.Lang, c.Updated)) + "\n" + msg.Text
	}
	return Reply{Message: msg}, nil
}
