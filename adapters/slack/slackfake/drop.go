package slackfake

// Drop closes the connection from Slack's side, as a network failure
// would. Make the Web API SetDown first to keep the bot from
// reconnecting at once.
func (k *Socket) Drop() { k.close() }
