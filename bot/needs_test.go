package bot_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// editingPlatform is the managers' platform plus bot.Editor: it records
// every version of each editable message.
type editingPlatform struct {
	*managersPlatform
	mu       sync.Mutex
	versions map[string][]bot.Message // ref → versions, first sent first
}

func (p *editingPlatform) SendEditable(ctx context.Context, to bot.MemberID, msg bot.Message) (string, error) {
	if err := p.Send(ctx, to, msg); err != nil {
		return "", err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	ref := fmt.Sprintf("m%d", len(p.versions)+1)
	p.versions[ref] = []bot.Message{msg}
	return ref, nil
}

func (p *editingPlatform) Edit(ctx context.Context, to bot.MemberID, ref string, msg bot.Message) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.versions[ref]; !ok {
		return bot.Errorf(bot.ENOTFOUND, "err.not_found")
	}
	p.versions[ref] = append(p.versions[ref], msg)
	return nil
}

// Latest returns the texts of every version of the first editable message.
func (p *editingPlatform) Latest() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, m := range p.versions["m1"] {
		out = append(out, m.Text)
	}
	return out
}

// needsHarness is an admin harness with an editing platform and n members
// m00, m01, ... whom the bot knows, besides alice, the manager.
func needsHarness(t *testing.T, n int) (*adminHarness, *editingPlatform) {
	t.Helper()
	h := MustAdminHarness(t)
	ed := &editingPlatform{managersPlatform: h.Posting, versions: map[string][]bot.Message{}}
	h.Bot.Register(h.Tenant.Platform, ed)
	h.Run("alice", "lang en")
	for i := range n {
		h.Run(fmt.Sprintf("m%02d", i), "lang en")
	}
	h.Platform.Take()
	return h, ed
}

// dmsOf returns the needs survey DMs delivered since the last Take.
func dmsOf(h *adminHarness) []bot.Message {
	var out []bot.Message
	for _, s := range h.Platform.Take() {
		if len(s.Message.Selects) > 0 {
			out = append(out, s.Message)
		}
	}
	return out
}

// choose makes a choice in a select of msg whose value ends with field,
// as member by.
func choose(t *testing.T, h *adminHarness, by string, msg bot.Message, field string, choices ...string) bot.Reply {
	t.Helper()
	for _, s := range msg.Selects {
		if strings.Contains(s.Value, ":"+field+":") {
			return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(by), ActionID: s.ActionID, Value: bot.SelectValue(s.Value, choices)})
		}
	}
	t.Fatalf("no %s menu in %+v", field, msg)
	return bot.Reply{}
}

func TestNeedsCampaignIsPacedAndVisible(t *testing.T) {
	h, ed := needsHarness(t, 24) // 25 members with alice: three batches of 10 at 60 a minute
	r := h.Run("alice", `admin needs "Mentorat 2027" dm:yes topics:go, kubernetes`)
	if !strings.Contains(r.Message.Text, "25 members") {
		t.Fatalf("got %q, want the number of members", r.Message.Text)
	}
	h.Tick()
	if got := len(dmsOf(h)); got != 10 {
		t.Fatalf("first batch: got %d DMs, want 10 (never a burst)", got)
	}
	h.Tick() // nothing more is due before 10 seconds
	if got := len(dmsOf(h)); got != 0 {
		t.Fatalf("got %d DMs before the next batch is due, want 0", got)
	}
	MustTick(t, h.Harness, 10*time.Second)
	if got := len(dmsOf(h)); got != 10 {
		t.Fatalf("second batch: got %d DMs, want 10", got)
	}
	// A rerun of a batch (a replica died after sending) sends nothing twice.
	if err := h.Store.ScheduleJobs(context.Background(), h.Tenant, false, bot.NewJob(h.Clock.Now(), bot.JobCampaign, campaignID(t, h), "1")); err != nil {
		t.Fatal(err)
	}
	h.Tick()
	if got := len(dmsOf(h)); got != 0 {
		t.Fatalf("rerun: got %d DMs, want 0", got)
	}
	MustTick(t, h.Harness, 10*time.Second)
	if got := len(dmsOf(h)); got != 5 {
		t.Fatalf("last batch: got %d DMs, want 5", got)
	}
	MustTick(t, h.Harness, time.Hour)
	versions := ed.Latest()
	want := []string{"Sent 0 of 25", "Sent 10 of 25", "Sent 20 of 25", "Sent 25 of 25"}
	if len(versions) != len(want) {
		t.Fatalf("got %d versions of the progress message %q, want %d", len(versions), versions, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(versions[i], w) {
			t.Errorf("progress %d: got %q, want %q…", i, versions[i], w)
		}
	}
	if !strings.Contains(versions[3], "Finished") {
		t.Errorf("got %q, want it finished", versions[3])
	}
}

// campaignID returns the harness's only campaign.
func campaignID(t *testing.T, h *adminHarness) string {
	t.Helper()
	cs, err := h.Store.Campaigns(context.Background(), h.Tenant)
	if err != nil || len(cs) == 0 {
		t.Fatalf("campaigns: %v, %v", cs, err)
	}
	return cs[len(cs)-1].ID
}

func TestNeedsCampaignAgainAndOptOut(t *testing.T) {
	h, ed := needsHarness(t, 3)
	h.Platform.Gone["m02"] = true
	h.Run("alice", `admin needs "Mentorat 2027" dm:yes`)
	MustTick(t, h.Harness, time.Minute)
	dms := h.Platform.To("m00")
	if len(dms) == 0 {
		t.Fatal("m00 got no survey")
	}
	if v := ed.Latest(); !strings.Contains(v[len(v)-1], "Sent 3 of 4; 1 member could not be reached") {
		t.Errorf("got %q, want the unreachable member counted", v[len(v)-1])
	}
	r := h.Click("m00", "m00", bot.ActionCampaignOptOut)
	if !strings.Contains(r.Message.Text, "/mentor campaigns on") {
		t.Errorf("opt-out: got %q, want how to opt back in", r.Message.Text)
	}
	t.Run("RefusedAgain", func(t *testing.T) {
		h.Platform.Take()
		h.Run("alice", "lang fr")
		r := h.Run("alice", `admin needs "mentorat 2027" mp:oui`)
		if !strings.Contains(r.Message.Text, "déjà partie") || len(r.Message.Buttons) != 1 {
			t.Fatalf("got %+v, want a refusal with a button", r.Message)
		}
		MustTick(t, h.Harness, time.Minute)
		if got := len(dmsOf(h)); got != 0 {
			t.Fatalf("got %d DMs after a refusal, want 0", got)
		}
		r = h.ClickReply("alice", r, "La renvoyer quand même")
		// m00 opted out: not counted among those it goes to, but said.
		if !strings.Contains(r.Message.Text, "part en message privé à 3 membres") ||
			!strings.Contains(r.Message.Text, "L'enquête ne part pas à 1 autre membre, qui a refusé ces messages.") {
			t.Fatalf("got %q, want it started", r.Message.Text)
		}
		MustTick(t, h.Harness, time.Minute)
		for _, s := range h.Platform.Take() {
			if s.To[0].User == "m00" {
				t.Errorf("m00 opted out and got %q", s.Message.Title)
			}
		}
	})
	t.Run("OptBackIn", func(t *testing.T) {
		h.Run("m00", "campaigns on")
		h.Run("alice", `admin needs "Mentorat 2027" dm:yes confirm:yes`)
		MustTick(t, h.Harness, time.Minute)
		if len(h.Platform.To("m00")) != len(dms)+1 {
			t.Errorf("m00 opted back in and got no survey")
		}
	})
}

func TestNeedsAnswersResultsAndSignUp(t *testing.T) {
	h, _ := needsHarness(t, 3)
	h.Run("m02", "offer golang")
	h.Run("alice", "lang fr")
	r := h.Run("alice", `admin needs "Mentorat 2027" channel:#general topics:go, kubernetes, sql`)
	if !strings.Contains(r.Message.Text, "#general") {
		t.Fatalf("got %q", r.Message.Text)
	}
	posts := h.Posting.Posts()
	if len(posts) != 1 || len(posts[0].Message.Selects) != 4 {
		t.Fatalf("got %+v, want the survey with four menus", posts)
	}
	survey := posts[0].Message
	for _, s := range survey.Selects[:2] {
		// "golang" folds with "go": offered once.
		if len(s.Choices) != 3 {
			t.Errorf("got choices %+v, want go, kubernetes and sql", s.Choices)
		}
	}
	r = choose(t, h, "m00", survey, bot.NeedsLearn, "0", "1")
	if !strings.Contains(r.Message.Text, "go and kubernetes") || len(r.Message.Buttons) != 1 {
		t.Fatalf("got %+v, want the answer and a sign-up button", r.Message)
	}
	choose(t, h, "m01", survey, bot.NeedsLearn, "0")
	choose(t, h, "m01", survey, bot.NeedsMonth, "2")
	// Two topics in the button, as a sentence names them; then one.
	r = choose(t, h, "m00", survey, bot.NeedsTeach, "1", "2")
	// The confirmation reads back the whole answer (m00 asked for help
	// too), with every sign-up button.
	if want := "Yes, sign me up as a mentor for kubernetes and sql"; !slices.ContainsFunc(r.Message.Buttons, func(b bot.Button) bool { return b.Label == want }) {
		t.Errorf("got buttons %+v, want %q", r.Message.Buttons, want)
	}
	r = choose(t, h, "m00", survey, bot.NeedsTeach, "2")
	choose(t, h, "m00", survey, bot.NeedsKind, "1")
	if r = h.ClickReply("m00", r, "Yes, sign me up as a mentor for sql"); !strings.Contains(strings.ToLower(r.Message.Text), "sql") {
		t.Errorf("sign-up: got %q, want the offer", r.Message.Text)
	}
	if o, err := h.Store.GetOffer(context.Background(), h.Tenant.Member("m00")); err != nil || o.Topics[0] != "sql" || len(o.Programs) != 0 {
		t.Errorf("got offer %+v, %v, want one for sql in the default program (no program Mentorat 2027 yet)", o, err)
	}
	t.Run("BadChoice", func(t *testing.T) {
		r := choose(t, h, "m00", survey, bot.NeedsMonth, "0", "1")
		if !strings.Contains(r.Message.Text, "button") {
			t.Errorf("got %q, want a stale-button sentence", r.Message.Text)
		}
		r = choose(t, h, "m00", survey, bot.NeedsLearn, "99")
		if !strings.Contains(r.Message.Text, "button") {
			t.Errorf("got %q, want a stale-button sentence", r.Message.Text)
		}
	})
	t.Run("ByCommand", func(t *testing.T) {
		r := h.Run("m02", `needs "Mentorat 2027" teach:k8s month:2027-13`)
		if !strings.Contains(r.Message.Text, "2027-13") {
			t.Errorf("got %q, want the bad month named", r.Message.Text)
		}
		r = h.Run("m02", `needs "Mentorat 2027" teach:k8s other:Evenings only, please.`)
		if !strings.Contains(r.Message.Text, "Evenings only") {
			t.Errorf("got %q", r.Message.Text)
		}
	})
	r = h.Run("alice", `admin needs résultats "Mentorat 2027"`)
	text := r.Message.Text
	for _, want := range []string{
		"3 réponses", "2 membres prêts à accompagner",
		"go\u202f: 2 cherchent un mentor, 0 pourrait accompagner ⚠ pas assez de mentors",
		"kubernetes\u202f: 1 cherche un mentor, 1 pourrait accompagner",
		"sql\u202f: 0 cherche un mentor, 1 pourrait accompagner ⚠ personne",
		"Début préféré\u202f: janvier 2027",
		"Autres réponses\u202f: «\u202fEvenings only, please.\u202f»",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("results: got %q, want %q", text, want)
		}
	}
	charts := h.Charts()
	if len(charts) != 1 || !charts[0].Bars || len(charts[0].Weeks) != 3 {
		t.Errorf("got charts %+v, want one bar chart of three topics", charts)
	}
	t.Run("MonthByName", func(t *testing.T) {
		// A month by its name, in either language, accents or not: the
		// one of the survey's twelve months.
		for _, v := range []string{"janvier", "Janvier 2027", "january", "2027-01"} {
			if r := h.Run("m03", `needs "Mentorat 2027" teach:k8s month:"`+v+`"`); strings.Contains(r.Message.Text, "not one of the survey's months") {
				t.Errorf("month:%s: got %q, want it read as January 2027", v, r.Message.Text)
			}
		}
		if r := h.Run("m03", `needs "Mentorat 2027" month:fevrier`); strings.Contains(r.Message.Text, "months") {
			t.Errorf("month:fevrier: got %q, want it read as February", r.Message.Text)
		}
		if r := h.Run("m03", `needs "Mentorat 2027" month:brumaire`); !strings.Contains(r.Message.Text, "“brumaire” is not one of the survey's months") {
			t.Errorf("month:brumaire: got %q, want it refused", r.Message.Text)
		}
	})
	t.Run("InTheProgram", func(t *testing.T) {
		h.Run("alice", `admin program create "Mentorat 2027" kind:one-to-one start:2027-01-15 end:2027-06-30`)
		r := choose(t, h, "m01", survey, bot.NeedsTeach, "0")
		h.ClickReply("m01", r, "Yes, sign me up as a mentor for go")
		o, err := h.Store.GetOffer(context.Background(), h.Tenant.Member("m01"))
		if err != nil || len(o.Programs) != 1 {
			t.Errorf("got offer %+v, %v, want it in the survey's program", o, err)
		}
	})
	t.Run("TopicsChanged", func(t *testing.T) {
		if r := h.Run("alice", `admin needs "Mentorat 2027" channel:#general topics:rust`); !strings.Contains(r.Message.Text, "#general") {
			t.Fatalf("got %q", r.Message.Text)
		}
		r := choose(t, h, "m01", survey, bot.NeedsLearn, "0")
		if !strings.Contains(r.Message.Text, "ont changé") && !strings.Contains(r.Message.Text, "changed") {
			t.Errorf("got %q, want the menu refused as changed", r.Message.Text)
		}
		posts := h.Posting.Posts()
		fresh := posts[len(posts)-1].Message
		if got := fresh.Selects[0].Choices[0].Label; got != "rust" {
			t.Errorf("got first topic %q, want rust", got)
		}
		choose(t, h, "m01", fresh, bot.NeedsLearn, "0")
		if a, _ := h.Store.MemberNeeds(context.Background(), h.Tenant.Member("m01")); len(a) != 1 || a[0].Learn[0] != "rust" {
			t.Errorf("got %+v, want one answer, now rust", a)
		}
	})
	t.Run("Forget", func(t *testing.T) {
		r := h.Run("m00", "forget")
		h.ClickReply("m00", r, "Yes, erase everything")
		got, err := h.Store.MemberNeeds(context.Background(), h.Tenant.Member("m00"))
		if err != nil || len(got) != 0 {
			t.Errorf("after forget: got %+v, %v, want no answer", got, err)
		}
	})
}

func TestNeedsBadInput(t *testing.T) {
	h, _ := needsHarness(t, 1)
	for _, tc := range []struct{ name, by, text, want string }{
		{"NoWhere", "alice", `admin needs "Mentorat 2027"`, "Say where the survey goes"},
		{"BothPlaces", "alice", `admin needs "Mentorat 2027" channel:#general dm:yes`, "one of the two"},
		{"NoProgram", "alice", `admin needs "" dm:yes`, "Please give the program"},
		{"NoSurveyYet", "alice", `admin needs results "Nope"`, "no needs survey for “Nope” yet"},
		// "results" alone names no program: not a survey to send.
		{"ResultsNoProgram", "alice", `admin needs results`, "Which program? Write `/mentor admin needs results \"Mentorat 2027\"`."},
		{"ResultsNoProgramQuoted", "alice", `admin needs "Results"`, "Which program?"},
		{"NotAManager", "m00", `admin needs "Mentorat 2027" dm:yes`, "only the program's managers"},
		{"AnswerNoSurvey", "m00", `needs "Nope" learn:go`, "no needs survey for “Nope” to answer"},
		{"CampaignsBadChoice", "m00", `campaigns maybe`, "on"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := h.Run(tc.by, tc.text).Message.Text; !strings.Contains(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("ResultsNoProgramFrench", func(t *testing.T) {
		h.Run("alice", "lang fr")
		defer h.Run("alice", "lang en")
		want := "Quel programme\u202f? Écrivez `/mentor admin besoins résultats \"Mentorat 2027\"`."
		if got := h.Run("alice", "admin needs résultats").Message.Text; !strings.Contains(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("ForgedValues", func(t *testing.T) {
		for _, v := range []string{"nosuch:learn:x|0", "nosuch", "|", "a:b|1"} {
			r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("m00"), ActionID: bot.ActionNeedsAnswer, Value: v})
			if r.Message.Text == "" || len(r.Message.Buttons) > 0 {
				t.Errorf("%q: got %+v, want a refusal", v, r.Message)
			}
		}
		r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("m00"), ActionID: bot.ActionNeedsAgain, Value: "x"})
		if !strings.Contains(r.Message.Text, "managers") {
			t.Errorf("got %q, want the again button refused to a member", r.Message.Text)
		}
	})
}

// TestCampaignAcrossReplicas: two bots on one store tick at once, batch
// after batch; every member gets the survey once, whichever replica sent
// it, and the counts add up.
func TestCampaignAcrossReplicas(t *testing.T) {
	h, _ := needsHarness(t, 29)
	other := bottest.New(t, h.Store, h.Tenant, bot.Config{Managers: []string{"alice"}})
	h.Run("alice", `admin needs "Mentorat 2027" dm:yes`)
	for range 6 {
		h.Clock.Advance(10 * time.Second)
		other.Clock.Advance(10 * time.Second)
		var wg sync.WaitGroup
		for _, b := range []*bot.Bot{h.Bot, other.Bot} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := b.TickTenants(context.Background(), h.Tenant); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	got := map[string]int{}
	for _, s := range append(h.Platform.Take(), other.Platform.Take()...) {
		if len(s.Message.Selects) > 0 {
			got[s.To[0].User]++
		}
	}
	if len(got) != 30 {
		t.Errorf("got the survey to %d members, want 30", len(got))
	}
	for u, n := range got {
		if n != 1 {
			t.Errorf("%s got the survey %d times, want once", u, n)
		}
	}
	c, err := h.Store.GetCampaign(context.Background(), h.Tenant, campaignID(t, h))
	if err != nil || c.Sent != 30 || !c.Done() {
		t.Errorf("got %+v, %v, want 30 sent", c, err)
	}
}

// TestNeedsPostedLanguage: a survey posted in the workspace's language
// that is not the manager's says so, with the option that posts it in
// theirs; lang: posts it in that language.
func TestNeedsPostedLanguage(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "lang fr")
	r := h.Run("alice", `admin needs "Hiver" canal:#general`)
	MustContain(t, r, "Elle est en anglais, la langue de l'espace de travail\u202f; `langue:fr` la publie dans la vôtre.")
	h.Posting.Posts()
	r = h.Run("alice", `admin needs "Été" canal:#general langue:fr`)
	if strings.Contains(r.Message.Text, "Elle est en") {
		t.Fatalf("got %q, want no note for a chosen language", r.Message.Text)
	}
	if posts := h.Posting.Posts(); len(posts) != 1 || !strings.HasPrefix(posts[0].Message.Title, "Préparer") {
		t.Fatalf("got %+v, want the survey in French", posts)
	}
}
