package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// viewsOpenAnswer is what the adapter reads of views.open's answer: Slack
// sends the whole view back, which nothing here needs.
type viewsOpenAnswer struct {
	OK               bool                   `json:"ok"`
	Error            string                 `json:"error"`
	ResponseMetadata slack.ResponseMetadata `json:"response_metadata"`
}

// viewsOpenBody is the JSON body of views.open: the trigger and the
// form's view, written once into one buffer.
func (a *Adapter) viewsOpenBody(triggerID string, f bot.Form, meta formMeta) ([]byte, error) {
	if triggerID == "" {
		return nil, slack.ErrParametersMissing
	}
	trigger, err := json.Marshal(triggerID)
	if err != nil {
		return nil, err
	}
	head, tail, err := a.modals.view(f, meta)
	if err != nil {
		return nil, err
	}
	body := make([]byte, 0, len(trigger)+len(head)+len(tail)+24)
	body = append(body, `{"trigger_id":`...)
	body = append(body, trigger...)
	body = append(body, `,"view":`...)
	body = append(append(body, head...), tail...)
	return append(body, '}'), nil
}

// openView posts views.open (no scope needed beyond the trigger) with a
// body from viewsOpenBody. It does what slack-go's OpenViewContext does,
// without building the view's JSON by reflection on every call and
// decoding the whole view Slack sends back, which were most of the form
// path's cost under load. Failures are slack-go's error types
// (RateLimitedError, StatusCodeError, SlackErrorResponse, or the HTTP
// client's), so that call retries and classifies them like any other
// method's.
func (a *Adapter) openView(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.opt.APIURL+"views.open", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Authorization", "Bearer "+a.opt.BotToken)
	res, err := a.opt.HTTPClient.Do(req)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 1<<20)) // keep the connection
		res.Body.Close()
	}()
	if res.StatusCode == http.StatusTooManyRequests && res.Header.Get("Retry-After") != "" {
		s, err := strconv.ParseInt(res.Header.Get("Retry-After"), 10, 64)
		if err != nil {
			return err
		}
		return &slack.RateLimitedError{RetryAfter: time.Duration(s) * time.Second}
	}
	if res.StatusCode != http.StatusOK {
		return slack.StatusCodeError{Code: res.StatusCode, Status: res.Status}
	}
	var ans viewsOpenAnswer
	if err := json.NewDecoder(io.LimitReader(res.Body, 1<<20)).Decode(&ans); err != nil {
		return errors.Join(errBadAnswer, err)
	}
	if !ans.OK {
		return slack.SlackErrorResponse{Err: ans.Error, ResponseMetadata: ans.ResponseMetadata}
	}
	return nil
}

const errBadAnswer = constError("views.open: unreadable answer")
