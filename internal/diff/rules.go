package diff

// ChangeKind names one rule: what changed. (errgen.Output names an output
// and catalog.NodeKind an envelope node's shape.)
type ChangeKind string

// Audience is who a change can break.
type Audience string

// The audiences. Errors flow from server to client: a wire change breaks
// the clients reading responses, a Go change the services compiling the
// generated package.
const (
	Wire Audience = "wire" // API clients: status, envelope, code, details, headers, media type
	Go   Audience = "go"   // services building against the generated package: names, signatures
	// OpenAPI is the consumers of the OpenAPI output: clients generated from
	// it and specs augmented with it, whose $refs name its components.
	OpenAPI Audience = "openapi"
)

// The kinds of change, one rule each. docs/diff.md's rules table says why each
// is breaking or not; TestRulesTableInREADME keeps the two in step.
const (
	CodeAdded               ChangeKind = "code-added"
	CodeReserved            ChangeKind = "code-reserved"
	CodeRemoved             ChangeKind = "code-removed"
	CodeRenamed             ChangeKind = "code-renamed"
	CodeRetired             ChangeKind = "code-retired"
	CodeRetiredUndeprecated ChangeKind = "code-retired-undeprecated"
	RetiredCodeReused       ChangeKind = "retired-code-reused"
	RetiredCodeDropped      ChangeKind = "retired-code-dropped"
	RetiredCodeChanged      ChangeKind = "retired-code-changed"
	StatusChanged           ChangeKind = "status-changed"
	MediaTypeChanged        ChangeKind = "media-type-changed"
	EnvelopeChanged         ChangeKind = "envelope-changed"
	TypeURIChanged          ChangeKind = "type-uri-changed"
	TitleChanged            ChangeKind = "title-changed"
	TextChanged             ChangeKind = "text-changed"
	RetryableChanged        ChangeKind = "retryable-changed"
	ChallengeChanged        ChangeKind = "challenge-changed"
	MetaChanged             ChangeKind = "meta-changed"
	CategoryChanged         ChangeKind = "category-changed"
	DocsURLChanged          ChangeKind = "docs-url-changed"
	DocsURLRemoved          ChangeKind = "docs-url-removed"
	FallbackChanged         ChangeKind = "fallback-changed"
	HeaderRemoved           ChangeKind = "header-removed"
	HeaderAdded             ChangeKind = "header-added"
	HeaderChanged           ChangeKind = "header-changed"
	DetailRemoved           ChangeKind = "detail-removed"
	DetailRenamed           ChangeKind = "detail-renamed"
	DetailRetyped           ChangeKind = "detail-retyped"
	DetailMadeRequired      ChangeKind = "detail-made-required"
	DetailMadeOptional      ChangeKind = "detail-made-optional"
	DetailAdded             ChangeKind = "detail-added"
	DetailAddedRequired     ChangeKind = "detail-added-required"
	ConstructorChanged      ChangeKind = "constructor-changed"
	EnumValueAdded          ChangeKind = "enum-value-added"
	EnumValueRemoved        ChangeKind = "enum-value-removed"
	EnumAdded               ChangeKind = "enum-added"
	EnumRemoved             ChangeKind = "enum-removed"
	FieldRemoved            ChangeKind = "field-removed"
	FieldAdded              ChangeKind = "field-added"
	FieldAddedRequired      ChangeKind = "field-added-required"
	FieldRetyped            ChangeKind = "field-retyped"
	FieldMadeRequired       ChangeKind = "field-made-required"
	FieldMadeOptional       ChangeKind = "field-made-optional"
	BadRequestRemoved       ChangeKind = "grpc-bad-request-removed"
	BadRequestAdded         ChangeKind = "grpc-bad-request-added"
	GoNameChanged           ChangeKind = "go-name-changed"
	GoPackageChanged        ChangeKind = "go-package-changed"
	RequestIDHeaderChanged  ChangeKind = "request-id-header-changed"
	GRPCCodeChanged         ChangeKind = "grpc-code-changed"
	GRPCDomainChanged       ChangeKind = "grpc-domain-changed"
	GRPCPackageChanged      ChangeKind = "grpc-package-changed"
	OpenAPIPrefixChanged    ChangeKind = "openapi-prefix-changed"
	OpenAPIVersionChanged   ChangeKind = "openapi-version-changed"
	DefaultResponseChanged  ChangeKind = "default-response-changed"
	AttachAdded             ChangeKind = "attach-added"
	AttachRemoved           ChangeKind = "attach-removed"
	OpenAPIUnionsChanged    ChangeKind = "openapi-unions-changed"
	ComponentRemoved        ChangeKind = "openapi-component-removed"
	ClosedUnionCodeAdded    ChangeKind = "closed-union-code-added"
	EnvelopeMemberRetyped   ChangeKind = "envelope-member-retyped"
	EnvelopeMemberNulled    ChangeKind = "envelope-member-nulled"
	EnvelopeAddedAtStatus   ChangeKind = "envelope-added-at-status"
	Deprecated              ChangeKind = "deprecated"
	Undeprecated            ChangeKind = "undeprecated"
	ReplacementChanged      ChangeKind = "replacement-changed"
	LanguageAdded           ChangeKind = "language-added"
	LanguageRemoved         ChangeKind = "language-removed"
	DefaultLanguageChanged  ChangeKind = "default-language-changed"
	TranslationChanged      ChangeKind = "translation-changed"
	TranslationFallback     ChangeKind = "translation-fallback"
)

// Rule classifies one kind of change.
type Rule struct {
	Kind      ChangeKind // what changed
	Breaks    []Audience // who it breaks; none for a compatible change
	Rationale string     // why, for docs/diff.md and --help
}

// Breaking reports whether the rule's changes break someone.
func (r Rule) Breaking() bool { return len(r.Breaks) > 0 }

var (
	wire   = []Audience{Wire}
	goOnly = []Audience{Go}
	both   = []Audience{Wire, Go}
	spec   = []Audience{OpenAPI}
)

// Rules lists every rule, in the order changes to one code are reported.
var Rules = []Rule{
	{CodeAdded, nil, "clients must handle an unknown code by its status (the contract says new codes may come; the OpenAPI body of each status is open: it decodes any code of the envelope, so clients generated from it keep working)"},
	{ClosedUnionCodeAdded, spec, "with openapi.unions: closed, a status's body is a discriminated union of its codes: clients generated from it (ogen, openapi-zod-client, oapi-codegen's discriminator helper) reject a code it does not list"},
	{EnvelopeMemberRetyped, spec, "a code added whose detail the envelope writes by name ($details.NAME) with another type than every error had: the envelope's schema and each status's open body typed the member, so clients generated from them reject the new code's body (give the detail another name, or its type)"},
	{EnvelopeMemberNulled, spec, "a code added without a detail the envelope writes by name ($details.NAME, not optional), or with it optional, where every error had it required: the envelope's schema and each status's open body made the member required and not nullable, so clients generated from them (ogen) reject the new code's null (give the new code the detail, required and of the same type, or an envelope of its own)"},
	{EnvelopeAddedAtStatus, spec, "a code added at a status whose errors were all written in another envelope of the same media type: the status's open body was that envelope's, so clients generated from it reject the new code's body (write the new code in the status's envelope, or at a status of its own)"},
	{CodeReserved, nil, "a new code that is retired from the start only reserves the name"},
	{CodeRemoved, both, "clients lose a code they switch on, Go code its identifiers, and nothing stops the code being reused: deprecate it, then retire it a release later (the message names the code added with its status and details, as its likely replacement)"},
	{CodeRenamed, wire, "a code replaced by one with the same Go name (CONFLICT by conflict): Go code compiles unchanged, but clients switching on the old code miss it, and nothing reserves it"},
	{CodeRetired, nil, "like a reserved field in buf: the code is never sent again and never reused; its Go identifiers go, but every one (constant, sentinel, constructors, details struct, enum types and values) was marked Deprecated, so staticcheck and gopls warned first; so were its OpenAPI schemas (`deprecated: true`), and its status's body when every code of the status was deprecated, for clients generated from them"},
	{CodeRetiredUndeprecated, goOnly, "its Go identifiers vanish without a release of Deprecated warnings: deprecate first, retire later (its OpenAPI schemas going unwarned are the code's `openapi-component-removed` too, which its own --allow CODE:openapi-component-removed accepts)"},
	{RetiredCodeReused, wire, "a client written when the code meant something else reads the new errors with the old meaning"},
	{RetiredCodeDropped, wire, "the reservation is gone, so nothing stops the code being reused later"},
	{RetiredCodeChanged, nil, "a retired code is never sent: its status, reason and replacement are what the page's table of retired codes says of it"},
	{StatusChanged, wire, "clients branch on the status (retries on 5xx, re-auth on 401), a $status_text member changes with it, and the OpenAPI response moves"},
	{MediaTypeChanged, wire, "clients and generated decoders select the body by Content-Type"},
	{EnvelopeChanged, wire, "the body's shape changes: members move, appear or go"},
	{TypeURIChanged, wire, "RFC 9457 clients identify problems by their type URI; type_base changes every one of them"},
	{TitleChanged, wire, "the envelope has no $code, so clients tell errors apart by status and title"},
	{TextChanged, nil, "titles, messages and docs are for people; clients branch on the code (when the envelope carries it). The catalog's own texts (description, docs.title, a group's text, docs.sections, docs.providers) are one change of the catalog"},
	{RetryableChanged, nil, "advice in the registry and docs; nothing on the wire"},
	{ChallengeChanged, wire, "the WWW-Authenticate scheme tells clients how to authenticate"},
	{MetaChanged, wire, "the envelope writes this meta value into every body"},
	{CategoryChanged, wire, "the envelope writes $category into every body, so clients may group or match errors by it, like a meta value"},
	{DocsURLChanged, nil, "the envelope's $docs_url is a link for people (OAuth 2's error_uri): clients show or follow it, they do not branch on it; keep the old pages redirecting"},
	{DocsURLRemoved, wire, "the envelope stops writing the $docs_url member, or writes it empty: clients that show or follow the link get nothing"},
	{FallbackChanged, wire, "clients see a different code for every unexpected failure"},
	{HeaderRemoved, wire, "clients read headers such as Retry-After to decide when to retry"},
	{HeaderAdded, nil, "clients ignore headers they do not know"},
	{HeaderChanged, nil, "the header is still sent; its value is computed differently"},
	{DetailRemoved, both, "clients reading the member get nothing; Go code using the field or parameter stops compiling"},
	{DetailRenamed, wire, "clients look for the member under its old JSON name; the Go side breaks only if the Go name changes too (go-name-changed)"},
	{DetailRetyped, both, "a client decodes the member with the old type (oasdiff: response property type changed); the Go field's type changes"},
	{DetailMadeRequired, goOnly, "on the wire clients only get the member more often (oasdiff agrees), but the constructor gains a parameter"},
	{DetailMadeOptional, both, "clients relying on the member may not get it (oasdiff: response property became optional); the constructor loses a parameter"},
	{DetailAdded, nil, "an optional detail is a new member clients ignore and a new struct field"},
	{DetailAddedRequired, goOnly, "the constructor gains a parameter; clients ignore the new member"},
	{ConstructorChanged, goOnly, "the constructor's required parameters change order: calls compile with their arguments swapped or not at all"},
	{EnumValueAdded, wire, "unlike protobuf's open enums, the OpenAPI enum is closed: clients generated from it (ogen) reject a value they do not know, and exhaustive switches miss it; errgen's own Parse accepts it, for Valid to check"},
	{EnumValueRemoved, goOnly, "clients just stop seeing the value, but its Go constant is gone"},
	{EnumAdded, goOnly, "clients get fewer values than before, but the Go field becomes an enum type"},
	{EnumRemoved, both, "clients meet values their enum did not allow; the Go enum type goes"},
	{FieldRemoved, both, "a field of an object detail goes: clients reading the member get nothing (oasdiff: response property removed); Go code using the struct field stops compiling"},
	{FieldAdded, nil, "an optional field is a new member of each object, which clients ignore, and a new struct field"},
	{FieldAddedRequired, goOnly, "clients only get a new member, but Go code building the object still compiles and sends the field's zero value until it sets it (an enum field's empty value is reported as a breach): find each place it is built"},
	{FieldRetyped, both, "a client decodes the member with the old type; the Go struct field's type changes"},
	{FieldMadeRequired, goOnly, "clients only get the member more often, but Go code building the object sends its zero value until it sets it"},
	{FieldMadeOptional, wire, "clients relying on the member may not get it (oasdiff: response property became optional)"},
	{BadRequestRemoved, wire, "gRPC and Connect clients that read only Google's details (grpc-gateway, other languages) lose the google.rpc.BadRequest field violations; errgen's clients still get the detail from ErrorInfo"},
	{BadRequestAdded, nil, "gRPC and Connect clients get a google.rpc.BadRequest beside ErrorInfo, which still carries the detail"},
	{GoNameChanged, goOnly, "a renamed detail's Go field (and parameter) is renamed: Go code naming the field stops compiling; resource_id to resourceId keeps ResourceID and does not"},
	{GoPackageChanged, goOnly, "every import of the generated package changes"},
	{RequestIDHeaderChanged, wire, "clients and proxies read the request id from that header"},
	{GRPCCodeChanged, wire, "gRPC and Connect clients branch on the status code (retries on UNAVAILABLE, re-auth on UNAUTHENTICATED), as HTTP clients on the status; it changes with the status when the catalog sets none"},
	{GRPCDomainChanged, wire, "AIP-193 clients identify an error by ErrorInfo's reason and domain together: every error of the old domain is unknown to them"},
	{GRPCPackageChanged, goOnly, "grpc.package or grpc.connect_package renamed the gRPC or Connect package: Go code naming it (apierrorsgrpc.UnaryServerInterceptor) stops compiling, as with go.package"},
	{OpenAPIPrefixChanged, spec, "nothing changes on the wire, but every component is renamed: types generated from the OpenAPI output get new names and augmented specs' $refs to the old names dangle"},
	{OpenAPIVersionChanged, spec, "the document's dialect changes (3.1 drops nullable and uses JSON Schema types): tools and generators that read only one version, such as oapi-codegen for 3.0, stop reading it"},
	{DefaultResponseChanged, spec, "every augmented operation gains or loses its default response: clients generated from the spec change their result types, or stop decoding unexpected errors"},
	{AttachAdded, nil, "every augmented operation documents one more response; clients generated from the spec only learn to decode it"},
	{AttachRemoved, spec, "augmented operations no longer document the response: clients generated from the spec stop decoding it as the error"},
	{OpenAPIUnionsChanged, spec, "every status's body changes shape (one open schema or a discriminated union): the types and helpers generated from it change"},
	{ComponentRemoved, spec, "a schema or response of the OpenAPI output is gone (the last code of a status moved, an error's details removed, a code renamed, a code retired without being deprecated first, a format no code uses any more; a code removed is `code-removed`): types generated from it go and augmented specs' $refs to it dangle. It is the change of the code that took it away, so CODE:openapi-component-removed accepts it for that code alone"},
	{Deprecated, nil, "a warning: the code still works, and Go tools flag its uses"},
	{Undeprecated, nil, "the warning goes; nothing else changes"},
	{ReplacementChanged, nil, "advice on what to use instead"},
	{LanguageAdded, nil, "clients that ask for the language (Accept-Language) now get it; every other client gets what it got"},
	{LanguageRemoved, wire, "clients that ask for the language get the default one instead (Content-Language says so), and its page goes: a client showing messages to its users shows them in another language"},
	{DefaultLanguageChanged, wire, "every client that asks for no language the API speaks gets its messages in another language, and Message(), which logs read, changes language"},
	{TranslationChanged, nil, "translated titles, messages and docs are for people, like the default language's (text-changed)"},
	{TranslationFallback, nil, "a text the language's clients got translated now comes in the default language: the catalog changed under the translation (a message naming a detail renamed, a table a row short), which is set aside until it is translated again, or the translation was taken out; texts are for people, so nothing breaks, but the language's readers get another one"},
}

// rule returns the rule of a kind; every ChangeKind constant has one.
func rule(k ChangeKind) Rule {
	for _, r := range Rules {
		if r.Kind == k {
			return r
		}
	}
	panic("diff: no rule for " + string(k))
}
