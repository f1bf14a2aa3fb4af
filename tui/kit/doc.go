// Package kit is what readycheck's two interactive programs, the
// candidate's walk-through (tui/assess) and the mentor's review
// (tui/review), share: one key map, the theme, the frame of a screen and its
// status line, wrapping, text cleaning, the rule for leaving an editor,
// saving with rescue, running a program under signals, and the line
// prompts of their accessible faces.
package kit
