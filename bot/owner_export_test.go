package bot

// ActionOwnership exposes, to the black-box tests, every action of the
// table and whether its buttons are marked with their member (owned), or
// why not (unowned).
func ActionOwnership() (actions []string, owned map[string]bool, unowned map[string]string) {
	for a := range actionTable() {
		actions = append(actions, a)
	}
	return actions, ownedActions, unownedActions
}
