package discord

import (
	"context"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
)

// texts are the few sentences only Discord needs: they are about Discord
// itself (DM settings, servers), so they live here rather than in the
// core's catalog. Each exists in every language of bot.Langs.
var texts = map[bot.Lang]map[string]string{
	bot.English: {
		"root":       "Mentoring: offer your help, or find a mentor",
		"group":      "{group} commands",
		"guild_only": "Please use /mentor in the server where the mentoring program runs: I need to know which server you belong to.",
		"dm_closed":  "I couldn't send you a direct message, so you may miss proposals and introductions. To let me write to you, open this server's menu, choose Privacy Settings and turn on Direct Messages.",
		"form_late":  "Sorry, that took me too long to open the form. Please run the command again.",
		// A submitted form that is not one of ours, or of another server.
		"form_unknown": "This form no longer works, so nothing was changed. Type `/mentor status` to see where things stand.",
		"thread":       "Introduction",
		// A click from a DM by someone no longer in the button's server
		// (member.go).
		"left_server": "This button no longer works: you're no longer a member of the server it comes from, so nothing was done. As for anyone who leaves the server, I'm erasing what I kept about you.",
		// The help's sentence on French command words, on Discord
		// (syntax.go's ownWords): only French readers see it.
		"french_words": "If your Discord is in French, the commands and their options show in French there, as in these examples.",
		"help_intro":   "Each value goes in the command's field of that name: `capacity:3` is 3 in the field “capacity”.",
		// The digest schedule's help and hint (syntax.go's ownWords):
		// a field needs no quotes.
		"digest_schedule_help": "when the weekly digest is posted, in the program's time zone: a day and a time like `monday 9:00`, or a cron spec like `0 9 * * 1`",
		"digest_schedule_hint": "Give a day and a time, read in the program's time zone, such as `digest-schedule:monday 9:00`, or a cron spec of five fields (minute, hour, day, month, weekday), such as `digest-schedule:0 9 * * 1`.",
		"needs_program_help":   "the program's name, such as Mentorat 2027",
	},
	bot.French: {
		"root":                 "Mentorat : proposez votre aide ou trouvez un mentor",
		"group":                "commandes {group}",
		"guild_only":           "Utilisez /mentor dans le serveur où se déroule le programme de mentorat : j'ai besoin de savoir de quel serveur vous faites partie.",
		"dm_closed":            "Je n'ai pas pu vous envoyer de message privé : vous risquez de manquer des propositions et des mises en relation. Pour que je puisse vous écrire, ouvrez le menu de ce serveur, choisissez Paramètres de confidentialité et activez les messages privés.",
		"form_late":            "Désolé, j'ai mis trop de temps à ouvrir le formulaire. Relancez la commande, s'il vous plaît.",
		"form_unknown":         "Ce formulaire ne fonctionne plus, donc rien n'a été changé. Tapez `/mentor status` pour faire le point.",
		"thread":               "Mise en relation",
		"left_server":          "Ce bouton ne fonctionne plus\u202f: vous ne faites plus partie du serveur d'où il vient, donc rien n'a été fait. Comme pour toute personne qui quitte le serveur, j'efface ce que je gardais sur vous.",
		"french_words":         "Si votre Discord est en français, les commandes et leurs options s'y affichent en français, comme dans ces exemples.",
		"help_intro":           "Chaque valeur se donne dans le champ de la commande qui porte son nom\u202f: `capacité:3`, c'est 3 dans le champ «\u202fcapacité\u202f».",
		"digest_schedule_help": "quand le bilan hebdomadaire est publié, lu dans le fuseau horaire du programme\u202f: un jour et une heure, comme `le lundi à 9 h 30`, ou une expression cron, comme `0 9 * * 1` (le lundi à 9 h)",
		"digest_schedule_hint": "Donnez un jour et une heure, lus dans le fuseau horaire du programme, comme `horaire-bilan:lundi 9h`, ou une expression cron de cinq champs (minute, heure, jour, mois, jour de la semaine), comme `horaire-bilan:0 9 * * 1`.",
		"needs_program_help":   "le nom du programme, par exemple Mentorat 2027",
	},
}

// refusalText is the sentence of a refusal key: the adapter's own
// (texts), else the core's catalog.
func refusalText(lang bot.Lang, key string) string {
	if _, ok := texts[bot.English][key]; ok {
		return commandsShown(lang, text(lang, key))
	}
	return commandsShown(lang, bot.T(lang, key))
}

// commandsShown writes the commands of a sentence of the catalog, sent
// as it is (unescaped), in Discord's shape, as renderMessage does.
func commandsShown(lang bot.Lang, s string) string {
	rewrite := newSpanRewriter(lang)
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		rewrite.line()
		var b strings.Builder
		last := 0
		for _, sp := range spansIn(line) {
			b.WriteString(line[last:sp[0]])
			b.WriteString("`" + rewrite.span(line[sp[0]+1:sp[1]-1]) + "`")
			last = sp[1]
		}
		b.WriteString(line[last:])
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

// text returns the adapter sentence key in lang, falling back to English.
func text(lang bot.Lang, key string) string {
	if s, ok := texts[lang][key]; ok {
		return s
	}
	return texts[bot.English][key]
}

// langOf reads a Discord locale ("fr", "en-US") as a bot language,
// English when the bot does not speak it.
func langOf(locale string) bot.Lang {
	if l, ok := bot.ParseLang(locale); ok {
		return l
	}
	return bot.English
}

// langReader is what the core may say of a member's language:
// *bot.Bot's LangOf.
type langReader interface {
	LangOf(ctx context.Context, id bot.MemberID) bot.Lang
}

// readerLang is the language of a message sent to a member: the
// message's own (Message.Lang), else the one the core writes to them in,
// when the handler can say (Handler does not require it); "" if unknown.
func (a *Adapter) readerLang(ctx context.Context, to bot.MemberID, msg bot.Message) bot.Lang {
	if msg.Lang != "" {
		return msg.Lang
	}
	if r, ok := a.h.(langReader); ok {
		return r.LangOf(ctx, to)
	}
	return ""
}

// localeLang is what the core says of the language it answers a member
// in, given their client's locale: *bot.Bot's LangIn.
type localeLang interface {
	LangIn(ctx context.Context, id bot.MemberID, locale string) bot.Lang
}
