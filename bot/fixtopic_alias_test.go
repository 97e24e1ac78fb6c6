package bot_test

import (
	"strings"
	"testing"
)

// TestAliasAddedAgain: an alias added again, however typed (case,
// plural), for the topic it means already, is said to mean it already;
// the list keeps the spelling first added.
func TestAliasAddedAgain(t *testing.T) {
	h := MustAdminHarness(t)
	MustContain(t, h.Run("alice", `admin topics alias "conduite de projet" "project management"`), "From now on, “conduite de projet” means “project management”")
	for _, again := range []string{"conduite de projets = project management", "Conduite De Projet = project management"} {
		r := h.Run("alice", "admin topics alias "+again)
		if strings.Contains(r.Message.Text, "From now on") {
			t.Errorf("%s: got %q, want it said to mean that already", again, r.Message.Text)
		}
		MustContain(t, r, "the alias “conduite de projet”, which already means “project management”, so there is nothing to add.")
	}
	MustContain(t, h.Run("alice", "admin topics alias conduite de projet = project management"), "“conduite de projet” already means “project management”, so there is nothing to add.")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin sujets alias Conduite de projet = project management"), "«\u202fConduite de projet\u202f» se lit comme l'alias «\u202fconduite de projet\u202f», qui veut déjà dire «\u202fproject management\u202f»\u202f: il n'y a rien à ajouter.")
	h.Run("alice", "lang en")
	list := h.Run("alice", "admin topics list").Message.Text
	if !strings.Contains(list, "“conduite de projet” as “project management”") || strings.Contains(list, "Gestion") {
		t.Errorf("got list %q, want the alias as first added", list)
	}
	MustContain(t, h.Run("alice", "admin topics alias Conduite De Projet = finance"), "It meant “project management” until now.")
}
