package bot

import (
	"context"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The needs survey: before a program, managers ask the members which
// topics they want to be mentored on, which they could mentor, the kind
// and when they are available (/mentor admin needs). Each answer is one
// choice in a menu; /mentor needs types the same answers.

// NeedsStore keeps needs surveys and the members' answers (needs.go).
type NeedsStore interface {
	// SaveNeedsSurvey saves a survey (replacing one with its ID).
	SaveNeedsSurvey(ctx context.Context, s NeedsSurvey) error
	// NeedsSurveys returns the workspace's surveys, oldest first.
	NeedsSurveys(ctx context.Context, t Tenant) ([]NeedsSurvey, error)
	// SetNeedsAnswer sets one field of a member's answer to a survey
	// (NeedsField*), and its time; the other fields stay.
	SetNeedsAnswer(ctx context.Context, id MemberID, survey, field, value string, at time.Time) error
	// NeedsAnswers returns the answers to a survey, in no order.
	NeedsAnswers(ctx context.Context, t Tenant, survey string) ([]NeedsAnswer, error)
	// MemberNeeds returns a member's answers to every survey, in no order.
	MemberNeeds(ctx context.Context, id MemberID) ([]NeedsAnswer, error)
}

// NeedsSurvey is one needs survey of a program.
type NeedsSurvey struct {
	ID      string
	Tenant  Tenant
	Program string   // the program's name as the manager gave it
	Topics  []string // the topics offered, at most MaxChoices
	Given   []string // the manager's topics (topics:), offered first
	Created time.Time
}

// NeedsAnswer is a member's answer to a needs survey. Lists are topics
// as offered; Month is "2027-01".
type NeedsAnswer struct {
	Survey  string    `json:"survey"`
	Member  MemberID  `json:"-"`
	Learn   []string  `json:"learn,omitempty"`
	Teach   []string  `json:"teach,omitempty"`
	Kind    string    `json:"kind,omitempty"`
	Month   string    `json:"month,omitempty"`
	Other   string    `json:"other,omitempty"`
	Updated time.Time `json:"updated"`
}

// The fields of an answer, as SetNeedsAnswer names them.
const (
	NeedsLearn = "learn"
	NeedsTeach = "teach"
	NeedsKind  = "kind"
	NeedsMonth = "month"
	NeedsOther = "other"
)

// SetField sets one field of the answer from its stored form (lists
// joined with ","), as a store reads it back.
func (a *NeedsAnswer) SetField(field, value string) {
	list := func() []string {
		if value == "" {
			return nil
		}
		return strings.Split(value, ",")
	}
	switch field {
	case NeedsLearn:
		a.Learn = list()
	case NeedsTeach:
		a.Teach = list()
	case NeedsKind:
		a.Kind = value
	case NeedsMonth:
		a.Month = value
	case NeedsOther:
		a.Other = value
	}
}

// Action IDs of the needs survey.
const (
	ActionNeedsAnswer = "needs.answer" // a menu: "<survey>:<field>|<choices>"
	ActionNeedsOther  = "needs.other"  // "Something else": the form with the free field
	ActionNeedsMentor = "needs.mentor" // sign me up as a mentor for what I could mentor
	ActionNeedsMentee = "needs.mentee" // ask for a mentor on what I want to learn
	ActionNeedsAgain  = "admin.needs.again"
)

// needsMonths is how many months ahead a survey offers as a start.
const needsMonths = 12

// MaxProgramLen bounds a program's name.
const MaxProgramLen = 80

// needsCommands are the needs survey's rows of the command table.
func needsCommands(kinds []string) []CommandSpec {
	yes := Option{Type: OptChoice, Choices: []string{"yes"}, ChoiceFrench: map[string]string{"yes": "oui"}}
	dm, confirm := yes, yes
	dm.Name, dm.French = "dm", "mp"
	confirm.Name, confirm.French, confirm.Help = "confirm", "confirmer", "opt.needs_confirm"
	program := Option{Name: "program", French: "programme", Type: OptText, MaxLength: MaxProgramLen + 12, Required: true, Help: "opt.needs_program"}
	list := MaxChoices * (MaxTopicLen + 2)
	return []CommandSpec{
		{Name: "admin needs", Admin: true, Positional: "program", run: runAdminNeeds, Options: []Option{
			program,
			{Name: "channel", French: "canal", Aliases: []string{"salon"}, Type: OptChannel, MaxLength: 100},
			dm,
			{Name: "topics", French: "sujets", Type: OptList, MaxLength: list, Help: "opt.needs_topics"},
			confirm,
			{Name: "lang", French: "langue", Type: OptChoice, Choices: langNames(), Help: "opt.needs_lang"},
			// What to do with the program's survey: send it (the default),
			// or show its results, the way "results <program>" asks in
			// typed text; a field of its own where a program is a field
			// (Discord), as admin events and admin program take an action.
			{Name: "action", Type: OptChoice, Choices: []string{"send", "results"}, Help: "opt.needs_action",
				ChoiceFrench: map[string]string{"send": "envoyer", "results": "résultats"}, ChoiceAliases: map[string][]string{"send": {"post", "publier"}, "results": {"resultats"}}},
		}},
		{Name: "needs", Positional: "program", run: runNeeds, Options: []Option{
			program,
			{Name: "learn", French: "apprendre", Type: OptList, MaxLength: list},
			{Name: "teach", French: "transmettre", Type: OptList, MaxLength: list},
			optKind(kinds),
			{Name: "month", French: "mois", Type: OptText, MaxLength: 20},
			{Name: "other", French: "autre", FreeText: true, Type: OptText, MaxLength: MaxCommentLen, Multiline: true},
		}},
		{Name: "campaigns", Positional: "choice", run: runCampaigns, Options: []Option{
			{Name: "choice", French: "choix", Type: OptChoice, Choices: []string{"on", "off"}, ChoiceFrench: map[string]string{"on": "oui", "off": "non"}},
		}},
	}
}

// programName reads a program's name: quotes and spaces around it go.
func programName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "\"“”«»\u202f\u00a0 ")
	return strings.Join(strings.Fields(s), " ")
}

// foldProgram is how two spellings of a program's name compare.
func foldProgram(s string) string { return strings.ToLower(programName(s)) }

// runAdminNeeds posts a program's needs survey in a channel, or sends it
// to every member by DM in a campaign (dm:yes); "results <program>"
// shows the answers instead.
func runAdminNeeds(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	raw := strings.TrimSpace(in.Text("program"))
	name := programName(raw)
	if in.Text("action") == "results" {
		if name == "" {
			return Reply{}, &Error{Code: EINVALID, Key: "err.needs.which", Field: "program"}
		}
		return b.needsResults(ctx, in, name)
	}
	if w, rest, _ := strings.Cut(name, " "); isResultsWord(w) {
		// "results" alone asks for the results of no program: which one?
		if rest = programName(rest); rest != "" {
			return b.needsResults(ctx, in, rest)
		}
		return Reply{}, &Error{Code: EINVALID, Key: "err.needs.which", Field: "program"}
	}
	if err := resultsTypo(raw, in.Text("dm") != "" || in.Text("channel") != ""); err != nil {
		return Reply{}, err
	}
	if strayQuote(raw) {
		return Reply{}, &Error{Code: EINVALID, Key: "err.needs.quote", Args: []string{"name", clip(raw, 40)}, Field: "program"}
	}
	if name == "" || len(name) > MaxProgramLen {
		return Reply{}, &Error{Code: EINVALID, Key: "err.needs.program", Field: "program", Args: []string{"max", itoa(MaxProgramLen)}}
	}
	dm, channel := in.Text("dm") == "yes", in.Text("channel")
	if dm == (channel != "") {
		return Reply{}, &Error{Code: EINVALID, Key: "err.needs.where", Field: "channel"}
	}
	s, err := b.programSurvey(ctx, in.Member.Tenant(), name, in.List("topics"))
	if err != nil {
		return Reply{}, err
	}
	if dm {
		return b.needsByDM(ctx, in.Member, in.Lang, s, in.Text("confirm") == "yes")
	}
	return b.needsInChannel(ctx, in, s, channel)
}

// resultsWords are the words of "admin needs results", folded
// (foldName): English, and French with or without accents.
var resultsWords = []string{"results", "resultats"}

// isResultsWord reports whether w asks for the results.
func isResultsWord(w string) bool { return slices.Contains(resultsWords, foldName(w)) }

// resultsTypo refuses a program's name as typed whose first word is one
// or two edits from "results" ("result", "resuts", "resultat"): a manager
// who misspelt it asked for the answers, and posting a survey for
// "result \"Mentorat 2027\"" would ask everyone again under a broken
// name. Nothing is posted. A name in quotes reaches here without them
// (Parse unquotes a value wrapped whole): a first word followed by a
// plain name, with where to post it (posting), is taken as the name
// ("Result 2027" channel:#general); followed by a quote, by nothing, or
// without where to post, it is the typo.
func resultsTypo(raw string, posting bool) error {
	fields := strings.Fields(raw)
	if len(fields) == 0 || strings.IndexAny(fields[0], quoteChars) == 0 {
		return nil
	}
	rest := strings.TrimSpace(strings.TrimPrefix(raw, fields[0]))
	if posting && rest != "" && !strings.ContainsAny(rest, quoteChars) {
		return nil
	}
	w := foldName(fields[0])
	for _, r := range resultsWords {
		if d := editDistance(w, r); d >= 1 && d <= 2 {
			program := programName(rest)
			if program == "" {
				program = "Mentorat 2027"
			}
			return &Error{Code: EINVALID, Key: "err.needs.results_typo", Args: []string{"word", clip(fields[0], 30), "program", clip(program, MaxProgramLen)}, Field: "program"}
		}
	}
	return nil
}

// quoteChars are the quotes a program's name may be typed in.
const quoteChars = "\"“”«»"

// strayQuote reports whether a program's name as typed holds a quote
// that does not wrap it whole: one that opens without closing
// ("\"Mentorat 2027"), or quotes around a part of it. Such a name would
// be posted with its quote in the survey's title.
func strayQuote(raw string) bool {
	s := strings.TrimSpace(raw)
	for _, q := range [][2]string{{"\"", "\""}, {"“", "”"}, {"«", "»"}} {
		if len(s) > len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			s = s[len(q[0]) : len(s)-len(q[1])]
			break
		}
	}
	return strings.ContainsAny(s, quoteChars)
}

// programSurvey returns the program's survey, made on first use: a
// program has one, whether it is posted, sent by DM or both, so that a
// member's answer is one. Topics given are offered first from then on;
// the workspace's are read afresh each time.
func (b *Bot) programSurvey(ctx context.Context, t Tenant, program string, topics []string) (NeedsSurvey, error) {
	s, err := b.latestSurvey(ctx, t, program)
	switch ErrorCode(err) {
	case "":
		if len(topics) == 0 {
			topics = s.Given
		}
	case ENOTFOUND:
		if s.ID, err = b.newID(); err != nil {
			return s, err
		}
		s.Tenant, s.Program, s.Created = t, program, b.clock.Now().UTC()
	default:
		return s, err
	}
	s.Given = topics
	s.Topics = b.needsTopics(ctx, t, topics)
	return s, b.store.needs.SaveNeedsSurvey(ctx, s)
}

// needsInChannel posts the survey in a channel, in the workspace's language.
func (b *Bot) needsInChannel(ctx context.Context, in *Invocation, s NeedsSurvey, raw string) (Reply, error) {
	channel, ok := parseChannelRef(raw)
	if !ok {
		return Reply{}, badChannel("channel", raw)
	}
	p, err := b.tenantPlatform(s.Tenant)
	if err != nil {
		return Reply{}, err
	}
	poster, ok := p.(Poster)
	if !ok {
		return Reply{}, Errorf(EINVALID, "err.admin.cannot_post")
	}
	lang, chosen := b.settings(ctx, s.Tenant).DefaultLang, false
	if l, ok := ParseLang(in.Text("lang")); ok {
		lang, chosen = l, true
	}
	msg := b.needsMessage(ctx, lang, s)
	msg.Lang = lang
	if err := b.postFor(ctx, in, "needs", poster, s.Tenant, channel, msg); err != nil {
		return Reply{}, err
	}
	b.log.Info("needs survey posted", "tenant", s.Tenant.String(), "survey", s.ID, "channel", channel)
	text := T(in.Lang, "needs.posted", "program", s.Program, "channel", ChannelText(channel))
	if !chosen && lang != in.Lang {
		// Posted in the workspace's language, not the manager's: said,
		// with how to post it in theirs.
		text += " " + T(in.Lang, "needs.posted_lang", "lang", languageName(in.Lang, string(lang)), "other", string(in.Lang))
	}
	return Reply{Message: Message{Text: text + "\n" + T(in.Lang, platformKey(in.Member.Tenant(), "needs.results_how"), "program", s.Program),
		Channels: []string{channel}}}, nil
}

// needsByDM sends the survey to every member the bot knows, in a
// campaign, but those who opted out of campaigns: the manager is told
// how many it goes to, and how many it skips for that. Unless again, a
// second one for the same program is refused with a button to send it
// all the same.
func (b *Bot) needsByDM(ctx context.Context, by MemberID, lang Lang, s NeedsSurvey, again bool) (Reply, error) {
	all, err := b.store.privacy.MembersWithRecord(ctx, s.Tenant)
	if err != nil {
		return Reply{}, err
	}
	slices.Sort(all)
	users, optedOut := make([]string, 0, len(all)), 0
	for _, u := range all {
		out, err := b.store.campaigns.CampaignOptedOut(ctx, s.Tenant.Member(u))
		if err != nil {
			return Reply{}, err
		}
		if out {
			optedOut++
			continue
		}
		users = append(users, u)
	}
	if len(users) == 0 && optedOut > 0 {
		return Reply{Message: Message{Text: T(lang, "needs.none_opted_out", "program", s.Program, "n", Number(lang, optedOut), "count", itoa(optedOut))}}, nil
	}
	c, prior, err := b.startCampaign(ctx, CampaignSpec{Kind: CampaignNeeds, Program: s.Program, Subject: s.ID, Manager: by, Lang: lang, Users: users}, again)
	if prior != nil {
		return Reply{Message: Message{
			Text:    T(lang, "needs.again", "program", s.Program, "date", Date(lang, prior.Created), "n", Number(lang, prior.Sent), "count", itoa(prior.Sent)),
			Buttons: []Button{{Label: T(lang, "btn.needs.again"), ActionID: ActionNeedsAgain, Value: s.ID, Style: StyleDanger}},
		}}, nil
	}
	if err != nil {
		return Reply{}, err
	}
	size, pause := b.campaignPace()
	perMinute := int(float64(size) * float64(time.Minute) / float64(pause))
	text := T(lang, "needs.started", "program", s.Program, "n", Number(lang, c.Total), "count", itoa(c.Total), "rate", Number(lang, perMinute))
	if optedOut > 0 {
		text += " " + T(lang, "needs.started_opted_out", "n", Number(lang, optedOut), "count", itoa(optedOut))
	}
	return Reply{Message: Message{Text: text + "\n" + T(lang, platformKey(by.Tenant(), "needs.results_how"), "program", s.Program)}}, nil
}

// sendNeedsAgain answers the manager's "Send it again" button.
func sendNeedsAgain(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
	s, err := b.needsSurvey(ctx, who.Tenant(), id)
	if err != nil {
		return Reply{}, err
	}
	r, err := b.needsByDM(ctx, who, lang, s, true)
	r.Replace = true
	return r, err
}

// needsSurvey finds a survey by its ID; ESTALE if it is gone.
func (b *Bot) needsSurvey(ctx context.Context, t Tenant, id string) (NeedsSurvey, error) {
	all, err := b.store.needs.NeedsSurveys(ctx, t)
	if err != nil {
		return NeedsSurvey{}, err
	}
	for _, s := range all {
		if s.ID == id {
			return s, nil
		}
	}
	return NeedsSurvey{}, Errorf(ESTALE, "err.needs.gone")
}

// latestSurvey returns the latest survey of a program; ENOTFOUND if none.
func (b *Bot) latestSurvey(ctx context.Context, t Tenant, program string) (NeedsSurvey, error) {
	all, err := b.store.needs.NeedsSurveys(ctx, t)
	if err != nil {
		return NeedsSurvey{}, err
	}
	for i := len(all) - 1; i >= 0; i-- {
		if foldProgram(all[i].Program) == foldProgram(program) {
			return all[i], nil
		}
	}
	return NeedsSurvey{}, &Error{Code: ENOTFOUND, Key: "err.needs.none", Args: []string{"program", clip(program, MaxProgramLen)}}
}

// needsTopics are the topics a survey offers: the manager's, then the
// workspace's (offers and waiting requests), most frequent first, folded
// as matching folds them so that "K8s" and "kubernetes" are one, at most
// MaxChoices.
func (b *Bot) needsTopics(ctx context.Context, t Tenant, given []string) []string {
	syn := b.synonyms(ctx, t)
	seen, count := map[string]bool{}, map[string]int{}
	var out, rest []string
	add := func(topic string) {
		key := syn.Normalize(topic)
		if key == "" || seen[key] {
			count[key]++
			return
		}
		seen[key] = true
		count[key]++
		rest = append(rest, topic)
	}
	for _, g := range given {
		if key := syn.Normalize(g); key != "" && !seen[key] {
			seen[key] = true
			out = append(out, strings.TrimSpace(g))
		}
	}
	if offers, err := b.store.offers.Offers(ctx, t); err == nil {
		for _, o := range offers {
			for _, topic := range o.Topics {
				add(topic)
			}
		}
	}
	if waiting, err := b.store.requests.Waiting(ctx, t); err == nil {
		for _, r := range waiting {
			add(r.Topic)
		}
	}
	slices.SortStableFunc(rest, func(a, c string) int { return count[syn.Normalize(c)] - count[syn.Normalize(a)] })
	out = append(out, rest...)
	return out[:min(len(out), MaxChoices)]
}

// version names the survey's list of topics, so that a menu sent before
// the list changed (the manager ran the command again with other topics)
// is not read with the new one.
func (s NeedsSurvey) version() string {
	h := fnv.New32a()
	h.Write([]byte(strings.Join(s.Topics, "\n")))
	return strconv.FormatUint(uint64(h.Sum32()%(36*36*36*36)), 36)
}

// needsMonthsOf lists the months a survey offers as a start: the month it
// was made and the next ones, as "2027-01".
func needsMonthsOf(s NeedsSurvey) []string {
	first := time.Date(s.Created.Year(), s.Created.Month(), 1, 0, 0, 0, 0, time.UTC)
	out := make([]string, needsMonths)
	for i := range out {
		out[i] = first.AddDate(0, i, 0).Format("2006-01")
	}
	return out
}

// needsMonthOf reads a month the survey offers as a member types it:
// "2027-03", or its name in English or French, with or without accents
// and year ("March", "mars 2027", "fevrier"), which names the one of the
// survey's twelve months.
func needsMonthOf(s NeedsSurvey, v string) (string, bool) {
	words := strings.Fields(strings.ToLower(v))
	for _, m := range needsMonthsOf(s) {
		t, _ := time.Parse("2006-01", m)
		switch {
		case len(words) == 1 && words[0] == m,
			len(words) == 1 && monthNamed(words[0]) == int(t.Month()),
			len(words) == 2 && monthNamed(words[0]) == int(t.Month()) && words[1] == strconv.Itoa(t.Year()):
			return m, true
		}
	}
	return "", false
}

// monthLabel writes "2027-01" as "January 2027" or « janvier 2027 ».
func monthLabel(lang Lang, month string) string {
	m, err := time.Parse("2006-01", month)
	if err != nil {
		return month
	}
	if lang == French {
		return monthsFR[m.Month()-1] + " " + strconv.Itoa(m.Year())
	}
	return m.Format("January 2006")
}

// needsKinds are the kinds a survey offers: the workspace's.
func (b *Bot) needsKinds(ctx context.Context, t Tenant) []string {
	var out []string
	for _, k := range b.settings(ctx, t).Kinds {
		out = append(out, string(k))
	}
	return out
}

// needsMessage is the survey, in one language: four menus, the free field
// and how to answer by command.
func (b *Bot) needsMessage(ctx context.Context, lang Lang, s NeedsSurvey) Message {
	topics := make([]Choice, len(s.Topics))
	for i, topic := range s.Topics {
		topics[i] = Choice{Label: topic, Value: itoa(i)}
	}
	var kinds, months []Choice
	for i, k := range b.needsKinds(ctx, s.Tenant) {
		kinds = append(kinds, Choice{Label: T(lang, "kind."+k), Value: itoa(i)})
	}
	for i, m := range needsMonthsOf(s) {
		months = append(months, Choice{Label: monthLabel(lang, m), Value: itoa(i)})
	}
	menu := func(field string, choices []Choice, multi bool) Select {
		return Select{ActionID: ActionNeedsAnswer, Value: s.ID + ":" + field + ":" + s.version(), Placeholder: T(lang, "needs.ask."+field), Choices: choices, Multi: multi}
	}
	// Without topics to offer, it asks only for what its menus show, and
	// says how to name topics.
	text := T(lang, "needs.text_no_topics", "program", s.Program)
	if len(topics) > 0 {
		text = T(lang, "needs.text", "program", s.Program)
	}
	msg := Message{
		Title:   T(lang, "needs.title", "program", s.Program),
		Text:    text,
		Buttons: []Button{{Label: T(lang, "btn.needs.other"), ActionID: ActionNeedsOther, Value: s.ID}},
	}
	if len(topics) > 0 {
		msg.Selects = append(msg.Selects, menu(NeedsLearn, topics, true), menu(NeedsTeach, topics, true))
	}
	msg.Selects = append(msg.Selects, menu(NeedsKind, kinds, false), menu(NeedsMonth, months, false))
	return msg
}

// needsCampaignMessage is the survey as a campaign DM.
func needsCampaignMessage(ctx context.Context, b *Bot, c Campaign, to MemberID, lang Lang) (Message, error) {
	s, err := b.needsSurvey(ctx, c.Tenant, c.Subject)
	if err != nil {
		return Message{}, err
	}
	return b.needsMessage(ctx, lang, s), nil
}
