package textedit

import (
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// PosError is a failure to write an addition at a place of the text.
type PosError struct {
	Line, Col int
	Msg       string
}

func (e *PosError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// ErrOverlap says two edits overlap: a replaced value holding an addition.
// Never planned, but refused rather than written.
var ErrOverlap = errors.New("edits overlap")

// Editor writes the additions made to the tree of one text into it.
type Editor struct {
	file *yaml.Node
	src  *source
	st   textStyle
	adds *Additions
}

// New reads the text's style (line breaks, indentation, JSON spacing) for
// writing adds, made to file, the document node parsed from text (isJSON:
// by yamlnode.ReadJSON, else by yaml.v3).
func New(file *yaml.Node, text []byte, isJSON bool, adds *Additions) *Editor {
	src := newSource(text, isJSON)
	return &Editor{file: file, src: src, st: detectStyle(src, file.Content[0], adds), adds: adds}
}

// Write returns the text with the additions inserted in its style, leaving
// out the added members whose keys omit holds (a variant of the text,
// written from the same tree). Every byte of the text is in the result, in
// order; only a replaced value is overwritten.
func (ed *Editor) Write(omit map[*yaml.Node]bool) ([]byte, error) {
	e := &textEditor{src: ed.src, st: ed.st, adds: ed.adds, omit: omit, root: ed.file}
	e.walk(ed.file, 0)
	if e.err != nil {
		return nil, e.err
	}
	out := applyEdits(ed.src.text, e.edits)
	if out == nil {
		return nil, ErrOverlap
	}
	return out, nil
}
