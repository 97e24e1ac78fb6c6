package bot_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// MustCSV reads an export back, checking its header, and returns its rows
// as maps by column.
func MustCSV(tb testing.TB, data []byte) []map[string]string {
	tb.Helper()
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		tb.Fatalf("got invalid CSV: %v", err)
	}
	if len(records) == 0 || !slices.Equal(records[0], bot.ExportColumns) {
		tb.Fatalf("got header %v, want %v", records[0], bot.ExportColumns)
	}
	var out []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, c := range bot.ExportColumns {
			row[c] = rec[i]
		}
		out = append(out, row)
	}
	return out
}

// TestAdminExport exports the program of runProgram and reads it back.
func TestAdminExport(t *testing.T) {
	h := runProgram(t)
	h.Posting.Posts()
	r := h.Run("alice", "admin export")
	if r.Message.Text != "Your export is on its way (10 members, 3 pairs, 3 requests waiting, 6 survey answers)." {
		t.Fatalf("got %q", r.Message.Text)
	}
	posts := h.Posting.Posts()
	if len(posts) != 1 || posts[0].To.User != "alice" || posts[0].File == nil || posts[0].File.Name != "mentorbot-export-2026-11-23.csv" {
		t.Fatalf("got %+v, want the CSV sent to alice", posts)
	}
	rows := MustCSV(t, posts[0].File.Data)
	count := map[string]int{}
	var pair, rating map[string]string
	for _, row := range rows {
		count[row["record"]]++
		if row["record"] == "pair" && row["other"] == "ann" {
			pair = row
		}
		if row["record"] == "survey" && row["member"] == "ann" && row["question"] == "rating" {
			rating = row
		}
	}
	if count["member"] != 10 || count["pair"] != 3 || count["survey"] != 6 || count["request"] != 3 {
		t.Fatalf("got %v rows, want 10 members, 3 pairs, 6 answers and the 3 requests waiting", count)
	}
	want := map[string]string{"member": "mia", "topic": "go", "kind": "flash", "state": "completed",
		"created": "2026-11-09T11:00:00Z", "official": "2026-11-09T15:00:00Z", "met": "2026-11-10T15:00:00Z", "end_reason": "flash"}
	for k, v := range want {
		if pair[k] != v {
			t.Errorf("pair mia/ann: got %s %q, want %q", k, pair[k], v)
		}
	}
	if rating["answer"] != "5" || rating["id"] != pair["id"] || !strings.HasSuffix(rating["survey"], ":flash") {
		t.Errorf("got ann's rating row %v, want 5 on the flash survey of pair %s", rating, pair["id"])
	}
}

func TestExportCSV(t *testing.T) {
	tn := bot.Tenant{Platform: "test", Workspace: "W"}
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	e := bot.Export{
		Members: []bot.Member{{ID: tn.Member("u1"), Name: "=HYPERLINK(\"x\")", Lang: bot.French, Years: 3, Joined: at}},
		Answers: []bot.SurveyAnswer{{Survey: "p1:end", Member: tn.Member("u1"), Question: "comment", Answer: "line one,\n\"two\"", At: at}},
	}
	rows := MustCSV(t, bot.ExportCSV(e))
	t.Run("OKFormulaDefused", func(t *testing.T) {
		if got := rows[0]["name"]; got != "'=HYPERLINK(\"x\")" {
			t.Fatalf("got name %q, want it prefixed with a quote", got)
		}
	})
	t.Run("OKQuotedText", func(t *testing.T) {
		if got := rows[1]; got["answer"] != "line one,\n\"two\"" || got["id"] != "p1" || got["created"] != "2026-11-02T09:00:00Z" {
			t.Fatalf("got %v, want the comment intact, pair p1, its time", got)
		}
	})
}

// TestExportProgramColumn: a pair and a waiting request of a program say
// which, in the export's program column.
func TestExportProgramColumn(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", `admin program create "P1" start:2026-11-03 end:2027-01-31`)
	h.Run("bob", "offer go program:p1")
	h.Run("dave", "request go program:p1")
	h.Run("erin", "request rust program:p1")
	h.ClickReply("alice", h.Run("alice", "admin match program:p1"), "Send these proposals")
	h.Click("bob", "bob", "Accept")
	h.Posting.Posts()
	h.Run("alice", "admin export")
	posts := h.Posting.Posts()
	if len(posts) != 1 || posts[0].File == nil {
		t.Fatalf("got %+v", posts)
	}
	seen := map[string]string{}
	for _, row := range MustCSV(t, posts[0].File.Data) {
		if row["record"] == "pair" || row["record"] == "request" {
			seen[row["record"]+":"+row["topic"]] = row["program"]
		}
	}
	if seen["pair:go"] != "p1" || seen["request:rust"] != "p1" {
		t.Fatalf("got %v, want the pair on go and the request on rust in p1", seen)
	}
}
