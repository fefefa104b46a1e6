package textedit

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// scalarLike writes the string v, which replaces the YAML scalar old of
// key k, in old's style, so that a file someone wrote by hand keeps its
// look: plain stays plain, single quotes stay single, a block scalar (| or
// >) stays a block. A value old's style cannot hold exactly (a hash of
// digits only, which plain YAML reads as a number; a line break in single
// quotes) is written double-quoted, as JSON, which YAML reads the same; so
// is anything but a string.
func (e *textEditor) scalarLike(k, old, v *yaml.Node, inFlow bool) string {
	s := v.Value
	if v.ShortTag() != "!!str" {
		return e.flowValue(v)
	}
	switch {
	case old.Style&yaml.SingleQuotedStyle != 0:
		if singleQuotable(s) {
			return "'" + strings.ReplaceAll(s, "'", "''") + "'"
		}
	case old.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		if literalFits(s) {
			return e.literal(k, old, s)
		}
	case old.Style&yaml.DoubleQuotedStyle == 0 && plainReadsBack(s, inFlow):
		return s
	}
	return e.flowValue(v)
}

// plainReadsBack reports whether s, written as a plain scalar (in a flow
// collection when inFlow), reads back as the string s: yaml.v3 must parse
// it so, and no reader of YAML 1.1 may take it for a boolean (yes, on).
// Every character must be graphic, so that nothing in it reads differently
// from what it is.
func plainReadsBack(s string, inFlow bool) bool {
	if s == "" || strings.TrimSpace(s) != s || !allGraphic(s) || yaml11Bool[strings.ToLower(s)] {
		return false
	}
	doc := "k: " + s + "\n"
	if inFlow {
		doc = "{k: " + s + "}\n"
	}
	var n yaml.Node
	if yaml.Unmarshal([]byte(doc), &n) != nil || len(n.Content) != 1 || len(n.Content[0].Content) != 2 {
		return false
	}
	v := n.Content[0].Content[1]
	return v.Kind == yaml.ScalarNode && v.Style == 0 && v.ShortTag() == "!!str" && v.Value == s
}

// plainKeyReadsBack reports whether s, written as a plain key of a flow
// mapping, reads back as the string key s, as plainReadsBack for a value;
// << would be a merge key.
func plainKeyReadsBack(s string) bool {
	if s == "" || s == "<<" || strings.TrimSpace(s) != s || !allGraphic(s) || yaml11Bool[strings.ToLower(s)] {
		return false
	}
	var n yaml.Node
	if yaml.Unmarshal([]byte("{"+s+": 0}\n"), &n) != nil || len(n.Content) != 1 || len(n.Content[0].Content) != 2 {
		return false
	}
	k := n.Content[0].Content[0]
	return k.Kind == yaml.ScalarNode && k.Style == 0 && k.ShortTag() == "!!str" && k.Value == s
}

// yaml11Bool are the plain words YAML 1.1 reads as booleans where YAML 1.2
// (yaml.v3) reads strings.
var yaml11Bool = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true}

// singleQuotable reports whether s reads back from single quotes: one
// line (a line break there folds into a space) of graphic characters.
func singleQuotable(s string) bool { return allGraphic(s) }

// literalFits reports whether s reads back from a literal block ("|" or
// "|-"): lines of graphic characters without trailing blanks, the first
// not indented (the block's indentation would take it), at most one final
// line break.
func literalFits(s string) bool {
	if s == "" || strings.HasSuffix(s, "\n\n") || strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\n") {
		return false
	}
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if strings.TrimRight(line, " \t") != line || !allGraphic(line) {
			return false
		}
	}
	return true
}

// literal writes s as a literal block in place of old's block scalar: its
// header's comment kept, its lines at old's lines' indentation (the key's
// and one level more when old had none).
func (e *textEditor) literal(k, old *yaml.Node, s string) string {
	at := e.src.offset(old)
	header := e.src.text[at:e.src.ends[old.Line-1]]
	// yaml.v3 reads a comment right after the indicators (|-#c) or after
	// a tab as the header's too: YAML wants a space before it.
	comment := ""
	if i := bytes.IndexByte(header, '#'); i >= 0 {
		comment = string(header[len(bytes.TrimRight(header[:i], " \t")):])
		if !strings.HasPrefix(comment, " ") && !strings.HasPrefix(comment, "\t") {
			comment = " " + comment
		}
	}
	indent := strings.Repeat(" ", k.Column-1+max(e.st.yamlIndent, 1))
	if old.Line < len(e.src.lines) {
		if next := e.src.indentOf(old.Line); len(next) > k.Column-1 && len(bytes.TrimSpace(e.src.lineText(old.Line))) > 0 {
			indent = next
		}
	}
	chomp := "|-"
	if strings.HasSuffix(s, "\n") {
		chomp = "|"
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = indent + l
	}
	return chomp + comment + e.st.nl + strings.Join(lines, e.st.nl)
}

// allGraphic reports whether s holds only graphic characters, no line
// break nor tab, and no bidi or other format character.
func allGraphic(s string) bool {
	for _, r := range s {
		if r < ' ' || r == 0x7f || r == utf8.RuneError || r == '\u2028' || r == '\u2029' || r == '\u0085' ||
			!unicode.IsGraphic(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// plainBlockEnd is where the plain scalar at off, the value of key k of a
// block mapping, ends: at a comment, or else at the end of its last line,
// a plain scalar going on over the lines indented more than k that are
// neither blank (unless more of it follows) nor a comment.
func (e *textEditor) plainBlockEnd(k, old *yaml.Node, at int) int {
	s := e.src
	first := s.text[at:s.ends[old.Line-1]]
	end := lineValueEnd(first, at)
	if commentAt(first) >= 0 {
		return end // a comment ends it, and the line
	}
	for i := old.Line; i < len(s.lines); i++ {
		t := s.lineText(i)
		trimmed := bytes.TrimLeft(t, " \t")
		switch {
		case len(trimmed) == 0:
			continue // belongs only if a later line does
		case trimmed[0] == '#' || len(t)-len(bytes.TrimLeft(t, " ")) <= k.Column-1:
			return end
		}
		end = lineValueEnd(t, s.lines[i])
		if commentAt(t) >= 0 {
			return end
		}
	}
	return end
}

// lineValueEnd is where the text of a plain scalar on the line t (at the
// offset off) ends: before a comment, its trailing blanks left out.
func lineValueEnd(t []byte, off int) int {
	if i := commentAt(t); i >= 0 {
		t = t[:i]
	}
	return off + len(bytes.TrimRight(t, " \t"))
}

// commentAt is where a comment starts in t, the text of a plain scalar's
// line (a # after a blank), or -1.
func commentAt(t []byte) int {
	for i := 1; i < len(t); i++ {
		if t[i] == '#' && (t[i-1] == ' ' || t[i-1] == '\t') {
			return i
		}
	}
	return -1
}
