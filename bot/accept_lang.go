package bot

import "golang.org/x/text/language"

// acceptMatcher picks among the languages the bot speaks; English first,
// so that it is the answer when none is acceptable.
var acceptMatcher = language.NewMatcher([]language.Tag{language.English, language.French})

// AcceptLang returns the language to answer a web browser in, from its
// Accept-Language header ("fr-FR,fr;q=0.9,en;q=0.8"): the supported
// language it prefers, English when it names none or the header is bad.
// Adapters use it for the pages they serve (the Slack install's).
func AcceptLang(header string) Lang {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil || len(tags) == 0 {
		return English
	}
	_, i, conf := acceptMatcher.Match(tags...)
	if conf == language.No || i != 1 {
		return English
	}
	return French
}
