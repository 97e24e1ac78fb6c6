package discordtest

import (
	"strings"
	"testing"
	"time"
)

// Calls returns every call so far, in order.
func (f *REST) Calls() []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Call(nil), f.calls...)
}

// CallsTo returns the calls whose route ("METHOD path") starts with route.
func (f *REST) CallsTo(route string) []Call {
	var out []Call
	for _, c := range f.Calls() {
		if strings.HasPrefix(c.Route(), route) {
			out = append(out, c)
		}
	}
	return out
}

// DMChannel returns the DM channel opened with user, "" if none.
func (f *REST) DMChannel(user string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.dmOf[user]
}

// DMs returns the messages delivered to user's DMs, in order.
func (f *REST) DMs(user string) []Message {
	ch := f.DMChannel(user)
	if ch == "" {
		return nil
	}
	return f.Messages(ch)
}

// Messages returns the messages delivered to a channel, in order.
func (f *REST) Messages(channel string) []Message {
	var out []Message
	for _, c := range f.CallsTo("POST channels/" + channel + "/messages") {
		if c.Status == 200 {
			m := c.Message()
			if sent, err := decode[Message](c.Resp); err == nil {
				m.ID = sent.ID
			}
			m.ChannelID = channel
			m.Files = c.Files
			out = append(out, m)
		}
	}
	return out
}

// Threads returns the threads the bot started, in order.
func (f *REST) Threads() []Thread {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Thread, 0, len(f.threadOrder))
	for _, id := range f.threadOrder {
		t := *f.threads[id]
		t.Members = append([]string(nil), t.Members...)
		out = append(out, t)
	}
	return out
}

// Responses returns the responses sent to an interaction through the
// callback endpoint (the gateway way).
func (f *REST) Responses(interactionID string) []Response {
	var out []Response
	for _, c := range f.CallsTo("POST interactions/" + interactionID + "/") {
		out = append(out, c.Response())
	}
	return out
}

// Edits returns the edits of an interaction's original response.
func (f *REST) Edits(token string) []Message {
	return f.webhookMessages("PATCH", token)
}

// Followups returns the follow-up messages of an interaction.
func (f *REST) Followups(token string) []Message {
	return f.webhookMessages("POST", token)
}

func (f *REST) webhookMessages(method, token string) []Message {
	var out []Message
	for _, c := range f.Calls() {
		p := strings.Split(c.Path, "/")
		if c.Method == method && len(p) >= 3 && p[0] == "webhooks" && p[2] == token && c.Status == 200 {
			out = append(out, c.Message())
		}
	}
	return out
}

// Registrations returns the bulk overwrites of commands so far.
func (f *REST) Registrations() []Registration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Registration(nil), f.registered...)
}

// WaitFor polls until cond holds, failing the test after 15 s. Work after
// an interaction's first response (edits, follow-ups) is asynchronous.
func (f *REST) WaitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out waiting for %s; calls: %v", what, routes(f.Calls()))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func routes(calls []Call) []string {
	out := make([]string, len(calls))
	for i, c := range calls {
		out[i] = c.Route()
	}
	return out
}
