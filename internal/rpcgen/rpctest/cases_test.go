package rpctest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
)

// secret is text no client may ever see.
const secret = "secret: db password hunter2"

// grpcReport turns reports into the interceptors' report option.
func grpcReport(rs []report) func(context.Context, string, error) {
	return func(_ context.Context, _ string, err error) {
		for _, r := range rs {
			r(err)
		}
	}
}

// errCase is one catalog error as a server returns it, and what AIP-193
// says a client must receive for it.
type errCase struct {
	code    string // the catalog's code, the handler's key
	status  int    // the catalog's HTTP status
	err     error  // what the handler returns: Parse's error of the example body, with a request id
	grpc    string // the gRPC code's name
	message string
	details []proto.Message // ErrorInfo, RetryInfo, Help, RequestInfo, as the status must carry them
}

// cases builds the cases of every error of s's catalog, from the catalog
// and internal/example alone (not from the runtime under test).
func cases(t *testing.T, s suite) (*catalog.Catalog, []errCase) {
	t.Helper()
	c, err := catalog.Load(s.catalog, errgen.Check)
	if err != nil {
		t.Fatal(err)
	}
	var out []errCase
	for _, e := range c.Errors {
		in, err := example.New(e)
		if err != nil {
			t.Fatal(err)
		}
		body, err := example.Body(e)
		if err != nil {
			t.Fatal(err)
		}
		parsedErr, err := s.parse(e.Status, body)
		if err != nil {
			t.Fatalf("%s: Parse: %v", e.Code, err)
		}
		id := "req-" + e.Code
		message := in.Message
		if message == "" {
			message = e.Title
		}
		details := wantDetails(t, c, e, in, id)
		if len(c.Languages) > 0 {
			// A client that asks for no language gets the default's.
			details = append(details, &errdetails.LocalizedMessage{Locale: c.Language, Message: message})
		}
		out = append(out, errCase{code: e.Code, status: e.Status, err: s.withRequestID(parsedErr, id), grpc: e.GRPCCode, message: message,
			details: details})
	}
	return c, out
}

// wantDetails are the details AIP-193 asks of e's status: ErrorInfo with
// the details the body carries as metadata (strings as they are, other
// values as JSON), BadRequest where a detail is grpc: bad_request,
// RetryInfo where Retry-After gives seconds, Help where there are links,
// RequestInfo; and, in a catalog of several languages, LocalizedMessage
// (cases adds it).
func wantDetails(t *testing.T, c *catalog.Catalog, e *catalog.Error, in *example.Instance, id string) []proto.Message {
	info := &errdetails.ErrorInfo{Reason: catalog.Reason(e.Code), Domain: c.GRPC.Domain}
	if len(in.Details) > 0 {
		var members map[string]json.RawMessage
		if err := json.Unmarshal(in.Details, &members); err != nil {
			t.Fatal(err)
		}
		for k, raw := range members {
			if !e.Envelope.Carries(k) {
				// Placed by the message only: Parse of the body, the
				// handler's error, cannot take it back out of the text.
				continue
			}
			var s string
			switch {
			case json.Unmarshal(raw, &s) == nil:
			case string(raw) == "null":
				continue
			default:
				s = string(raw)
			}
			if info.Metadata == nil {
				info.Metadata = map[string]string{}
			}
			info.Metadata[k] = s
		}
	}
	details := []proto.Message{info}
	if br := wantBadRequest(t, e, in); br != nil {
		details = append(details, br)
	}
	for _, h := range e.Headers {
		if h.Name != "Retry-After" {
			continue
		}
		v, err := example.HeaderValue(h.Value, in.Details)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			details = append(details, &errdetails.RetryInfo{RetryDelay: durationpb.New(time.Duration(n) * time.Second)})
		}
	}
	help := &errdetails.Help{}
	if e.DocsLink != "" {
		help.Links = append(help.Links, &errdetails.Help_Link{Description: e.Title, Url: e.DocsLink})
	}
	for _, l := range e.Help {
		help.Links = append(help.Links, &errdetails.Help_Link{Description: l.Description, Url: l.URL})
	}
	if len(help.Links) > 0 {
		details = append(details, help)
	}
	return append(details, &errdetails.RequestInfo{RequestId: id})
}

// wire is a status as a client received it, over gRPC or Connect.
type wire struct {
	code    string
	message string
	details []proto.Message
}

// check compares a received status with the case.
func (w wire) check(t *testing.T, tc errCase) {
	t.Helper()
	if w.code != tc.grpc || w.message != tc.message {
		t.Errorf("%s: code %s, message %q; want %s, %q", tc.code, w.code, w.message, tc.grpc, tc.message)
	}
	if len(w.details) != len(tc.details) {
		t.Errorf("%s: details %v; want %v", tc.code, w.details, tc.details)
		return
	}
	for i := range w.details {
		if !proto.Equal(w.details[i], tc.details[i]) {
			t.Errorf("%s: detail %d is %v; want %v", tc.code, i, w.details[i], tc.details[i])
		}
	}
}

// view is what a catalog *Error says, read through its methods.
type view struct {
	Code      string
	Message   string
	Details   any
	RequestID string
	Known     bool
}

func viewOf(err error) view {
	v := reflect.ValueOf(err)
	call := func(name string) reflect.Value { return v.MethodByName(name).Call(nil)[0] }
	return view{Code: call("Code").String(), Message: call("Message").String(), Details: call("Details").Interface(),
		RequestID: call("RequestID").String(), Known: call("Known").Bool()}
}

// checkClientError checks what a client interceptor gave back: a catalog
// error equal to the server's, errors.Is included.
func checkClientError(t *testing.T, tc errCase, got error) {
	t.Helper()
	if got == nil || reflect.TypeOf(got) != reflect.TypeOf(tc.err) {
		t.Errorf("%s: client got %T %v; want %T", tc.code, got, got, tc.err)
		return
	}
	if !errors.Is(got, tc.err) {
		t.Errorf("%s: errors.Is(%v, server's) is false", tc.code, got)
	}
	if g, w := viewOf(got), viewOf(tc.err); !reflect.DeepEqual(g, w) {
		t.Errorf("%s: client's error\n%+v\nwant the server's\n%+v", tc.code, g, w)
	}
}

// errPanic is the error a handler panics with.
var errPanic = errors.New("index out of range")

// fail is what the test handlers do for a request naming key.
func fail(ctx context.Context, key string, errs map[string]error) error {
	switch key {
	case "plain":
		return errors.New(secret)
	case "wrapped-plain":
		return fmt.Errorf("loading: %w", errors.New(secret))
	case "panic":
		panic(secret)
	case "panic-error":
		panic(fmt.Errorf("loading: %w", errPanic))
	case "deadline":
		return fmt.Errorf("calling upstream: %w", context.DeadlineExceeded)
	case "gone": // as a stream's Send fails once the client went away
		<-ctx.Done()
		return errors.New(secret)
	case "gone-panic":
		<-ctx.Done()
		panic(secret)
	}
	return errs[key]
}

// wantBadRequest is the BadRequest of e's example: one field violation per
// object of its grpc: bad_request detail, its field and its description
// (or message) field's values; nil when e has no such detail or the example
// no object of it.
func wantBadRequest(t *testing.T, e *catalog.Error, in *example.Instance) *errdetails.BadRequest {
	d := e.BadRequest()
	if d == nil {
		return nil
	}
	field, desc := d.Violation()
	var details map[string]json.RawMessage
	var objects []map[string]json.RawMessage
	if err := json.Unmarshal(in.Details, &details); err != nil {
		t.Fatalf("%s: %v", e.Code, err)
	}
	if raw, ok := details[d.Name]; !ok || json.Unmarshal(raw, &objects) != nil || len(objects) == 0 {
		return nil
	}
	str := func(raw json.RawMessage) string {
		var s string
		_ = json.Unmarshal(raw, &s) // absent: ""
		return s
	}
	br := &errdetails.BadRequest{}
	for _, obj := range objects {
		br.FieldViolations = append(br.FieldViolations, &errdetails.BadRequest_FieldViolation{Field: str(obj[field.Name]), Description: str(obj[desc.Name])})
	}
	return br
}
