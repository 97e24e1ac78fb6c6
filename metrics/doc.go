// Package metrics is mentorbot's Prometheus metrics, served at
// GET /metrics. It is the only package importing
// prometheus/client_golang: it implements bot.Observer for the core,
// wraps the adapters' HTTP transports to count outbound API calls, times
// the acks of the HTTP endpoints, and counts Redis errors. Every label
// takes its values from a small fixed set: table names, codes, API
// methods and routes with their IDs replaced; never a member's ID.
package metrics
