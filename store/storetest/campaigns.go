package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// campaignTests are the contract of campaigns and needs surveys
// (bot.CampaignStore, bot.NeedsStore).
var campaignTests = []contractTest{
	{"Campaigns", testCampaigns},
	{"CampaignBatchOnce", testCampaignBatchOnce},
	{"CampaignOptOut", testCampaignOptOut},
	{"NeedsAnswers", testNeedsAnswers},
	{"NeedsErase", testNeedsErase},
}

func mustCampaign(t *testing.T, s bot.Store, tn bot.Tenant, id string, users ...string) bot.Campaign {
	t.Helper()
	c := bot.Campaign{ID: id, Tenant: tn, Kind: "needs", Program: "Mentorat 2027", Subject: "s1", Manager: tn.Member("alice"), Lang: "fr", Created: t0}
	MustOK(t, s.CreateCampaign(ctx(), c, users))
	return c
}

func testCampaigns(t *testing.T, s bot.Store, tn bot.Tenant) {
	mustCampaign(t, s, tn, "c1", "u1", "u2", "u3")
	MustCode(t, s.CreateCampaign(ctx(), bot.Campaign{ID: "c1", Tenant: tn, Created: t0}, []string{"u9"}), bot.ECONFLICT)
	c, err := s.GetCampaign(ctx(), tn, "c1")
	MustOK(t, err)
	if c.Total != 3 || c.Batch != -1 || c.Program != "Mentorat 2027" || c.Manager != tn.Member("alice") || c.Lang != "fr" || !c.Created.Equal(t0) {
		t.Errorf("got %+v, want the campaign as created, with 3 targets and no batch", c)
	}
	_, err = s.GetCampaign(ctx(), tn, "nope")
	MustCode(t, err, bot.ENOTFOUND)
	got, err := s.CampaignTargets(ctx(), tn, "c1", 1, 10)
	MustOK(t, err)
	if len(got) != 2 || got[0] != "u2" || got[1] != "u3" {
		t.Errorf("got targets %q, want u2 u3", got)
	}
	mustCampaign(t, s, tn, "c0")
	all, err := s.Campaigns(ctx(), tn)
	MustOK(t, err)
	if len(all) != 2 {
		t.Fatalf("got %d campaigns, want 2", len(all))
	}
	MustOK(t, s.SetCampaignRef(ctx(), tn, "c1", "D1/123.4"))
	if c, _ := s.GetCampaign(ctx(), tn, "c1"); c.Ref != "D1/123.4" {
		t.Errorf("got ref %q", c.Ref)
	}
}

func testCampaignBatchOnce(t *testing.T, s bot.Store, tn bot.Tenant) {
	mustCampaign(t, s, tn, "c1", "u1", "u2", "u3")
	var wg sync.WaitGroup
	fresh := make(chan bool, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := s.RecordCampaignBatch(ctx(), tn, "c1", 0, bot.CampaignCounts{Sent: 2, Unreachable: 1})
			if err != nil {
				t.Error(err)
			}
			fresh <- ok
		}()
	}
	wg.Wait()
	close(fresh)
	n := 0
	for ok := range fresh {
		if ok {
			n++
		}
	}
	if n != 1 {
		t.Errorf("got %d fresh records of one batch, want 1", n)
	}
	ok, err := s.RecordCampaignBatch(ctx(), tn, "c1", 1, bot.CampaignCounts{Skipped: 1})
	MustOK(t, err)
	if !ok {
		t.Error("batch 1 not recorded")
	}
	c, _ := s.GetCampaign(ctx(), tn, "c1")
	if c.Batch != 1 || c.Sent != 2 || c.Unreachable != 1 || c.Skipped != 1 || !c.Done() {
		t.Errorf("got %+v, want batch 1 and 2/1/1", c)
	}
	_, err = s.RecordCampaignBatch(ctx(), tn, "nope", 0, bot.CampaignCounts{})
	MustCode(t, err, bot.ENOTFOUND)
}

func testCampaignOptOut(t *testing.T, s bot.Store, tn bot.Tenant) {
	id := tn.Member("u1")
	out, err := s.CampaignOptedOut(ctx(), id)
	MustOK(t, err)
	if out {
		t.Fatal("opted out before asking")
	}
	MustOK(t, s.SetCampaignOptOut(ctx(), id, true))
	if out, _ := s.CampaignOptedOut(ctx(), id); !out {
		t.Error("not opted out")
	}
	if out, _ := s.CampaignOptedOut(ctx(), tn.Member("u2")); out {
		t.Error("another member opted out")
	}
	MustOK(t, s.SetCampaignOptOut(ctx(), id, false))
	if out, _ := s.CampaignOptedOut(ctx(), id); out {
		t.Error("still opted out")
	}
}

func testNeedsAnswers(t *testing.T, s bot.Store, tn bot.Tenant) {
	sv := bot.NeedsSurvey{ID: "s1", Tenant: tn, Program: "Mentorat 2027", Topics: []string{"go", "sql"}, Created: t0}
	MustOK(t, s.SaveNeedsSurvey(ctx(), sv))
	MustOK(t, s.SaveNeedsSurvey(ctx(), bot.NeedsSurvey{ID: "s2", Tenant: tn, Program: "Other", Created: t0.Add(time.Hour)}))
	all, err := s.NeedsSurveys(ctx(), tn)
	MustOK(t, err)
	if len(all) != 2 || all[0].ID != "s1" || all[0].Program != "Mentorat 2027" || len(all[0].Topics) != 2 || all[1].ID != "s2" {
		t.Fatalf("got %+v, want s1 then s2", all)
	}
	u1 := tn.Member("u1")
	MustOK(t, s.SetNeedsAnswer(ctx(), u1, "s1", bot.NeedsLearn, "go,sql", t0))
	MustOK(t, s.SetNeedsAnswer(ctx(), u1, "s1", bot.NeedsMonth, "2027-01", t0.Add(time.Minute)))
	MustOK(t, s.SetNeedsAnswer(ctx(), u1, "s2", bot.NeedsOther, "evenings, please", t0))
	MustOK(t, s.SetNeedsAnswer(ctx(), tn.Member("u2"), "s1", bot.NeedsTeach, "go", t0))
	got, err := s.NeedsAnswers(ctx(), tn, "s1")
	MustOK(t, err)
	if len(got) != 2 {
		t.Fatalf("got %d answers, want 2", len(got))
	}
	for _, a := range got {
		if a.Member == u1 && (len(a.Learn) != 2 || a.Month != "2027-01" || !a.Updated.Equal(t0.Add(time.Minute))) {
			t.Errorf("got %+v, want both fields and the last time", a)
		}
	}
	mine, err := s.MemberNeeds(ctx(), u1)
	MustOK(t, err)
	if len(mine) != 2 {
		t.Errorf("got %+v, want u1's answers to both surveys", mine)
	}
}

func testNeedsErase(t *testing.T, s bot.Store, tn bot.Tenant) {
	u1 := tn.Member("u1")
	MustOK(t, s.SaveNeedsSurvey(ctx(), bot.NeedsSurvey{ID: "s1", Tenant: tn, Program: "P", Created: t0}))
	MustOK(t, s.SetNeedsAnswer(ctx(), u1, "s1", bot.NeedsLearn, "go", t0))
	MustOK(t, s.SetCampaignOptOut(ctx(), u1, true))
	mustCampaign(t, s, tn, "c1", "u0", "u1", "u2")
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: u1}))
	if got, _ := s.MemberNeeds(ctx(), u1); len(got) != 0 {
		t.Errorf("got %+v after erase, want none", got)
	}
	if out, _ := s.CampaignOptedOut(ctx(), u1); out {
		t.Error("opt-out kept after erase")
	}
	got, err := s.CampaignTargets(ctx(), tn, "c1", 0, 3)
	MustOK(t, err)
	if len(got) != 3 || got[0] != "u0" || got[1] != "" || got[2] != "u2" {
		t.Errorf("got targets %q, want u1's place blank and the others in place", got)
	}
}
