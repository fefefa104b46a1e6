package catalog

import (
	"bytes"
	"runtime"
	"sync"

	"go.yaml.in/yaml/v3"
)

// splitMinSize is the smallest catalog whose errors are parsed in parts: a
// few thousand errors. yaml.v3 parses about 8 MB/s, so below this one
// parse takes a few tens of milliseconds.
const splitMinSize = 512 << 10

// parseYAML is how Parse reads a catalog's text into its document node:
// parseInParts, the shortcut for big catalogs, or parseWhole, the plain
// path beside it. Tests hold the two to the same trees and catalogs;
// BenchmarkLoadSplit (split_bench_test.go) measures what the shortcut buys.
var parseYAML = parseInParts

// parseWhole parses a catalog in one yaml.v3 parse.
func parseWhole(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return &doc, nil
}

// parseInParts parses a catalog as parseWhole does. A big catalog spends
// most of its loading time in yaml.v3, one core busy and the others idle,
// so its errors list is parsed in parts, concurrently (parseSplit);
// whatever parseSplit cannot prove it parsed as one parse would, one parse
// does.
func parseInParts(data []byte) (*yaml.Node, error) {
	if parts := runtime.GOMAXPROCS(0); len(data) >= splitMinSize && parts > 1 {
		if doc := parseSplit(data, parts); doc != nil {
			return doc, nil
		}
	}
	return parseWhole(data)
}

// parseSplit parses data in parts when its errors are a block sequence under
// a top-level "errors:" line, and returns the document yaml.v3 makes of the
// whole, or nil when it cannot tell that the parts join into it.
//
// The text is cut only at the start of a line: before an item of that
// sequence ("- " at the sequence's indentation), and before the top-level
// key that follows the sequence, if any. Each part is parsed alone, up to
// its end of file, padded with the line breaks before it so that its nodes
// keep their lines and columns. No block or plain scalar reaches past such a
// line, since their lines would be indented deeper; a quoted scalar or a
// flow collection can, but then the part before the cut leaves it open and
// does not parse. When any part does not parse, or is not where the cut says
// it starts, parseSplit gives up: a valid catalog is then parsed again
// whole, and an invalid one reports its problems from that parse.
func parseSplit(data []byte, parts int) *yaml.Node {
	cut, ok := splitErrors(data, parts)
	if !ok {
		return nil
	}
	// The head (up to the end of the first items), the other items, and the
	// keys after the errors.
	texts := [][]byte{data[:cut.items[0].end]}
	for _, p := range cut.items[1:] {
		texts = append(texts, append(bytes.Repeat([]byte("\n"), p.line-1), data[p.start:p.end]...))
	}
	if cut.end < len(data) {
		texts = append(texts, append(bytes.Repeat([]byte("\n"), cut.endLine-1), data[cut.end:]...))
	}
	docs := make([]yaml.Node, len(texts))
	errs := make([]error, len(texts))
	var wg sync.WaitGroup
	for i, text := range texts {
		wg.Go(func() { errs[i] = yaml.Unmarshal(text, &docs[i]) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil
		}
	}
	// The head ends with the errors, the list that the cut found.
	doc := &docs[0]
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	root := doc.Content[0]
	if n := len(root.Content); n < 2 || root.Content[n-2].Line != cut.keyLine || root.Content[n-2].Column != 1 {
		return nil
	}
	list := root.Content[len(root.Content)-1]
	if !cut.isList(list, cut.items[0].line) {
		return nil
	}
	for i, p := range cut.items[1:] {
		d := &docs[i+1]
		if len(d.Content) != 1 || !cut.isList(d.Content[0], p.line) {
			return nil
		}
		list.Content = append(list.Content, d.Content[0].Content...)
	}
	if len(list.Content) != cut.count {
		return nil
	}
	if cut.end < len(data) {
		tail := &docs[len(docs)-1]
		if len(tail.Content) != 1 {
			return nil
		}
		keys := tail.Content[0]
		if keys.Kind != yaml.MappingNode || keys.Style&yaml.FlowStyle != 0 || keys.Line != cut.endLine || keys.Column != 1 {
			return nil
		}
		root.Content = append(root.Content, keys.Content...)
	}
	return doc
}

// errorsCut is where splitErrors cuts a catalog.
type errorsCut struct {
	keyLine int        // line of "errors:"
	indent  int        // column of the items' "-", from 0
	count   int        // how many items
	end     int        // offset of the end of the errors list: a top-level key, or the end of data
	endLine int        // line of end
	items   []textPart // consecutive parts of the list, from its first item
}

// textPart is a run of whole lines.
type textPart struct {
	start, end int // offsets
	line       int // line of start, from 1
}

// isList reports whether n is the block sequence of the cut's items, starting
// on line.
func (c *errorsCut) isList(n *yaml.Node, line int) bool {
	return n != nil && n.Kind == yaml.SequenceNode && n.Style&yaml.FlowStyle == 0 &&
		n.Line == line && n.Column == c.indent+1 && len(n.Content) > 0
}

// splitErrors finds the items of the top-level errors list and cuts the list
// into parts of about as many items each. It reports false when the catalog
// is not laid out so (one "errors:" line at the margin, then "- " items), has
// directives or several documents, or has too few items to share, or has
// line breaks other than "\n" and "\r\n", which this cut would not count as
// yaml.v3 counts them.
func splitErrors(data []byte, parts int) (errorsCut, bool) {
	if otherLineBreaks(data) {
		return errorsCut{}, false
	}
	cut := errorsCut{keyLine: -1, indent: -1, end: len(data)}
	var starts []textPart // every item's first line
	line := 0
	for off := 0; off < len(data); {
		line++
		next := len(data)
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			next = off + i + 1
		}
		text := bytes.TrimRight(data[off:next], "\r\n")
		start := off
		off = next
		if bytes.HasPrefix(text, []byte("%")) || bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("...")) {
			return cut, false // a directive or a document marker
		}
		if cut.keyLine < 0 {
			if isErrorsKey(text) {
				cut.keyLine = line
			}
			continue
		}
		if isErrorsKey(text) {
			return cut, false // twice
		}
		body := bytes.TrimLeft(text, " ")
		if cut.end < len(data) || len(body) == 0 || body[0] == '#' {
			continue // after the list, or a blank or comment line
		}
		indent := len(text) - len(body)
		isItem := body[0] == '-' && (len(body) == 1 || body[1] == ' ')
		switch {
		case cut.indent < 0 && isItem:
			cut.indent = indent
		case cut.indent < 0:
			return cut, false // not a block sequence
		case indent < cut.indent || indent == cut.indent && !isItem:
			if indent > 0 {
				return cut, false // neither an item nor a top-level key
			}
			cut.end, cut.endLine = start, line // the next top-level key
			continue
		}
		if indent == cut.indent {
			starts = append(starts, textPart{start: start, line: line})
		}
	}
	if len(starts) < 2*parts {
		return cut, false
	}
	cut.count = len(starts)
	for i := range parts {
		p := starts[i*len(starts)/parts]
		p.end = cut.end
		if i+1 < parts {
			p.end = starts[(i+1)*len(starts)/parts].start
		}
		cut.items = append(cut.items, p)
	}
	return cut, true
}

// isErrorsKey reports whether a line is the top-level key "errors:" and
// nothing else, but a comment.
func isErrorsKey(text []byte) bool {
	rest, ok := bytes.CutPrefix(text, []byte("errors:"))
	if !ok {
		return false
	}
	comment := bytes.TrimLeft(rest, " \t")
	return len(comment) == 0 || comment[0] == '#' && len(comment) < len(rest)
}

// otherLineBreaks reports whether data holds a line break yaml.v3 counts
// besides "\n" and "\r\n": a lone "\r", U+0085 (NEL), U+2028 or U+2029.
func otherLineBreaks(data []byte) bool {
	if bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029")) {
		return true
	}
	for i := bytes.IndexByte(data, '\r'); i >= 0; {
		if i+1 == len(data) || data[i+1] != '\n' {
			return true
		}
		next := bytes.IndexByte(data[i+1:], '\r')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}
