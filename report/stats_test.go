package report

import (
	"testing"
)

// PERCENTILE.INC on a handful of values: h = (n-1)p, x[floor h] plus the
// fraction of h times the step to the next value.
func TestPercentile(t *testing.T) {
	tests := []struct {
		values []int
		p      float64
		want   float64
	}{
		{[]int{7}, 0.25, 7},                 // one value: every percentile is it
		{[]int{1, 2, 3, 4, 5}, 0.5, 3},      // odd: h = 2, x[2]
		{[]int{1, 2, 3, 4, 5}, 0.25, 2},     // h = 1
		{[]int{1, 2, 3, 4}, 0.5, 2.5},       // even: h = 1.5, 2 + .5*(3-2)
		{[]int{1, 2, 3, 4}, 0.25, 1.75},     // h = .75, 1 + .75*(2-1)
		{[]int{1, 2, 3, 4}, 0.75, 3.25},     // h = 2.25, 3 + .25*(4-3)
		{[]int{10, 10, 10, 40}, 0.75, 17.5}, // ties: h = 2.25, 10 + .25*(40-10)
		{[]int{0, 1000}, 0.5, 500},          // the ends of the readiness range
		{[]int{4, 1, 3, 2}, 0, 1},           // order of adding does not matter
		{[]int{4, 1, 3, 2}, 1, 4},
	}
	for _, tc := range tests {
		c := newCounts(0, maxTenths)
		for _, v := range tc.values {
			c.add(v)
		}
		if got := c.percentile(tc.p); got != tc.want {
			t.Errorf("percentile(%v, %v) = %v, want %v", tc.values, tc.p, got, tc.want)
		}
	}
	neg := newCounts(-maxTenths, maxTenths)
	for _, v := range []int{-350, -125, -25, 0, 150} {
		neg.add(v)
	}
	if got, min, max := neg.percentile(0.5), neg.min(), neg.max(); got != -25 || min != -350 || max != 150 {
		t.Errorf("negative values: median %v min %v max %v, want -25 -350 150", got, min, max)
	}
}

func TestStatsAndHistogram(t *testing.T) {
	// 0.0, 9.9, 10.0, 99.9, 100.0 in tenths: bins 0, 0, 1, 9, 10.
	c := newCounts(0, maxTenths)
	for _, v := range []int{0, 99, 100, 999, 1000} {
		c.add(v)
	}
	if got, want := c.histogram(), [11]int{0: 2, 1: 1, 9: 1, 10: 1}; got != want {
		t.Errorf("histogram = %v, want %v", got, want)
	}
	// sorted 0.0 9.9 10.0 99.9 100.0: p25 h = 1 -> 9.9, median 10.0, p75 99.9,
	// mean 219.8/5 = 43.96 -> 44.0
	want := Stats{Min: 0, P25: 9.9, Median: 10, P75: 99.9, Max: 100, Mean: 44}
	if got := c.stats(); *got != want {
		t.Errorf("stats = %+v, want %+v", *got, want)
	}
	empty := newCounts(0, maxTenths)
	if empty.stats() != nil {
		t.Errorf("stats of nothing are not nil")
	}
}

func TestTenths(t *testing.T) {
	for in, want := range map[float64]int{0: 0, 33.3: 333, 72.5: 725, 100: 1000, 0.1: 1, 64.6: 646} {
		if got := tenths(in); got != want {
			t.Errorf("tenths(%v) = %d, want %d", in, got, want)
		}
	}
}
