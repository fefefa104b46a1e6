package textedit

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// textStyle is how the spec writes what errgen adds in its style.
type textStyle struct {
	nl         string // line break: the text's first ("\n", "\r\n", "\r", NEL, LS, PS)
	yamlIndent int    // spaces per level of a YAML block
	jsonPretty bool   // JSON over several lines (else minified, on one)
	jsonIndent string // per level of pretty JSON ("" when not indented)
	colon      string // JSON between a key and its value on one line: ":", ": ", " : "
	comma      string // JSON between members on one line: ",", ", ", " , "
	// keyQuotes is the quoting of a YAML text's first key a plain scalar
	// could hold (0: plain), which what errgen adds to a flow mapping of
	// none of its own follows
	keyQuotes yaml.Style
}

// detectStyle reads the spec's line breaks and indentation. JSON is
// minified when no line break is inside its document; its indent is that
// of the first member of the root that starts a line (the first may share
// the "{" line), and its spacing on one line that of the root's first
// members.
func detectStyle(src *source, root *yaml.Node, adds *Additions) textStyle {
	st := textStyle{nl: "\n", yamlIndent: yamlIndent(root, adds), colon: ":", comma: ","}
	switch {
	case !src.isJSON && len(src.lines) > 1:
		// YAML's first line break, whichever: \r\n, \n, \r alone, NEL,
		// LS or PS (see newSource)
		st.nl = string(src.text[src.ends[0]:src.lines[1]])
	case src.isJSON:
		if i := bytes.IndexByte(src.text, '\n'); i > 0 && src.text[i-1] == '\r' {
			st.nl = "\r\n"
		}
	}
	if !src.isJSON {
		e := &textEditor{adds: adds}
		st.keyQuotes, _ = e.quotedByChoice(root, true)
		return st
	}
	doc := bytes.TrimSpace(src.text)
	st.jsonPretty = bytes.IndexByte(doc, '\n') >= 0
	if st.jsonPretty {
		st.colon, st.comma = ": ", ", "
	}
	var own []*yaml.Node // the root's members in the text, not added
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; !adds.Added[k] {
			if old := adds.Replaced[v]; old != nil {
				v = old // the value in the text: the one replacing it has no place there
			}
			own = append(own, k, v)
		}
	}
	for i := 0; i+1 < len(own); i += 2 {
		if k := own[i]; len(src.indentOf(k.Line-1)) == k.Column-1 {
			st.jsonIndent = src.indentOf(k.Line - 1)
			break
		}
	}
	if len(own) >= 2 {
		k, v := own[0], own[1]
		if sep := src.text[quotedEnd(src.text, src.offset(k)):src.offset(v)]; bytes.IndexByte(sep, '\n') < 0 {
			st.colon = string(sep)
		}
	}
	if len(own) >= 4 {
		v, k := own[1], own[2]
		if sep := src.text[jsonEnd(src.text, src.offset(v)):src.offset(k)]; bytes.IndexByte(sep, '\n') < 0 {
			st.comma = string(sep)
		}
	}
	return st
}

// yamlIndent finds the indentation of the text's block mappings, for the
// additions: in the text's own values, those replaced included.
func yamlIndent(root *yaml.Node, adds *Additions) int {
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if old := adds.Replaced[v]; old != nil {
			v = old
		}
		if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 {
			if d := v.Content[0].Column - k.Column; d >= 1 && d <= 8 {
				return d
			}
			break
		}
	}
	return 2
}
