package fixed

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// The definitions table is data, decoded on first use: definitionsText
// holds a line per error, in catalog order, so that a catalog of thousands
// of errors costs the compiler one string constant instead of thousands of
// composite literals (docs/performance.md). A line is the code, then
// fields separated by a space, each a key, with =VALUE unless it is a flag:
//
//	status=429 title="Too Many Requests" retryable docs="…" category="…"
//	grpc=RESOURCE_EXHAUSTED deprecated="…" replaced=CODE since="…" env=0
//	type="…" message=TEMPLATE header=NAME:TEMPLATE challenge="…" meta="…"
//	body="…" required object=NAME enum=PATH:VALUE,VALUE
//	enum.required=PATH:VALUE,VALUE reason="…" badrequest=NAME
//	help="DESCRIPTION":"URL" lang lang.title="…" lang.message=TEMPLATE
//	lang.body="…"
//
// enum (enum.required for a required field) is an enum field of the
// objects of a detail (fieldEnums); lang starts the row's translation into
// the next of the catalog's other languages (translations), and the
// lang.* fields after it are that translation's texts: a lang without any
// is a language the error is not translated into.
//
// A VALUE is a Go string literal (a backquote in it escaped), or bare when
// it holds only letters, digits, '_', '.' and '-'; a TEMPLATE is values and
// {detail} placeholders side by side: "Rate limit of "{limit}" exceeded".
// The emitter may instead write the table as a Go composite literal (the
// plain path, for which definitionsText is empty); TestDefinitionsText
// holds the two to the same table.

// definitionsOnce guards the decoding of the table; definitionsLoaded is
// set once it is done, for loadDefinitions' fast path.
var (
	definitionsOnce   sync.Once
	definitionsLoaded atomic.Bool
)

// loadDefinitions decodes the definitions table, once, and points each
// sentinel at its definition. Every exported function and method that may
// reach a definition calls it first: until then the table and the
// sentinels are zero. Its fast path, one atomic load, is inlined, as
// prepared's is.
func loadDefinitions() {
	if !definitionsLoaded.Load() {
		decodeDefinitionsOnce()
	}
}

// decodeDefinitionsOnce is loadDefinitions' first use.
func decodeDefinitionsOnce() {
	definitionsOnce.Do(func() {
		decodeDefinitions(definitionsText, definitions[:])
		for i := range definitions {
			definitions[i].zero = zeroDetails[i]
			sentinels[i] = Error{def: &definitions[i], message: definitions[i].message}
		}
	})
	definitionsLoaded.Store(true)
}

// decodeDefinitions decodes text, a line per definition after a first
// empty one, into defs; an empty text leaves them as they are.
func decodeDefinitions(text string, defs []definition) {
	text = strings.TrimPrefix(text, "\n")
	for i := 0; text != "" && i < len(defs); i++ {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		r := &row{s: line}
		defs[i].Code = Code(r.value())
		for r.more() {
			defs[i].decodeField(r, r.key())
		}
	}
}

// decodeField decodes the field key of a line into def.
func (def *definition) decodeField(r *row, key string) {
	switch key {
	case "status":
		def.Status = r.int()
	case "title":
		def.Title = r.value()
	case "retryable":
		def.Retryable = true
	case "docs":
		def.DocsURL = r.value()
	case "category":
		def.Category = r.value()
	case "grpc":
		def.GRPCCode = r.value()
	case "deprecated":
		def.Deprecated = r.value()
	case "replaced":
		def.ReplacedBy = Code(r.value())
	case "since":
		def.Since = r.value()
	default:
		def.decodeRuntimeField(r, key)
	}
}

// decodeRuntimeField decodes a field that is not the registry's.
func (def *definition) decodeRuntimeField(r *row, key string) {
	switch key {
	case "env":
		def.envelope = &envelopes[r.int()]
	case "type":
		def.typeURI = r.value()
	case "message":
		def.message, def.messageTemplate = r.template()
	case "header":
		h := header{name: r.value()}
		r.skip(':')
		h.value, h.template = r.template()
		def.headers = append(def.headers, h)
	case "challenge":
		def.challenge = r.value()
	case "meta":
		def.meta = append(def.meta, r.value())
	case "body":
		def.body = r.value()
	case "required":
		def.required = true
	case "object":
		def.objects = append(def.objects, r.value())
	case "reason":
		def.reason = r.value()
	case "help":
		l := RPCLink{Description: r.value()}
		r.skip(':')
		l.URL = r.value()
		def.help = append(def.help, l)
	default:
		def.decodeFeatureField(r, key)
	}
}

// decodeFeatureField decodes a field of the row's enum fields of objects,
// its BadRequest detail or its translations.
func (def *definition) decodeFeatureField(r *row, key string) {
	switch key {
	case "enum", "enum.required":
		f := fieldEnum{path: r.value(), required: key == "enum.required"}
		r.skip(':')
		f.values = append(f.values, r.value())
		for r.i < len(r.s) && r.s[r.i] == ',' {
			r.i++
			f.values = append(f.values, r.value())
		}
		def.fieldEnums = append(def.fieldEnums, f)
	case "badrequest":
		def.badRequest = r.value()
	case "lang":
		def.translations = append(def.translations, translation{})
	case "lang.title", "lang.message", "lang.body":
		if len(def.translations) == 0 {
			r.bad(key + " before lang")
		}
		tr := &def.translations[len(def.translations)-1]
		switch key {
		case "lang.title":
			tr.title = r.value()
		case "lang.message":
			tr.message, tr.messageTemplate = r.template()
		default:
			tr.body = r.value()
		}
	default:
		r.bad("unknown field " + key)
	}
}

// row reads one line of the definitions table.
type row struct {
	_ doNotCompare
	s string
	i int
}

// more skips the space before the next field, and reports whether there is one.
func (r *row) more() bool {
	if r.i < len(r.s) && r.s[r.i] == ' ' {
		r.i++
	}
	return r.i < len(r.s)
}

// key reads a field's key and the = after it, if any.
func (r *row) key() string {
	start := r.i
	for r.i < len(r.s) && r.s[r.i] != '=' && r.s[r.i] != ' ' {
		r.i++
	}
	key := r.s[start:r.i]
	if r.i < len(r.s) && r.s[r.i] == '=' {
		r.i++
	}
	return key
}

// bad panics: the row is not one the emitter writes, what is wrong with
// it at its byte i. The one place that formats it, not inlined: each of
// the callers, which run once per error, compiled the strconv calls of
// its own message, for a panic that never happens.
//
//go:noinline
func (r *row) bad(what string) {
	panic("definitions table: " + what + " at byte " + strconv.Itoa(r.i) + " of " + strconv.Quote(r.s))
}

// skip skips the byte c, which the line must hold next.
func (r *row) skip(c byte) {
	if r.i >= len(r.s) || r.s[r.i] != c {
		r.bad("want " + string(rune(c)))
	}
	r.i++
}

// value reads a value: a Go string literal, or a bare word.
func (r *row) value() string {
	if r.i < len(r.s) && r.s[r.i] == '"' {
		j := r.i + 1
		for j < len(r.s) && r.s[j] != '"' && r.s[j] != '\\' {
			j++
		}
		if j < len(r.s) && r.s[j] == '"' {
			s := r.s[r.i+1 : j] // no escape: the text as it is
			r.i = j + 1
			return s
		}
		lit, err := strconv.QuotedPrefix(r.s[r.i:])
		if err == nil {
			r.i += len(lit)
			s, err := strconv.Unquote(lit)
			if err == nil {
				return s
			}
		}
		r.bad("bad string")
	}
	start := r.i
	for r.i < len(r.s) && isBare(r.s[r.i]) {
		r.i++
	}
	return r.s[start:r.i]
}

// isBare reports whether c may be part of a bare word.
func isBare(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-'
}

// int reads a bare decimal number.
func (r *row) int() int {
	n, err := strconv.Atoi(r.value())
	if err != nil {
		r.bad("bad number")
	}
	return n
}

// template reads a template: the text, when it has no placeholder, else its parts.
func (r *row) template() (string, []templatePart) {
	var parts []templatePart
	for r.i < len(r.s) && r.s[r.i] != ' ' {
		if start := r.i; r.s[r.i] != '{' {
			parts = append(parts, templatePart{literal: r.value()})
			if r.i == start {
				r.bad("bad template")
			}
			continue
		}
		end := strings.IndexByte(r.s[r.i:], '}')
		if end < 0 {
			r.bad("unclosed placeholder")
		}
		parts = append(parts, templatePart{detail: r.s[r.i+1 : r.i+end]})
		r.i += end + 1
	}
	if len(parts) == 1 && parts[0].detail == "" {
		return parts[0].literal, nil
	}
	return "", parts
}
