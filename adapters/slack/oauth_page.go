package slack

import (
	"bytes"
	"html/template"
	"net/http"

	"github.com/mentorbot/mentorbot/bot"
)

// page is what the install flow shows in the browser. Every field is
// escaped by html/template; Link is a template.URL only once built from
// IDs checked against slackID, or a fixed path.
type page struct {
	Lang     bot.Lang
	Title    string
	Lines    []string
	Link     template.URL
	LinkText string
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{range .Lines}}<p>{{.}}</p>
{{end}}{{if .Link}}<p><a href="{{.Link}}">{{.LinkText}}</a></p>
{{end}}</body>
</html>
`))

// refuse shows why nothing was installed, in the browser's language, with
// a link to start again.
func (a *Adapter) refuse(w http.ResponseWriter, r *http.Request, status int, key string, args ...string) {
	lang := bot.AcceptLang(r.Header.Get("Accept-Language"))
	a.writePage(w, status, page{
		Lang: lang, Title: bot.T(lang, "oauth.title_refused"), Lines: []string{bot.T(lang, key, args...)},
		Link: installPath, LinkText: bot.T(lang, "oauth.again"),
	})
}

// installed shows the success page: the workspace, how to start, and a
// link to the bot's App Home in the Slack app.
func (a *Adapter) installed(w http.ResponseWriter, r *http.Request, d installDone) {
	lang := bot.AcceptLang(r.Header.Get("Accept-Language"))
	name := d.Name
	if name == "" {
		name = d.Team
	}
	p := page{Lang: lang, Title: bot.T(lang, "oauth.title_done"), Lines: []string{
		bot.T(lang, "oauth.done", "workspace", name),
		bot.T(lang, "oauth.done_help", "command", bot.TypedIn(lang, "/mentor help")),
	}}
	if d.Manager {
		p.Lines = append(p.Lines, bot.T(lang, "oauth.done_manager"))
	}
	if slackID.MatchString(d.Team) && slackID.MatchString(d.App) {
		home := "slack://app?team=" + d.Team + "&id=" + d.App + "&tab=home"
		p.Link, p.LinkText = template.URL(home), bot.T(lang, "oauth.done_home")
	}
	a.writePage(w, http.StatusOK, p)
}

// writePage writes a page that no other site may frame, that no cache
// keeps, and whose links send no Referer: the address it answers carries
// the code and the state.
func (a *Adapter) writePage(w http.ResponseWriter, status int, p page) {
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, p); err != nil {
		a.log.Error("slack: install page", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
	h.Set("Content-Language", string(p.Lang))
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}
