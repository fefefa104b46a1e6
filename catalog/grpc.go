package catalog

// gRPC and Connect: Google's error model (AIP-193) for the catalog's errors.
// Each error has a canonical gRPC code, its own or the default for its
// status, and an ErrorInfo reason, its code in UPPER_SNAKE_CASE; the
// catalog's grpc.domain is every ErrorInfo's domain.

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/errgen/errgen/diag"
)

// GRPCOptions configures the gRPC and Connect outputs and the ErrorInfo
// they send. Domain is set exactly when the catalog has a grpc mapping;
// only then are the rules of AIP-193 (reasons, metadata keys) checked.
type GRPCOptions struct {
	Domain         string // ErrorInfo.domain, the service's name, e.g. api.example.com
	Package        string // the gRPC package's name; "" for go.package + "grpc"
	Out            string // the gRPC package's file; "" unset, "none" off
	ConnectPackage string // the Connect package's name; "" for go.package + "connect"
	ConnectOut     string // the Connect package's file; "" unset, "none" off
}

// Link is a link of an error's help: AIP-193's Help.Link.
type Link struct {
	Description string // what the link is about; may be empty
	URL         string // an absolute http(s) URL
}

// The canonical gRPC codes (google/rpc/code.proto) but OK, each with the
// statuses it may stand on: "4" client errors only, "5" server errors only,
// "45" either (google/rpc/code.proto maps it to one, but services send it
// for both, as its comment there says).
var grpcCodeClass = map[string]string{
	"CANCELLED":           "45", // 499 Client Closed Request; also a server giving up on a request
	"UNKNOWN":             "45", // no information at all
	"INVALID_ARGUMENT":    "4",
	"DEADLINE_EXCEEDED":   "45", // 504, and 408 Request Timeout
	"NOT_FOUND":           "4",
	"ALREADY_EXISTS":      "4",
	"PERMISSION_DENIED":   "4",
	"RESOURCE_EXHAUSTED":  "45", // 429 a client's quota; 507 the server's storage
	"FAILED_PRECONDITION": "4",
	"ABORTED":             "4",
	"OUT_OF_RANGE":        "4",
	"UNIMPLEMENTED":       "45", // 501, and 405 Method Not Allowed
	"INTERNAL":            "5",
	"UNAVAILABLE":         "5",
	"DATA_LOSS":           "5",
	"UNAUTHENTICATED":     "4",
}

// GRPCCodes lists the canonical gRPC codes a catalog may name, in
// google/rpc/code.proto's order.
var GRPCCodes = []string{
	"CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
	"PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
	"UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
}

// GRPCDefault is the table behind an error's default gRPC code: google/rpc/
// code.proto's HTTP mapping (the rows marked google), then errgen's
// extension for the statuses it lacks, each with its reason. A status in
// neither is INVALID_ARGUMENT (4xx) or INTERNAL (5xx), the codes of 400 and
// 500. docs/grpc.md prints this table; a test keeps the two equal.
var GRPCDefault = []struct {
	Status int
	Code   string
	Why    string
}{
	{400, "INVALID_ARGUMENT", "google"},
	{401, "UNAUTHENTICATED", "google"},
	{403, "PERMISSION_DENIED", "google"},
	{404, "NOT_FOUND", "google"},
	{409, "ABORTED", "google (ALREADY_EXISTS when the resource exists: set it per error)"},
	{429, "RESOURCE_EXHAUSTED", "google"},
	{499, "CANCELLED", "google"},
	{500, "INTERNAL", "google"},
	{501, "UNIMPLEMENTED", "google"},
	{503, "UNAVAILABLE", "google"},
	{504, "DEADLINE_EXCEEDED", "google"},
	{402, "FAILED_PRECONDITION", "payment is a state the client must change first"},
	{405, "UNIMPLEMENTED", "the method is not supported on the resource"},
	{408, "DEADLINE_EXCEEDED", "the request took too long to arrive"},
	{410, "NOT_FOUND", "the resource is gone for good"},
	{412, "FAILED_PRECONDITION", "a precondition of the request failed"},
	{413, "OUT_OF_RANGE", "the content is larger than allowed"},
	{416, "OUT_OF_RANGE", "the range is past the content"},
	{422, "INVALID_ARGUMENT", "the content is well-formed but invalid"},
	{423, "FAILED_PRECONDITION", "the resource is locked"},
	{424, "FAILED_PRECONDITION", "a request it depends on failed"},
	{428, "FAILED_PRECONDITION", "the request must be conditional"},
	{451, "PERMISSION_DENIED", "refused for legal reasons"},
	{502, "UNAVAILABLE", "an upstream server failed; retrying may help"},
	{507, "RESOURCE_EXHAUSTED", "the server's storage is full"},
}

// DefaultGRPCCode is the gRPC code of an error of the status that names
// none: GRPCDefault's row, else INVALID_ARGUMENT or INTERNAL.
func DefaultGRPCCode(status int) string {
	for _, row := range GRPCDefault {
		if row.Status == status {
			return row.Code
		}
	}
	if status >= 500 {
		return "INTERNAL"
	}
	return "INVALID_ARGUMENT"
}

// Reason is the AIP-193 ErrorInfo reason of a code: its words in
// UPPER_SNAKE_CASE, invalid_grant → INVALID_GRANT, resourceMissing →
// RESOURCE_MISSING.
func Reason(code string) string {
	return reasonOfKebab(Kebab(code))
}

// reasonOfKebab is Reason of the code whose Kebab is kebab: upper case,
// dashes made underscores, in one pass and one string where replacing and
// then upper-casing made two (normalize takes every error's).
func reasonOfKebab(kebab string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' {
			return '_'
		}
		return unicode.ToUpper(r)
	}, kebab)
}

// AIP-193's patterns for ErrorInfo reasons and metadata keys.
var (
	reasonPattern      = regexp.MustCompile(`^[A-Z][A-Z0-9_]+[A-Z0-9]$`)
	metadataKeyPattern = regexp.MustCompile(`^[a-z][a-zA-Z0-9\-_]+$`)
	domainPattern      = regexp.MustCompile(`^[a-z0-9]([a-z0-9\-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9\-]*[a-z0-9])?)*$`)
)

// validateGRPC checks each error's gRPC code against its status, and with a
// grpc mapping, AIP-193's rules: reasons valid and distinct, details named
// as metadata keys may be.
func (cr *catalogReader) validateGRPC() {
	cr.validateRPCPackages()
	byReason := map[string]*Error{}
	for _, e := range cr.c.Errors {
		if pos, ok := cr.grpcPos[e]; ok && e.Status >= 400 && e.Status <= 599 {
			if class := grpcCodeClass[e.GRPCCode]; class != "" && !strings.Contains(class, strconv.Itoa(e.Status/100)) {
				cr.probs.add(pos, "grpc %s contradicts status %d: %s is a %s code; use %s, or leave grpc out for the status's default", e.GRPCCode, e.Status, e.GRPCCode, classWord(class), DefaultGRPCCode(e.Status))
			}
		}
		if cr.c.GRPC.Domain == "" || e.Name == "" {
			continue
		}
		cr.validateReason(e, byReason)
		for _, d := range e.Details {
			if d.Name != "" && (!metadataKeyPattern.MatchString(d.Name) || len(d.Name) > 64) {
				cr.probs.add(d.Pos, "detail %q cannot be an ErrorInfo metadata key (AIP-193: [a-z][a-zA-Z0-9-_]+, at most 64 characters, ideally lowerCamelCase): rename it", d.Name)
			}
		}
	}
}

// validateReason checks e's reason and records it in byReason.
func (cr *catalogReader) validateReason(e *Error, byReason map[string]*Error) {
	switch {
	case !reasonPattern.MatchString(e.GRPCReason) || len(e.GRPCReason) > 63:
		cr.probs.add(e.Pos, "code %q gives the ErrorInfo reason %q, which AIP-193 refuses ([A-Z][A-Z0-9_]+[A-Z0-9], at most 63 characters): rename the code", e.Code, e.GRPCReason)
	case byReason[e.GRPCReason] != nil:
		prev := byReason[e.GRPCReason]
		cr.probs.add(e.Pos, "code %q has the same ErrorInfo reason %s as %q (%s): rename one", e.Code, e.GRPCReason, prev.Code, diag.LineRef(e.Pos, prev.Pos))
	default:
		byReason[e.GRPCReason] = e
	}
}

// classWord names the statuses a gRPC code stands on.
func classWord(class string) string {
	if class == "4" {
		return "client-error (4xx)"
	}
	return "server-error (5xx)"
}

// validateRPCPackages checks that the gRPC and Connect packages, as named
// (their defaults cannot collide), differ from the Go package and from each
// other: each is a folder and an import of its own.
func (cr *catalogReader) validateRPCPackages() {
	g := cr.c.GRPC
	grpcPkg, connectPkg := cmp.Or(g.Package, cr.c.Go.Package+"grpc"), cmp.Or(g.ConnectPackage, cr.c.Go.Package+"connect")
	named := []string{}
	if g.Package != "" {
		named = append(named, g.Package)
	}
	if g.ConnectPackage != "" {
		named = append(named, g.ConnectPackage)
	}
	for i, pkg := range named {
		switch {
		case pkg == cr.c.Go.Package:
			cr.probs.add(cr.grpcPackagePos[i], "package %s is the Go package's name (go.package): name the gRPC and Connect packages apart", pkg)
		case grpcPkg == connectPkg && i == len(named)-1:
			cr.probs.add(cr.grpcPackagePos[i], "the gRPC and Connect packages are both named %s: name them apart", pkg)
		}
	}
}
