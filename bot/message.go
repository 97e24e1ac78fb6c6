package bot

import "strings"

// Message is what the bot says, in neutral form. Adapters render it as
// Block Kit, Discord components or terminal text. Every string in it is
// plain text: adapters escape it for their markup, so nothing a member
// typed can become a mention, a broadcast or a link.
type Message struct {
	Title   string
	Text    string
	Fields  []Field
	Link    *Link
	Buttons []Button
	// Selects are menus of choices shown above the buttons (select.go).
	Selects []Select
	// Mentions lists members the message is about, so that adapters which
	// can (Slack, Discord) may add a real mention next to the names.
	Mentions []MemberID
	// Lang is the language of a message posted in a channel, where no
	// reader's language applies, so that an adapter's own words around it
	// (the shell's frame) follow it; "" otherwise.
	Lang Lang
	// Channels are the channels the text names, each written "#" and its
	// ID (ChannelText), which adapters that can show as links to the
	// channel, in their platform's syntax.
	Channels []string
	// Delivery is the delivery key of a message a job sends once
	// (deliver): an adapter that can attaches it to the message, so that
	// Verifier.Delivered finds it after a crash mid-send. IDs only.
	Delivery string
}

// ChannelText is how a message's text names a channel: "#" and its ID;
// list the ID in Message.Channels so that adapters can link it.
func ChannelText(id string) string { return "#" + id }

// Field is a labelled value shown under the text.
type Field struct {
	Label string
	Value string
	// Lang is the language of a field in a message written in several
	// (a bilingual introduction), so that an adapter punctuates it in its
	// own; "" means the reader's. Such a message lists each language's
	// fields together, and adapters that lay fields out side by side keep
	// each language's apart (Slack: a section of their own).
	Lang Lang
	// Sentence marks a Value that is a sentence standing alone, with its
	// capital: an adapter that writes it on the label's line, after a
	// colon, writes it with AfterColon (in French, « : fixez… »).
	Sentence bool
}

// Link is a URL shown with a label (the video-call room).
type Link struct {
	Label string
	URL   string
}

// Button styles.
const (
	StylePrimary = "primary"
	StyleDanger  = "danger"
)

// Button triggers an Action. ActionID names the action (see the Action*
// constants) and Value carries its argument, usually an entity ID. Both are
// short: adapters may pack them into one platform field of 100 characters.
type Button struct {
	Label    string
	ActionID string
	Value    string
	Style    string
}

// Action IDs carried by buttons.
const (
	ActionProposalAccept  = "proposal.accept"
	ActionProposalDecline = "proposal.decline"
	ActionCharterAccept   = "charter.accept"
	ActionCharterDecline  = "charter.decline"
	// ActionCharterWithdraw cancels a pair waiting for its charter, from
	// /mentor end: also for a member who accepted it already.
	ActionCharterWithdraw = "charter.withdraw"
)

// Reply is what the person who ran a command or clicked a button sees.
// Adapters show Message only to that person (ephemeral). When Replace is
// set, the message that carried the clicked button is replaced by Message:
// the clicked buttons disappear, so a button works once (Message may bring
// buttons of its own, as the next question of a survey does). Without
// Replace, a click's reply is shown to the clicker alone and the clicked
// message stays as it is: so a click that finds its work done already
// (alreadyDone) never erases the outcome the first click wrote there.
// When Form is set, the adapter opens it as a modal (Slack, Discord) or
// asks its fields in turn.
type Reply struct {
	Message Message
	Replace bool
	Form    *Form
	// FieldErrors, keyed by option name, are shown inline on a submitted form.
	FieldErrors map[string]string
	// Lang is the language the reply is in: the member's own. Adapters
	// write their own notes (closed DMs, a late form) in it too.
	Lang Lang
	// TryAgain marks a refusal that asks the member to send the same
	// again in a moment (over the rate limit, the store unreachable): an
	// adapter keeps a submitted form open with it, so nothing typed is lost.
	TryAgain bool
}

// alreadyDone answers a click that finds its work done, or being done,
// already: a double click, a click on a stale copy of the message, or one
// that raced the first. It does not replace the clicked message, which
// shows (or is about to show) the first click's outcome, such as the list
// of proposals a round sent: the clicker alone reads text.
func alreadyDone(text string) Reply { return Reply{Message: Message{Text: text}} }

// Form is a modal form generated from a command's options.
type Form struct {
	Command string // the command it submits
	Title   string
	Submit  string
	Fields  []FormField
	// Fixed are option values submitted with the form that the member
	// does not see or change (the program an invitation's offer joins):
	// adapters carry them with the form and add them to the submitted
	// command's values.
	Fixed map[string]string
}

// FormField is one input of a Form.
type FormField struct {
	Name        string // the option name
	Label       string
	Placeholder string
	Multiline   bool
	Required    bool
	Value       string // prefilled
	MaxLength   int
}

// HeadingLine reports whether line, a line of a Message's text, is one of
// the catalog's headings: one *phrase* and nothing else ("*Your
// mentoring*"), which adapters show as their markup's bold; it returns
// the phrase. Any other asterisk is plain text.
func HeadingLine(line string) (string, bool) {
	if len(line) < 3 || line[0] != '*' || line[len(line)-1] != '*' {
		return "", false
	}
	inner := line[1 : len(line)-1]
	if strings.TrimSpace(inner) != inner || strings.ContainsAny(inner, "*`") {
		return "", false
	}
	return inner, true
}
