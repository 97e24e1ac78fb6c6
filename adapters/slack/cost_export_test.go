package slack

// ParseCommandCost parses a slash command's form as the HTTP endpoint
// does, for BenchmarkCommandCost.
func ParseCommandCost(body []byte) error {
	_, _, err := parseCommand(body)
	return err
}
