package main_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// TestSlackFlow plays the whole core flow through the real Main, with
// slash commands and block_actions shaped like Slack's, over HTTP (signed
// requests to the real server) and over Socket Mode (envelopes on a fake
// websocket), and checks the Web API calls the bot made: request,
// proposal, decline, second proposal, accept, both charters, and the
// introduction as one group DM.
func TestSlackFlow(t *testing.T) {
	t.Run("HTTP", func(t *testing.T) { testFlow(t, MustStartSlack(t)) })
	t.Run("SocketMode", func(t *testing.T) { testFlow(t, MustStartSlackSocket(t)) })
}

func testFlow(t *testing.T, w *world) {

	MustContain(t, w.MustCommand(bob, "offer go, kubernetes"), en("offer.saved", "topics", "go and kubernetes"))
	MustContain(t, w.MustCommand(carol, "offer go"), en("offer.saved", "topics", "go"))

	// Slack escapes what Alice types (should_escape): her goal reaches the
	// core as plain text, and must reach Bob as text, not as a broadcast,
	// a mention or a link: the member she named as she saw them (@evil),
	// the link's label with the URL it hides.
	typed := "ship it &lt;!channel&gt; &amp; <@UEVIL|evil> <https://evil.example|click>"
	MustContain(t, w.MustCommand(alice, "request go goal: "+typed), en("request.proposed", "topic", "go"))

	first := w.firstProposal()
	firstMentor, secondMentor := bob, carol
	if first.Get("channel") == "D"+carol.ID {
		firstMentor, secondMentor = carol, bob
	}
	t.Run("ProposalIsSafeBlockKit", func(t *testing.T) {
		MustContain(t, first, "ship it <!channel> & @evil click (https://evil.example)", "Alice Martin")
		if got := first.AllText(); strings.Contains(got, "<!channel>") || strings.Contains(got, "<@UEVIL") || strings.Contains(got, "<https://evil") {
			t.Fatalf("got proposal text with live markup:\n%s", got)
		}
		if got := first.Token; got != "xoxb-test" {
			t.Fatalf("got token %q, want the bot token", got)
		}
	})

	w.click(firstMentor, first, "proposal.decline")
	MustContain(t, w.updated(first), en("proposal.declined", "topic", "go"))
	if got := w.updated(first).Buttons(); len(got) != 0 {
		t.Fatalf("got buttons %v on the declined proposal, want none", got)
	}

	second := w.dms(secondMentor, 1, hasButton("proposal.accept"))[0]
	w.click(secondMentor, second, "proposal.accept")
	MustContain(t, w.updated(second), en("proposal.accepted", "mentee", "Alice Martin", "topic", "go"))

	charterMentor := w.dms(secondMentor, 1, hasButton("charter.accept"))[0]
	charterMentee := w.dms(alice, 1, hasButton("charter.accept"))[0]
	w.click(secondMentor, charterMentor, "charter.accept")
	w.updated(charterMentor)
	w.click(alice, charterMentee, "charter.accept")
	MustContain(t, w.updated(charterMentee), en("charter.both"))

	t.Run("IntroductionIsOneGroupDM", func(t *testing.T) {
		opens := w.fake.WaitCalls(t, "conversations.open", 1, func(c slackfake.Call) bool { return strings.Contains(c.Get("users"), ",") }, wait)
		users := strings.Split(opens[0].Get("users"), ",")
		if len(users) != 2 || !contains(users, alice.ID) || !contains(users, secondMentor.ID) {
			t.Fatalf("got group DM with %v, want %s and %s", users, alice.ID, secondMentor.ID)
		}
		intro := w.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool { return strings.HasPrefix(c.Get("channel"), "G") }, wait)
		MustContain(t, intro[0], "Alice Martin", "https://meet.jit.si/mentorbot-")
		if got := intro[0].AllText(); !strings.Contains(got, "<@"+alice.ID+">") {
			t.Fatalf("got introduction without a real mention of Alice:\n%s", got)
		}
	})

	t.Run("ReplayedClickIsPoliteAndChangesNothing", func(t *testing.T) {
		updates := len(w.fake.Calls("chat.update"))
		name := w.click(secondMentor, second, "proposal.accept")
		r := w.reply(name)
		if r.Body["replace_original"] != false || r.Body["response_type"] != "ephemeral" {
			t.Fatalf("got response %v, want ephemeral without replace_original", r.Body)
		}
		MustContain(t, r, en("err.proposal_accepted"))
		if got := len(w.fake.Calls("chat.update")); got != updates {
			t.Fatalf("got %d chat.update calls after a replayed click, want %d", got, updates)
		}
	})

	t.Run("ForeignClickIsRefused", func(t *testing.T) {
		r := w.reply(w.click(firstMentor, charterMentee, "charter.decline"))
		MustContain(t, r, en("err.not_your_button"))
	})
}

// firstProposal waits for the first proposal posted to a mentor.
func (w *world) firstProposal() slackfake.Call {
	w.tb.Helper()
	return w.fake.WaitCalls(w.tb, "chat.postMessage", 1, hasButton("proposal.accept"), wait)[0]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestSlackForm opens the request form with an empty /mentor request,
// then submits it: wrong values come back inline, right ones close the
// modal and the answer comes ephemerally.
func TestSlackForm(t *testing.T) {
	t.Run("HTTP", func(t *testing.T) { testForm(t, MustStartSlack(t)) })
	t.Run("SocketMode", func(t *testing.T) { testForm(t, MustStartSlackSocket(t)) })
}

func testForm(t *testing.T, w *world) {
	name, a := w.command(alice, "request")
	MustAck(t, a, "")
	open := w.fake.WaitCalls(t, "views.open", 1, nil, wait)[0]
	if got := open.Get("trigger_id"); !strings.HasPrefix(got, "trigger-") {
		t.Fatalf("got trigger_id %q, want the command's", got)
	}
	if view := open.View(); view["type"] != "modal" || len(open.Blocks()) == 0 {
		t.Fatalf("got view %v, want a modal with inputs", open.View())
	}
	MustContain(t, open, en("form.request.title"), en("label.topic"))

	t.Run("ErrInvalid", func(t *testing.T) {
		a := w.submit(alice, open, map[string]string{"topic": "go", "kind": "weekly chats"})
		if a.Status != http.StatusOK || !strings.Contains(a.Body, `"response_action":"errors"`) || !strings.Contains(a.Body, `"kind"`) {
			t.Fatalf("got ack %d %s, want inline errors on kind", a.Status, a.Body)
		}
		if a.Elapsed > ackLimit {
			t.Fatalf("got ack in %s, want under %s", a.Elapsed, ackLimit)
		}
	})

	t.Run("OK", func(t *testing.T) {
		MustAck(t, w.submit(alice, open, map[string]string{"topic": "rust", "goal": "a first crate"}), "")
		MustContain(t, w.reply(name), en("request.waiting", "topic", "rust"))
	})
}

// TestSlackCommandInput covers what people type wrong.
func TestSlackCommandInput(t *testing.T) {
	w := MustStartSlack(t)
	t.Run("Empty", func(t *testing.T) {
		MustContain(t, w.MustCommand(alice, ""), en("help.title"))
	})
	t.Run("Oversized", func(t *testing.T) {
		MustContain(t, w.MustCommand(alice, "request "+strings.Repeat("go ", 1000)), en("err.text_too_long", "max", "2,000"))
	})
	t.Run("Misspelled", func(t *testing.T) {
		MustContain(t, w.MustCommand(alice, "statuz"), en("err.unknown_command_suggest", "command", "statuz", "suggestion", "status"))
	})
}

// TestSlackSocketMode checks what only Socket Mode does: it connects with
// the app token, and acknowledges each envelope by its envelope_id.
func TestSlackSocketMode(t *testing.T) {
	w := MustStartSlackSocket(t)
	opens := w.fake.Calls("apps.connections.open")
	if len(opens) != 1 || opens[0].Token != "xapp-test" {
		t.Fatalf("got %d apps.connections.open, want one with the app token", len(opens))
	}
	if got := w.sock.Origin(); got == "" {
		t.Fatalf("got no Origin header, want slack-go's")
	}
	t.Run("EventsAreAcked", func(t *testing.T) {
		ev := slackfake.EventEnvelope(slackfake.Event("event_callback", w.team, "Ev9", "member_joined_channel"), "env-event")
		if err := w.sock.Send(ev); err != nil {
			t.Fatal(err)
		}
		w.sock.WaitAck(t, "env-event", ackLimit)
	})
	t.Run("Reconnects", func(t *testing.T) {
		// Slack asks for a new connection from time to time.
		if err := w.sock.Send(slackfake.Frame("disconnect_refresh")); err != nil {
			t.Fatal(err)
		}
		w.sock = w.fake.WaitNewSocket(t, w.sock, wait)
		MustContain(t, w.MustCommand(alice, "help"), en("help.title"))
	})
	t.Run("NoHTTPEndpoint", func(t *testing.T) {
		body := slackfake.Command{Team: w.team, User: alice.ID, Text: "status"}.Body()
		if got := w.post("/slack/commands", testSecret, time.Now(), body).Status; got == http.StatusOK {
			t.Fatalf("got 200 from /slack/commands in Socket Mode without a signing secret, want no endpoint")
		}
	})
}

// TestSlackManagers runs managers' commands: Slack's workspace admins are
// managers, others are refused; an export arrives as a file in a DM; a
// call for mentors is posted in a channel, and its button opens the offer
// form for whoever clicks it.
func TestSlackManagers(t *testing.T) {
	w := MustStartSlack(t)
	t.Run("ErrForbidden", func(t *testing.T) {
		MustContain(t, w.MustCommand(alice, "admin export"), en("err.forbidden"))
	})
	t.Run("Export", func(t *testing.T) {
		w.MustCommand(bob, "offer go")
		MustContain(t, w.MustCommand(admin, "admin export"), "Your export is on its way")
		done := w.fake.WaitCalls(t, "files.completeUploadExternal", 1, nil, wait)[0]
		if got := done.Get("channel_id"); got != "D"+admin.ID {
			t.Fatalf("got the export shared in %q, want Ada's DM", got)
		}
		if up := w.fake.Calls("upload"); len(up) != 1 || !strings.Contains(string(up[0].Data), bob.ID) {
			t.Fatalf("got %d uploads, want the CSV naming Bob", len(up))
		}
	})
	t.Run("Announce", func(t *testing.T) {
		MustContainLink(t, w.MustCommand(admin, "admin announce <#C0GENERAL|general>"), en("admin.announce.done", "channel", "#C0GENERAL"), "C0GENERAL")
		post := w.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool { return c.Get("channel") == "C0GENERAL" }, wait)[0]
		name := w.click(carol, post, "offer.open")
		trigger := "trigger-" + strings.TrimPrefix(name, "click-")
		open := w.fake.WaitCalls(t, "views.open", 1, func(c slackfake.Call) bool { return c.Get("trigger_id") == trigger }, wait)[0]
		MustContain(t, open, en("form.offer.title"))
		MustAck(t, w.submit(carol, open, map[string]string{"topics": "rust"}), "")
		MustContain(t, w.reply(name), en("offer.saved", "topics", "rust"))
	})
	// A call for a program: the form's offer joins the program, which
	// travels in the modal's metadata; the program's report follows as
	// files.
	t.Run("ProgramCallAndReport", func(t *testing.T) {
		MustContain(t, w.MustCommand(admin, `admin program create "Mentorat 2027" start:2027-01-15 end:2027-06-30`), "Program “Mentorat 2027” created")
		w.MustCommand(admin, "admin announce <#C0PROGRAM|program> program:mentorat-2027")
		post := w.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool { return c.Get("channel") == "C0PROGRAM" }, wait)[0]
		MustContain(t, post, "“Mentorat 2027” runs from 15 January 2027 to 30 June 2027.")
		name := w.click(bob, post, "offer.open")
		trigger := "trigger-" + strings.TrimPrefix(name, "click-")
		open := w.fake.WaitCalls(t, "views.open", 1, func(c slackfake.Call) bool { return c.Get("trigger_id") == trigger }, wait)[0]
		if meta, _ := open.View()["private_metadata"].(string); !strings.Contains(meta, `"f":{"program":"mentorat-2027"}`) {
			t.Fatalf("got private_metadata %q, want the program fixed", meta)
		}
		MustAck(t, w.submit(bob, open, map[string]string{"topics": "sql"}), "")
		MustContain(t, w.reply(name), "Mentorat 2027")
		MustContain(t, w.MustCommand(admin, "admin report program:mentorat-2027"), "End-of-program report: Mentorat 2027")
		w.fake.WaitCalls(t, "upload", 1, func(c slackfake.Call) bool { return strings.HasPrefix(string(c.Data), "figure,program,previous") }, wait)
	})
}
