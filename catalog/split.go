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

// parseYAML parses a catalog into its document node. A big catalog spends
// most of its loading time in yaml.v3, one core busy and the others idle, so
// its errors list is parsed in parts, concurrently (parseSplit); whatever
// parseSplit cannot prove it parsed as one parse would, one parse does.
func parseYAML(data []byte) (*yaml.Node, error) {
	if parts := runtime.GOMAXPROCS(0); len(data) >= splitMinSize && parts > 1 {
		if doc := parseSplit(data, parts); doc != nil {
			return doc, nil
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return &doc, nil
}

// parseSplit parses data in parts when its errors are a block sequence under
// a top-level "errors:" line, and returns the document yaml.v3 makes of the
// whole, or nil when it cannot tell that the parts join into it.
//
// The text is cut only at the start of a line holding an item of that
// sequence ("- " at the sequence's indentation). No block or plain scalar of
// an item reaches past such a line, since their lines are indented deeper;
// a quoted scalar or a flow collection can, but then the part before the cut
// leaves it open and does not parse. Each part is padded with the line
// breaks before it, so its nodes keep their lines and columns; the first
// part is the document with the later items' lines left blank. Any part that
// does not parse, or that is not where the cut says it starts, and parseSplit
// gives up: a valid catalog is then parsed again whole, and an invalid one
// reports its problems from that parse.
func parseSplit(data []byte, parts int) *yaml.Node {
	cut, ok := splitErrors(data, parts)
	if !ok {
		return nil
	}
	texts := make([][]byte, len(cut.items))
	// The first part: the document, with the items of the later parts blanked.
	first := cut.items[0]
	rest := cut.end - first.end
	texts[0] = make([]byte, 0, len(data)-rest+bytes.Count(data[first.end:cut.end], []byte("\n")))
	texts[0] = append(texts[0], data[:first.end]...)
	texts[0] = append(texts[0], bytes.Repeat([]byte("\n"), bytes.Count(data[first.end:cut.end], []byte("\n")))...)
	texts[0] = append(texts[0], data[cut.end:]...)
	for i, p := range cut.items[1:] {
		texts[i+1] = append(bytes.Repeat([]byte("\n"), p.line-1), data[p.start:p.end]...)
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
	// The first part's errors must be the sequence that the cut found.
	doc := &docs[0]
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	var list *yaml.Node
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Line == cut.keyLine && k.Column == 1 {
			list = root.Content[i+1]
		}
	}
	if !cut.isList(list, first.line) {
		return nil
	}
	for i, p := range cut.items[1:] {
		d := &docs[i+1]
		if len(d.Content) != 1 || !cut.isList(d.Content[0], p.line) {
			return nil
		}
		list.Content = append(list.Content, d.Content[0].Content...)
	}
	return doc
}

// errorsCut is where splitErrors cuts a catalog.
type errorsCut struct {
	keyLine int        // line of "errors:"
	indent  int        // column of the items' "-", from 0
	end     int        // offset of the end of the errors list
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
// directives or several documents, or has too few items to share.
func splitErrors(data []byte, parts int) (errorsCut, bool) {
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
			cut.end = start // the next top-level key
			continue
		}
		if indent == cut.indent {
			starts = append(starts, textPart{start: start, line: line})
		}
	}
	if len(starts) < 2*parts {
		return cut, false
	}
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
