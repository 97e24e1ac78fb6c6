package slackfake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// uploadURL answers files.getUploadURLExternal with an upload URL on the
// fake itself: slack-go sends the token along only to the host of the Web
// API, so the URL must share it, as Slack's files.slack.com does for
// slack.com.
func (s *Server) uploadURL(c Call) map[string]any {
	if c.Get("filename") == "" || c.Get("length") == "" || c.Get("length") == "0" {
		return fail("invalid_arguments")
	}
	s.mu.Lock()
	s.ts++
	id := fmt.Sprintf("F%06d", s.ts)
	s.mu.Unlock()
	return map[string]any{"ok": true, "upload_url": s.srv.URL + "/upload/" + id, "file_id": id}
}

// serveUpload receives the file, as a multipart form (slack-go's way) or
// a raw body, and records it as a call "upload".
func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request) {
	c := Call{Method: "upload", Path: r.URL.Path, Params: r.URL.Query()}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		if err := r.ParseMultipartForm(8 << 20); err == nil {
			for _, fhs := range r.MultipartForm.File {
				if f, err := fhs[0].Open(); err == nil {
					c.Data, _ = io.ReadAll(f)
					f.Close()
				}
			}
		}
	} else {
		c.Data, _ = io.ReadAll(io.LimitReader(r.Body, 8<<20))
	}
	s.finish(c, http.StatusOK)
	fmt.Fprintf(w, "OK - %d", len(c.Data))
}

// completeUpload shares the uploaded files in the channel.
func (s *Server) completeUpload(c Call) map[string]any {
	var files []map[string]any
	if err := json.Unmarshal([]byte(c.Get("files")), &files); err != nil || len(files) == 0 {
		return fail("invalid_arguments")
	}
	if c.Get("channel_id") == "" {
		return fail("channel_not_found")
	}
	return map[string]any{"ok": true, "files": files}
}
