package main_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// slackCast is a Slack tenant's members as the fake knows them.
type slackCast struct{ alice, bob, carol, manager slackfake.User }

// TestSeparation runs two Slack workspaces (A, B) and two Discord servers
// (G1, G2) in one process, against the fakes. Each has an alice who
// mentors, a bob who asks, and ada who manages, with the same display
// names and the same topic; B and G2 also have carol, a second mentee. On
// Discord, alice is one person in both servers, with one DM channel for
// both. Each tenant plays offers, requests, proposals, the charter, a
// check-in, the managers' digest, the managers' export, export-me, then
// alice forgets herself in A and in G1. Nothing may cross: no message, no
// pair, no digest figure, no CSV row, no erased key.
func TestSeparation(t *testing.T) {
	w := mustStartSeparation(t)
	clock := w.m.Clock.(*bot.ManualClock)

	sa, sb := w.a, w.addSlack(t, "U2ADMIN")
	// B's members have A's names; their own IDs, as Slack gives them.
	twin := func(u slackfake.User, id string) slackfake.User { u.ID = id; return u }
	castA := slackCast{alice, bob, slackfake.User{}, admin}
	castB := slackCast{twin(alice, "U2ALICE"), twin(bob, "U2BOB"), twin(carol, "U2CAROL"), twin(admin, "U2ADMIN")}
	w.fake.AddUser(castB.alice, castB.bob, castB.carol, castB.manager)
	g1, g2 := w.addDiscord(t), w.addDiscord(t)
	dAlice := discordGuild(t) // one person, in both servers

	A := &sepTenant{Name: "Slack A", Tenant: bot.Tenant{Platform: "slack", Workspace: sa.team}, Alice: castA.alice.ID, Bob: castA.bob.ID,
		Manager: castA.manager.ID, Goal: sepMark(t, "A"), Digest: "C0MGRSA", Pairs: 1}
	B := &sepTenant{Name: "Slack B", Tenant: bot.Tenant{Platform: "slack", Workspace: sb.team}, Alice: castB.alice.ID, Bob: castB.bob.ID,
		Carol: castB.carol.ID, Manager: castB.manager.ID, Goal: sepMark(t, "B"), Digest: "C0MGRSB", Pairs: 2}
	G1 := &sepTenant{Name: "Discord G1", Tenant: bot.Tenant{Platform: "discord", Workspace: g1}, Alice: dAlice, Bob: discordGuild(t),
		Manager: discordGuild(t), Goal: sepMark(t, "G1"), Digest: discordGuild(t), Pairs: 1}
	G2 := &sepTenant{Name: "Discord G2", Tenant: bot.Tenant{Platform: "discord", Workspace: g2}, Alice: dAlice, Bob: discordGuild(t),
		Carol: discordGuild(t), Manager: discordGuild(t), Goal: sepMark(t, "G2"), Digest: discordGuild(t), Pairs: 2}
	all := []*sepTenant{A, B, G1, G2}
	slackOf := map[*sepTenant]*world{A: sa, B: sb}
	castOf := map[*sepTenant]slackCast{A: castA, B: castB}

	for _, tn := range []*sepTenant{A, B} {
		playSlack(t, slackOf[tn], tn, castOf[tn])
	}
	playDiscord(t, w, G1, G2)
	for _, tn := range all {
		mustPairs(t, w, tn)
	}
	t.Run("Introductions", func(t *testing.T) { mustDiscordIntros(t, w, G1, G2) })

	t.Run("CheckIn", func(t *testing.T) {
		clock.Advance(3*24*time.Hour + time.Hour)
		w.tick(t, all)
		for _, tn := range []*sepTenant{A, B} {
			s, c := slackOf[tn], castOf[tn]
			s.click(c.bob, s.dms(c.bob, 1, hasButton(bot.ActionCheckinYes))[0], bot.ActionCheckinYes)
		}
		for _, tn := range []*sepTenant{G1, G2} {
			checkin := w.mustDiscordDM(t, tn, tn.Bob, bot.ActionCheckinYes, 1)
			discordUpdated(t, w.discord[tn.Tenant.Workspace].Click(t, tn.Bob, checkin, bot.ActionCheckinYes), "")
		}
	})

	t.Run("Digest", func(t *testing.T) {
		clock.Advance(time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC).Sub(clock.Now()))
		w.tick(t, all)
		for _, tn := range all {
			mustDigest(t, w, tn, all)
		}
	})

	t.Run("Export", func(t *testing.T) {
		for _, tn := range []*sepTenant{A, B} {
			s, c := slackOf[tn], castOf[tn]
			MustContain(t, s.MustCommand(c.manager, "admin export"), "Your export is on its way")
			mustExportCSV(t, tn, all, slackFile(t, w, w.fake.DM(tn.Tenant.Workspace, c.manager.ID), ".csv"))
		}
		for _, tn := range []*sepTenant{G1, G2} {
			w.discordAs(t, tn, tn.Manager, "ada", "admin export")
			mustExportCSV(t, tn, all, discordFile(t, w, tn.Manager, ".csv", 1))
		}
	})

	t.Run("ExportMe", func(t *testing.T) {
		for _, tn := range []*sepTenant{A, B} {
			s, c := slackOf[tn], castOf[tn]
			MustContain(t, s.MustCommand(c.alice, "export-me"), en("exportme.done"))
			mustOnly(t, "export-me of alice in "+tn.Name, slackFile(t, w, w.fake.DM(tn.Tenant.Workspace, c.alice.ID), ".json"), tn, all)
		}
		// Alice's one DM channel gets her data of G1, then of G2.
		for i, tn := range []*sepTenant{G1, G2} {
			discordEphemeral(t, w.discordAs(t, tn, tn.Alice, "alice", "export-me"), en("exportme.done"))
			mustOnly(t, "export-me of alice in "+tn.Name, discordFile(t, w, tn.Alice, ".json", i+1), tn, all)
		}
	})

	t.Run("Forget", func(t *testing.T) {
		s := slackOf[A]
		confirm := s.MustCommand(castA.alice, "forget")
		MustContain(t, s.reply(s.clickEphemeral(castA.alice, confirm, bot.ActionForgetConfirm)), en("forget.done"))
		r := w.discordAs(t, G1, dAlice, "alice", "forget")
		b, ok := r.Data.Button(bot.ActionForgetConfirm)
		if !ok {
			t.Fatalf("got buttons %+v, want the confirmation's", r.Data.Buttons())
		}
		if got := discordText(t, w, g1, discordtest.ClickInChannel(discordApp, g1, dAlice, discordCommandChannel, discordGuild(t), b.CustomID)); got != en("forget.done") {
			t.Fatalf("got %q, want %q", got, en("forget.done"))
		}
		hits := settledMentions(t, w, A.Alice, B.Alice, dAlice)
		mustForgotten(t, w, A, B, hits)
		mustForgotten(t, w, G1, G2, hits)
	})

	t.Run("NothingCrossed", func(t *testing.T) {
		mustSlackSeparate(t, w, all)
		mustDiscordSeparate(t, w, all)
	})
}

// playSlack offers, requests, accepts the proposals and the charters in
// a Slack workspace, and sets its managers' channel.
func playSlack(t *testing.T, s *world, tn *sepTenant, c slackCast) {
	t.Helper()
	MustContain(t, s.MustCommand(c.alice, "offer go"), en("offer.saved", "topics", "go"))
	mentees := []slackfake.User{c.bob}
	if tn.Carol != "" {
		mentees = append(mentees, c.carol)
	}
	for i, mentee := range mentees {
		MustContain(t, s.MustCommand(mentee, "request go goal: "+tn.Goal), en("request.proposed", "topic", "go"))
		p := s.dms(c.alice, i+1, hasButton(bot.ActionProposalAccept))[i]
		MustContain(t, p, tn.Goal, mentee.RealName)
		s.click(c.alice, p, bot.ActionProposalAccept)
		MustContain(t, s.updated(p), en("proposal.accepted", "mentee", mentee.RealName, "topic", "go"))
		if i == 0 {
			// Alice accepts the charter once in her workspace; her next
			// pair there takes that acceptance.
			ch := s.dms(c.alice, 1, hasButton(bot.ActionCharterAccept))[0]
			s.click(c.alice, ch, bot.ActionCharterAccept)
			s.updated(ch)
		}
		ch := s.dms(mentee, 1, hasButton(bot.ActionCharterAccept))[0]
		s.click(mentee, ch, bot.ActionCharterAccept)
		MustContain(t, s.updated(ch), en("charter.both"))
	}
	s.MustCommand(c.manager, "admin digest-channel <#"+tn.Digest+"|managers>")
}

// playDiscord plays the same in both servers, where alice is one person:
// both servers' proposals reach her one DM channel, and a click on G1's
// acts in G1 only, whatever its custom_id is made to say.
func playDiscord(t *testing.T, w *sepWorld, g1, g2 *sepTenant) {
	t.Helper()
	ctx := context.Background()
	for _, tn := range []*sepTenant{g1, g2} {
		for user, name := range map[string]string{tn.Alice: "alice", tn.Bob: "bob", tn.Carol: "carol", tn.Manager: "ada"} {
			if user != "" {
				w.rest.SetName(user, name)
			}
		}
		discordEphemeral(t, w.discordAs(t, tn, tn.Alice, "alice", "offer", discordtest.Option{Name: "topics", Value: "go"}), "mentor for: go")
		discordEphemeral(t, w.discordAs(t, tn, tn.Manager, "ada", "admin digest-channel", discordtest.Option{Name: "channel", Value: "<#" + tn.Digest + ">"}), "")
	}
	// G2's request first: G1's proposal is the last in the shared DM.
	for _, tn := range []*sepTenant{g2, g1} {
		discordEphemeral(t, w.discordAs(t, tn, tn.Bob, "bob", "request", discordtest.Option{Name: "topic", Value: "go"},
			discordtest.Option{Name: "goal", Value: tn.Goal}), "asked a mentor")
	}
	p1 := w.mustDiscordDM(t, g1, g1.Alice, bot.ActionProposalAccept, 1)
	p2 := w.mustDiscordDM(t, g2, g2.Alice, bot.ActionProposalAccept, 1)
	if p1.ChannelID != p2.ChannelID || !strings.Contains(p1.Text(), g1.Goal) || !strings.Contains(p2.Text(), g2.Goal) {
		t.Fatalf("got proposals %q in %s and %q in %s, want each server's goal in one DM channel", p1.Text(), p1.ChannelID, p2.Text(), p2.ChannelID)
	}
	c1, c2 := w.discord[g1.Tenant.Workspace], w.discord[g2.Tenant.Workspace]

	// G1's button, its custom_id rewritten to say G2: no pair anywhere.
	b, _ := p1.Button(bot.ActionProposalAccept)
	forged := strings.Replace(b.CustomID, ":"+g1.Tenant.Workspace+":", ":"+g2.Tenant.Workspace+":", 1)
	if r := c1.Send(t, discordtest.Click(discordApp, g1.Alice, p1.ChannelID, p1.ID, forged)); r.Data != nil && strings.Contains(r.Data.Text(), "You accepted") {
		t.Fatalf("got %q, want G1's proposal not accepted through G2", r.Data.Text())
	}
	for _, tn := range []*sepTenant{g1, g2} {
		if n := len(tenantPairs(t, w, tn)); n != 0 {
			t.Fatalf("got %d pairs in %s after a forged click, want none", n, tn.Name)
		}
	}

	discordUpdated(t, c1.Click(t, g1.Alice, p1, bot.ActionProposalAccept), "You accepted")
	if n := len(tenantPairs(t, w, g1)); n != 1 {
		t.Fatalf("got %d pairs in G1 after alice accepted its proposal, want 1", n)
	}
	if n := len(tenantPairs(t, w, g2)); n != 0 {
		t.Fatalf("got %d pairs in G2 after alice accepted G1's proposal in the shared DM, want none", n)
	}
	if d, err := w.m.Store.MemberData(ctx, g2.member(g2.Bob)); err != nil || len(d.Proposals) != 1 || d.Proposals[0].State != bot.ProposalPending {
		t.Fatalf("got G2's bob's proposals %+v (%v), want his one still waiting", d.Proposals, err)
	}
	discordCharter(t, w, g1, g1.Alice, 1)
	discordCharter(t, w, g1, g1.Bob, 1)

	discordUpdated(t, c2.Click(t, g2.Alice, p2, bot.ActionProposalAccept), "You accepted")
	// Her acceptance of the charter in G1 does not count in G2.
	discordCharter(t, w, g2, g2.Alice, 1)
	discordCharter(t, w, g2, g2.Bob, 1)
	discordEphemeral(t, w.discordAs(t, g2, g2.Carol, "carol", "request", discordtest.Option{Name: "topic", Value: "go"},
		discordtest.Option{Name: "goal", Value: g2.Goal}), "asked a mentor")
	discordUpdated(t, c2.Click(t, g2.Alice, w.mustDiscordDM(t, g2, g2.Alice, bot.ActionProposalAccept, 2), bot.ActionProposalAccept), "You accepted")
	discordCharter(t, w, g2, g2.Carol, 1)
}

// discordCharter accepts, as user, the n-th charter they received for tn.
func discordCharter(t *testing.T, w *sepWorld, tn *sepTenant, user string, n int) {
	t.Helper()
	m := w.mustDiscordDM(t, tn, user, bot.ActionCharterAccept, n)
	r := w.discord[tn.Tenant.Workspace].Click(t, user, m, bot.ActionCharterAccept)
	if r.Type != discordtest.UpdateMessage {
		t.Fatalf("got response %d %+v to %s's charter in %s, want the message updated", r.Type, r.Data, user, tn.Name)
	}
}
