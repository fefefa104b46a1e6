package catalog

import (
	"bytes"
	"fmt"
	"go/token"
	"io"
	"net/textproto"
	"strings"

	"go.yaml.in/yaml/v3"
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
	movedErrorKeys  = map[string]string{"translations": "translations live in translations/LANG.yaml beside the root catalog, one file per language (errgen translate LANG writes it): move them there"}
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
				r.probs.hint(posOf(n), topKeyHints[k], "catalog: missing required key %q", k)
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
		cr.probs.add(posOf(n), "errors: the list is empty: declare at least one error, the fallback (errgen init writes a starter catalog)")
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

// GoPackageProblem says what is wrong with a Go package name for the
// generated package, or returns "" when nothing is; the CLI's --go-package
// is held to the same rule. The name is also a directory name under the
// output directory, so one that passes cannot lead outside it.
func GoPackageProblem(name string) string {
	switch {
	case !packagePattern.MatchString(name):
		return fmt.Sprintf("%q is not a valid Go package name (lower case letters, digits, _)", name)
	case token.IsKeyword(name):
		return fmt.Sprintf("%q is a Go keyword: choose another name, such as apierrors", name)
	case name == "main":
		return fmt.Sprintf("%q would make the generated package a command, which nothing can import: choose another name, such as apierrors", name)
	case name == "init":
		return fmt.Sprintf("%q cannot name a package: init is reserved for init functions; choose another name, such as apierrors", name)
	}
	return ""
}

// goOptions reads the go mapping. A package name is checked here as any Go
// package name; what only the Go output needs is a Check's business.
func (cr *catalogReader) goOptions(n *yaml.Node) {
	for _, g := range cr.fields(n, "go", goKeys, nil) {
		if g.key == "out" {
			if cr.c.Go.Out = cr.outPath(g.value, "go.out"); cr.c.Go.Out == OutputOff {
				cr.goOffPos = posOf(g.value)
			}
			continue
		}
		if g.key == "import" {
			cr.c.Go.Import = cr.importPath(g.value)
			continue
		}
		pkg := cr.str(g.value, "go.package")
		cr.c.Go.Package = pkg
		if pkg != "" {
			if msg := GoPackageProblem(pkg); msg != "" {
				cr.probs.add(posOf(g.value), "go.package %s", msg)
			}
		}
	}
}

func (cr *catalogReader) openAPI(n *yaml.Node) {
	o := &cr.c.OpenAPI
	for _, f := range cr.fields(n, "openapi", openAPIKeys, nil) {
		switch f.key {
		case "version":
			o.Version = cr.str(f.value, "openapi.version")
			if o.Version != "3.0.3" && o.Version != "3.1.0" {
				cr.probs.add(posOf(f.value), "openapi.version %q is not supported (use 3.0.3 or 3.1.0)", o.Version)
			}
		case "attach":
			for _, item := range cr.list(f.value, "openapi.attach") {
				if s := cr.str(item, "openapi.attach item"); s != "" {
					o.Attach = append(o.Attach, s)
					cr.attachPos = append(cr.attachPos, posOf(item))
				}
			}
		case "default_response":
			o.DefaultResponse = cr.boolean(f.value, "openapi.default_response")
		case "prefix":
			o.Prefix = cr.str(f.value, "openapi.prefix")
			if o.Prefix != "" && !componentPattern.MatchString(o.Prefix) {
				cr.probs.add(posOf(f.value), "openapi.prefix %q must be letters, digits and _, starting with a letter", o.Prefix)
			}
		case "unions":
			switch s := cr.str(f.value, "openapi.unions"); s {
			case "open", "closed":
				o.ClosedUnions = s == "closed"
			default:
				cr.probs.add(posOf(f.value), "openapi.unions %q must be open or closed", s)
			}
		case "out":
			o.Out = cr.outPath(f.value, "openapi.out")
		case "augment":
			for _, item := range cr.list(f.value, "openapi.augment") {
				o.Augment = append(o.Augment, cr.augmentTarget(item))
			}
		}
	}
}

func (cr *catalogReader) docs(n *yaml.Node) {
	d := &cr.c.Docs
	for _, f := range cr.fields(n, "docs", docsKeys, nil) {
		switch f.key {
		case "title":
			d.Title = cr.str(f.value, "docs.title")
		case "group_by":
			d.GroupBy = cr.str(f.value, "docs.group_by")
			if d.GroupBy != "status" && d.GroupBy != "category" {
				cr.probs.add(posOf(f.value), "docs.group_by must be status or category, not %q", d.GroupBy)
			}
		case "layout":
			d.Layout = cr.str(f.value, "docs.layout")
			if d.Layout != LayoutFull && d.Layout != LayoutCompact {
				cr.probs.add(posOf(f.value), "docs.layout must be %s or %s, not %q", LayoutFull, LayoutCompact, d.Layout)
			}
		case "out":
			d.Out = cr.outPath(f.value, "docs.out")
		case "templates":
			d.Templates, d.TemplatesPos = cr.templatesPath(f.value), posOf(f.value)
		case "groups":
			for _, item := range cr.list(f.value, "docs.groups") {
				d.Groups = append(d.Groups, cr.groupText(item))
			}
		case "sections":
			for _, item := range cr.list(f.value, "docs.sections") {
				d.Sections = append(d.Sections, cr.section(item))
			}
		case "providers":
			for _, item := range cr.list(f.value, "docs.providers") {
				d.Providers = append(d.Providers, cr.provider(item))
			}
		}
	}
}

func (cr *catalogReader) section(n *yaml.Node) Section {
	var s Section
	for _, f := range cr.fields(n, "docs section", sectionKeys, nil) {
		switch f.key {
		case "title":
			s.Title, s.Pos = cr.str(f.value, "docs section title"), posOf(f.value)
		case "body":
			s.Body = cr.str(f.value, "docs section body")
		}
	}
	if s.Title == "" && n.Kind == yaml.MappingNode {
		cr.probs.hint(posOf(n), ": add title: the section's heading on the page", "docs section: missing required key \"title\"")
	} else if strings.TrimSpace(s.Title) == "" && s.Title != "" {
		cr.probs.add(s.Pos, "docs section title is blank, so its heading would be empty: write the heading")
	}
	return s
}

func (cr *catalogReader) provider(n *yaml.Node) Provider {
	var p Provider
	for _, f := range cr.fields(n, "provider", providerKeys, nil) {
		switch f.key {
		case "name":
			p.Name, p.Pos = cr.str(f.value, "provider name"), posOf(f.value)
		case "notes":
			p.Notes = cr.str(f.value, "provider notes")
		case "issues":
			for _, item := range cr.list(f.value, "provider issues") {
				var is ProviderIssue
				for _, isf := range cr.fields(item, "provider issue", issueKeys, nil) {
					v := cr.str(isf.value, "provider issue "+isf.key)
					switch isf.key {
					case "error":
						is.Error = v
					case "cause":
						is.Cause = v
					case "fix":
						is.Fix = v
					}
				}
				p.Issues = append(p.Issues, is)
			}
		}
	}
	if p.Name == "" && n.Kind == yaml.MappingNode {
		cr.probs.hint(posOf(n), ": add name: the provider's name as the page shows it", "provider: missing required key \"name\"")
	} else if strings.TrimSpace(p.Name) == "" && p.Name != "" {
		cr.probs.add(p.Pos, "provider name is blank, so its heading would be empty: write the provider's name")
	}
	return p
}

// topKeyHints say what to write for each top-level key a catalog needs.
var topKeyHints = map[string]string{
	"version": ": add version: 1, the catalog format this errgen reads",
	"api":     ": add api: the API's name, such as api: Shop API",
	"errors":  ": add errors: the list of the API's errors (errgen init writes a starter catalog)",
}
