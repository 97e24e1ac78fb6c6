package bot

import (
	"context"

	"github.com/mentorbot/mentorbot/matching"
)

// Synonyms exposes the workspace's topic aliases as the matcher gets them.
func (b *Bot) Synonyms(ctx context.Context, t Tenant) matching.Synonyms { return b.synonyms(ctx, t) }

// HelpFrenchWords exposes the French words the French help names.
func HelpFrenchWords() []string { return helpFrenchWords }

// IsFrenchCommand reports whether the parser takes w as a command word.
func IsFrenchCommand(w string) bool { _, ok := frenchCommands[w]; return ok }
