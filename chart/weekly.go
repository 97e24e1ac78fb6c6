package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// The size of the image, in pixels: wide enough for 12 weekly labels,
// small enough for a chat preview.
const (
	Width  = 800
	Height = 500
	dpi    = 100
)

// Series is one line of the chart: a label for the legend and one value
// per week. NaN marks a week without a value (no rating that week).
type Series struct {
	Label  string
	Values []float64
}

// Weekly is a two-panel chart of the last weeks: counts on top (from 0,
// whole numbers), a rating from 1 to 5 below.
type Weekly struct {
	Title  string
	Weeks  []string // the x labels, oldest first
	Counts []Series
	Rating Series
}

// palette gives each series a colour that stays readable on white and in
// greyscale.
var palette = []color.RGBA{{0x1f, 0x77, 0xb4, 0xff}, {0xd6, 0x27, 0x28, 0xff}, {0x2c, 0xa0, 0x2c, 0xff}, {0x94, 0x67, 0xbd, 0xff}}

// PNG draws the chart. Every series must have one value per week.
func (w Weekly) PNG() ([]byte, error) {
	if len(w.Weeks) == 0 {
		return nil, errors.New("chart: no weeks")
	}
	for _, s := range append(append([]Series(nil), w.Counts...), w.Rating) {
		if len(s.Values) != len(w.Weeks) {
			return nil, fmt.Errorf("chart: series %q has %d values for %d weeks", s.Label, len(s.Values), len(w.Weeks))
		}
	}
	top, err := w.countsPlot()
	if err != nil {
		return nil, err
	}
	bottom, err := w.ratingPlot()
	if err != nil {
		return nil, err
	}
	c := vgimg.NewWith(vgimg.UseWH(Width*vg.Inch/dpi, Height*vg.Inch/dpi), vgimg.UseDPI(dpi))
	dc := draw.New(c)
	tiles := draw.Tiles{Rows: 2, Cols: 1, PadX: vg.Millimeter, PadY: 2 * vg.Millimeter, PadTop: vg.Millimeter, PadBottom: vg.Millimeter, PadLeft: vg.Millimeter, PadRight: 3 * vg.Millimeter}
	canvases := plot.Align([][]*plot.Plot{{top}, {bottom}}, tiles, dc)
	top.Draw(canvases[0][0])
	bottom.Draw(canvases[1][0])
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// countsPlot draws the counts as lines with points, on whole-number ticks.
func (w Weekly) countsPlot() (*plot.Plot, error) {
	p := w.newPlot()
	p.Title.Text = w.Title
	highest := 0.0
	for i, s := range w.Counts {
		if err := addLine(p, s, palette[i%len(palette)]); err != nil {
			return nil, err
		}
		for _, v := range s.Values {
			highest = math.Max(highest, v)
		}
	}
	// Headroom above the highest point keeps the legend off the lines.
	p.Y.Min, p.Y.Max = 0, math.Max(2, math.Ceil(highest*1.4))
	p.Y.Tick.Marker = wholeTicks{}
	return p, nil
}

// ratingPlot draws the weekly average rating on a fixed 1 to 5 scale.
func (w Weekly) ratingPlot() (*plot.Plot, error) {
	p := w.newPlot()
	if err := addLine(p, w.Rating, palette[(len(w.Counts))%len(palette)]); err != nil {
		return nil, err
	}
	p.Y.Min, p.Y.Max = 1, 5.9 // ticks stop at 5; the rest is the legend's
	p.Y.Tick.Marker = wholeTicks{}
	return p, nil
}

func (w Weekly) newPlot() *plot.Plot {
	p := plot.New()
	p.Legend.Top, p.Legend.Left = true, true
	p.X.Min, p.X.Max = -0.5, float64(len(w.Weeks))-0.5
	ticks := make(plot.ConstantTicks, len(w.Weeks))
	for i, l := range w.Weeks {
		ticks[i] = plot.Tick{Value: float64(i), Label: l}
	}
	p.X.Tick.Marker = ticks
	p.Add(plotter.NewGrid())
	return p
}

// addLine adds a series as points joined by a line, skipping NaN weeks.
func addLine(p *plot.Plot, s Series, c color.RGBA) error {
	var xys plotter.XYs
	for i, v := range s.Values {
		if !math.IsNaN(v) {
			xys = append(xys, plotter.XY{X: float64(i), Y: v})
		}
	}
	if len(xys) == 0 {
		p.Legend.Add(s.Label) // still named, so the reader knows it is empty
		return nil
	}
	line, points, err := plotter.NewLinePoints(xys)
	if err != nil {
		return fmt.Errorf("chart: %s: %w", s.Label, err)
	}
	line.Color, line.Width = c, vg.Points(2)
	points.Color, points.Shape = c, draw.CircleGlyph{}
	p.Add(line, points)
	p.Legend.Add(s.Label, line, points)
	return nil
}

// wholeTicks marks whole numbers only, about 5 of them.
type wholeTicks struct{}

// Ticks implements plot.Ticker.
func (wholeTicks) Ticks(lo, hi float64) []plot.Tick {
	step := math.Max(1, math.Ceil((hi-lo)/5))
	var out []plot.Tick
	for v := math.Ceil(lo); v <= hi; v += step {
		out = append(out, plot.Tick{Value: v, Label: fmt.Sprintf("%.0f", v)})
	}
	return out
}
