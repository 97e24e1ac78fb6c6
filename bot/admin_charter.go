package bot

import (
	"context"
)

// runAdminCharter shows the charter in every language, or with text sets
// it in one language (lang:, default the language the manager reads) as
// a new version: members accept the new version before their next pair.
func runAdminCharter(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	text := in.Text("text")
	if text == "" {
		return b.showCharter(ctx, in)
	}
	// Without lang:, the text is in the language the manager reads: the
	// one they most likely wrote it in.
	lang := Lang(in.Text("lang"))
	given := lang != ""
	if !given {
		lang = in.Lang
	}
	c, err := b.store.pairs.SetCharter(ctx, t, lang, text, b.clock.Now().UTC())
	if err != nil {
		return Reply{}, err
	}
	b.log.Info("charter set", "tenant", t.String(), "version", c.Version, "lang", string(lang), "by", in.Member.String())
	text = T(in.Lang, "admin.charter.set", "version", itoa(c.Version), "language", languageName(in.Lang, string(lang)))
	other := ""
	for _, l := range Langs {
		if l != lang {
			text += "\n" + T(in.Lang, "admin.charter.kept", "language", languageName(in.Lang, string(l)))
			if other == "" {
				other = string(l)
			}
		}
	}
	if !given && other != "" {
		text += "\n" + T(in.Lang, "admin.charter.lang_default", "language", languageName(in.Lang, string(lang)), "other", other)
	}
	return Reply{Message: Message{Text: text}}, nil
}

// showCharter shows the current version and its text in each language,
// as members read it: the managers' text, or the built-in one in a
// language they never set (marked so).
func (b *Bot) showCharter(ctx context.Context, in *Invocation) (Reply, error) {
	c, err := b.store.pairs.GetCharter(ctx, in.Member.Tenant())
	builtin := ErrorCode(err) == ENOTFOUND
	if err != nil && !builtin {
		return Reply{}, err
	}
	if builtin {
		c = Charter{Version: DefaultCharterVersion}
	}
	msg := Message{Title: T(in.Lang, "admin.charter.title", "version", itoa(c.Version))}
	for _, l := range Langs {
		label := languageName(in.Lang, string(l))
		if c.Text[l] == "" {
			label += " " + T(in.Lang, "admin.charter.builtin")
		}
		msg.Fields = append(msg.Fields, Field{Label: label, Value: charterText(c, l)})
	}
	msg.Text = T(in.Lang, "admin.charter.how")
	if !c.Updated.IsZero() {
		msg.Text = T(in.Lang, "admin.charter.updated", "date", Date(in.Lang, c.Updated)) + "\n" + msg.Text
	}
	return Reply{Message: msg}, nil
}
