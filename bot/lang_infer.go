package bot

import (
	"context"
	"slices"
	"strings"
)

// A member's language is chosen (/mentor lang: Member.LangChosen) or
// inferred: from the platform's locale at their first command, from the
// workspace's language, or from French command words. What a member
// types says more than their platform's locale: French command words
// ("/mentor statut", "aide", "oublier") make the bot answer in French
// and record French as inferred, unless the member chose a language.

// frenchOverInferred reports whether the French command words of c
// decide the language of the answer: they were typed, and the member
// chose none (or is unknown, or could not be read).
func frenchOverInferred(c Command, me Member, lookup error) bool {
	return typedInFrench(c) && (lookup != nil || !me.LangChosen)
}

// frenchTypo reports whether c's first word, which names no command, is
// a misspelling of a French command word rather than of an English one
// ("demnde" is « demande »): the member typed in French, and is answered
// in French, with the French word, as if they had typed it right, when
// nothing else tells their language (HandleCommand). A tie goes to
// English ("statu": "status" as much as « statut »).
func (b *Bot) frenchTypo(c Command) bool {
	if c.Name != "" {
		return false
	}
	words := strings.Fields(strings.TrimPrefix(strings.TrimSpace(c.Text), "/mentor"))
	if len(words) == 0 {
		return false
	}
	w := strings.ToLower(words[0])
	if _, french := frenchCommands[w]; french {
		return false
	}
	if _, known := b.command(w); known || b.isGroup(w) {
		return false // a command, or a group's word: most commands stop here
	}
	english := b.commandNames()
	s := closestWord(English, w, english, frenchCommandWords(), func(w string) (string, bool) { return w, false })
	_, french := frenchCommands[s]
	return french && !slices.Contains(english, s)
}

// inferFrench records French as the language m reads, inferred from the
// French command words they typed, in place of was, the language they
// read until then (inferred too). An offer that took was for want of
// languages follows it, as after /mentor lang. A failure is logged: the
// member is answered in French all the same, and their next French word
// tries again.
func (b *Bot) inferFrench(ctx context.Context, m Member, was Lang) {
	m.Lang, m.LangChosen = French, false
	if err := b.store.members.SaveMember(ctx, m); err != nil {
		b.log.Warn("language not recorded", "member", m.ID.String(), "code", string(ErrorCode(err)))
		return
	}
	b.followReadingLanguage(ctx, m, was)
}
