package chart_test

import (
	"bytes"
	"image/png"
	"math"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/chart"
)

func weeks(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "W" + string(rune('0'+i%10))
	}
	return out
}

func TestWeeklyPNG(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		w := chart.Weekly{
			Title: "Last 12 weeks", Weeks: weeks(12),
			Counts: []chart.Series{
				{Label: "Pairs formed", Values: []float64{0, 1, 2, 3, 1, 0, 0, 4, 2, 2, 1, 3}},
				{Label: "Meetings confirmed", Values: []float64{0, 0, 1, 2, 1, 0, 0, 3, 2, 1, 1, 2}},
			},
			Rating: chart.Series{Label: "Average rating", Values: []float64{math.NaN(), 4, 4.5, 3, math.NaN(), 5, 1, 2, 3, 4, 5, 4.2}},
		}
		data, err := w.PNG()
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("got an invalid PNG: %v", err)
		}
		if b := img.Bounds(); b.Dx() != chart.Width || b.Dy() != chart.Height {
			t.Fatalf("got %dx%d, want %dx%d", b.Dx(), b.Dy(), chart.Width, chart.Height)
		}
	})
	t.Run("OKEmpty", func(t *testing.T) {
		nan := []float64{math.NaN(), math.NaN()}
		w := chart.Weekly{Weeks: weeks(2), Counts: []chart.Series{{Label: "x", Values: []float64{0, 0}}}, Rating: chart.Series{Label: "r", Values: nan}}
		if _, err := w.PNG(); err != nil {
			t.Fatalf("got %v, want an empty chart drawn", err)
		}
	})
	t.Run("ErrLength", func(t *testing.T) {
		w := chart.Weekly{Weeks: weeks(3), Counts: []chart.Series{{Label: "x", Values: []float64{1}}}, Rating: chart.Series{Values: []float64{1, 2, 3}}}
		if _, err := w.PNG(); err == nil {
			t.Fatal("got no error, want one for a series of the wrong length")
		}
	})
	t.Run("ErrNoWeeks", func(t *testing.T) {
		if _, err := (chart.Weekly{}).PNG(); err == nil {
			t.Fatal("got no error, want one for no weeks")
		}
	})
}

func TestBarsPNG(t *testing.T) {
	png, err := chart.Draw(bot.Chart{Title: "Needs", Bars: true, Weeks: []string{"go", "kubernetes", "sql"},
		Counts: []bot.ChartSeries{{Label: "want", Values: []float64{3, 1, 0}}, {Label: "could", Values: []float64{1, 2, 0}}}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("got %q..., want a PNG", png[:min(8, len(png))])
	}
	if _, err := chart.Draw(bot.Chart{Bars: true}); err == nil {
		t.Error("got no error for a chart without bars")
	}
}
