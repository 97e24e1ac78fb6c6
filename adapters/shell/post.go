package shell

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
)

// FileDir is where Upload and SendFile write files: empty means the
// system's temporary directory. Files are readable by their owner only,
// since an export holds personal data.
var FileDir = ""

var (
	_ bot.Poster   = (*Adapter)(nil)
	_ bot.Uploader = (*Adapter)(nil)
)

// Post implements bot.Poster: a message in a channel is printed with the
// channel's name. Its buttons can be clicked by any member.
func (a *Adapter) Post(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) error {
	lang := postLang(a, msg)
	a.printf("%s %s", bot.T(lang, "shell.in", "channel", channel), a.render("", msg))
	return nil
}

// Upload implements bot.Uploader: the file is written to FileDir and its
// path printed under the message.
func (a *Adapter) Upload(ctx context.Context, t bot.Tenant, channel string, f bot.File, msg bot.Message) error {
	path, err := saveFile(f)
	if err != nil {
		return err
	}
	lang := postLang(a, msg)
	a.printf("%s %s    %s\n", bot.T(lang, "shell.in", "channel", channel), a.render("", msg), bot.T(lang, "shell.file", "path", path))
	return nil
}

// SendFile implements bot.Uploader: as Upload, addressed to one member.
func (a *Adapter) SendFile(ctx context.Context, to bot.MemberID, f bot.File, msg bot.Message) error {
	path, err := saveFile(f)
	if err != nil {
		return err
	}
	lang := a.lang(to.User)
	a.printf("%s %s    %s\n", bot.T(lang, "shell.to", "name", to.User), a.render(to.User, msg), bot.T(lang, "shell.file", "path", path))
	return nil
}

// saveFile writes f under a fresh name ending with f.Name.
func saveFile(f bot.File) (string, error) {
	name := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == '*' || r < ' ' {
			return '_'
		}
		return r
	}, filepath.Base(f.Name))
	file, err := os.CreateTemp(FileDir, "mentorbot-*-"+name)
	if err != nil {
		return "", bot.Wrap(bot.EUNAVAILABLE, err, "create file")
	}
	_, err = file.Write(f.Data)
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file.Name())
		return "", bot.Wrap(bot.EUNAVAILABLE, err, "write file")
	}
	return file.Name(), nil
}

// postLang is the language of the shell's words around a channel post:
// the post's own, else the shell's default.
func postLang(a *Adapter, msg bot.Message) bot.Lang {
	if msg.Lang != "" {
		return msg.Lang
	}
	return a.lang("")
}

var _ bot.PostEditor = (*Adapter)(nil)

// PostEditable implements bot.PostEditor: the post is printed as Post
// prints it; the reference is its channel and the number of the message
// its buttons are on.
func (a *Adapter) PostEditable(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) (string, error) {
	text, n := a.renderNumbered("", msg)
	a.printf("%s %s", bot.T(postLang(a, msg), "shell.in", "channel", channel), text)
	return "shell:" + strconv.Itoa(n) + ":" + channel, nil
}

// EditPost implements bot.PostEditor: the post's buttons can no longer
// be clicked, and the new message is printed, marked as an edit.
func (a *Adapter) EditPost(ctx context.Context, t bot.Tenant, ref string, msg bot.Message) error {
	num, channel, ok := strings.Cut(strings.TrimPrefix(ref, "shell:"), ":")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || !strings.HasPrefix(ref, "shell:") {
		return bot.Errorf(bot.ENOTFOUND, "err.not_found")
	}
	a.mu.Lock()
	for i := range a.buttons {
		if n > 0 && a.buttons[i].msg == n {
			a.buttons[i].gone = true
		}
	}
	a.mu.Unlock()
	a.printf("%s %s", bot.T(postLang(a, msg), "shell.edited_in", "channel", channel), a.render("", msg))
	return nil
}
