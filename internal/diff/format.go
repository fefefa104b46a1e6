package diff

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Formats lists the output formats, the default first.
var Formats = []string{"text", "json", "markdown"}

// Write writes the changes in a format of Formats.
func Write(w io.Writer, format string, list []Change) error {
	switch format {
	case "json":
		return writeJSON(w, list)
	case "markdown":
		return writeMarkdown(w, list)
	}
	return writeText(w, list)
}

// label says how a change is classified: breaking (wire, go), allowed, or
// compatible.
func label(c Change) string {
	if !c.Breaking {
		return "compatible"
	}
	aud := make([]string, len(c.Breaks))
	for i, a := range c.Breaks {
		aud[i] = string(a)
	}
	s := "breaking (" + strings.Join(aud, ", ") + ")"
	if c.Allowed {
		s += ", allowed"
	}
	return s
}

// shownCode is the code as the outputs show it and --allow names it:
// catalog for a catalog-wide change.
func shownCode(c Change) string {
	if c.Code == "" {
		return "catalog"
	}
	return c.Code
}

// AllowEntry is the --allow entry, CODE:KIND, that accepts c.
func AllowEntry(c Change) string { return shownCode(c) + ":" + string(c.Kind) }

// where prefixes a text line with the change's position, file:line:col as
// every other errgen command reports, so that editors and CI annotators
// (problem matchers, errorformat) jump to it; nothing for a change built
// without one.
func where(c Change) string {
	if c.Pos.File == "" {
		return ""
	}
	return c.Pos.String() + ": "
}

// writeText writes one line per change, in the order of their positions
// (file, line, column; changes at one place in list's order), as compilers
// and vet print theirs and a reader walks a file, the new catalog's before
// the old one's (what was removed), then a summary.
func writeText(w io.Writer, list []Change) error {
	for _, c := range inPositionOrder(list) {
		msg := c.Message
		if strings.ContainsAny(msg, "\r\n") {
			msg = strconv.Quote(msg) // one line per change, for grep and CI logs
		}
		if _, err := fmt.Fprintf(w, "%s%s: %s: %s: %s\n", where(c), shownCode(c), c.Kind, label(c), msg); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, summary(list))
	return err
}

// inPositionOrder is list sorted by position, the new catalog's first,
// list itself left in Compare's order, which JSON and Markdown keep. By
// file name alone, a base's REV:path would sort before or after the working
// tree's depending on what the revision is called (HEAD, origin/main).
func inPositionOrder(list []Change) []Change {
	sorted := slices.Clone(list)
	slices.SortStableFunc(sorted, func(a, b Change) int {
		if a.InOld != b.InOld {
			return cmp.Compare(boolRank(a.InOld), boolRank(b.InOld))
		}
		return a.Pos.Compare(b.Pos)
	})
	return sorted
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// summary counts the changes.
func summary(list []Change) string {
	if len(list) == 0 {
		return "no changes"
	}
	breaking, allowed := 0, 0
	for _, c := range list {
		if c.Breaking {
			breaking++
			if c.Allowed {
				allowed++
			}
		}
	}
	s := fmt.Sprintf("%d %s, %d breaking", len(list), plural(len(list), "change", "changes"), breaking)
	if allowed > 0 {
		s += fmt.Sprintf(" (%d allowed)", allowed)
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func writeJSON(w io.Writer, list []Change) error {
	if list == nil {
		list = []Change{}
	}
	b, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// writeMarkdown writes a section for a changelog or a pull-request comment:
// a heading, the summary and a table, every cell escaped.
func writeMarkdown(w io.Writer, list []Change) error {
	var b strings.Builder
	b.WriteString("## Error catalog changes\n\n")
	b.WriteString(summary(list) + ".\n")
	if len(list) > 0 {
		b.WriteString("\n| Code | Change | Breaking | Details | Where |\n| --- | --- | --- | --- | --- |\n")
		for _, c := range list {
			code := shownCode(c)
			if c.Code != "" {
				code = "`" + c.Code + "`" // codes are letters, digits, _ - .
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", code, c.Kind, cell(label(c)), cell(c.Message), cell(c.Pos.String()))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell escapes text for a table cell: Markdown punctuation is
// backslash-escaped (CommonMark allows it before any ASCII punctuation), so
// catalog text such as an enum value can neither break the table nor
// become a link, emphasis, HTML or, on GitHub, $math$.
func cell(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case strings.ContainsRune("\\`*_[]<>|#!&~$", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
