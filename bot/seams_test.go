package bot_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// maxSeamMethods bounds each seam of the store: a use case that needs more
// is two use cases, or its seam holds what belongs to another.
const maxSeamMethods = 12

// seams are the interfaces bot.Store is made of, by name.
var seams = map[string]reflect.Type{
	"MemberStore":   reflect.TypeFor[bot.MemberStore](),
	"ManagerStore":  reflect.TypeFor[bot.ManagerStore](),
	"OfferStore":    reflect.TypeFor[bot.OfferStore](),
	"RequestStore":  reflect.TypeFor[bot.RequestStore](),
	"ProposalStore": reflect.TypeFor[bot.ProposalStore](),
	"PairStore":     reflect.TypeFor[bot.PairStore](),
	"FollowupStore": reflect.TypeFor[bot.FollowupStore](),
	"JobStore":      reflect.TypeFor[bot.JobStore](),
	"DeliveryStore": reflect.TypeFor[bot.DeliveryStore](),
	"InboxStore":    reflect.TypeFor[bot.InboxStore](),
	"DraftStore":    reflect.TypeFor[bot.DraftStore](),
	"SettingsStore": reflect.TypeFor[bot.SettingsStore](),
	"TopicStore":    reflect.TypeFor[bot.TopicStore](),
	"RateStore":     reflect.TypeFor[bot.RateStore](),
	"ReportStore":   reflect.TypeFor[bot.ReportStore](),
	"PrivacyStore":  reflect.TypeFor[bot.PrivacyStore](),
	"ProgramStore":  reflect.TypeFor[bot.ProgramStore](),
	"SpeedStore":    reflect.TypeFor[bot.SpeedStore](),
	"CampaignStore": reflect.TypeFor[bot.CampaignStore](),
	"NeedsStore":    reflect.TypeFor[bot.NeedsStore](),
	"GoalStore":     reflect.TypeFor[bot.GoalStore](),
	"PauseStore":    reflect.TypeFor[bot.PauseStore](),
	"HomeStore":     reflect.TypeFor[bot.HomeStore](),
	"MeetingStore":  reflect.TypeFor[bot.MeetingStore](),
	"InstallStore":  reflect.TypeFor[bot.InstallStore](),

	"CandidateStore": reflect.TypeFor[bot.CandidateStore](),
	"RaiseStore":     reflect.TypeFor[bot.RaiseStore](),
}

// storeSeams returns the interfaces embedded in bot.Store, as written in
// store.go, and the methods it declares itself.
func storeSeams(t *testing.T) (embedded, own []string) {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), "store.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(file, func(n ast.Node) bool {
		spec, ok := n.(*ast.TypeSpec)
		if !ok || spec.Name.Name != "Store" {
			return true
		}
		for _, f := range spec.Type.(*ast.InterfaceType).Methods.List {
			if len(f.Names) == 0 {
				embedded = append(embedded, f.Type.(*ast.Ident).Name)
			}
			for _, name := range f.Names {
				own = append(own, name.Name)
			}
		}
		return false
	})
	if len(embedded) == 0 {
		t.Fatal("found no seam in bot.Store")
	}
	return embedded, own
}

// TestSeamsAreSmall: every seam of the store has at most 12 methods, every
// seam bot.Store embeds is checked here, and no method is in two seams
// (Store has exactly the seams' methods and its own).
func TestSeamsAreSmall(t *testing.T) {
	embedded, own := storeSeams(t)
	total := len(own)
	for _, name := range embedded {
		seam, ok := seams[name]
		if !ok {
			t.Errorf("bot.Store embeds %s, which this test does not check: add it to seams", name)
			continue
		}
		if n := seam.NumMethod(); n > maxSeamMethods {
			t.Errorf("got %d methods in bot.%s, want at most %d: split it by use case", n, name, maxSeamMethods)
		}
		total += seam.NumMethod()
	}
	if len(embedded) != len(seams) {
		t.Errorf("got %d seams in bot.Store, want the %d listed here", len(embedded), len(seams))
	}
	if got := reflect.TypeFor[bot.Store]().NumMethod(); got != total {
		t.Errorf("got %d methods in bot.Store, want %d (the seams' and its own): a method is in two seams", got, total)
	}
}

// TestUseCasesHoldSeams: only store.go and the constructor name the whole
// Store; a use case reaches the store through its seam (b.store.offers),
// so that its file shows what it needs.
func TestUseCasesHoldSeams(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "store.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if fn, ok := n.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "New" {
				return false // New takes the Store and splits it (storesOf)
			}
			if sel, ok := n.(*ast.SelectorExpr); ok {
				return sel.Sel.Name != "Store" // x.Store is a field or a method
			}
			if id, ok := n.(*ast.Ident); ok && id.Name == "Store" {
				t.Errorf("%s names bot.Store, want the seam its use case needs", f)
			}
			return true
		})
	}
}
