package chart

import (
	"bytes"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Bars is a one-panel chart of grouped bars, one group per label, in the
// weekly chart's size, palette and ticks: the needs survey's demand and
// supply per topic.
type Bars struct {
	Title  string
	Labels []string
	Series []Series
}

// PNG draws the chart. Every series must have one value per label.
func (b Bars) PNG() ([]byte, error) {
	if len(b.Labels) == 0 || len(b.Series) == 0 {
		return nil, errors.New("chart: no bars")
	}
	w := Weekly{Title: b.Title, Weeks: b.Labels}
	p := w.newPlot()
	p.Title.Text = b.Title
	width := vg.Points(math.Max(4, 360/float64(len(b.Labels)*len(b.Series))))
	highest := 0.0
	for i, s := range b.Series {
		if len(s.Values) != len(b.Labels) {
			return nil, fmt.Errorf("chart: series %q has %d values for %d labels", s.Label, len(s.Values), len(b.Labels))
		}
		bars, err := plotter.NewBarChart(plotter.Values(s.Values), width)
		if err != nil {
			return nil, fmt.Errorf("chart: %s: %w", s.Label, err)
		}
		bars.Color, bars.LineStyle.Width = palette[i%len(palette)], 0
		bars.Offset = width * vg.Length(float64(i)-float64(len(b.Series)-1)/2)
		p.Add(bars)
		p.Legend.Add(s.Label, bars)
		for _, v := range s.Values {
			highest = math.Max(highest, v)
		}
	}
	p.Y.Min, p.Y.Max = 0, math.Max(2, math.Ceil(highest*1.4))
	p.Y.Tick.Marker = wholeTicks{}
	c := vgimg.NewWith(vgimg.UseWH(Width*vg.Inch/dpi, Height*vg.Inch/dpi), vgimg.UseDPI(dpi))
	p.Draw(drawCanvas(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// drawCanvas is the whole image as one drawing area.
func drawCanvas(c *vgimg.Canvas) draw.Canvas { return draw.New(c) }
