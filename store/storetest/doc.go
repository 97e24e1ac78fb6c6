// Package storetest gives tests a Store in memory, on a real Redis or on
// the embedded miniredis, and holds the one contract suite that every
// backend passes (Backends, RunContract).
package storetest
