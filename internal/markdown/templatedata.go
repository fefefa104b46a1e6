package markdown

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/errgen/errgen/catalog"
)

// dataType names a type of the data the templates receive as the
// templates package doc does, so that a template's problem reads in its
// author's words, not Go's (*markdown.errorData).
type dataType struct {
	name   string // the doc's name, for a type within a sentence: Error
	phrase string // one value of it, as a sentence's subject: an error
}

// dataTypes are the doc's names of this package's types; a catalog type
// is named as the doc does, catalog.Provider. TestDataTypesNamed keeps the
// list complete.
var dataTypes = map[reflect.Type]dataType{
	reflect.TypeFor[page]():            {"Page", "the page"},
	reflect.TypeFor[errorData]():       {"Error", "an error"},
	reflect.TypeFor[envelope]():        {"Envelope", "an envelope"},
	reflect.TypeFor[group]():           {"Group", "a group"},
	reflect.TypeFor[statusRow]():       {"Status", "a status"},
	reflect.TypeFor[retiredCode]():     {"Retired", "a retired code"},
	reflect.TypeFor[pageLanguage]():    {"Language", "a language"},
	reflect.TypeFor[detailData]():      {"Detail", "a detail"},
	reflect.TypeFor[field]():           {"Field", "an envelope's field"},
	reflect.TypeFor[fieldTable]():      {"FieldTable", "a field table"},
	reflect.TypeFor[fieldData]():       {"Detail", "a field table's field"},
	reflect.TypeFor[words]():           {"map[string]string", "the words"},
	reflect.TypeFor[catalog.Catalog](): {"catalog.Catalog", "the catalog"},
	reflect.TypeFor[catalog.Error]():   {"catalog.Error", "an error"},
}

// reachable is every type the templates can reach from the page, by its
// Go name (*markdown.errorData), the name in text/template's messages.
var reachable = sync.OnceValue(func() map[string]reflect.Type {
	seen := map[string]reflect.Type{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if _, ok := seen[t.String()]; ok {
			return
		}
		seen[t.String()] = t
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			walk(t.Elem())
		case reflect.Struct:
			for _, f := range reflect.VisibleFields(t) {
				if f.IsExported() {
					walk(f.Type)
				}
			}
		}
		for i := range t.NumMethod() {
			if m := t.Method(i).Type; m.NumOut() > 0 {
				walk(m.Out(0))
			}
		}
	}
	walk(reflect.TypeFor[*page]())
	return seen
})

// describeType is the phrase and the fields and methods of the type
// text/template names goName (*markdown.errorData, string); a list's
// fields are its elements'.
func describeType(goName string) (phrase string, members []string, list bool) {
	t, ok := reachable()[goName]
	if !ok {
		return "a value of type " + docTypeNames(goName), nil, false
	}
	if t.Kind() == reflect.Slice {
		return "a list (" + docTypeNames(goName) + ")", nil, true
	}
	base := t
	if base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	if base.Kind() != reflect.Struct {
		return "a value of type " + docTypeNames(goName), nil, false
	}
	for _, f := range reflect.VisibleFields(base) {
		if f.IsExported() && !slices.Contains(members, f.Name) {
			members = append(members, f.Name)
		}
	}
	ptr := reflect.PointerTo(base) // its method set holds the value's methods too
	for i := range ptr.NumMethod() {
		if name := ptr.Method(i).Name; !slices.Contains(members, name) {
			members = append(members, name)
		}
	}
	if dt, ok := dataTypes[base]; ok {
		return dt.phrase, members, false
	}
	return "a " + docTypeNames(goName), members, false
}

// goTypeName is a type of this package or catalog as text/template names
// it, after any [] or *.
var goTypeName = regexp.MustCompile(`\*?\b(?:markdown|catalog)\.\w+`)

// docTypeNames is s with the Go types it names named as the doc does:
// *markdown.errorData is Error, *catalog.Header catalog.Header.
func docTypeNames(s string) string {
	s = strings.ReplaceAll(s, "[]uint8", "[]byte") // as Go code and the doc write it
	return goTypeName.ReplaceAllStringFunc(s, func(goName string) string {
		t := reachable()[goName]
		if t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if dt, ok := dataTypes[t]; t != nil && ok {
			return dt.name
		}
		return strings.TrimPrefix(strings.TrimPrefix(goName, "*"), "markdown.")
	})
}

// Messages of text/template's that name a Go type or a field of one.
var (
	noField       = regexp.MustCompile(`^can't evaluate field (\w+) in type (.+)$`)
	unexported    = regexp.MustCompile(`^(\w+) is an unexported field of struct type (.+)$`)
	nilPointer    = regexp.MustCompile(`^nil pointer evaluating (.+)\.(\w+)$`)
	noMapEntry    = regexp.MustCompile(`^map has no entry for key "(.*)"$`)
	membersHint   = ": errgen's templates/templates.go lists what each template receives"
	nilHint       = ": test it first with {{with}}"
	rangeListHint = ": {{range}} over it to reach each one's fields"
)

// describeExecMessage is msg, text/template's message of an error
// executing the action context, in the template author's words, and a
// hint.
func describeExecMessage(msg, context string) (text, hint string) {
	if rest, ok := strings.CutPrefix(msg, "error calling part: "); ok {
		return rest, "" // part's own errors say what is wrong
	}
	m := noField.FindStringSubmatch(msg)
	if m == nil {
		m = unexported.FindStringSubmatch(msg)
	}
	if m != nil {
		phrase, members, list := describeType(m[2])
		text = fmt.Sprintf("%s has no field %s", phrase, m[1])
		switch hint = catalog.Suggest(m[1], members); {
		case hint != "":
		case list:
			hint = rangeListHint
		default:
			hint = membersHint
		}
		return text, hint
	}
	if m := nilPointer.FindStringSubmatch(msg); m != nil {
		phrase, _, _ := describeType(m[1])
		noun := phrase[strings.IndexByte(phrase, ' ')+1:]
		return fmt.Sprintf("there is no %s here (nil) to read %s from", noun, m[2]), nilHint
	}
	if m := noMapEntry.FindStringSubmatch(msg); m != nil && strings.Contains(context, ".Words.") {
		keys := make([]string, len(wordTable))
		for i, w := range wordTable {
			keys[i] = w.key
		}
		return fmt.Sprintf("the page's words have no key %s", m[1]), catalog.Suggest(m[1], keys)
	}
	return docTypeNames(msg), ""
}
