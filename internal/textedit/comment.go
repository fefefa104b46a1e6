package textedit

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// LineComment records c as the comment ending the line of the scalar v of
// a YAML text, in place of the comment there, if any; "" takes it away.
// It is how a tool writes, and later takes back, a mark of its own beside
// a value (errgen translate's stale entries). v is a value of the text, or
// one the text's value is replaced with (Replace), its comment kept on its
// line.
func (a *Additions) LineComment(v *yaml.Node, c string) {
	if a.Comments == nil {
		a.Comments = map[*yaml.Node]string{}
	}
	a.Comments[v] = c
}

// comment rewrites the end of the line of the text's scalar v: from the
// end of the value to the line break, the comment there or none.
// m is the mapping v is a value of.
func (e *textEditor) comment(m, v *yaml.Node, c string, depth int) {
	if e.src.isJSON || m.Style&yaml.FlowStyle != 0 || v.Kind != yaml.ScalarNode || v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		e.fail(v, "a comment goes only after a one-line scalar of a block mapping")
		return
	}
	at := e.yamlInlineEnd(v, e.src.offset(v), false)
	end := e.src.ends[v.Line-1]
	rest := bytes.TrimLeft(e.src.text[at:end], " \t")
	if len(rest) > 0 && rest[0] != '#' {
		e.fail(v, "cannot write a comment after %q: the line goes on after it", v.Value)
		return
	}
	text := ""
	if c != "" {
		text = " # " + c
	}
	if string(e.src.text[at:end]) != text {
		e.add(at, end, depth, text)
	}
}
