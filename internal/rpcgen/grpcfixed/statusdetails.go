package grpcfixed

import (
	"context"
	"encoding/base64"
	"slices"
	"sort"
	"strconv"
	"strings"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/durationpb"

	apierrors "github.com/errgen/errgen/internal/golang/fixed"
)

// details are the AIP-193 details of s, in the order a status carries
// them: ErrorInfo (reason, domain, the details as metadata), BadRequest
// (the field violations of a detail marked grpc: bad_request), RetryInfo
// (from Retry-After), Help (the docs link and the catalog's help),
// RequestInfo (the request id) and LocalizedMessage.
func details(s apierrors.RPCStatus) []proto.Message {
	var ds []proto.Message
	if s.Reason != "" {
		ds = append(ds, &errdetails.ErrorInfo{Reason: s.Reason, Domain: s.Domain, Metadata: s.Metadata})
	}
	if len(s.FieldViolations) > 0 {
		ds = append(ds, badRequest(s.FieldViolations))
	}
	if s.RetryDelay > 0 {
		ds = append(ds, &errdetails.RetryInfo{RetryDelay: durationpb.New(s.RetryDelay)})
	}
	if len(s.Links) > 0 {
		help := &errdetails.Help{}
		for _, l := range s.Links {
			help.Links = append(help.Links, &errdetails.Help_Link{Description: l.Description, Url: l.URL})
		}
		ds = append(ds, help)
	}
	if s.RequestID != "" {
		ds = append(ds, &errdetails.RequestInfo{RequestId: s.RequestID})
	}
	if s.Locale != "" {
		ds = append(ds, &errdetails.LocalizedMessage{Locale: s.Locale, Message: s.LocalizedMessage})
	}
	return ds
}

// badRequest is AIP-193's BadRequest detail of field violations.
func badRequest(vs []apierrors.RPCFieldViolation) *errdetails.BadRequest {
	d := &errdetails.BadRequest{}
	for _, v := range vs {
		d.FieldViolations = append(d.FieldViolations, &errdetails.BadRequest_FieldViolation{Field: v.Field, Description: v.Description})
	}
	return d
}

// detailsBudget is the most bytes a status takes in gRPC's trailer
// (trailerSize): grpc-java reads at most 8 KiB of metadata by default, and
// gRPC's C core (C++, Python, Ruby…) has a soft limit of 8 KiB; a client
// given more fails the call (INTERNAL, RESOURCE_EXHAUSTED) and never sees
// the status. grpc-go reads 16 MiB, but a client that sets
// grpc.WithMaxHeaderListSize, or a proxy, may not. The rest of the 8 KiB is
// for grpc-status, the request id and HTTP/2's 32 bytes a field.
const detailsBudget = 7 << 10

// longMetadata is the length of a metadata value fitDetails leaves out
// before it leaves out field violations.
const longMetadata = 1 << 10

// The ErrorInfo metadata keys that say what fitDetails left out. A detail
// name has no '-': none is named so.
const (
	omittedViolationsKey = "omitted-field-violations" // how many field violations BadRequest lacks
	omittedMetadataKey   = "omitted-metadata"         // the metadata keys left out, comma-separated
)

// trailerSize is the bytes s takes in gRPC's trailer: grpc-status-details-bin,
// the Status (code, message, details) in base64 without padding, and
// grpc-message, the message percent-encoded.
func trailerSize(s apierrors.RPCStatus) int {
	p := &spb.Status{Code: int32(len(codeNames) - 1), Message: s.Message}
	for _, d := range details(s) {
		if a, err := anypb.New(d); err == nil {
			p.Details = append(p.Details, a)
		}
	}
	size := base64.RawStdEncoding.EncodedLen(proto.Size(p))
	for i := 0; i < len(s.Message); i++ {
		if c := s.Message[i]; c < ' ' || c > '~' || c == '%' {
			size += 3
		} else {
			size++
		}
	}
	return size
}

// maxTrailerSize is more than trailerSize, from the lengths of s's texts
// alone: each text with 16 bytes of protobuf framing (a tag and a length
// take at most 6, a map entry or a violation 6 more for two texts), each
// of the six details with 96 (its type URL and framing), the whole in
// base64, and the message percent-encoded at worst. It spares the many
// statuses far within the budget encoding their details twice.
func maxTrailerSize(s apierrors.RPCStatus) int {
	size, texts := 0, 0
	add := func(text ...string) {
		for _, t := range text {
			size += len(t)
			texts++
		}
	}
	add(s.Message, s.Reason, s.Domain, s.RequestID, s.Locale, s.LocalizedMessage)
	for k, v := range s.Metadata {
		add(k, v)
	}
	for _, v := range s.FieldViolations {
		add(v.Field, v.Description)
	}
	for _, l := range s.Links {
		add(l.Description, l.URL)
	}
	size += 16*texts + 6*96 + 16
	return base64.RawStdEncoding.EncodedLen(size) + 3*len(s.Message)
}

// trim is what fitDetails leaves out of a status: metadata, by key, and
// the last field violations, how many.
type trim struct {
	metadata   []string
	violations int
}

// apply is s without what t leaves out, its ErrorInfo metadata saying so.
func (t trim) apply(s apierrors.RPCStatus) apierrors.RPCStatus {
	if len(t.metadata) == 0 && t.violations == 0 {
		return s
	}
	md := make(map[string]string, len(s.Metadata)+2)
	for k, v := range s.Metadata {
		if !slices.Contains(t.metadata, k) {
			md[k] = v
		}
	}
	if len(t.metadata) > 0 {
		keys := slices.Clone(t.metadata)
		slices.Sort(keys)
		md[omittedMetadataKey] = strings.Join(keys, ",")
	}
	if t.violations > 0 {
		md[omittedViolationsKey] = strconv.Itoa(t.violations)
		s.FieldViolations = s.FieldViolations[:len(s.FieldViolations)-t.violations]
	}
	s.Metadata = md
	return s
}

// fitDetails is s within detailsBudget, for a protocol that sends a
// status's details in a trailer, and what it left out. Over the budget (a
// validation error of hundreds of field violations, long details), it
// leaves out, until the status fits: the long metadata values (over
// longMetadata), the longest first, among them the grpc: bad_request
// detail's, which an errgen client makes again of the violations; then the
// last field violations, as few as fit; then the other metadata, the
// longest first. ErrorInfo's reason and domain, RetryInfo, Help,
// RequestInfo and LocalizedMessage stay, and so does the message: a status
// they alone take over the budget goes with them only, all else left out.
func fitDetails(s apierrors.RPCStatus) (apierrors.RPCStatus, trim) {
	var t trim
	if s.Reason == "" || maxTrailerSize(s) <= detailsBudget || trailerSize(s) <= detailsBudget {
		return s, t
	}
	fits := func() bool { return trailerSize(t.apply(s)) <= detailsBudget }
	leaveOutLongest := func(atLeast int) {
		for !fits() {
			key := ""
			for k, v := range s.Metadata {
				if !slices.Contains(t.metadata, k) && len(v) >= atLeast && (key == "" || len(v) > len(s.Metadata[key]) || len(v) == len(s.Metadata[key]) && k < key) {
					key = k
				}
			}
			if key == "" {
				return
			}
			t.metadata = append(t.metadata, key)
		}
	}
	leaveOutLongest(longMetadata)
	if n := len(s.FieldViolations); n > 0 && !fits() {
		// Each violation left out shortens the status: the fewest that fit.
		out := sort.Search(n+1, func(out int) bool {
			t.violations = out
			return fits()
		})
		t.violations = min(out, n)
	}
	leaveOutLongest(0)
	return t.apply(s), t
}

// report reports, as the Go package reports what it sends (to
// Config.Reporter, else the default log, at warning level), what t left out
// of the status of reason the call of procedure ("" for none) sent.
func (t trim) report(ctx context.Context, procedure, reason string) {
	if len(t.metadata) == 0 && t.violations == 0 {
		return
	}
	var omitted []string
	if t.violations > 0 {
		omitted = append(omitted, strconv.Itoa(t.violations)+" field violations ("+omittedViolationsKey+")")
	}
	if len(t.metadata) > 0 {
		omitted = append(omitted, "metadata "+strings.Join(t.metadata, ", ")+" ("+omittedMetadataKey+")")
	}
	apierrors.RPCTrimmed(ctx, procedure, reason, strings.Join(omitted, " and "))
}
