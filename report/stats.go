package report

import "github.com/readycheck/readycheck/rubric"

// Readiness is tallied in tenths of a point (0..1000): the reported
// readiness has one decimal, so 1,001 counters hold a whole cohort's
// figures exactly, whatever its size, and the quartiles come from them
// without keeping one value per candidate.
const maxTenths = 1000

// counts is a distribution of whole-number values: counts[v] is how many
// times v occurs, from an offset (counts[0] stands for the value offset).
type counts struct {
	offset int
	n      []int64
	total  int64
	sum    int64
}

func newCounts(lo, hi int) counts {
	return counts{offset: lo, n: make([]int64, hi-lo+1)}
}

func (c *counts) add(v int) {
	c.n[v-c.offset]++
	c.total++
	c.sum += int64(v)
}

func (c *counts) merge(o counts) {
	for i, k := range o.n {
		c.n[i] += k
	}
	c.total += o.total
	c.sum += o.sum
}

// kth returns the k-th smallest value, from 0.
func (c *counts) kth(k int64) int {
	for i, n := range c.n {
		if k < n {
			return i + c.offset
		}
		k -= n
	}
	return len(c.n) - 1 + c.offset
}

// percentile interpolates linearly between closest ranks, as spreadsheets'
// PERCENTILE.INC does: h = (n-1)p, and the value is x[floor h] plus the
// fraction of h times the step to the next value. It needs total > 0.
func (c *counts) percentile(p float64) float64 {
	h := float64(c.total-1) * p
	lo := int64(h)
	x := float64(c.kth(lo))
	if frac := h - float64(lo); frac > 0 {
		x += frac * (float64(c.kth(lo+1)) - x)
	}
	return x
}

func (c *counts) min() int { return c.kth(0) }
func (c *counts) max() int { return c.kth(c.total - 1) }

// stats summarises readiness values tallied in tenths; nil when there are none.
func (c *counts) stats() *Stats {
	if c.total == 0 {
		return nil
	}
	tenth := func(x float64) float64 { return rubric.Round(x / 10) }
	return &Stats{
		Min:    tenth(float64(c.min())),
		P25:    tenth(c.percentile(0.25)),
		Median: tenth(c.percentile(0.5)),
		P75:    tenth(c.percentile(0.75)),
		Max:    tenth(float64(c.max())),
		Mean:   tenth(float64(c.sum) / float64(c.total)),
	}
}

// histogram counts readiness tallied in tenths in 10-point bins: 0-9.9,
// 10-19.9, ..., 90-99.9, and 100 alone.
func (c *counts) histogram() [11]int {
	var h [11]int
	for i, n := range c.n {
		h[(i+c.offset)/100] += int(n)
	}
	return h
}
