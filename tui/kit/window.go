package kit

// Window keeps the cursor's line in view in room lines over total lines,
// with a line for "↑ N more" when lines are hidden above and one for
// "↓ N more" when lines are hidden below (MoreLine, Windowed). It returns
// the first line shown and how many show. Every list of every program
// scrolls through it, so that none hides rows without saying so.
func Window(total, room, cursor, offset int) (first, n int) {
	if total <= room {
		return 0, total
	}
	room = max(room, 3)
	visible := func(o int) int {
		v := room
		if o > 0 {
			v--
		}
		if o+v < total {
			v--
		}
		return v
	}
	offset = max(0, min(offset, total-(room-1)))
	if cursor < offset {
		offset = cursor
	}
	for cursor >= offset+visible(offset) {
		offset++
	}
	return offset, min(visible(offset), total-offset)
}

// Windowed draws the lines first to first+n of total, as Window chose
// them, between the "↑ N more" and "↓ N more" lines that say what is
// hidden, in units of one and many ("company", "companies").
func (s *Session) Windowed(total, first, n int, one, many string, line func(i int) string) []string {
	body := make([]string, 0, n+2)
	if first > 0 {
		body = append(body, s.MoreLine("↑", first, one, many))
	}
	for i := first; i < first+n; i++ {
		body = append(body, line(i))
	}
	if hidden := total - first - n; hidden > 0 {
		body = append(body, s.MoreLine("↓", hidden, one, many))
	}
	return body
}
