package bot_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCoreImportsNoInfrastructure: the core imports no chat SDK, no Redis
// client and no cron library, and matching only the standard library and
// golang.org/x/text (Unicode normalisation of topics).
// Dependencies point inward: cmd -> adapters, store -> bot -> matching.
func TestCoreImportsNoInfrastructure(t *testing.T) {
	forbidden := []string{"slack-go", "discordgo", "go-redis", "miniredis", "robfig/cron", "gonum", "prometheus"}
	for dir, allowModule := range map[string]bool{".": true, "../matching": false} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			file, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range file.Imports {
				path := strings.Trim(imp.Path.Value, `"`)
				for _, bad := range forbidden {
					if strings.Contains(path, bad) {
						t.Errorf("%s imports %s, want no infrastructure in the core", f, path)
					}
				}
				if !allowModule && strings.Contains(path, ".") && !strings.HasPrefix(path, "golang.org/x/text/") {
					t.Errorf("%s imports %s, want the standard library only", f, path)
				}
				if allowModule && strings.Contains(path, "mentorbot/") && !strings.HasSuffix(path, "/matching") {
					t.Errorf("%s imports %s, want bot to depend on matching only", f, path)
				}
			}
		}
	}
}
