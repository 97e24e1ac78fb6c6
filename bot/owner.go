package bot

import "strings"

// A button belongs to the member it was sent to. Where both members of a
// pair may rightly click a button (a charter, a check-in, a survey, the
// new-match question, ending a pair), the pair ID alone cannot tell whose
// answer a click is, so the core writes the member's user ID on the value
// of each such button it sends to one member: "@<user>:<value>". A click
// on it by anyone else is refused with err.not_your_button and changes
// nothing, the clicked message included, as proposal buttons (whose store
// checks the mentor) have always done.
//
// The mark is written in sendTo, for every message delivered to one member,
// and on the buttons of a reply, which only its member sees. A menu
// (Select) of an owned action is marked the same way, on its own value: a
// choice made in it carries the mark, as a click does. A button
// without the mark is on a message shared by several members (Introduce):
// each member's click is their own answer, checked against the pair by the
// handler, and the reply never replaces the shared message, so that the
// other member's buttons stay. Buttons sent before the mark existed behave
// the same way.

// ownerMark starts a value that carries its member. No other value starts
// with it: values start with a random ID or a fixed word.
const ownerMark = "@"

// ownedActions are the actions whose buttons belong to one member. The
// proposal's buttons and the topic suggestion's are checked by their own
// handlers against the proposal's mentor and the request's mentee, and a
// call for mentors is open to everyone.
var ownedActions = map[string]bool{
	ActionCharterAccept:      true,
	ActionCharterDecline:     true,
	ActionCharterWithdraw:    true,
	ActionCheckinYes:         true,
	ActionCheckinNotYet:      true,
	ActionCheckinStop:        true,
	ActionCheckinStopConfirm: true,
	ActionNewMatchYes:        true,
	ActionNewMatchNo:         true,
	ActionSurveyAnswer:       true,
	ActionSurveyComment:      true,
	ActionSurveyEnd:          true,
	ActionSurveyKeep:         true,
	ActionProgramAnswers:     true,
	// The final survey's testimonial (testimonial.go).
	ActionTestimonialWrite: true,
	ActionTestimonialShare: true,
	ActionEndAsk:           true,
	ActionEndConfirm:       true,
	ActionEndKeep:          true,
	ActionEndDone:          true,
	ActionWithdrawAsk:      true,
	ActionWithdrawConfirm:  true,
	ActionWithdrawKeep:     true,
	ActionForgetConfirm:    true,
	ActionForgetKeep:       true,
	// The mid-way review of a pair's goals (goals.go).
	ActionGoalsKeep:     true,
	ActionGoalsReadjust: true,
	// A check-in's menu of where each goal stands (goals.go): a select,
	// marked on its value like a button.
	ActionGoalProgress: true,

	// A speed-mentoring event's "continue?", one per member.
	ActionSpeedContinue:   true,
	ActionSpeedNoContinue: true,
	// The Resume button of a member paused for not answering.
	ActionPauseResume: true,

	// Recruitment (recruit.go): each member's own invitation.
	ActionReinviteYes:    true,
	ActionReinviteChange: true,
	ActionReinviteNo:     true,
	ActionGiveBackYes:    true,
	ActionGiveBackNo:     true,

	// The question before new times cancel an agreed meeting
	// (meeting_times.go): the asker's own, whoever else sees it.
	ActionMeetReplace: true,
	ActionMeetKeep:    true,

	// The home's own buttons (home.go), shown to one member.
	ActionHomeRequest: true,
	ActionHomePause:   true,
	ActionHomeResume:  true,
	ActionHomeProfile: true,
}

// unownedActions are the actions that are not marked, and why: each one
// is someone's by its own check, or nobody's. A new action goes in one of
// the two maps (a test checks it).
var unownedActions = map[string]string{
	ActionMeetPick:         "on the pair's shared message: the handler checks the clicker is in the pair",
	ActionMeetOther:        "on the pair's shared message: the handler checks the clicker is in the pair",
	ActionMeetTZ:           "on the pair's shared message: each click sets the clicker's own zone",
	ActionMeetZone:         "a reply to the clicker alone: the handler checks the clicker is in the pair",
	ActionProposalAccept:   "the store checks the proposal's mentor",
	ActionProposalDecline:  "the store checks the proposal's mentor",
	ActionRequestTopic:     "the handler checks the request's mentee; its value fills Discord's custom_id",
	ActionRequestLanguages: "the handler checks the request's mentee",
	ActionOfferOpen:        "a call for mentors, open to every member",
	ActionRoundSend:        "managers only (IsAdminAction)",
	ActionRoundCancel:      "managers only (IsAdminAction)",
	ActionPairConfirm:      "managers only, and its draft refuses any manager but the one who asked",
	ActionPairCancel:       "managers only, and its draft refuses any manager but the one who asked",
	ActionProgramClose:     "managers only (IsAdminAction); closing twice says so",
	ActionProgramKeep:      "managers only (IsAdminAction)",
	ActionSpeedCancel:      "managers only (IsAdminAction); cancelling twice says so",
	ActionSpeedKeep:        "managers only (IsAdminAction)",
	ActionSpeedMentor:      "an event's registration, open to every member",
	ActionSpeedMentee:      "an event's registration, open to every member",
	ActionSpeedLeave:       "an event's registration: the handler reads the clicker's own",
	ActionNeedsAnswer:      "a survey posted in a channel too: each click is the clicker's own answer",
	ActionNeedsOther:       "opens the clicker's own form",
	ActionNeedsMentor:      "signs up the clicker from their own answer",
	ActionNeedsMentee:      "signs up the clicker from their own answer",
	ActionNeedsAgain:       "managers only (IsAdminAction)",
	ActionCampaignOptOut:   "opts out the clicker",
	ActionGoalsOpen:        "on the shared introduction too: the handler checks the clicker is in the pair and opens their own form",
}

// ownedBy returns msg with each of its member-owned buttons and menus
// marked as to's. A button or menu already marked keeps its mark. msg
// itself is not changed.
func ownedBy(to MemberID, msg Message) Message {
	if (len(msg.Buttons) == 0 && len(msg.Selects) == 0) || to.User == "" {
		return msg
	}
	if len(msg.Buttons) > 0 {
		buttons := make([]Button, len(msg.Buttons))
		for i, b := range msg.Buttons {
			b.Value = ownerValue(to, b.ActionID, b.Value)
			buttons[i] = b
		}
		msg.Buttons = buttons
	}
	if len(msg.Selects) > 0 {
		selects := make([]Select, len(msg.Selects))
		for i, s := range msg.Selects {
			s.Value = ownerValue(to, s.ActionID, s.Value)
			selects[i] = s
		}
		msg.Selects = selects
	}
	return msg
}

// ownerValue is value marked as to's if action is member-owned and value
// is not marked yet.
func ownerValue(to MemberID, action, value string) string {
	if ownedActions[action] && !strings.HasPrefix(value, ownerMark) {
		return ownerMark + to.User + ":" + value
	}
	return value
}

// buttonOwner splits a clicked value (or a menu's choice) into its
// owner's user ID and the value the action's handler reads. owner is ""
// for a button without a mark: one on a shared message, or not owned by
// anyone.
func buttonOwner(action, value string) (owner, rest string) {
	if !ownedActions[action] || !strings.HasPrefix(value, ownerMark) {
		return "", value
	}
	owner, rest, ok := strings.Cut(value[len(ownerMark):], ":")
	if !ok {
		return "", ""
	}
	return owner, rest
}
