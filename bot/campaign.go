package bot

import (
	"context"
	"errors"
	"time"
)

// A campaign is one message sent by DM to many members: the needs survey
// today, re-invites and invitations to mentor later. It goes out as a
// chain of durable jobs, one small batch at a time (Config.CampaignRate),
// never as a burst; each DM is sent once per member through a delivery
// mark, so that retries, replicas and a killed replica neither lose nor
// double one. The manager who started it sees its progress in a DM that
// is edited as it goes (Editor), or told at the end where the platform
// cannot edit. A member may opt out of campaigns with the button every
// campaign DM carries; every later campaign skips them.

// CampaignStore keeps campaigns, their targets and counters, and the
// members who opted out (campaign.go).
type CampaignStore interface {
	// CreateCampaign saves a new campaign and its targets (user IDs, in
	// order). ECONFLICT if its ID exists.
	CreateCampaign(ctx context.Context, c Campaign, users []string) error
	// GetCampaign returns a campaign with its counters, or ENOTFOUND.
	GetCampaign(ctx context.Context, t Tenant, id string) (Campaign, error)
	// Campaigns returns the workspace's campaigns, oldest first.
	Campaigns(ctx context.Context, t Tenant) ([]Campaign, error)
	// CampaignTargets returns the user IDs of targets from to to-1 (fewer
	// at the end); an erased member's place holds "".
	CampaignTargets(ctx context.Context, t Tenant, id string, from, to int) ([]string, error)
	// RecordCampaignBatch adds a batch's counts, once: it reports false,
	// changing nothing, when batch is not after the last batch recorded.
	RecordCampaignBatch(ctx context.Context, t Tenant, id string, batch int, add CampaignCounts) (bool, error)
	// SetCampaignRef keeps the reference of the manager's progress message.
	SetCampaignRef(ctx context.Context, t Tenant, id, ref string) error
	// SetCampaignOptOut records (out) or lifts a member's opt-out.
	SetCampaignOptOut(ctx context.Context, id MemberID, out bool) error
	// CampaignOptedOut reports whether the member opted out.
	CampaignOptedOut(ctx context.Context, id MemberID) (bool, error)
}

// Campaign is one DM campaign.
type Campaign struct {
	ID      string
	Tenant  Tenant
	Kind    string // CampaignNeeds, ...: which builder writes its message
	Program string // the program's name as the manager gave it
	Subject string // what the message is about, for its builder (a survey ID)
	Manager MemberID
	Lang    Lang // the manager's language, for the progress message
	Total   int
	Created time.Time
	Ref     string // the manager's progress message (Editor), "" if none
	// Batch is the last batch recorded, -1 before the first.
	Batch int
	CampaignCounts
}

// CampaignCounts are a campaign's counters.
type CampaignCounts struct {
	Sent        int // DMs delivered
	Unreachable int // members who left or cannot be messaged
	Skipped     int // members who opted out, were erased meanwhile, or no longer fit it
}

// Done reports whether every target was handled.
func (c Campaign) Done() bool { return c.Sent+c.Unreachable+c.Skipped >= c.Total }

// Campaign kinds.
const (
	CampaignNeeds = "needs" // the needs survey (needs.go)
)

// campaignBuilder writes a campaign's DM for one member in their language.
type campaignBuilder func(ctx context.Context, b *Bot, c Campaign, to MemberID, lang Lang) (Message, error)

// campaignBuilders maps campaign kinds to their builders. A new kind adds
// its builder here.
func campaignBuilders() map[string]campaignBuilder {
	return map[string]campaignBuilder{CampaignNeeds: needsCampaignMessage, CampaignReinvite: reinviteMessage, CampaignGiveBack: giveBackMessage, CampaignCall: callMessage}
}

// JobCampaign sends one batch of a campaign: camp:<campaign>:<batch>.
const JobCampaign = "camp"

// ActionCampaignOptOut is the "No more of these messages" button of
// every campaign DM; its value is the campaign ID.
const ActionCampaignOptOut = "campaign.optout"

// CampaignDefaultRate is how many campaign DMs go out a minute, unless
// Config.CampaignRate says otherwise: one a second, what Slack allows a
// bot to post steadily, and far below Discord's limits.
const CampaignDefaultRate = 60

// campaignWindow is how often a campaign's next batch goes out: its
// batch is what the rate allows in that time.
const campaignWindow = 10 * time.Second

// campaignPace returns how many DMs a batch sends, and how long after a
// batch the next one is due.
func (b *Bot) campaignPace() (int, time.Duration) {
	rate := b.cfg.CampaignRate
	if rate <= 0 {
		rate = CampaignDefaultRate
	}
	size := max(1, int(float64(rate)*campaignWindow.Seconds()/60))
	return size, time.Duration(float64(size) / float64(rate) * float64(time.Minute))
}

// CampaignSpec is what a use case asks of a campaign: a kind (its
// builder), a program, the subject its builder reads, and its targets.
type CampaignSpec struct {
	Kind    string
	Program string
	Subject string
	Manager MemberID
	Lang    Lang
	Users   []string
}

// errCampaignAgain is returned by startCampaign when a campaign of the
// same kind and program already went to some of the same people.
var errCampaignAgain = errors.New("campaign again")

// startCampaign saves a campaign and schedules its first batch, and tells
// the manager it started with a progress message. Unless again, it
// refuses (errCampaignAgain, with the earlier campaign) when an earlier
// campaign of the same kind and program reached any of the same people.
func (b *Bot) startCampaign(ctx context.Context, s CampaignSpec, again bool) (Campaign, *Campaign, error) {
	t := s.Manager.Tenant()
	if !again {
		prior, err := b.priorCampaign(ctx, t, s)
		if err != nil || prior != nil {
			if prior != nil {
				err = errCampaignAgain
			}
			return Campaign{}, prior, err
		}
	}
	id, err := b.newID()
	if err != nil {
		return Campaign{}, nil, err
	}
	c := Campaign{ID: id, Tenant: t, Kind: s.Kind, Program: s.Program, Subject: s.Subject, Manager: s.Manager,
		Lang: s.Lang, Total: len(s.Users), Created: b.clock.Now().UTC(), Batch: -1}
	if err := b.store.campaigns.CreateCampaign(ctx, c, s.Users); err != nil {
		return Campaign{}, nil, err
	}
	// A replica that dies here leaves a campaign without its first job:
	// the manager sees its progress stay at 0 and may start it again.
	if err := b.store.jobs.ScheduleJobs(ctx, t, false, NewJob(c.Created, JobCampaign, c.ID, "0")); err != nil {
		return Campaign{}, nil, err
	}
	b.log.Info("campaign started", "tenant", t.String(), "campaign", c.ID, "kind", c.Kind, "targets", c.Total)
	b.showProgress(ctx, c, true)
	return c, nil, nil
}

// priorCampaign returns the latest campaign of the same kind and program
// that targeted any of the same people, or nil.
func (b *Bot) priorCampaign(ctx context.Context, t Tenant, s CampaignSpec) (*Campaign, error) {
	_, latest, err := b.campaignsReaching(ctx, t, s)
	return latest, err
}

// campaignsReaching reads the campaigns of s's kind and program, and
// returns which of s.Users they targeted and the latest of them that
// targeted any (nil if none).
func (b *Bot) campaignsReaching(ctx context.Context, t Tenant, s CampaignSpec) (map[string]bool, *Campaign, error) {
	all, err := b.store.campaigns.Campaigns(ctx, t)
	if err != nil {
		return nil, nil, err
	}
	want := map[string]bool{}
	for _, u := range s.Users {
		want[u] = true
	}
	reached := map[string]bool{}
	var latest *Campaign
	for _, c := range all {
		if c.Kind != s.Kind || foldProgram(c.Program) != foldProgram(s.Program) {
			continue
		}
		users, err := b.store.campaigns.CampaignTargets(ctx, t, c.ID, 0, c.Total)
		if err != nil {
			return nil, nil, err
		}
		for _, u := range users {
			if want[u] {
				reached[u] = true
				if latest == nil || !c.Created.Before(latest.Created) {
					latest = &c
				}
			}
		}
	}
	return reached, latest, nil
}

// runCampaignBatch sends one batch of a campaign, records its counts once,
// schedules the next batch and updates the manager's progress message.
// Each DM is sent once whatever reruns do (onceVerified); the counts are
// recorded by the first run of the batch to finish.
func runCampaignBatch(ctx context.Context, b *Bot, t Tenant, j Job) error {
	c, err := b.store.campaigns.GetCampaign(ctx, t, j.Part(0))
	if ErrorCode(err) == ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	batch := j.N(1)
	size, pause := b.campaignPace()
	from := batch * size
	users, err := b.store.campaigns.CampaignTargets(ctx, t, c.ID, from, min(from+size, c.Total))
	if err != nil {
		return err
	}
	var add CampaignCounts
	for _, u := range users {
		if err := b.campaignSend(ctx, c, u, &add); err != nil {
			return err // retried later: what was sent stays sent
		}
	}
	fresh, err := b.store.campaigns.RecordCampaignBatch(ctx, t, c.ID, batch, add)
	if err != nil {
		return err
	}
	// A rerun of a batch recorded by a replica that died before
	// scheduling the next one schedules it; a later rerun does not.
	if from+size < c.Total && (fresh || c.Batch == batch) {
		next := NewJob(b.clock.Now().Add(pause), JobCampaign, c.ID, itoa(batch+1))
		if err := b.store.jobs.ScheduleJobs(ctx, t, false, next); err != nil {
			return err
		}
	}
	if fresh {
		c.Batch = batch
		c.Sent, c.Unreachable, c.Skipped = c.Sent+add.Sent, c.Unreachable+add.Unreachable, c.Skipped+add.Skipped
		b.showProgress(ctx, c, false)
	}
	return nil
}

// campaignSend sends the campaign's DM to one target, once, and counts it.
func (b *Bot) campaignSend(ctx context.Context, c Campaign, user string, add *CampaignCounts) error {
	if user == "" {
		add.Skipped++
		return nil
	}
	to := MemberID{Platform: c.Tenant.Platform, Workspace: c.Tenant.Workspace, User: user}
	out, err := b.store.campaigns.CampaignOptedOut(ctx, to)
	if err != nil {
		return err
	}
	if out {
		add.Skipped++
		return nil
	}
	build := campaignBuilders()[c.Kind]
	if build == nil {
		return Wrap(EINTERNAL, errors.New("no builder"), "campaign "+c.Kind)
	}
	m, err := b.member(ctx, to)
	switch ErrorCode(err) {
	case "":
	case ENOTFOUND, EGONE:
		add.Skipped++
		return nil
	default:
		return err
	}
	msg, err := build(ctx, b, c, to, m.Lang)
	if errors.Is(err, errNotInvited) {
		add.Skipped++
		return nil
	}
	if err != nil {
		return err
	}
	msg.Buttons = append(msg.Buttons, Button{Label: T(m.Lang, "btn.campaign.optout"), ActionID: ActionCampaignOptOut, Value: c.ID})
	key := JobCampaign + ":" + c.ID + ":" + user
	msg.Delivery = key
	err = b.onceVerified(ctx, c.Tenant, key, b.lease(), func(ctx context.Context) error { return b.sendTo(ctx, to, msg) }, b.verifier(to, key))
	switch ErrorCode(err) {
	case "":
		add.Sent++
	case EGONE, EFORBIDDEN, EINVALID:
		add.Unreachable++
	default:
		return err
	}
	return nil
}

// optOutCampaigns answers the opt-out button of a campaign DM.
// The message it was on is replaced by the outcome, its buttons gone (it
// is a DM, to the member alone); a second click, when the member opted
// out already, changes nothing and says so.
func optOutCampaigns(ctx context.Context, b *Bot, who MemberID, lang Lang, _ string) (Reply, error) {
	out, err := b.store.campaigns.CampaignOptedOut(ctx, who)
	if err != nil {
		return Reply{}, err
	}
	if out {
		return alreadyDone(T(lang, "campaign.optout.already")), nil
	}
	if err := b.store.campaigns.SetCampaignOptOut(ctx, who, true); err != nil {
		return Reply{}, err
	}
	b.log.Info("campaign opt-out", "member", who.String())
	return Reply{Replace: true, Message: Message{Text: T(lang, "campaign.optout.done")}}, nil
}

// runCampaigns answers "/mentor campaigns on|off": a member's own choice
// of receiving campaign DMs, and how to change it.
func runCampaigns(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	switch in.Text("choice") {
	case "on":
		if err := b.store.campaigns.SetCampaignOptOut(ctx, in.Member, false); err != nil {
			return Reply{}, err
		}
		return Reply{Message: Message{Text: T(in.Lang, "campaign.optin.done")}}, nil
	case "off":
		if err := b.store.campaigns.SetCampaignOptOut(ctx, in.Member, true); err != nil {
			return Reply{}, err
		}
		return Reply{Message: Message{Text: T(in.Lang, "campaign.optout.done")}}, nil
	}
	out, err := b.store.campaigns.CampaignOptedOut(ctx, in.Member)
	if err != nil {
		return Reply{}, err
	}
	if out {
		return Reply{Message: Message{Text: T(in.Lang, "campaign.status.out")}}, nil
	}
	return Reply{Message: Message{Text: T(in.Lang, "campaign.status.in")}}, nil
}
