// Package catalog is errgen's model of an error catalog: it loads catalog.yaml
// keeping the position of every node, normalizes it (defaults, Go names, type
// URIs, anchors) and validates it, reporting every problem at once. A rule
// only one output needs is that output's Check, run by Load and Parse along
// with the catalog's own; GoRules is the Go output's.
//
// Emitters only ever see a *Catalog that Load returned without error, so they
// can trust every invariant checked here and by the checks they passed.
package catalog

import "github.com/errgen/errgen/diag"

// Pos is a position in a catalog file, 1-based like the YAML parser's. A
// position in a loaded model names its own file (the root or an included
// one); one left empty, as in a catalog built in code, is Catalog.File's.
type Pos = diag.Pos

// Catalog is a loaded, validated and normalized error catalog.
type Catalog struct {
	File            string                  // path as given to Load, used in messages
	Files           []string                // the root (File) and the files it includes, in include order, as messages name them
	Version         int                     // catalog format version; only 1 exists
	API             string                  // API name, named in docs and comments
	Description     string                  // Markdown intro of the docs page
	DefaultEnvelope *Envelope               // default envelope of every error
	TypeBase        string                  // base of problem "type" URIs; empty means about:blank
	DocsURL         string                  // base of per-error docs links; empty means none
	RequestID       RequestIDOptions        // where request ids come from and go to
	Go              GoOptions               // settings of the Go output
	OpenAPI         OpenAPIOptions          // settings of the OpenAPI output
	Docs            DocsOptions             // settings of the Markdown output
	GRPC            GRPCOptions             // settings of the gRPC and Connect outputs; see grpc.go
	Errors          []*Error                // the errors in use (deprecated ones too), in catalog order
	Retired         []*Error                // the retired codes, in catalog order: reserved forever, nothing generated
	Envelopes       []*Envelope             // the envelopes in use: the default first, then overrides in order of first use
	Fallback        *Error                  // the error that stands in for any non-catalog error
	Language        string                  // the default language (BCP 47): the catalog's own texts; DefaultLanguage unless it names one
	LanguagePos     Pos                     // where language is given (no File: the root's key)
	Languages       []string                // the other languages the API speaks, in catalog order; see translation.go
	Translations    map[string]*Translation // each of Languages' translations/LANG.yaml, by language, and the file of Language itself when it has one (its page's words alone)
	OwnWordsFile    string                  // where Load reads Language's own file, there or not, when that is not beside File (File a link: beside the file it ends at); else ""
	Reading         string                  // the language this catalog reads in: "" for Language, else the one In was given
	Warnings        diag.List               // what Load found worth saying that is no error (stale or untranslated texts), sorted; errgen validate --strict fails on them
}

// RequestIDOptions configures request ids: Write takes an error's id from
// the incoming request's header when the error has none, sends it back in
// that header, and writes it where the envelope says $request_id.
type RequestIDOptions struct {
	Header  string // canonical header name, e.g. X-Request-Id; empty for none
	Example string // the id example responses carry (request_id.example); "" for DefaultRequestID
}

// DefaultRequestID is the request id example responses carry when the
// catalog names none: a ULID-like id, as services commonly make.
const DefaultRequestID = "req_01JD8X4K2M9QF7ZC3T5VNBW6YH"

// ExampleID is the request id the docs' example responses carry: the
// catalog's request_id.example, else DefaultRequestID.
func (o RequestIDOptions) ExampleID() string {
	if o.Example != "" {
		return o.Example
	}
	return DefaultRequestID
}

// GoOptions configures the generated Go package.
type GoOptions struct {
	Package string // package name, default apierrors
	Out     string // the Go file, relative to the catalog's folder (slash-separated); "" unset, "none" off
	Import  string // the package's import path, for the gRPC and Connect packages; "" to derive it from the nearest go.mod
}

// OpenAPIOptions configures the generated OpenAPI document.
type OpenAPIOptions struct {
	Version         string          // "3.0.3" or "3.1.0"
	Attach          []string        // codes attached to every operation on augment
	DefaultResponse bool            // attach the fallback error as each operation's "default" response
	Prefix          string          // prepended to every component name, so a spec's own Error survives augmenting
	ClosedUnions    bool            // openapi.unions: closed: a status's body is a discriminated union of its codes, not open
	Out             string          // the components file, relative to the catalog's folder; "" unset, "none" off
	Augment         []AugmentTarget // specs errgen generate augments, in order
}

// AugmentTarget is one spec that generate augments: Spec read, Out written,
// both relative to the catalog's folder (slash-separated).
type AugmentTarget struct {
	Spec    string
	Out     string
	SpecPos Pos // of Spec in the catalog (no File: the root's key), for a spec that cannot be read
	// Replace names the spec's components that every run replaces with
	// errgen's of the same name (components.responses.TooManyRequests),
	// as --force would: when Out is not Spec, a one-off --force writes Out
	// only, and the next run reads the spec's own component again.
	Replace []string
}

// DocsOptions configures the generated Markdown page.
type DocsOptions struct {
	Title        string      // page title, default "Errors"
	TitleDefault bool        // no title given: each page takes its own word (page_title), in its language
	GroupBy      string      // "status" or "category"
	Groups       []GroupText // texts under the groups' headings, in catalog order
	Sections     []Section   // extra sections after the reference, in order
	Providers    []Provider  // provider-specific issue tables
	Layout       string      // LayoutFull (the default when "") or LayoutCompact
	Out          string      // the page, relative to the catalog's folder; "" unset, "none" off
	// Templates is the folder of Markdown templates overriding the bundled
	// ones (docs.templates), relative to the catalog's folder; "" unset.
	// TemplateFiles are its *.tmpl files, read with the catalog.
	Templates     string
	TemplatesPos  Pos
	TemplateFiles []TemplateFile
}

// TemplateFile is one file of docs.templates: a Markdown template
// overriding the bundled one of its name.
type TemplateFile struct {
	Name string // its name in the folder, error.tmpl
	Path string // the file as messages name it, docs/tpl/error.tmpl
	Data []byte
}

// The page layouts docs.layout names.
const (
	LayoutFull    = "full"    // every error with its full example response
	LayoutCompact = "compact" // the envelope once; an error's example only where it carries details or headers
)

// OutputOff is the path that turns an output off.
const OutputOff = "none"

// Section is an extra Markdown section of the docs page.
type Section struct {
	Title string // section heading
	Body  string // Markdown body, copied verbatim
	Pos   Pos    // position of the title (a translation's in its file); zero when there is none
}

// GroupText is the introduction of one group of the page's errors, written
// under its heading: real reference pages say what a status or a category
// has in common once, not in each error's description.
type GroupText struct {
	Group       string // the category (docs.group_by: category) or the status, as "404", it introduces
	Description string // Markdown, written as an error's description is
	Pos         Pos    // position of the group's name
}

// Provider describes issues specific to one upstream provider or integration.
type Provider struct {
	Name   string          // provider name, the section heading
	Notes  string          // Markdown notes under the heading
	Issues []ProviderIssue // rows of the Error | Cause | Fix table
	Pos    Pos             // position of the name
}

// ProviderIssue is one row of a provider's issue table.
type ProviderIssue struct {
	Error string // what the provider returns, e.g. "429 Too Many Requests"
	Cause string // why it happens
	Fix   string // what to do
}

// Error is one catalog error.
type Error struct {
	Code            string            // wire code, unique
	Name            string            // Go name derived from Code, e.g. NotFound
	Status          int               // HTTP status, 400-599
	Title           string            // short title, default the status's reason phrase
	Message         *Template         // default message; nil when the error has none
	Description     string            // longer explanation, Markdown
	Category        string            // docs group when grouping by category
	Causes          []string          // common causes
	Remediation     []string          // how to fix
	Troubleshooting []Troubleshooting // check/solution rows
	Details         []*Detail         // typed details, in catalog order
	Headers         []*Header         // response headers, in catalog order
	Retryable       bool              // whether a client may retry
	Envelope        *Envelope         // the envelope this error is written in
	Meta            []Meta            // free string attributes, in catalog order
	Challenge       string            // WWW-Authenticate value of a 401
	Fallback        bool              // stands in for non-catalog errors
	GRPCCode        string            // canonical gRPC code name: the catalog's grpc, or DefaultGRPCCode of the status
	GRPCReason      string            // AIP-193 ErrorInfo reason: Reason(Code)
	Help            []Link            // help links, in catalog order
	Deprecated      string            // why the code is deprecated; empty when it is not
	ReplacedBy      string            // the code to use instead; empty when none
	Replacement     *Error            // the error in use that ReplacedBy names; nil when none
	Since           string            // the API version that introduced the code, e.g. v1.4; free text
	Retired         bool              // the code is reserved forever: in Catalog.Retired, never in Errors
	TypeURI         string            // problem "type" URI: TypeBase + kebab(Code), or about:blank
	Anchor          string            // stable docs anchor, kebab(Code)
	DocsLink        string            // DocsURL + "#" + Anchor, or empty
	Untranslated    []string          // in a catalog In returned: the keys of the texts left in the default language (title, message, …), in errorKeys order
	Pos             Pos               // position of the error's "code"

	inDefault *Error   // in a catalog In returned: the error it translates; see InDefault
	keys      []keyPos // where each key it gives is: see KeyPos
}

// InDefault is e in the catalog's own language: for an error In gave, the
// error it translates; else e.
func (e *Error) InDefault() *Error {
	if e.inDefault != nil {
		return e.inDefault
	}
	return e
}

// Troubleshooting is one check/solution row.
type Troubleshooting struct {
	Check    string // what to check
	Solution string // what to do about it
}

// Meta is a free string attribute of an error, usable in envelopes as $meta.NAME.
type Meta struct {
	Name  string // attribute name
	Value string // attribute value
}

// MetaValue returns the value of the named meta attribute, or "".
func (e *Error) MetaValue(name string) string {
	for _, m := range e.Meta {
		if m.Name == name {
			return m.Value
		}
	}
	return ""
}

// Detail returns the named detail, or nil.
func (e *Error) Detail(name string) *Detail {
	for _, d := range e.Details {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// DetailPaths are the keys a translation names e's details and their
// fields by ("detail", "detail.field"), in catalog order, and the detail or
// field each names.
func (e *Error) DetailPaths() (paths []string, byPath map[string]*Detail) {
	byPath = map[string]*Detail{}
	var walk func(prefix string, ds []*Detail)
	walk = func(prefix string, ds []*Detail) {
		for _, d := range ds {
			byPath[prefix+d.Name] = d
			paths = append(paths, prefix+d.Name)
			walk(prefix+d.Name+".", d.Fields)
		}
	}
	walk("", e.Details)
	return paths, byPath
}

// RequiredDetails returns the required details in catalog order: the
// parameters of the generated constructor.
func (e *Error) RequiredDetails() []*Detail {
	var req []*Detail
	for _, d := range e.Details {
		if d.Required {
			req = append(req, d)
		}
	}
	return req
}

// HasOptionalDetails reports whether some detail is optional.
func (e *Error) HasOptionalDetails() bool {
	for _, d := range e.Details {
		if !d.Required {
			return true
		}
	}
	return false
}

// HasRequiredDetails reports whether some detail is required: whether
// RequiredDetails has any, without making their list, which validating and
// emitting ask of every error.
func (e *Error) HasRequiredDetails() bool {
	for _, d := range e.Details {
		if d.Required {
			return true
		}
	}
	return false
}

// DetailType is the type of a detail.
type DetailType string

// The detail types of catalog version 1.
const (
	TypeString    DetailType = "string"
	TypeInteger   DetailType = "integer"
	TypeNumber    DetailType = "number"
	TypeBoolean   DetailType = "boolean"
	TypeStrings   DetailType = "string[]"
	TypeStringMap DetailType = "map[string]string"
	TypeObject    DetailType = "object"   // a JSON object, members in the order given
	TypeObjects   DetailType = "object[]" // an array of JSON objects
	TypeAny       DetailType = "any"      // any JSON value
)

// detailTypes lists the detail types in the order hints and docs show them.
var detailTypes = []DetailType{TypeString, TypeInteger, TypeNumber, TypeBoolean, TypeStrings, TypeStringMap, TypeObject, TypeObjects, TypeAny}

// Scalar reports whether values of the type can fill a {placeholder}.
func (t DetailType) Scalar() bool {
	return t == TypeString || t == TypeInteger || t == TypeNumber || t == TypeBoolean
}

// Detail is a typed piece of context carried by an error.
type Detail struct {
	Name        string      // JSON name, as in the catalog
	GoName      string      // exported Go field name, e.g. ResourceID
	Type        DetailType  // value type
	Required    bool        // a constructor parameter, never omitted
	Description string      // what it means
	Example     any         // example as Go: string, int64, float64, bool, []string, map[string]string or ExampleJSON; nil when none
	Enum        []EnumValue // the values a string detail may take, in catalog order; nil when any string will do
	Fields      []*Detail   // object and object[] details: the members of each object, in catalog order; nil when free-form
	GRPC        string      // GRPCBadRequest: the gRPC and Connect packages send its objects as BadRequest field violations; "" otherwise
	Pos         Pos         // position of the detail's "name"
}

// EnumValue is one allowed value of an enum detail.
type EnumValue struct {
	Value       string // the value on the wire
	GoName      string // Go name of the value, e.g. InsufficientFunds; its constant is the enum type's name + GoName
	Description string // what it means; may be empty
	Pos         Pos    // position of the value
}

// ExampleJSON is an example value of an object, object[] or any detail:
// compact JSON, members in catalog order.
type ExampleJSON []byte

// Header is a response header, its value possibly filled from details.
type Header struct {
	Name  string    // canonical header name
	Key   string    // the name as written in the catalog
	Value *Template // value template
	Pos   Pos       // position of the header's name
}

// Template is a string with {detail} placeholders.
type Template struct {
	Source string         // as written in the catalog
	Parts  []TemplatePart // literal and placeholder parts, in order
	Pos    Pos            // position of the template string
}

// TemplatePart is a literal string or a placeholder naming a detail.
type TemplatePart struct {
	Literal string // the literal text when Detail is empty
	Detail  string // the detail's name for a placeholder
}

// Static reports whether the template has no placeholders.
func (t *Template) Static() bool {
	for _, p := range t.Parts {
		if p.Detail != "" {
			return false
		}
	}
	return true
}
