// Package cohortview renders report's figures: a cohort report as text for
// the terminal (lipgloss styles and tables, fitted to a width), Markdown,
// CSV, JSON or one self-contained HTML page with SVG charts, and simulate's
// preview as text, Markdown or JSON. It computes nothing: package report
// holds the figures, as package scorecard renders one assessment's.
package cohortview
