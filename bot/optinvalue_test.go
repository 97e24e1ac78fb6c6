package bot_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestOptionInValue: a structured value (Discord's fields, a form's) that
// holds another option of the command, as a member copies the typed
// example "go, career change program:…" into the topics field, is
// refused, saying to give that option separately; it used to make a
// topic of "career change program:…" and drop the program. Free text
// keeps its colons.
func TestOptionInValue(t *testing.T) {
	h := MustHarness(t)
	run := func(user, name string, values map[string]string) bot.Reply {
		return h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member(user), Name: name, Values: values})
	}
	MustContain(t, run("bob", "offer", map[string]string{"topics": "go, career change program:spring"}),
		"For the topics, `program:` doesn't belong in the value: it is an option of its own, to give separately.")
	h.Run("ann", "lang fr")
	MustContain(t, run("ann", "offer", map[string]string{"topics": "go programme:mentorat-2027"}),
		"Pour les sujets, `programme:` n'a pas sa place dans la valeur\u202f: c'est une option à part entière, à indiquer à part.")
	if offers, _ := h.Store.Offers(context.Background(), h.Tenant); len(offers) != 0 {
		t.Fatalf("got offers %+v, want none saved", offers)
	}
	MustContain(t, run("bob", "offer", map[string]string{"topics": "C++: templates"}), "You are now a mentor for: C++: templates.")
	MustContain(t, run("cat", "request", map[string]string{"topic": "go", "goal": "learn this: fast, then kind:deeper"}), "Your request on “go”")
}

// TestQuotedValueInField: a value wholly in quotes in a field, as the
// help writes one of several words ("le lundi à 9 h 30"), is read
// without its quotes, as typed text reads it; free text keeps them.
func TestQuotedValueInField(t *testing.T) {
	h := MustAdminHarness(t)
	run := func(user, name string, values map[string]string) bot.Reply {
		return h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member(user), Name: name, Values: values})
	}
	MustContain(t, run("alice", "admin settings", map[string]string{"digest-schedule": `"monday 9:30"`}), "Saved: digest-schedule.")
	MustContain(t, run("alice", "admin settings", map[string]string{"digest-schedule": `« lundi 10 h »`}), "Saved: digest-schedule.")
	r := run("bob", "request", map[string]string{"topic": `"go"`, "goal": `learn "generics"`})
	MustContain(t, r, "Your request on “go”")
}
