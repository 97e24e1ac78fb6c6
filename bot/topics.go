package bot

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/matching"
)

// TopicStore keeps the workspace's topic aliases (topics.go).
type TopicStore interface {
	// TopicSynonyms returns the workspace's topic aliases, folded alias →
	// the value SetTopicSynonym stored; empty if none.
	TopicSynonyms(ctx context.Context, t Tenant) (map[string]string, error)

	// SetTopicSynonym adds or replaces one alias. The core stores the
	// folded canonical topic with the alias and topic as typed
	// (synonymValue); the store keeps the value as it is.
	SetTopicSynonym(ctx context.Context, t Tenant, alias, canonical string) error

	// RemoveTopicSynonym removes one alias. ENOTFOUND if there is none.
	RemoveTopicSynonym(ctx context.Context, t Tenant, alias string) error
}

// MaxSynonyms bounds a workspace's topic aliases: Synonyms.Keys reads
// them all for every request.
const MaxSynonyms = 200

// synonyms returns the workspace's topic aliases, to fold topics with
// (matching.Synonyms.Normalize) and to read an index with (Keys). With
// the store down it returns none: the built-in spellings still apply.
// The map is shared: never change it.
func (b *Bot) synonyms(ctx context.Context, t Tenant) matching.Synonyms {
	now := time.Now()
	if s, ok := b.synonymCache.get(t, now); ok {
		return s
	}
	m, err := b.store.topics.TopicSynonyms(ctx, t)
	if err != nil {
		b.log.Warn("topic synonyms unavailable", "tenant", t.String(), "code", string(ErrorCode(err)))
		return nil
	}
	s, _ := splitSynonyms(m)
	b.synonymCache.put(t, s, now)
	return s
}

// synonymValue is what an alias stores: the folded canonical topic the
// matcher reads, then the alias and the topic as the manager typed them,
// which the list shows ("dév web" as "développement web", not "dev web"
// as "developpement web"). Tab-separated: a topic holds no tab once
// its spaces are collapsed.
func synonymValue(target, alias, topic string) string {
	return target + "\t" + strings.Join(strings.Fields(alias), " ") + "\t" + strings.Join(strings.Fields(topic), " ")
}

// synonymLabel is an alias as the manager typed it, and its topic.
type synonymLabel struct{ alias, topic string }

// splitSynonyms reads the stored aliases: the matcher's (folded alias →
// folded topic) and how each was typed. An alias stored before the typed
// forms were kept shows its folded forms.
func splitSynonyms(raw map[string]string) (matching.Synonyms, map[string]synonymLabel) {
	s, labels := make(matching.Synonyms, len(raw)), make(map[string]synonymLabel, len(raw))
	for key, v := range raw {
		target, typed, _ := strings.Cut(v, "\t")
		s[key] = target
		alias, topic, ok := strings.Cut(typed, "\t")
		if !ok || alias == "" || topic == "" {
			alias, topic = key, target
		}
		labels[key] = synonymLabel{alias, topic}
	}
	return s, labels
}

// forgetSynonyms drops the cached aliases of a workspace after a change.
func (b *Bot) forgetSynonyms(t Tenant) {
	b.synonymCache.forget(t)
}

// topicVerbs maps what a manager may type to add, remove or list aliases.
var topicVerbs = map[string]string{
	"": "list", "list": "list", "liste": "list", "lister": "list",
	"alias": "alias", "add": "alias", "ajouter": "alias",
	"remove": "remove", "retirer": "remove", "supprimer": "remove",
}

// runAdminTopics manages the workspace's topic aliases:
// "/mentor admin topics alias sre site reliability engineering",
// "… list", "… remove sre". An alias of several words is written with
// '=': "alias conduite de projet = project management". On Discord the
// alias and the topic come as options of their own.
func runAdminTopics(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	verb, rest, _ := strings.Cut(strings.TrimSpace(in.Text("action")), " ")
	v, ok := topicVerbs[strings.ToLower(verb)]
	if !ok {
		return Reply{}, unknownVerb(in, verb, &Error{Code: EINVALID, Key: "err.admin.topics_usage", Field: "action"})
	}
	rest = strings.TrimSpace(rest)
	alias, topic := in.Text("alias"), in.Text("topic")
	switch v {
	case "alias":
		if alias == "" && topic == "" {
			alias, topic = splitAlias(rest)
			if strings.Contains(rest, "=") && (alias == "") != (topic == "") {
				// "alias = kubernetes", "alias foo =": one side left empty.
				return Reply{}, &Error{Code: EINVALID, Key: "err.admin.topics_empty", Field: "alias"}
			}
		}
		return b.addSynonym(ctx, in, alias, topic)
	case "remove":
		if alias == "" {
			alias = rest
		}
		alias = unquote(strings.TrimSpace(alias))
		return b.removeSynonym(ctx, in, alias)
	}
	return b.listSynonyms(ctx, in)
}

// splitAlias reads "sre site reliability engineering" as the alias "sre"
// and the topic after it, or "conduite de projet = project management" at
// the '='.
//
// Quotes are no part of either: "\"sre\" \"site reliability\"" and
// « devops » = « ingénierie de production » are read without them, as a
// request's topic is, and a quoted alias may hold spaces without '='.
func splitAlias(s string) (alias, topic string) {
	if a, t, ok := quotedFirst(s); ok {
		return a, unquote(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "=")))
	}
	if a, t, ok := strings.Cut(s, "="); ok {
		return unquote(strings.TrimSpace(a)), unquote(strings.TrimSpace(t))
	}
	a, t, _ := strings.Cut(s, " ")
	return unquote(strings.TrimSpace(a)), unquote(strings.TrimSpace(t))
}

// aliasQuotes are the quotes an alias may open with, and the quote each
// closes with.
var aliasQuotes = [][2]string{{`"`, `"`}, {"'", "'"}, {"“", "”"}, {"«", "»"}, {"‘", "’"}, {"’", "’"}, {"„", "“"}, {"”", "”"}}

// quotedFirst reads a quoted first part of s ("\"sre\" …"): the text
// within the quotes, and what follows the closing one.
func quotedFirst(s string) (first, rest string, ok bool) {
	s = strings.TrimSpace(s)
	for _, q := range aliasQuotes {
		body, found := strings.CutPrefix(s, q[0])
		if !found {
			continue
		}
		if i := strings.Index(body, q[1]); i > 0 {
			return strings.TrimSpace(body[:i]), body[i+len(q[1]):], true
		}
	}
	return "", "", false
}

func (b *Bot) addSynonym(ctx context.Context, in *Invocation, alias, topic string) (Reply, error) {
	t := in.Member.Tenant()
	alias, topic = unquote(strings.TrimSpace(alias)), unquote(strings.TrimSpace(topic))
	if alias == "" || topic == "" {
		return Reply{}, &Error{Code: EINVALID, Key: "err.admin.topics_usage", Field: "alias"}
	}
	if utf8.RuneCountInString(alias) > MaxTopicLen || utf8.RuneCountInString(topic) > MaxTopicLen {
		return Reply{}, &Error{Code: EINVALID, Key: "err.admin.topics_too_long", Args: []string{"max", itoa(MaxTopicLen)}, Field: "alias"}
	}
	raw, err := b.store.topics.TopicSynonyms(ctx, t)
	if err != nil {
		return Reply{}, err
	}
	current, labels := splitSynonyms(raw)
	key, target, err := current.Add(alias, topic)
	if err != nil {
		return Reply{}, synonymError(err, alias, topic)
	}
	if was, ok := current[key]; ok && was == target {
		// The alias already means this topic, perhaps typed otherwise
		// ("Conduite De Projet", "conduite de projets"): nothing changes,
		// and the spelling first added stays the one listed.
		return Reply{Message: Message{Text: aliasAlready(in.Lang, alias, labels[key])}}, nil
	}
	if _, replaced := current[key]; !replaced && len(current) >= MaxSynonyms {
		return Reply{}, &Error{Code: EINVALID, Key: platformKey(in.Member.Tenant(), "err.admin.topics_too_many"), Args: []string{"max", itoa(MaxSynonyms)}}
	}
	// Said (and listed) as the manager typed it, unless the topic itself
	// leads on to another through the aliases: then the topic it ends at.
	shown := strings.TrimSpace(topic)
	if matching.NormalizeTopic(topic) != target {
		shown = target
	}
	if err := b.store.topics.SetTopicSynonym(ctx, t, key, synonymValue(target, alias, shown)); err != nil {
		return Reply{}, err
	}
	b.forgetSynonyms(t)
	b.log.Info("topic alias added", "tenant", t.String(), "by", in.Member.String())
	// The alias applies at once: the requests it lets match are proposed now.
	b.matchWaiting(ctx, t)
	text := T(in.Lang, "admin.topics.added", "alias", strings.TrimSpace(alias), "topic", shown)
	if was, replaced := current[key]; replaced && was != target {
		// The alias meant another topic until now: said, since the
		// manager may not remember it, and its requests change mentors.
		text += " " + T(in.Lang, "admin.topics.replaced", "was", labels[key].topic)
	}
	return Reply{Message: Message{Text: text}}, nil
}

// aliasAlready says that an alias already means its topic, named as
// first added, and that alias as typed now is read as that one.
func aliasAlready(lang Lang, alias string, first synonymLabel) string {
	alias = strings.Join(strings.Fields(alias), " ")
	if alias == first.alias {
		return T(lang, "admin.topics.already", "alias", alias, "topic", first.topic)
	}
	return T(lang, "admin.topics.already_as", "alias", alias, "first", first.alias, "topic", first.topic)
}

// synonymError turns an error of matching.Synonyms.Add into a sentence.
func synonymError(err error, alias, topic string) error {
	args := []string{"alias", clip(alias, 40), "topic", clip(topic, 40)}
	switch {
	case errors.Is(err, matching.ErrSynonymEmpty):
		return &Error{Code: EINVALID, Key: "err.admin.topics_empty", Field: "alias"}
	case errors.Is(err, matching.ErrSynonymSelf):
		return &Error{Code: EINVALID, Key: "err.admin.topics_self", Args: args, Field: "alias"}
	case errors.Is(err, matching.ErrSynonymBuiltin):
		usual, _ := matching.BuiltinOf(alias)
		return &Error{Code: EINVALID, Key: "err.admin.topics_builtin", Args: append(args, "usual", usual), Field: "alias"}
	case errors.Is(err, matching.ErrSynonymBuiltinTopic):
		return &Error{Code: EINVALID, Key: "err.admin.topics_builtin_topic", Args: append(args, "usual", matching.NormalizeTopic(alias)), Field: "alias"}
	case errors.Is(err, matching.ErrSynonymWithin):
		return &Error{Code: EINVALID, Key: "err.admin.topics_within", Args: args, Field: "alias"}
	case errors.Is(err, matching.ErrSynonymCycle):
		return &Error{Code: EINVALID, Key: "err.admin.topics_cycle", Args: args, Field: "topic"}
	}
	return err
}

func (b *Bot) removeSynonym(ctx context.Context, in *Invocation, alias string) (Reply, error) {
	t := in.Member.Tenant()
	key := matching.NormalizeTopic(alias)
	if key == "" {
		return Reply{}, &Error{Code: EINVALID, Key: "err.admin.topics_usage", Field: "alias"}
	}
	// Named as it was typed when added ("k8s-ops", not its folded
	// "kubernetes ops").
	shown := key
	if raw, err := b.store.topics.TopicSynonyms(ctx, t); err == nil {
		if _, labels := splitSynonyms(raw); labels[key].alias != "" {
			shown = labels[key].alias
		}
	}
	err := b.store.topics.RemoveTopicSynonym(ctx, t, key)
	if ErrorCode(err) == ENOTFOUND {
		return Reply{}, Errorf(ENOTFOUND, platformKey(in.Member.Tenant(), "err.admin.topics_not_alias"), "alias", clip(alias, 40))
	}
	if err != nil {
		return Reply{}, err
	}
	b.forgetSynonyms(t)
	b.log.Info("topic alias removed", "tenant", t.String(), "by", in.Member.String())
	return Reply{Message: Message{Text: T(in.Lang, "admin.topics.removed", "alias", shown)}}, nil
}

// listSynonyms shows the workspace's aliases, in alias order.
func (b *Bot) listSynonyms(ctx context.Context, in *Invocation) (Reply, error) {
	raw, err := b.store.topics.TopicSynonyms(ctx, in.Member.Tenant())
	if err != nil {
		return Reply{}, err
	}
	msg := Message{Title: T(in.Lang, "admin.topics.title")}
	if len(raw) == 0 {
		msg.Text = T(in.Lang, platformKey(in.Member.Tenant(), "admin.topics.none"))
		return Reply{Message: msg}, nil
	}
	_, labels := splitSynonyms(raw)
	lines := []string{T(in.Lang, platformKey(in.Member.Tenant(), "admin.topics.intro"))}
	for _, key := range slices.Sorted(maps.Keys(labels)) {
		lines = append(lines, T(in.Lang, "admin.topics.item", "alias", labels[key].alias, "topic", labels[key].topic))
	}
	msg.Text = strings.Join(lines, "\n")
	return Reply{Message: msg}, nil
}
