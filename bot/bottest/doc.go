// Package bottest holds fakes for testing code built on the bot core: a
// recording Platform and a Harness that wires a Bot to a store, a stopped
// clock and seeded randomness.
package bottest
