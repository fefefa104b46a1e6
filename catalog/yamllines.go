package catalog

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// lineStarts maps each line yaml.v3 counts in a file holding NEL, LS or PS
// (U+0085, U+2028, U+2029) to where it starts on a line as an editor
// counts them. yaml.v3 ends a line at each of the three, as at a line
// feed, a carriage return or both; editors, terminals, grep and CI
// annotations show them inside the line, so every position after one was
// a line too far down (past the file's end, at the end). Index i is
// yaml.v3's line i+1.
type lineStarts []lineStart

// lineStart is where a line of yaml.v3's starts: on the editor's line, after
// col characters of it.
type lineStart struct{ line, col int }

// yamlLineStarts is data's lineStarts, nil when data holds none of the
// three: then yaml.v3's lines are the editor's.
func yamlLineStarts(data []byte) lineStarts {
	if !bytes.Contains(data, []byte("\u0085")) && !bytes.Contains(data, []byte("\u2028")) && !bytes.Contains(data, []byte("\u2029")) {
		return nil
	}
	starts := lineStarts{{line: 1}}
	line, col := 1, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		i += size
		switch {
		case r == '\r' && i < len(data) && data[i] == '\n':
			// one line break, at the line feed
		case r == '\n' || r == '\r':
			line, col = line+1, 0
			starts = append(starts, lineStart{line: line})
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			col++
			starts = append(starts, lineStart{line: line, col: col})
		default:
			col++
		}
	}
	return starts
}

// pos is the editor's line and column of yaml.v3's line and column.
func (s lineStarts) pos(line, col int) (int, int) {
	if line < 1 || line > len(s) {
		return line, col
	}
	start := s[line-1]
	if col == 0 {
		return start.line, 0 // the whole line
	}
	return start.line, start.col + col
}

// place sets the position of n and every node under it to the editor's.
func (s lineStarts) place(n *yaml.Node) {
	n.Line, n.Column = s.pos(n.Line, n.Column)
	for _, c := range n.Content {
		s.place(c)
	}
}

// yamlErrorLine is the line a yaml.v3 error message names ("line N"),
// as the editor counts lines in data; 0 for none.
func yamlErrorLine(msg string, data []byte) int {
	var line int
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i:], "line %d", &line)
	}
	if s := yamlLineStarts(data); s != nil {
		line, _ = s.pos(line, 0)
	}
	return line
}
