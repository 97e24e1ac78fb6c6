package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// discordHarness is MustHarness on a tenant of the platform named
// "discord", whose words the core uses (server, not workspace), with a
// platform that sends files (bot.Uploader).
func discordHarness(t *testing.T) (*bottest.Harness, *managersPlatform) {
	t.Helper()
	tn := storetest.Tenant(t, "test")
	tn.Platform = "discord"
	h := bottest.New(t, storetest.MustMemory(t), tn, bot.Config{})
	up := &managersPlatform{Platform: h.Platform}
	h.Bot.Register(tn.Platform, up)
	return h, up
}

// TestTruthExportMeNoDM: a member whose direct messages the platform
// cannot write to (EGONE: on Discord, their DMs are closed) and who asks
// for their data is told that the file could not be sent, and how to
// open their direct messages, in their platform's words: not that they
// left.
func TestTruthExportMeNoDM(t *testing.T) {
	t.Run("Discord", func(t *testing.T) {
		h, _ := discordHarness(t)
		h.Run("ann", "lang fr")
		h.Platform.Fail = bot.Errorf(bot.EGONE, "err.gone")
		got := h.Run("ann", "mes-données").Message.Text
		want := "Je n'ai pas pu vous envoyer le fichier en message privé\u202f: vos messages privés me sont fermés. Pour les ouvrir, ouvrez le menu de ce serveur, choisissez Paramètres de confidentialité et activez les messages privés, puis tapez à nouveau `/mentor mes-données`."
		if got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
	t.Run("OtherPlatform", func(t *testing.T) {
		h := MustHarness(t)
		up := &managersPlatform{Platform: h.Platform}
		h.Bot.Register(h.Tenant.Platform, up)
		h.Platform.Fail = bot.Errorf(bot.EGONE, "err.gone")
		got := h.Run("ann", "export-me").Message.Text
		want := "I couldn't send you the file by direct message, so nothing was sent. Check that mentorbot may send you direct messages, then type `/mentor export-me` again."
		if got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
}

// TestTruthUnreachableMentor: a mentor who offers the topic but whom the
// proposal cannot reach (EGONE: DMs closed) is not "nobody offers": the
// mentee reads that the mentor could not be reached, and the request
// does not wait on that mentor's proposal.
func TestTruthUnreachableMentor(t *testing.T) {
	t.Run("AtOnce", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("mentor1", "lang fr")
		h.Run("mentee", "lang fr")
		h.Run("mentor1", "propose go")
		h.Platform.Gone["mentor1"] = true
		got := h.Run("mentee", "demande go").Message.Text
		want := "Votre demande sur «\u202fgo\u202f» est enregistrée. Aucun mentor ne peut la prendre pour le moment\u202f: elle attend dans la file et je la proposerai dès qu'un mentor le pourra.\n" +
			"Je n'ai pas pu joindre le mentor de «\u202fgo\u202f»\u202f: mon message privé avec votre demande ne lui est pas parvenu."
		if got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
		MustContain(t, h.Run("mentee", "statut"), "Votre demande\u202f: «\u202fgo\u202f», en attente d'un mentor")
	})
	t.Run("OthersToo", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "offer go")
		h.Run("carl", "offer go languages:de")
		h.Platform.Gone["bob"] = true
		got := h.Run("ann", "request go").Message.Text
		if !strings.HasSuffix(got, "\nI couldn't reach the mentor for “go”: my direct message with your request didn't get through. 1 other mentor for “go” can't take it either.") {
			t.Fatalf("got %q, want bob unreachable and carl counted", got)
		}
	})
	t.Run("BySendJob", func(t *testing.T) {
		// The first send fails for a moment; the send job then finds
		// the mentor unreachable: the proposal is closed at once, not
		// left pending until it expires, and the mentee told why.
		h := MustHarness(t)
		h.Run("bob", "offer go")
		h.Platform.Fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
		MustContain(t, h.Run("ann", "request go"), "I've asked a mentor")
		h.Platform.Fail = nil
		h.Platform.Gone["bob"] = true
		MustTick(t, h, 2*time.Minute)
		toAnn := h.Platform.To("ann")
		want := "No mentor is available for “go” right now. Your request stays in the queue and I'll propose it as soon as someone fits.\n" +
			"I couldn't reach the mentor for “go”: my direct message with your request didn't get through."
		if len(toAnn) != 1 || toAnn[0].Text != want {
			t.Fatalf("got %+v, want ann told %q", toAnn, want)
		}
		MustContain(t, h.Run("ann", "status"), "Your request: “go”, waiting for a mentor")
		delete(h.Platform.Gone, "bob")
		MustContain(t, h.Run("bob", "status"), "Mentor for: go (open to requests)") // the slot is free again
	})
}

// TestTruthStatusLanguageButton: a request that waits because its
// topic's only mentor speaks another language carries "Also accept
// English" in /mentor status too, as in the request's reply.
func TestTruthStatusLanguageButton(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "propose kubernetes langues:en")
	h.Run("ann", "lang fr")
	if bs := h.Run("ann", "demande kubernetes").Message.Buttons; len(bs) != 1 || bs[0].ActionID != bot.ActionRequestLanguages {
		t.Fatalf("got buttons %+v, want the language ask", bs)
	}
	r := h.Run("ann", "statut")
	MustContain(t, r, "Le mentor de «\u202fkubernetes\u202f» ne parle pas votre langue.")
	var found *bot.Button
	for i, b := range r.Message.Buttons {
		if b.ActionID == bot.ActionRequestLanguages {
			found = &r.Message.Buttons[i]
		}
	}
	if found == nil || found.Label != "Accepter aussi\u202f: anglais" {
		t.Fatalf("got buttons %+v, want “Accepter aussi : anglais”", r.Message.Buttons)
	}
	reply := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("ann"), ActionID: found.ActionID, Value: found.Value})
	MustContain(t, reply, "j'ai sollicité un mentor")
}

// TestTruthHeldRequestState: a second request while the first waits for
// its program's kick-off says that it waits for that day, not for a
// mentor.
func TestTruthHeldRequestState(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("ann", "lang fr")
	MustContain(t, h.Run("ann", "demande go type:individuel programme:mentorat-2027"), "le 10 novembre 2026")
	got := h.Run("ann", "demande go type:individuel").Message.Text
	if !strings.HasPrefix(got, "Vous avez déjà une demande sur «\u202fgo\u202f» (en attente du lancement de «\u202fMentorat 2027\u202f», le 10 novembre 2026)") {
		t.Fatalf("got %q, want the request waiting for the kick-off of Mentorat 2027", got)
	}
	h.Run("bob", "request go program:mentorat-2027")
	MustContain(t, h.Run("bob", "request go"), "(waiting for the kick-off of “Mentorat 2027”, on 10 November 2026)")
}

// TestTruthReminderWaitedNow: a proposal's reminder gives the time the
// request has waited when the reminder goes, not when the proposal went.
func TestTruthReminderWaitedNow(t *testing.T) {
	h := MustHarness(t)
	why := func(m bot.Message) string {
		for _, f := range m.Fields {
			if f.Label == "Pourquoi ce binôme" {
				return f.Value
			}
		}
		return ""
	}
	h.Run("ann", "demande go")
	MustTick(t, h, 2*24*time.Hour)
	h.Run("mia", "lang fr")
	h.Run("mia", "propose go capacité:1 langues:fr,en")
	toMia := h.Platform.To("mia")
	if len(toMia) != 1 || !strings.Contains(why(toMia[0]), "en attente depuis 2 jours, donc en tête de file") {
		t.Fatalf("got %+v, want ann's request proposed, waited 2 days", toMia)
	}
	MustTick(t, h, 24*time.Hour)
	toMia = h.Platform.To("mia")
	if len(toMia) != 2 || !strings.HasPrefix(toMia[1].Title, "Rappel") {
		t.Fatalf("got %+v, want the reminder", toMia)
	}
	if got := why(toMia[1]); !strings.Contains(got, "en attente depuis 3 jours, donc en tête de file") {
		t.Fatalf("got reminder reasons %q, want 3 days waited", got)
	}
}

// TestTruthReminderRetracted: a proposal withdrawn or expired after its
// reminder went has both its messages replaced, the reminder too: no
// Accept is left live.
func TestTruthReminderRetracted(t *testing.T) {
	t.Run("Withdrawn", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "offer go")
		h.Run("ann", "request go")
		id := h.Button("bob", bot.ActionProposalAccept).Value
		MustTick(t, h, 25*time.Hour)
		h.Run("ann", "cancel")
		for _, key := range []string{"psend:" + id + ":bob", "premind:" + id + ":bob"} {
			got, ok := h.Platform.Retracted(key)
			if !ok || got.Text != "This request on “go” was withdrawn: no need to answer it." || len(got.Buttons) != 0 {
				t.Errorf("%s: got %+v, %v; want it replaced, without buttons", key, got, ok)
			}
		}
	})
	t.Run("Expired", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "offer go")
		h.Run("ann", "request go")
		id := h.Button("bob", bot.ActionProposalAccept).Value
		MustTick(t, h, 25*time.Hour)
		MustTick(t, h, 24*time.Hour)
		if _, ok := h.Platform.Retracted("premind:" + id + ":bob"); !ok {
			t.Fatal("got the reminder left as it was, want it replaced")
		}
	})
}

// TestTruthCharterCancelled: when a pair is cancelled over its charter,
// the other member's charter message is replaced where the platform can,
// and a click on a charter button left says why the pair was cancelled,
// not "you have already answered".
func TestTruthCharterCancelled(t *testing.T) {
	t.Run("Declined", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "lang fr")
		h.Run("bob", "propose go langues:fr,en")
		h.Run("ann", "request go")
		h.Click("bob", "bob", bot.ActionProposalAccept)
		accept := h.Button("bob", bot.ActionCharterAccept)
		pair := charterPair(accept)
		h.Click("ann", "ann", bot.ActionCharterDecline)
		got, ok := h.Platform.Retracted("csend:" + pair + ":bob")
		if !ok || got.Text != "Ce binôme sur «\u202fgo\u202f» a été annulé avant de commencer\u202f: inutile de répondre à cette charte." || len(got.Buttons) != 0 {
			t.Fatalf("got %+v, %v; want bob's charter replaced, without buttons", got, ok)
		}
		r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: accept.ActionID, Value: accept.Value})
		want := "Votre binôme avec Ann sur «\u202fgo\u202f» a été annulé avant que la charte soit acceptée des deux côtés\u202f: il n'y a plus rien à accepter ni à refuser."
		if r.Message.Text != want {
			t.Fatalf("got %q, want %q", r.Message.Text, want)
		}
	})
	t.Run("TimedOut", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "offer go")
		h.Run("ann", "request go")
		h.Click("bob", "bob", bot.ActionProposalAccept)
		h.Click("bob", "bob", bot.ActionCharterAccept)
		decline := h.Button("ann", bot.ActionCharterDecline)
		MustTick(t, h, 8*24*time.Hour)
		if _, ok := h.Platform.Retracted("csend:" + charterPair(decline) + ":ann"); !ok {
			t.Fatal("got ann's charter left as it was, want it replaced")
		}
		r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("ann"), ActionID: decline.ActionID, Value: decline.Value})
		want := "The charter for your pair with Bob on “go” wasn't accepted in time, so the pair was cancelled before it started: there is nothing left to accept or decline."
		if r.Message.Text != want {
			t.Fatalf("got %q, want %q", r.Message.Text, want)
		}
	})
}

// charterPair is the pair a charter button is about: its value without
// the owner's mark ("@ann:") and the version.
func charterPair(b bot.Button) string {
	v := b.Value
	if strings.HasPrefix(v, "@") {
		_, v, _ = strings.Cut(v, ":")
	}
	pair, _, _ := strings.Cut(v, ":")
	return pair
}
