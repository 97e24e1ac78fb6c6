// Command mentorbot runs the mentoring bot: on Slack and/or Discord when
// their tokens are set, otherwise in the terminal, on the Redis at
// REDIS_URL or, without one, on an embedded Redis that keeps nothing.
// "mentorbot export MEMBER" and "mentorbot forget MEMBER" answer one
// member's data-protection request from REDIS_URL alone (operator.go).
package main
