package storetest

import (
	"maps"
	"slices"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// topicsTests are the contract of topic synonyms and of changing a
// request's topic.
var topicsTests = []contractTest{
	{"TopicSynonyms", testTopicSynonyms},
	{"SetRequestTopic", testSetRequestTopic},
	{"SetRequestLanguages", testSetRequestLanguages},
}

func testSetRequestLanguages(t *testing.T, s bot.Store, tn bot.Tenant) {
	r := mustRequest(t, s, tn, "M1", "r1")
	if len(r.Languages) != 0 {
		t.Fatalf("got %v, want a request with no languages of its own", r.Languages)
	}
	want := []bot.Lang{"fr", "en"}
	got, err := s.SetRequestLanguages(ctx(), tn, r.ID, want)
	MustOK(t, err)
	stored, err := s.GetRequest(ctx(), tn, r.ID)
	MustOK(t, err)
	if !slices.Equal(got.Languages, want) || !slices.Equal(stored.Languages, want) || stored.State != bot.RequestWaiting || stored.Topic != "go" {
		t.Fatalf("got %+v, stored %+v, want r1 waiting on go in %v", got, stored, want)
	}
	_, err = s.SetRequestLanguages(ctx(), tn, "nope", want)
	MustCode(t, err, bot.ENOTFOUND)
	mustPropose(t, s, stored, mustOffer(t, s, tn, "U1", 1), "p1")
	_, err = s.SetRequestLanguages(ctx(), tn, r.ID, []bot.Lang{"de"})
	MustCode(t, err, bot.ESTALE)
	if stored, _ := s.GetRequest(ctx(), tn, r.ID); !slices.Equal(stored.Languages, want) {
		t.Fatalf("got %v, want the languages unchanged once proposed", stored.Languages)
	}
}

func testTopicSynonyms(t *testing.T, s bot.Store, tn bot.Tenant) {
	got, err := s.TopicSynonyms(ctx(), tn)
	MustOK(t, err)
	if len(got) != 0 {
		t.Fatalf("got %v, want no synonyms in a new workspace", got)
	}
	MustOK(t, s.SetTopicSynonym(ctx(), tn, "kube", "kubernetes"))
	MustOK(t, s.SetTopicSynonym(ctx(), tn, "apprentissage statistique", "machine learning"))
	MustOK(t, s.SetTopicSynonym(ctx(), tn, "kube", "kubernetes operator")) // replaces
	got, err = s.TopicSynonyms(ctx(), tn)
	MustOK(t, err)
	want := map[string]string{"kube": "kubernetes operator", "apprentissage statistique": "machine learning"}
	if !maps.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	other, err := s.TopicSynonyms(ctx(), Tenant(t, "test"))
	MustOK(t, err)
	if len(other) != 0 {
		t.Fatalf("got %v in another workspace, want none", other)
	}
	MustOK(t, s.RemoveTopicSynonym(ctx(), tn, "kube"))
	MustCode(t, s.RemoveTopicSynonym(ctx(), tn, "kube"), bot.ENOTFOUND)
	got, err = s.TopicSynonyms(ctx(), tn)
	MustOK(t, err)
	if want := map[string]string{"apprentissage statistique": "machine learning"}; !maps.Equal(got, want) {
		t.Fatalf("after remove: got %v, want %v", got, want)
	}
}

func testSetRequestTopic(t *testing.T, s bot.Store, tn bot.Tenant) {
	r := mustRequest(t, s, tn, "M1", "r1")
	got, err := s.SetRequestTopic(ctx(), tn, r.ID, "kubernetes", []string{"kubernetes"})
	MustOK(t, err)
	if w, err := s.WaitingFor(ctx(), tn, []string{"kubernetes"}); err != nil || len(w) != 1 || w[0].ID != r.ID {
		t.Fatalf("WaitingFor(kubernetes): got %+v, %v, want r1 filed under its new topic", w, err)
	}
	if w, err := s.WaitingFor(ctx(), tn, r.Keys); err != nil || len(w) != 0 {
		t.Fatalf("WaitingFor(%v): got %+v, %v, want r1 no longer filed under its old topic", r.Keys, w, err)
	}
	if got.Topic != "kubernetes" || got.State != bot.RequestWaiting || got.ID != r.ID {
		t.Fatalf("got %+v, want r1 waiting on kubernetes", got)
	}
	stored, err := s.GetRequest(ctx(), tn, r.ID)
	MustOK(t, err)
	if stored.Topic != "kubernetes" || !stored.Created.Equal(r.Created) {
		t.Fatalf("stored %+v, want the topic changed and the creation time kept", stored)
	}
	w, err := s.Waiting(ctx(), tn)
	MustOK(t, err)
	if len(w) != 1 || w[0].Topic != "kubernetes" {
		t.Fatalf("got waiting %+v, want r1 on kubernetes", w)
	}
	_, err = s.SetRequestTopic(ctx(), tn, "nope", "go", []string{"go"})
	MustCode(t, err, bot.ENOTFOUND)
	mustPropose(t, s, stored, mustOffer(t, s, tn, "U1", 1), "p1")
	_, err = s.SetRequestTopic(ctx(), tn, r.ID, "go", []string{"go"})
	MustCode(t, err, bot.ESTALE)
}
