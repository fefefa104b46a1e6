package textedit

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// LineComment records c as the comment ending the line of the scalar v of
// a YAML text, in place of the comment there, if any; "" takes it away.
// It is how a tool writes, and later takes back, a mark of its own beside
// a value (errgen translate's stale entries). v is a value of the text, or
// one the text's value is replaced with (Replace), its comment kept on its
// line.
func (a *Additions) LineComment(v *yaml.Node, c string) {
	a.lineEnd(v, func(string) string {
		if c == "" {
			return ""
		}
		return " # " + c
	})
}

// Mark puts the comment "# mark" at the end of the line of the scalar v
// when on, after the comment there, if any, which stays byte for byte
// (the line then reads "v   # the author's # mark"); when off, it takes a
// "# mark" ending the line back out, with the blanks before it, and
// leaves the rest. It is how a tool marks a value, and takes the mark
// back, without touching a comment of the text's author.
func (a *Additions) Mark(v *yaml.Node, mark string, on bool) {
	a.lineEnd(v, func(tail string) string {
		trimmed := strings.TrimRight(tail, " \t")
		rest, marked := strings.CutSuffix(trimmed, "# "+mark)
		switch {
		case marked == on:
			return tail
		case on && trimmed == "":
			return " # " + mark
		case on:
			return trimmed + " # " + mark
		}
		return strings.TrimRight(rest, " \t")
	})
}

func (a *Additions) lineEnd(v *yaml.Node, f func(tail string) string) {
	if a.lineEnds == nil {
		a.lineEnds = map[*yaml.Node]func(string) string{}
	}
	a.lineEnds[v] = f
}

// comment rewrites the end of the line of the text's scalar v: from the
// end of the value to the line break, the comment there or none, as f
// makes it from what is there. m is the mapping v is a value of.
func (e *textEditor) comment(m, v *yaml.Node, f func(tail string) string, depth int) {
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
	if text := f(string(e.src.text[at:end])); string(e.src.text[at:end]) != text {
		e.add(at, end, depth, text)
	}
}
