package discordtest

// OpenDMs undoes CloseDMs: messages to the user's DM channel go through
// again, as when a member opens their DMs.
func (f *REST) OpenDMs(user string) { f.locked(func() { delete(f.closedDMs, user) }) }
