package store_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// infrastructure are the durations the store may declare: its own
// timeouts, which no member ever sees. Every duration about people (how
// long a flag, a mark or a marker is kept; when a pair is stalled) is a
// rule of the core, and reaches the store as a value.
var infrastructure = []string{
	"Timeout",     // the deadline of one Redis call
	"probeTTL",    // the life of a readiness probe's key
	"maxTopicAge", // how long a cached topic's offers are served without a look at Redis's stamp
}

// storeFiles parses the store's non-test files, and those of its
// sub-packages but storetest (test helpers).
func storeFiles(t *testing.T) map[string]*ast.File {
	t.Helper()
	names, _ := filepath.Glob("*.go")
	sub, _ := filepath.Glob("*/*.go")
	files := map[string]*ast.File{}
	for _, name := range append(names, sub...) {
		if strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, "storetest"+string(filepath.Separator)) {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
	}
	if len(files) == 0 {
		t.Fatal("found no store file")
	}
	return files
}

// durationUnit reports whether e names a time unit (time.Hour ...).
func durationUnit(e ast.Expr) (string, bool) {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || pkg.Name != "time" {
		return "", false
	}
	switch sel.Sel.Name {
	case "Nanosecond", "Microsecond", "Millisecond", "Second", "Minute", "Hour", "Duration":
		return sel.Sel.Name, true
	}
	return "", false
}

// TestStoreDeclaresNoRule: no store file declares a duration constant or
// variable (but its own timeouts), none counts in minutes or hours
// anywhere, and none calls a function of matching (a topic rule, such as
// NormalizeTopic): the core decides and passes values (a cutoff, a TTL, a
// normalised topic), the store keeps and fetches.
func TestStoreDeclaresNoRule(t *testing.T) {
	rules := matchingFuncs(t)
	for name, f := range storeFiles(t) {
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || (gen.Tok != token.CONST && gen.Tok != token.VAR) {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				duration := false
				if vs.Type != nil {
					_, duration = durationUnit(vs.Type)
				}
				for _, v := range vs.Values {
					ast.Inspect(v, func(n ast.Node) bool {
						if e, ok := n.(ast.Expr); ok {
							if _, ok := durationUnit(e); ok {
								duration = true
							}
						}
						return true
					})
				}
				for _, id := range vs.Names {
					if duration && !slices.Contains(infrastructure, id.Name) {
						t.Errorf("%s declares the duration %s, want it a rule of the core passed to the store", name, id.Name)
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if unit, ok := durationUnit(sel); ok && (unit == "Minute" || unit == "Hour") {
				t.Errorf("%s counts in time.%s, want durations about people decided by the core", name, unit)
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "matching" && rules[sel.Sel.Name] {
				t.Errorf("%s calls matching.%s, want the core to apply it and pass the result", name, sel.Sel.Name)
			}
			return true
		})
	}
}

// matchingFuncs returns the exported functions of package matching.
func matchingFuncs(t *testing.T) map[string]bool {
	t.Helper()
	names, _ := filepath.Glob("../matching/*.go")
	funcs := map[string]bool{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.IsExported() {
				funcs[fn.Name.Name] = true
			}
		}
	}
	if !funcs["NormalizeTopic"] {
		t.Fatal("found no matching.NormalizeTopic: the test reads the wrong package")
	}
	return funcs
}
