package markdown

import (
	"fmt"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
)

// The methods below give templates the fallbacks of empty cells; each is a
// function of the catalog error or detail alone.

// Summary is what the reference table says of the error: the first
// paragraph of its description, else its message, else its title, on one
// line (a table cell turns line breaks into <br>).
func (e *errorData) Summary() string { return errorSummary(e.Error) }

// DescribedDetails reports whether some detail of the error has a
// description: the details table has a Description column only then.
func (e *errorData) DescribedDetails() bool { return describedDetails(e.Error) }

// Summary is the detail's Description cell: its description, else a
// pointer to its allowed values (the word enum_summary), else a dash
// (described by none).
func (d detailData) Summary() string { return detailSummary(d.Detail, d.words) }

// DescribedValues reports whether some allowed value of the detail has a
// description: the values are a table then, a list otherwise.
func (d detailData) DescribedValues() bool { return describedValues(d.Detail) }

func errorSummary(e *catalog.Error) string {
	s := strings.TrimSpace(normalizeBreaks(e.Description))
	if s == "" && e.Message != nil {
		s = e.Message.Source
	}
	if s == "" {
		s = e.Title
	}
	s, _, _ = strings.Cut(s, "\n\n")
	if singleSpaced(s) {
		return s // what joining its fields would make again
	}
	return strings.Join(strings.Fields(s), " ")
}

func describedDetails(e *catalog.Error) bool {
	for _, d := range e.Details {
		if d.Description != "" {
			return true
		}
	}
	return false
}

func detailSummary(d *catalog.Detail, w words) string {
	switch {
	case d.Description != "":
		return d.Description
	case len(d.Enum) > 0:
		return w["enum_summary"]
	}
	return "—"
}

func describedValues(d *catalog.Detail) bool {
	for _, v := range d.Enum {
		if v.Description != "" {
			return true
		}
	}
	return false
}

// ReplacementAnchor is the anchor of the error's replacement, for the
// deprecation notice's link; "" when it has none.
func (e *errorData) ReplacementAnchor() string { return replacementAnchor(e.ReplacedBy) }

// replacementAnchor is the anchor of the code that replaces another: a code
// in use (validated), whose section has the anchor its code makes.
func replacementAnchor(code string) string {
	if code == "" {
		return ""
	}
	return catalog.Kebab(code)
}

// fieldTable is the table of one object's fields on the page: Path names
// the object (problems, problems.limits), Many that the detail is a list
// of them, Examples that some field has an example (the table has an
// Example column only then).
type fieldTable struct {
	Path     string
	Many     bool
	Examples bool
	Fields   []fieldData
}

// fieldData is a field of a fieldTable, with its example as the JSON the
// body carries (see example.DetailJSON) and its path, which heads its
// allowed values (problems.kind).
type fieldData struct {
	detailData
	Path string
}

// FieldTables lists the tables of the detail's objects and of the objects
// nested in them, depth first; none for a free-form object.
func (d detailData) FieldTables() ([]fieldTable, error) {
	return appendFieldTables(nil, d.Name, d.Detail, d.words)
}

func appendFieldTables(tables []fieldTable, path string, d *catalog.Detail, w words) ([]fieldTable, error) {
	if len(d.Fields) == 0 {
		return tables, nil
	}
	ft := fieldTable{Path: path, Many: d.Type == catalog.TypeObjects}
	for _, f := range d.Fields {
		ex, err := example.DetailJSON(f)
		if err != nil {
			return nil, fmt.Errorf("field %s.%s: %w", path, f.Name, err)
		}
		ft.Fields = append(ft.Fields, fieldData{newDetailData(f, string(ex), w), path + "." + f.Name})
		ft.Examples = ft.Examples || ex != nil
	}
	tables = append(tables, ft)
	for _, f := range d.Fields {
		var err error
		if tables, err = appendFieldTables(tables, path+"."+f.Name, f, w); err != nil {
			return nil, err
		}
	}
	return tables, nil
}
