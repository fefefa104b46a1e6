package errgen

// Parse of the generated packages: what it refuses, unknown codes, the
// response's status, and envelopes without a code.

import (
	"errors"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/errgen/errgen/examples/scopestack/scopestackerrors"
	"github.com/errgen/errgen/examples/stackone/stackoneerrors"
	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/testdata/presets/nested/nestederrors"
	"github.com/errgen/errgen/testdata/presets/problem/problemerrors"
)

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		kind   apierrors.ParseErrorKind
		detail string
	}{
		{"not JSON", 502, `<html><head><title>502 Bad Gateway</title></head></html>`, apierrors.ParseNotJSON, ""},
		{"empty", 500, ``, apierrors.ParseNotJSON, ""},
		{"wrong envelope", 404, `{"errors":[{"status":"404"}]}`, apierrors.ParseNotEnvelope, ""},
		{"JSON, not an object", 404, `["NOT_FOUND"]`, apierrors.ParseNotEnvelope, ""},
		{"details of the wrong type", 404, `{"error":"x","code":"NOT_FOUND","details":{"resourceType":1}}`, apierrors.ParseBadDetail, "resourceType"},
		{"details not an object", 404, `{"error":"x","code":"NOT_FOUND","details":"ticket"}`, apierrors.ParseBadDetail, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := apierrors.Parse(tt.status, []byte(tt.body))
			var pe *apierrors.ParseError
			if e != nil || !errors.As(err, &pe) {
				t.Fatalf("Parse(%d, %q) = %v, %v; want a *ParseError", tt.status, tt.body, e, err)
			}
			if pe.Kind != tt.kind || pe.Detail != tt.detail {
				t.Errorf("Parse(%d, %q): kind %d detail %q, want %d %q: %v", tt.status, tt.body, pe.Kind, pe.Detail, tt.kind, tt.detail, err)
			}
			if tt.kind == apierrors.ParseBadDetail && pe.Code != apierrors.CodeNotFound {
				t.Errorf("ParseError.Code = %q", pe.Code)
			}
		})
	}
}

// TestParseNullDetailMembers: a detail of null is as absent, wherever the
// envelope places it (a details object, or by path as nested's error.param):
// details that are all null are none, and an error with required details
// gets no details, not zeros its message would print.
func TestParseNullDetailMembers(t *testing.T) {
	parseAPI := func(status int, body string) (any, error) {
		e, err := apierrors.Parse(status, []byte(body))
		if err != nil {
			return nil, err
		}
		return e.Details(), nil
	}
	parseNested := func(status int, body string) (any, error) {
		e, err := nestederrors.Parse(status, []byte(body))
		if err != nil {
			return nil, err
		}
		return e.Details(), nil
	}
	tests := []struct {
		name  string
		parse func(int, string) (any, error)
		body  string
		want  any
	}{
		{"details object of nulls", parseAPI, `{"error":"x","code":"NOT_FOUND","details":{"resourceType":null,"resourceId":null}}`, nil},
		{"a null detail beside another", parseAPI, `{"error":"x","code":"NOT_FOUND","details":{"resourceType":null,"resourceId":"7"}}`,
			apierrors.NotFoundDetails{ResourceID: "7"}},
		{"nested param null", parseNested, `{"error":{"code":"invalid_request","message":"m","type":"invalid_request_error","param":null}}`, nil},
		{"nested param and a spread detail null", parseNested,
			`{"error":{"code":"invalid_parameter_value","message":"m","type":"invalid_request_error","param":null,"max_length":null,"allowed_values":null}}`, nil},
		{"nested param null beside a spread detail", parseNested,
			`{"error":{"code":"invalid_parameter_value","message":"m","type":"invalid_request_error","param":null,"max_length":3}}`,
			nestederrors.InvalidParameterValueDetails{MaxLength: 3}},
		{"nested param", parseNested, `{"error":{"code":"invalid_request","message":"m","type":"invalid_request_error","param":"p"}}`,
			nestederrors.InvalidRequestDetails{Param: "p"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse(400, tt.body)
			if err != nil {
				t.Fatalf("Parse(%s): %v", tt.body, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%s).Details() = %#v, want %#v", tt.body, got, tt.want)
			}
		})
	}
}

// TestParseUnknownCode: a body of the API's envelope with a code the catalog
// does not define is an error all the same, for the client; Write never sends it.
func TestParseUnknownCode(t *testing.T) {
	e, err := apierrors.Parse(404, []byte(`{"error":"No such widget","code":"WIDGET_NOT_FOUND","details":{"id":7}}`))
	if err != nil {
		t.Fatal(err)
	}
	if e.Known() || e.Code() != "WIDGET_NOT_FOUND" || e.Message() != "No such widget" || e.Status() != 404 || e.Details() != nil {
		t.Errorf("Parse = known %v %q %q %d %v", e.Known(), e.Code(), e.Message(), e.Status(), e.Details())
	}
	if _, ok := apierrors.Lookup(e.Code()); ok {
		t.Error("Lookup knows the code")
	}
	rec := httptest.NewRecorder()
	apierrors.Write(rec, httptest.NewRequest("GET", "/", nil), e)
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "WIDGET") {
		t.Errorf("Write sent %d %s, want the fallback", rec.Code, rec.Body)
	}
}

// TestParseStatusIsTheResponses: Status is the status given to Parse, for
// known codes too; Definition keeps the catalog's.
func TestParseStatusIsTheResponses(t *testing.T) {
	body, _ := apierrors.NewNotFound("ticket", "tkt_1").MarshalJSON()
	e, err := apierrors.Parse(410, body)
	if err != nil {
		t.Fatal(err)
	}
	if !e.Known() || e.Code() != apierrors.CodeNotFound || e.Status() != 410 || e.Definition().Status != 404 {
		t.Errorf("Parse = %v %q %d %d", e.Known(), e.Code(), e.Status(), e.Definition().Status)
	}
}

func TestParseWithoutCodeMatchesStatusAndTitle(t *testing.T) {
	// The problem envelope carries the code and the title: the code decides.
	e, err := problemerrors.Parse(404, []byte(`{"type":"about:blank","title":"Order not found","status":404,"code":"ORDER_NOT_FOUND"}`))
	if err != nil || e.Code() != problemerrors.CodeOrderNotFound {
		t.Fatalf("Parse = %v, %v", e, err)
	}
	e, err = problemerrors.Parse(404, []byte(`{"title":"Order not found","status":404,"code":"NOPE"}`))
	if err != nil || e.Known() || e.Code() != "NOPE" || e.Title() != "Order not found" {
		t.Errorf("Parse of an unknown code = %v, %v", e, err)
	}
	// ScopeStack's JSON:API envelope has no code: status and title identify.
	body := []byte(`{"errors":[{"status":"404","title":"Not Found","detail":"No such project"}]}`)
	e2, err := scopestackerrors.Parse(404, body)
	if err != nil || !e2.Known() || e2.Code() != scopestackerrors.CodeNotFound || e2.Message() != "No such project" {
		t.Errorf("Parse(404) = %v, %v", e2, err)
	}
	e2, err = scopestackerrors.Parse(410, body)
	if err != nil || e2.Known() || e2.Code() != "" || e2.Status() != 410 || e2.Title() != "Not Found" || e2.Message() != "No such project" {
		t.Errorf("Parse(410) = %v, %v", e2, err)
	}
}

// TestParseKeepsOptionalDetails: an error whose details are all optional
// and unset is sent without details, and its constructor gives the zero
// details struct; Parse gives it too, so DetailsAs answers alike on both
// sides of the wire. An error with required details sent without any (a
// sentinel's body) still parses to no details.
func TestParseKeepsOptionalDetails(t *testing.T) {
	roundTrip := func(t *testing.T, sent interface {
		Status() int
		MarshalJSON() ([]byte, error)
	}, parse func(int, []byte) (any, error)) any {
		t.Helper()
		body, err := sent.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		got, err := parse(sent.Status(), body)
		if err != nil {
			t.Fatalf("Parse(%s): %v", body, err)
		}
		return got
	}
	parseAPI := func(s int, b []byte) (any, error) {
		e, err := apierrors.Parse(s, b)
		if err != nil {
			return nil, err
		}
		return e, nil
	}
	t.Run("apierrors TOKEN_EXPIRED", func(t *testing.T) {
		got := roundTrip(t, apierrors.NewTokenExpired(), parseAPI).(*apierrors.Error)
		if d, ok := apierrors.DetailsAs[apierrors.TokenExpiredDetails](got); !ok || !reflect.DeepEqual(d, apierrors.TokenExpiredDetails{}) {
			t.Errorf("DetailsAs after Parse = %#v, %v; want the zero details, true, as before Write", d, ok)
		}
		if !reflect.DeepEqual(got.Details(), apierrors.NewTokenExpired().Details()) {
			t.Errorf("Details() after Parse = %#v, want %#v", got.Details(), apierrors.NewTokenExpired().Details())
		}
	})
	t.Run("stackoneerrors NOT_FOUND", func(t *testing.T) {
		got := roundTrip(t, stackoneerrors.NewNotFound(), func(s int, b []byte) (any, error) {
			e, err := stackoneerrors.Parse(s, b)
			if err != nil {
				return nil, err
			}
			return e, nil
		}).(*stackoneerrors.Error)
		if _, ok := stackoneerrors.DetailsAs[stackoneerrors.NotFoundDetails](got); !ok {
			t.Error("DetailsAs after Parse: not ok; want the zero details, as before Write")
		}
	})
	t.Run("apierrors TOKEN_EXPIRED over RPC", func(t *testing.T) {
		got := apierrors.RPCError(apierrors.RPCStatusOf(apierrors.NewTokenExpired()))
		if _, ok := apierrors.DetailsAs[apierrors.TokenExpiredDetails](got); !ok {
			t.Error("DetailsAs after RPCError: not ok; want the zero details, as before RPCStatusOf")
		}
		sentinel := apierrors.RPCError(apierrors.RPCStatusOf(apierrors.ErrNotFound))
		if sentinel.Details() != nil {
			t.Errorf("Details() after RPCError of a status without the required details = %#v, want nil", sentinel.Details())
		}
	})
	t.Run("apierrors NOT_FOUND sentinel", func(t *testing.T) {
		got := roundTrip(t, apierrors.ErrNotFound, parseAPI).(*apierrors.Error)
		if got.Details() != nil {
			t.Errorf("Details() after Parse of a body without the required details = %#v, want nil", got.Details())
		}
	})
}
