// Command minimal is the yardstick of the TUI benchmark: the smallest Bubble
// Tea v2 program that shows a list and moves a cursor over it, with the
// default renderer settings.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
)

type model struct {
	items  []string
	cursor int
	height int
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.height = msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		case "j", "down":
			if m.cursor < len(m.items)-1 {
				m.cursor++
			}
		case "k", "up":
			if m.cursor > 0 {
				m.cursor--
			}
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	var b strings.Builder
	b.WriteString("Pick one\n\n")
	rows := max(m.height-4, 1)
	start := max(0, m.cursor-rows+1)
	for i := start; i < len(m.items) && i < start+rows; i++ {
		if i == m.cursor {
			b.WriteString("> ")
		} else {
			b.WriteString("  ")
		}
		b.WriteString(m.items[i])
		b.WriteByte('\n')
	}
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

func main() {
	n := flag.Int("items", 1000, "how many items the list has")
	flag.Parse()
	items := make([]string, *n)
	for i := range items {
		items[i] = fmt.Sprintf("Item %d", i+1)
	}
	if _, err := tea.NewProgram(model{items: items}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
