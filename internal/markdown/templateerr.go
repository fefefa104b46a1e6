package markdown

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// A broken template is reported as a diagnostic at its file, line and
// column, the file named as its author knows it, and in the words of the
// templates package doc: text/template's own error names the set's inner
// templates ("executing "page.tmpl" at <part "error.tmpl" .>: error calling
// part: …") and Go types (*markdown.errorData), which the author never sees.

// displayPather is what the fs.FS of overrides may implement, as fs.FS
// implementations may implement fs.ReadFileFS, to name its files in
// diagnostics as the user knows them: errgen's --templates folder gives the
// folder as typed joined with the file's name (tpl/error.tmpl). Without it
// a file is named by its bare name.
type displayPather interface {
	DisplayPath(name string) string
}

// bundledSuffix follows the name of a bundled template in a diagnostic's
// position. A bundled template is on no disk of the user's: a path such as
// templates/error.tmpl would read as a file of theirs (many projects have a
// templates folder), while the bare name is the one the docs give and the
// one an override of it takes.
const bundledSuffix = " (bundled)"

// templateFiles names the page's template files as their author knows
// them: overrides' by their display path, the others as bundled.
type templateFiles struct {
	overrides fs.FS
	names     []string // overrides' *.tmpl files: the templates not bundled
}

// newTemplateFiles is the templateFiles of overrides, nil for none. The
// names are listed, not looked up one by one, so that no file is opened:
// one could be a FIFO (readInput refuses them when they are read).
func newTemplateFiles(overrides fs.FS) templateFiles {
	f := templateFiles{overrides: overrides}
	if overrides != nil {
		f.names, _ = fs.Glob(overrides, "*.tmpl")
	}
	return f
}

// overridden reports whether name is an override's file.
func (f templateFiles) overridden(name string) bool { return slices.Contains(f.names, name) }

// path is name's file as its author knows it: tpl/error.tmpl, or
// error.tmpl (bundled).
func (f templateFiles) path(name string) string {
	if !f.overridden(name) {
		return name + bundledSuffix
	}
	if d, ok := f.overrides.(displayPather); ok {
		return d.DisplayPath(name)
	}
	return name
}

// problems is err as a *diag.List of one diagnostic when it is an error
// executing templates, else err itself.
func (f templateFiles) problems(err error) error {
	d, ok := f.execProblem(err)
	if !ok {
		return err
	}
	var l diag.List
	l.Add(d)
	return l.Err()
}

// parseProblem is the diagnostic of err, text/template's error parsing
// the override file name of text src. Its message, "template:
// NAME:LINE: msg", is all text/template says of where: it has a line, and
// no column but for an unknown function's, found on that line.
func (f templateFiles) parseProblem(err error, name, src string) diag.Diagnostic {
	d := diag.Diagnostic{Pos: diag.Pos{File: f.path(name)}, Msg: err.Error()}
	rest, ok := strings.CutPrefix(err.Error(), "template: "+name+":")
	if !ok {
		return d
	}
	lineText, msg, ok := strings.Cut(rest, ": ")
	line, convErr := strconv.Atoi(lineText)
	if !ok || convErr != nil {
		return d
	}
	d.Pos.Line, d.Msg = line, msg
	opened := 0 // the line of an action this line is inside of
	if !strings.HasPrefix(msg, "unclosed action") {
		opened = openActionLine(src, line)
	}
	if m := undefinedFunction.FindStringSubmatch(msg); m != nil {
		d.Msg = fmt.Sprintf("unknown function %q", m[1])
		d.Hint = functionHint(m[1])
		d.Pos.Col = actionColumn(src, line, m[1])
		if opened > 0 && !strings.HasPrefix(d.Hint, " (did you mean") {
			d.Hint = openActionHint(opened)
		}
	} else if opened > 0 {
		d.Hint = openActionHint(opened)
	} else if strings.HasPrefix(msg, "bad character U+007D '}'") {
		d.Hint = ": an action ends with }}"
	} else if msg == "unexpected EOF" {
		d.Hint = unclosedHint(name, src)
	} else if msg == "unexpected {{end}}" {
		d.Hint = ": it closes no {{if}}, {{range}}, {{with}}, {{block}} or {{define}}"
	}
	return d
}

// openActionLine is the line of the action that line of src is inside of,
// one opened ({{) on an earlier line and not closed (}}) before line; 0
// when there is none. An action may span lines, so text/template reads
// the text after a {{ whose }} was forgotten as the action's, and reports
// a word of it as an unknown function or an unexpected operand, lines
// later, never naming the {{.
func openActionLine(src string, line int) int {
	from := 0
	for {
		i := strings.Index(src[from:], "{{")
		if i < 0 {
			return 0
		}
		open := from + i
		openLine := 1 + strings.Count(src[:open], "\n")
		if openLine >= line {
			return 0
		}
		end := strings.Index(src[open+2:], "}}")
		if end < 0 || 1+strings.Count(src[:open+2+end], "\n") >= line {
			return openLine
		}
		from = open + 2 + end + 2
	}
}

// openActionHint is the hint for a parse error on a line inside an action
// opened at line opened.
func openActionHint(opened int) string {
	return fmt.Sprintf(": this line is inside the action opened ({{) at line %d, with no }} before it; if that action lacks its }}, add it", opened)
}

// maxUnclosed bounds the {{end}}s unclosedHint adds to find the blocks a
// file leaves open: past it the hint names none.
const maxUnclosed = 8

// unclosedHint names the block that src, which text/template found ending
// inside one ("unexpected EOF", at its last line), leaves open: the one
// an {{end}} added at the end would close, its keyword and line, found by
// parsing src with {{end}}s added until it parses. The last node of the
// tree, and its last, … are then the blocks that were open, outermost
// first; an {{else if}} is a block of the {{if}} it continues. The block
// that lost its {{end}} may be one inside it, whose {{end}} the parser
// took for the next block's: the hint says so.
func unclosedHint(name, src string) string {
	const generic = ": an {{if}}, {{range}}, {{with}}, {{block}} or {{define}} has no {{end}}"
	for k := 1; k <= maxUnclosed; k++ {
		t, err := emptySet().New(name).Parse(src + strings.Repeat("{{end}}", k))
		if err != nil {
			continue
		}
		open := openBlocks(t.Tree.Root)
		if len(open) < k {
			return generic // a {{define}} or {{block}}, which is a tree of its own
		}
		keyword, pos := open[k-1].keyword, int(open[k-1].node.Position())
		return fmt.Sprintf(": the {{%s}} at line %d is open at the end of the file: it, or a block inside it, has no {{end}}", keyword, 1+strings.Count(src[:min(pos, len(src))], "\n"))
	}
	return generic
}

// templateBlock is a block node on the chain of last nodes, with its keyword.
type templateBlock struct {
	node    parse.Node
	keyword string
}

// openBlocks is the chain of blocks that end list: its last node when it
// is an {{if}}, {{range}} or {{with}}, then the last of that block's last
// list ({{else}}'s when it has one), and so on.
func openBlocks(list *parse.ListNode) []templateBlock {
	var chain []templateBlock
	for list != nil && len(list.Nodes) > 0 {
		var branch *parse.BranchNode
		var keyword string
		switch n := list.Nodes[len(list.Nodes)-1].(type) {
		case *parse.IfNode:
			branch, keyword = &n.BranchNode, "if"
		case *parse.RangeNode:
			branch, keyword = &n.BranchNode, "range"
		case *parse.WithNode:
			branch, keyword = &n.BranchNode, "with"
		default:
			return chain
		}
		chain = append(chain, templateBlock{node: list.Nodes[len(list.Nodes)-1], keyword: keyword})
		list = branch.List
		if branch.ElseList != nil {
			list = branch.ElseList
		}
	}
	return chain
}

// undefinedFunction is text/template's parse error for a call of a
// function the set does not have.
var undefinedFunction = regexp.MustCompile(`^function "([^"]+)" not defined$`)

// builtins are text/template's own functions, which every template may
// call beside funcs.
var builtins = []string{"and", "call", "eq", "ge", "gt", "html", "index", "js", "le", "len", "lt", "ne", "not", "or", "print", "printf", "println", "slice", "urlquery"}

// functionHint names the function closest to name, or else lists
// errgen's.
func functionHint(name string) string {
	known := slices.Concat(builtins, slices.Sorted(func(yield func(string) bool) {
		for k := range funcs {
			if !yield(k) {
				return
			}
		}
	}))
	if s := catalog.Suggest(name, known); s != "" {
		return s
	}
	ours := known[len(builtins):]
	return "; errgen's are " + strings.Join(ours, ", ") + ", beside text/template's (" + strings.Join(builtins, ", ") + ")"
}

// actionColumn is the 1-based column of the first whole word fn inside an
// action ({{ … }}) on line of src, 0 when there is none.
func actionColumn(src string, line int, fn string) int {
	lines := strings.Split(src, "\n")
	if line < 1 || line > len(lines) {
		return 0
	}
	text := lines[line-1]
	isIdent := func(i int) bool {
		c := text[i]
		return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for i := strings.Index(text, fn); i >= 0; {
		end := i + len(fn)
		whole := (i == 0 || !isIdent(i-1)) && (end == len(text) || !isIdent(end))
		inAction := strings.Count(text[:i], "{{") > strings.Count(text[:i], "}}")
		if whole && inAction {
			return i + 1
		}
		next := strings.Index(text[i+1:], fn)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return 0
}

// execFrame is one template's place in an execution error: where it
// failed, or where it called the template that did.
type execFrame struct {
	name      string // the file the template was parsed from
	line, col int    // 1-based; 0, 0 when text/template gave no place
	context   string // the action, as text/template quotes it: .Kode, part "error.tmpl" .
	msg       string // what went wrong, within the template
}

// execProblem is the diagnostic of err, an error executing the page's
// templates, at the innermost template: text/template wraps the error of
// a template rendered through part in an error of the template that called
// part, so the chain holds a template.ExecError per part called, the
// outermost page.tmpl's. ok is false when err holds none.
func (f templateFiles) execProblem(err error) (d diag.Diagnostic, ok bool) {
	var frames []execFrame
	for e := err; e != nil; e = errors.Unwrap(e) {
		if x, ok := e.(template.ExecError); ok {
			if fr, ok := f.frame(x); ok {
				frames = append(frames, fr)
			}
		}
	}
	if len(frames) == 0 {
		return d, false
	}
	in := frames[len(frames)-1]
	d = diag.Diagnostic{Pos: diag.Pos{File: f.path(in.name), Line: in.line, Col: in.col}}
	d.Msg, d.Hint = describeExecMessage(in.msg, in.context)
	if in.context != "" {
		d.Msg = "<" + in.context + ">: " + d.Msg
	}
	if f.overridden(in.name) {
		return d, true
	}
	// A bundled template failed: on the data an override gave it, which is
	// what to fix, so the hint names where, not the bundled template's
	// fields.
	for _, out := range slices.Backward(frames[:len(frames)-1]) {
		if f.overridden(out.name) {
			d.Hint = fmt.Sprintf("; reached from %s <%s>", diag.Pos{File: f.path(out.name), Line: out.line, Col: out.col}, out.context)
			break
		}
	}
	return d, true
}

// frame reads the place and message of x, whose text is "template:
// NAME:LINE:COL: executing "TEMPLATE" at <ACTION>: MESSAGE", or "template:
// NAME: MESSAGE" when text/template had no action to name; NAME is the
// file the template was parsed from. ExecError has no fields for these.
func (f templateFiles) frame(x template.ExecError) (execFrame, bool) {
	rest, ok := strings.CutPrefix(x.Err.Error(), "template: ")
	if !ok {
		return execFrame{}, false
	}
	var fr execFrame
	if fr.name, rest = f.fileOf(rest); fr.name == "" {
		return execFrame{}, false
	}
	if m := execPlace.FindStringSubmatch(rest); m != nil {
		fr.line, _ = strconv.Atoi(m[1])
		fr.col, _ = strconv.Atoi(m[2])
		fr.col++ // text/template's column is a 0-based byte offset
		rest = rest[len(m[0]):]
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return execFrame{}, false
		}
		rest = strings.TrimPrefix(rest[len(q):], " at <")
		fr.context, rest, _ = strings.Cut(rest, ">: ")
	} else {
		rest = strings.TrimPrefix(rest, ": ")
	}
	fr.msg = rest
	return fr, true
}

// execPlace is ":LINE:COL: executing " after a file's name.
var execPlace = regexp.MustCompile(`^:(\d+):(\d+): executing `)

// fileOf splits s into the name of the template file it starts with, the
// longest that does, and the rest; "" when none does.
func (f templateFiles) fileOf(s string) (name, rest string) {
	var known []string
	if set, err := bundled(); err == nil {
		known = set.files
	}
	for _, n := range slices.Concat(known, f.names) {
		if len(n) > len(name) && strings.HasPrefix(s, n) && strings.HasPrefix(s[len(n):], ":") {
			name = n
		}
	}
	return name, s[len(name):]
}
