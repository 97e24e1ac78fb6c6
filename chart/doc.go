// Package chart draws the managers' weekly chart as a PNG image. It is the
// only package importing gonum.org/v1/plot, so that the bot core stays free
// of drawing code and fonts: Weekly takes translated labels and plain
// numbers, and Draw adapts the core's bot.Chart to it (cmd wires Draw as
// bot.Config.Chart).
package chart
