// Package chart draws the managers' weekly chart as a PNG image. It is the
// only package importing gonum.org/v1/plot, and it knows nothing of
// mentoring: the caller hands it translated labels and plain numbers, so
// the bot core stays free of drawing code and fonts stay out of its API.
package chart
