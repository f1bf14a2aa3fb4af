package cohortview

import (
	"fmt"

	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
)

// The charts of the HTML report are drawn here as plain figures (positions
// and sizes in SVG user units) and written by the template, which escapes
// every text. Each chart says in words what it shows too: a title for
// screen readers, counts in or beside every mark.

// verdictClass is the CSS class of a verdict's colour.
func verdictClass(v rubric.Verdict) string { return "v-" + string(v) }

// segment is one part of a stacked bar.
type segment struct {
	X, W  float64
	Class string
	Fill  string
	Label string
	// Count is written inside the segment when it is wide enough.
	Count string
}

// barWidth is the width of the stacked bars, in user units.
const barWidth = 600

// verdictSegments lays out a company's verdict counts as a stacked bar.
func verdictSegments(v report.Verdicts, total int) []segment {
	var out []segment
	x := 0.0
	for _, verdict := range report.VerdictOrder {
		n := v.Of(verdict)
		if n == 0 || total == 0 {
			continue
		}
		w := barWidth * float64(n) / float64(total)
		s := segment{X: x, W: w, Class: verdictClass(verdict), Label: fmt.Sprintf("%s: %d", scorecard.VerdictWord(verdict), n)}
		if w >= 22 {
			s.Count = fmt.Sprint(n)
		}
		out = append(out, s)
		x += w
	}
	return out
}

// histBar is one bin of a readiness histogram.
type histBar struct {
	X, Y, W, H float64
	Count      int
	Label      string
	LabelX     float64
}

// Geometry of the histogram: plot height and the baseline's position.
const (
	histWidth  = 600
	histPlot   = 110
	histBase   = 130
	histHeight = 150
)

func histogramBars(h [11]int) []histBar {
	top := 0
	for _, n := range h {
		top = max(top, n)
	}
	slot := float64(histWidth) / 11
	bars := make([]histBar, 11)
	for i, n := range h {
		height := 0.0
		if top > 0 {
			height = histPlot * float64(n) / float64(top)
		}
		label := fmt.Sprintf("%d–%d", i*10, i*10+9)
		if i == 10 {
			label = "100"
		}
		bars[i] = histBar{X: float64(i)*slot + 4, W: slot - 8, Y: histBase - height, H: height, Count: n, Label: label, LabelX: float64(i)*slot + slot/2}
	}
	return bars
}

// spread is a box plot of readiness on a 0-100 axis, with the company's
// thresholds marked.
type spread struct {
	Min, P25, Median, P75, Max, Mean float64
	Almost, Ready                    float64
	Ticks                            []tick
}

type tick struct {
	X     float64
	Label string
}

// Geometry of the box plot: the axis runs from spreadLeft to spreadRight.
const (
	spreadLeft  = 20
	spreadRight = 580
)

func spreadX(v float64) float64 { return spreadLeft + (spreadRight-spreadLeft)*v/100 }

func newSpread(s *report.Stats, almost, ready float64) *spread {
	if s == nil {
		return nil
	}
	sp := &spread{
		Min: spreadX(s.Min), P25: spreadX(s.P25), Median: spreadX(s.Median), P75: spreadX(s.P75), Max: spreadX(s.Max), Mean: spreadX(s.Mean),
		Almost: spreadX(almost), Ready: spreadX(ready),
	}
	for v := 0; v <= 100; v += 20 {
		sp.Ticks = append(sp.Ticks, tick{X: spreadX(float64(v)), Label: fmt.Sprint(v)})
	}
	return sp
}

// levelSegments lays out a skill's level counts, lowest level first, then
// the unanswered, as a stacked bar shaded from light (low) to dark (high).
func levelSegments(ss report.SkillStats, width float64) []segment {
	total := ss.Unanswered
	for _, n := range ss.Levels {
		total += n
	}
	if total == 0 {
		return nil
	}
	var out []segment
	x := 0.0
	top := len(ss.Levels) - 1
	for l, n := range ss.Levels {
		if n == 0 {
			continue
		}
		w := width * float64(n) / float64(total)
		label := fmt.Sprintf("level %d", l)
		if l < len(ss.Labels) {
			label += " " + ss.Labels[l]
		}
		out = append(out, segment{X: x, W: w, Fill: levelShade(l, top), Label: fmt.Sprintf("%s: %d", label, n)})
		x += w
	}
	if ss.Unanswered > 0 {
		// Left empty: the bar's frame shows the part nobody answered.
		out = append(out, segment{X: x, W: width * float64(ss.Unanswered) / float64(total), Class: "unanswered", Label: fmt.Sprintf("unanswered: %d", ss.Unanswered)})
	}
	return out
}

// levelShade blends from a pale to a deep blue as the level rises.
func levelShade(level, top int) string {
	pale, deep := [3]float64{0xc9, 0xd9, 0xea}, [3]float64{0x1d, 0x4e, 0x7e}
	t := 1.0
	if top > 0 {
		t = float64(level) / float64(top)
	}
	var c [3]int
	for i := range c {
		c[i] = int(pale[i] + (deep[i]-pale[i])*t + 0.5)
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}
