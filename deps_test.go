package mentorbot_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// rule is one package of the plan (docs/architecture.md): the packages of
// this module and the outside modules its code may import, and what its
// tests may import on top. The standard library is always allowed, and so
// is a package's own path (its black-box tests). Every other import is
// forbidden.
type rule struct {
	pkg   string   // path inside the module: "bot", "adapters/slack"
	code  []string // packages of this module its code may import
	ext   []string // outside modules its code may import (path prefixes)
	tests []string // further packages of this module its tests may import
	// wires marks cmd: any package of this module but another cmd, and
	// any outside module.
	wires bool
}

// Outside modules, each with its one home.
const (
	xtext      = "golang.org/x/text/"
	slackgo    = "github.com/slack-go/slack"
	discordgo  = "github.com/bwmarrin/discordgo"
	goredis    = "github.com/redis/go-redis/"
	miniredis  = "github.com/alicebob/miniredis/"
	gonum      = "gonum.org/v1/plot"
	prometheus = "github.com/prometheus/client_golang/"
	cron       = "github.com/robfig/cron/"
	websocket  = "github.com/gorilla/websocket"
	// ical parses the meeting package's .ics in its tests only.
	ical = "github.com/arran4/golang-ical"
)

// plan is the table of docs/architecture.md.
var plan = []rule{
	{pkg: "matching", ext: []string{xtext}},
	{pkg: "meeting", ext: []string{ical}},
	{pkg: "bot", code: []string{"matching", "meeting"}, ext: []string{xtext},
		tests: []string{"bot/bottest", "store", "store/inmem", "store/storetest", "chart"}},
	{pkg: "bot/bottest", code: []string{"bot", "matching"}},
	{pkg: "store", code: []string{"bot", "matching", "meeting"}, ext: []string{goredis, miniredis},
		tests: []string{"bot/bottest", "store/storetest"}},
	{pkg: "store/inmem", code: []string{"bot", "matching"}, tests: []string{"bot/bottest", "store/storetest"}},
	{pkg: "store/storetest", code: []string{"store", "store/inmem", "bot", "matching", "meeting"}, ext: []string{goredis, miniredis}},
	{pkg: "adapters/shell", code: []string{"bot"}, tests: []string{"store/storetest", "chart"}},
	{pkg: "adapters/slack", code: []string{"bot"}, ext: []string{slackgo}, tests: []string{"adapters/slack/slackfake", "secret", "store/inmem"}},
	{pkg: "adapters/discord", code: []string{"bot"}, ext: []string{discordgo},
		tests: []string{"adapters/discord/discordtest", "store/storetest", "store/inmem"}},
	{pkg: "adapters/slack/slackfake", ext: []string{websocket}},
	{pkg: "adapters/discord/discordtest", ext: []string{websocket}},
	{pkg: "chart", code: []string{"bot"}, ext: []string{gonum}},
	{pkg: "metrics", code: []string{"bot"}, ext: []string{prometheus}},
	{pkg: "schedule", ext: []string{cron}, tests: []string{"store/storetest"}},
	{pkg: "secret"},
	{pkg: "cmd/mentorbot", wires: true},
	{pkg: "cmd/slackload", wires: true},
	{pkg: "cmd/mentorload", wires: true},
}

// pending are packages of the plan still being written on their own
// branch: their absence is not a stale plan.
var pending = map[string]bool{}

// TestPlan: every import in the module is one the plan allows, every
// package is in the plan, and every package of the plan exists and is
// drawn in docs/architecture.md.
func TestPlan(t *testing.T) {
	module, pkgs, err := readModule(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range checkImports(module, pkgs, plan) {
		t.Error(v)
	}
	for _, r := range plan {
		if pkgs[r.pkg] == nil && !pending[r.pkg] {
			t.Errorf("plan names %s, which does not exist: remove it from deps_test.go and docs/architecture.md", r.pkg)
		}
	}
	doc, err := os.ReadFile("docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	diagram := mermaid.FindString(string(doc))
	for _, r := range plan {
		if !strings.Contains(diagram, `["`+r.pkg+`"]`) {
			t.Errorf("docs/architecture.md: the diagram does not draw %s", r.pkg)
		}
	}
}

var mermaid = regexp.MustCompile("(?s)```mermaid\n.*?```")

// TestCoreKnowsNoPlatformSyntax: no file of the core spells a mention of
// Slack or Discord (<@U123|ada>, <#C123>, <!here>): the adapters rewrite
// them into the core's form (bot.MemberRef, bot.ChannelRef).
func TestCoreKnowsNoPlatformSyntax(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("bot", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, syntax := range []string{"<@", "<#", "<!"} {
			if strings.Contains(string(src), syntax) {
				t.Errorf("%s spells %q: mentions are the adapters' business", f, syntax)
			}
		}
	}
}

// TestPlanCheckerCatchesForbiddenImports runs the checker on a small
// module of its own, with one import of each kind the plan forbids.
func TestPlanCheckerCatchesForbiddenImports(t *testing.T) {
	root := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	imports := func(pkg string, paths ...string) string {
		src := "package " + pkg + "\n\nimport (\n"
		for _, p := range paths {
			src += fmt.Sprintf("\t_ %q\n", p)
		}
		return src + ")\n"
	}
	const m = "example.com/m/"
	write("go.mod", "module example.com/m\n\ngo 1.22\n")
	write("matching/m.go", imports("matching", "strings", xtext+"unicode/norm"))
	write("bot/b.go", imports("bot", m+"matching", m+"store", slackgo))
	write("bot/b_test.go", imports("bot_test", m+"bot", m+"bot/bottest", m+"adapters/shell"))
	write("adapters/slack/s.go", imports("slack", m+"bot", slackgo, m+"adapters/discord"))
	write("adapters/slack/s_test.go", imports("slack_test", m+"adapters/slack", m+"adapters/slack/slackfake", m+"store"))
	write("adapters/discord/d.go", imports("discord", m+"bot", slackgo))
	write("cmd/mentorbot/main.go", imports("main", m+"bot", m+"adapters/slack", goredis+"v9", m+"cmd/slackload"))
	write("cmd/mentorbot/testdata/x.go", imports("x", m+"store"))
	write("stray/x.go", imports("stray", "fmt"))

	module, pkgs, err := readModule(root)
	if err != nil {
		t.Fatal(err)
	}
	if module != "example.com/m" {
		t.Fatalf("got module %q, want example.com/m", module)
	}
	got := checkImports(module, pkgs, plan)
	want := []string{
		"adapters/discord/d.go imports github.com/slack-go/slack, which the plan (docs/architecture.md) forbids",
		"adapters/slack/s.go imports example.com/m/adapters/discord, which the plan (docs/architecture.md) forbids",
		"adapters/slack/s_test.go imports example.com/m/store, which the plan (docs/architecture.md) forbids",
		"bot/b.go imports example.com/m/store, which the plan (docs/architecture.md) forbids",
		"bot/b.go imports github.com/slack-go/slack, which the plan (docs/architecture.md) forbids",
		"bot/b_test.go imports example.com/m/adapters/shell, which the plan (docs/architecture.md) forbids",
		"cmd/mentorbot/main.go imports example.com/m/cmd/slackload, which the plan (docs/architecture.md) forbids",
		"package stray is not in the plan: add it to deps_test.go and to docs/architecture.md",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// imports are the imports of one package: import path -> the files that
// import it, apart for its code and its tests.
type imports struct {
	code, tests map[string][]string
}

// readModule reads the module path from root's go.mod and the imports of
// every package under root (by its path inside the module), skipping
// testdata and hidden directories.
func readModule(root string) (string, map[string]*imports, error) {
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", nil, err
	}
	m := regexp.MustCompile(`(?m)^module\s+(\S+)`).FindSubmatch(mod)
	if m == nil {
		return "", nil, fmt.Errorf("%s: no module line", filepath.Join(root, "go.mod"))
	}
	pkgs := map[string]*imports{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		pkg := filepath.ToSlash(filepath.Dir(rel))
		p := pkgs[pkg]
		if p == nil {
			p = &imports{code: map[string][]string{}, tests: map[string][]string{}}
			pkgs[pkg] = p
		}
		into := p.code
		if strings.HasSuffix(name, "_test.go") {
			into = p.tests
		}
		for _, imp := range f.Imports {
			path := strings.Trim(imp.Path.Value, `"`)
			into[path] = append(into[path], rel)
		}
		return nil
	})
	return string(m[1]), pkgs, err
}

// checkImports returns, sorted, every import of pkgs that rules forbid,
// and every package that no rule names.
func checkImports(module string, pkgs map[string]*imports, rules []rule) []string {
	byPkg := map[string]rule{}
	for _, r := range rules {
		byPkg[r.pkg] = r
	}
	var out []string
	for pkg, imps := range pkgs {
		if pkg == "." && len(imps.code) == 0 {
			continue // the module's root holds only this test
		}
		r, ok := byPkg[pkg]
		if !ok {
			out = append(out, fmt.Sprintf("package %s is not in the plan: add it to deps_test.go and to docs/architecture.md", pkg))
			continue
		}
		for _, set := range []struct {
			imports map[string][]string
			test    bool
		}{{imps.code, false}, {imps.tests, true}} {
			for path, files := range set.imports {
				if allowed(module, r, path, set.test) {
					continue
				}
				for _, f := range files {
					out = append(out, fmt.Sprintf("%s imports %s, which the plan (docs/architecture.md) forbids", f, path))
				}
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// allowed reports whether the rule lets its package's code (or, if test,
// its tests) import path.
func allowed(module string, r rule, path string, test bool) bool {
	if first, _, _ := strings.Cut(path, "/"); !strings.Contains(first, ".") {
		return true // the standard library
	}
	if inside, ok := strings.CutPrefix(path, module+"/"); ok {
		switch {
		case inside == r.pkg:
			return true
		case r.wires:
			return !strings.HasPrefix(inside, "cmd/")
		}
		return slices.Contains(r.code, inside) || test && slices.Contains(r.tests, inside)
	}
	if r.wires {
		return true
	}
	for _, e := range r.ext {
		if strings.HasPrefix(path, e) || path == strings.TrimSuffix(e, "/") {
			return true
		}
	}
	return false
}
