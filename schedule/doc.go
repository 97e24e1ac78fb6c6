// Package schedule runs mentorbot's recurring work: the follow-up jobs on
// a short tick, and cron entries (the matching sweep, the weekly digest).
// It is the only package importing robfig/cron. Several replicas may run
// it at once: each cron activation takes a Redis lock named after its
// scheduled time, so it runs once; the jobs are leased one by one. The
// locks only save duplicate work — every job and effect is idempotent.
package schedule
