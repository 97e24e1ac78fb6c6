package main

import (
	"io"
	"log/slog"
	"os"
	"strings"
)

// newLogger returns the program's logger: JSON lines when format is
// "json" (LOG_FORMAT=json, for a log collector), slog's key=value text
// otherwise, at level (debug, info, warn, error; default info), on w
// (standard error when nil).
//
// What is logged is the callers' business, and their rule is the same
// everywhere: IDs (members, workspaces, pairs, jobs), codes and counts;
// never a token or a secret, a message's text, or a member's name.
func newLogger(level, format string, w io.Writer) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(level))); err != nil {
		l = slog.LevelInfo
	}
	if w == nil {
		w = os.Stderr
	}
	opt := &slog.HandlerOptions{Level: l}
	if strings.EqualFold(strings.TrimSpace(format), "json") {
		return slog.New(slog.NewJSONHandler(w, opt))
	}
	return slog.New(slog.NewTextHandler(w, opt))
}
