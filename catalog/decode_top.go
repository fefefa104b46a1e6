package catalog

import (
	"bytes"
	"fmt"
	"io"
	"net/textproto"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// parseYAML parses a catalog into its document node, in one parse:
// fastYAML's where it reads the file, else yaml.v3's (yamlfast.go).
func parseYAML(data []byte, slabs *nodeSlabs) (*yaml.Node, error) {
	if doc, at := fastYAMLFrom(data, slabs); at < 0 {
		return doc, nil
	}
	return plainYAML(data)
}

// plainYAML is parseYAML through yaml.v3 alone: the plain path of fastYAML.
// It reads with a decoder, not yaml.Unmarshal, which reads the first
// document and drops the rest (after ---) without a word: a file is one
// document, and a second one that holds anything is refused at its ---.
func plainYAML(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case err == io.EOF:
		return &yaml.Node{}, nil // no document: as yaml.Unmarshal leaves it
	case err != nil:
		return nil, err
	}
	for {
		var next yaml.Node
		switch err := dec.Decode(&next); {
		case err == io.EOF:
			if s := yamlLineStarts(data); s != nil {
				s.place(&doc)
			}
			return &doc, nil
		case err != nil:
			return nil, err // a YAML error in a later document
		case !emptyDocument(&next):
			return nil, fmt.Errorf("yaml: line %d: a second YAML document: a catalog file holds one; remove the --- and what follows, or merge the two", next.Line)
		}
	}
}

// emptyDocument reports whether a document holds nothing: a --- that ends
// the file, say.
func emptyDocument(doc *yaml.Node) bool {
	return len(doc.Content) == 0 || len(doc.Content) == 1 && doc.Content[0].Tag == "!!null" && doc.Content[0].Value == ""
}

// Keys of each mapping, in the order the docs list them; hints draw on them.
var (
	topKeys         = []string{"version", "api", "description", "language", "languages", "format", "type_base", "docs_url", "request_id", "go", "openapi", "docs", "grpc", "include", "errors"}
	requestIDKeys   = []string{"header", "example"}
	goKeys          = []string{"package", "out", "import"}
	grpcKeys        = []string{"domain", "package", "out", "connect_package", "connect_out"}
	helpKeys        = []string{"description", "url"}
	openAPIKeys     = []string{"version", "attach", "default_response", "prefix", "unions", "out", "augment"}
	augmentKeys     = []string{"spec", "out", "replace"}
	docsKeys        = []string{"title", "group_by", "layout", "groups", "sections", "providers", "out", "templates"}
	groupTextKeys   = []string{"group", "description"}
	sectionKeys     = []string{"title", "body"}
	providerKeys    = []string{"name", "notes", "issues"}
	issueKeys       = []string{"error", "cause", "fix"}
	formatKeys      = []string{"name", "media_type", "body"}
	errorKeys       = []string{"code", "status", "title", "message", "description", "category", "causes", "remediation", "troubleshooting", "details", "headers", "retryable", "format", "meta", "challenge", "fallback", "deprecated", "replaced_by", "since", "retired", "grpc", "help"}
	movedErrorKeys  = map[string]diag.Naming{"translations": {Format: "translations live in translations/LANG.yaml beside the root catalog, one file per language (%s writes it): move them there", Command: "translate LANG"}}
	detailKeys      = []string{"name", "type", "required", "description", "example", "enum", "fields", "grpc"}
	enumKeys        = []string{"value", "description"}
	troubleshootKey = []string{"check", "solution"}
)

// catalogReader accumulates what the validator needs beyond the model: the
// node positions of things checked across errors.
type catalogReader struct {
	*nodeReader
	c              *Catalog
	formatPos      map[*Envelope]Pos         // where each custom envelope is defined
	customSeen     int                       // custom envelopes so far, for naming
	attachPos      []Pos                     // positions of openapi.attach items
	replacedByPos  map[*Error]Pos            // position of each replaced_by value, of the errors that have one
	errorsPos      Pos                       // position of the errors list
	requestIDPos   Pos                       // position of request_id.header
	includeNode    *yaml.Node                // the root's include list, read by the loader
	outs           []pathRef                 // the outputs the catalog names, as written, for checkOutputs
	includes       []pathRef                 // the include list's patterns, for checkOutputs
	goOffPos       Pos                       // position of go.out when it is none, for checkRPCImport
	grpcPos        map[*Error]Pos            // position of each error's own grpc code
	detailGRPCPos  map[*Detail]Pos           // position of each detail's grpc use (bad_request)
	grpcPackagePos []Pos                     // positions of grpc.package and grpc.connect_package, in order
	languagePos    Pos                       // position of language
	languagesPos   []Pos                     // positions of the languages items, in Languages' order
	spread         map[*Envelope][2][]string // validate's spreadKeys, by envelope
	fieldDepth     int                       // the levels of fields the detail being read is inside
}

// catalog reads the document's top mapping into a Catalog as written,
// reporting every node of the wrong shape or value. Defaults and derived
// fields are left to normalize, checks spanning nodes to validate.
func (r *nodeReader) catalog(n *yaml.Node) *catalogReader {
	cr := &catalogReader{nodeReader: r, c: &Catalog{}, formatPos: map[*Envelope]Pos{}, grpcPos: map[*Error]Pos{}, detailGRPCPos: map[*Detail]Pos{}}
	c := cr.c
	var errorsNode, formatNode *yaml.Node
	seen := map[string]bool{}
	for _, f := range r.fields(n, "catalog", topKeys, nil) {
		seen[f.key] = true
		switch f.key {
		case "version":
			cr.version(f.value)
		case "api":
			c.API = r.name(f.value, "api", "api: Shop API")
		case "description":
			c.Description = r.str(f.value, "description")
		case "language", "languages":
			cr.languageKey(f)
		case "format":
			formatNode = f.value
		case "type_base":
			c.TypeBase = cr.url(f.value, "type_base")
		case "docs_url":
			c.DocsURL = cr.url(f.value, "docs_url")
		case "request_id":
			cr.requestID(f.value)
		case "go":
			cr.goOptions(f.value)
		case "openapi":
			cr.openAPI(f.value)
		case "docs":
			cr.docs(f.value)
		case "grpc":
			cr.grpcOptions(f.value)
		case "errors":
			errorsNode = f.value
		case "include":
			cr.includeNode = f.value
		}
	}
	if n.Kind == yaml.MappingNode {
		for _, k := range []string{"version", "api", "errors"} {
			if !seen[k] && (k != "errors" || !seen["include"]) { // a split catalog's errors may all be included
				r.probs.namingHint(posOf(n), topKeyHints[k], "catalog: missing required key %q", k)
			}
		}
	}
	// The default envelope is resolved here, not in normalize: it is the
	// first in use, and errors naming it must get this very envelope.
	c.DefaultEnvelope = preset("problem")
	if formatNode != nil {
		if env := cr.format(formatNode, "format"); env != nil {
			c.DefaultEnvelope = env
		}
	}
	cr.use(c.DefaultEnvelope)
	if errorsNode != nil {
		cr.errorList(errorsNode)
	}
	return cr
}

// version reads the catalog format's version; only 1 exists.
func (cr *catalogReader) version(n *yaml.Node) {
	if v, ok := cr.integer(n, "version"); ok {
		if v != 1 {
			cr.probs.add(posOf(n), "catalog version %d is not supported: this errgen reads version 1; write version: 1", v)
		}
		cr.c.Version = v
	}
}

// errorList reads the errors list.
func (cr *catalogReader) errorList(n *yaml.Node) {
	cr.errorsPos = posOf(n)
	items := cr.list(n, "errors")
	if n.Kind == yaml.SequenceNode && len(items) == 0 {
		cr.probs.add(posOf(n), "errors: the list is empty: declare at least one error, the fallback (%s writes a starter catalog)", diag.Command("init"))
	}
	for _, item := range items {
		if e := cr.error(item); e != nil {
			cr.addError(e)
		}
	}
}

// addError adds an error read to the catalog, in use or retired.
func (cr *catalogReader) addError(e *Error) {
	if e.Retired {
		cr.c.Retired = append(cr.c.Retired, e) // reserved, never generated
	} else {
		cr.c.Errors = append(cr.c.Errors, e)
	}
}

// use records env as in use, giving it its index.
func (cr *catalogReader) use(env *Envelope) {
	for _, e := range cr.c.Envelopes {
		if e == env {
			return
		}
	}
	env.Index = len(cr.c.Envelopes)
	cr.c.Envelopes = append(cr.c.Envelopes, env)
}

// url reads an absolute http(s) URL.
func (cr *catalogReader) url(n *yaml.Node, what string) string {
	s := cr.str(n, what)
	if s == "" {
		return ""
	}
	if !absoluteURL(s) {
		cr.probs.add(posOf(n), "%s %q is not an absolute http(s) URL: %s", what, s, urlHint(s))
	}
	return s
}

// urlHint says how to make s an absolute http(s) URL.
func urlHint(s string) string {
	if !strings.Contains(s, "://") && !strings.ContainsAny(s, " \t") {
		return "write it with its scheme, as https://" + strings.TrimLeft(s, "/")
	}
	return "use an http or https URL, such as https://docs.example.com/errors"
}

// requestID reads the request_id mapping: the header that carries request
// ids in and out, and the id the docs' examples show.
func (cr *catalogReader) requestID(n *yaml.Node) {
	var example *yaml.Node
	for _, f := range cr.fields(n, "request_id", requestIDKeys, nil) {
		if f.key == "example" {
			example = f.value
			continue
		}
		name := cr.str(f.value, "request_id.header")
		switch {
		case !validHeaderName(name):
			cr.probs.add(posOf(f.value), "request_id.header %q is not a valid header name: use letters, digits and - (e.g. X-Request-Id)", name)
		case reservedHeader(textproto.CanonicalMIMEHeaderKey(name)) || languageHeader(textproto.CanonicalMIMEHeaderKey(name)):
			cr.probs.add(posOf(f.value), "request_id.header %q is set by errgen for another purpose: choose another header, such as X-Request-Id", name)
		default:
			cr.c.RequestID.Header = textproto.CanonicalMIMEHeaderKey(name)
			cr.requestIDPos = posOf(f.value)
		}
	}
	if example != nil {
		cr.requestIDExample(example)
	}
}

// requestIDExample reads request_id.example, the id the docs' example
// responses carry in the request-id header and the body: a header value, so
// visible ASCII without spaces, and only with a header to carry it.
func (cr *catalogReader) requestIDExample(n *yaml.Node) {
	id := cr.str(n, "request_id.example")
	switch {
	case cr.c.RequestID.Header == "":
		cr.probs.add(posOf(n), "request_id.example is the id the examples carry in request_id.header, which is not set: set request_id.header too (e.g. X-Request-Id), or remove example")
	case id == "" || len(id) > 200 || strings.ContainsFunc(id, func(r rune) bool { return r <= ' ' || r > '~' }):
		cr.probs.add(posOf(n), "request_id.example %q is not a request id: use 1 to 200 visible ASCII characters without spaces, such as req_abc123", id)
	default:
		cr.c.RequestID.Example = id
	}
}

// reservedHeader reports a canonical header name that Write sets for its own
// reasons, which no catalog setting may take over.
func reservedHeader(name string) bool {
	return name == "Content-Type" || name == "Content-Length" || name == "Www-Authenticate"
}

// languageHeader reports a canonical header name that Write sets for a
// catalog with languages: the request id cannot be carried there, even
// before the catalog has languages, for adding one must not move the id.
func languageHeader(name string) bool {
	return name == "Content-Language" || name == "Vary"
}
