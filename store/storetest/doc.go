// Package storetest gives tests a Store on a real Redis or on the embedded
// miniredis, and holds the one contract suite that every backend passes.
package storetest
