package fixed

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// A required detail a body or a status lacks (absent, or null) beside others
// is left out of the error read, as Write leaves out one it cannot send: the
// message rendered from the details (the body carrying none), its translation,
// the headers, the status passed on over RPC and the body Write passes on
// never show its zero value, and Write and RPCStatusOf report the breach. (The German is
// checked where the stand-in speaks it: not under errgen_one_language.)
func TestReceivedLacksRequiredDetail(t *testing.T) {
	tests := []struct {
		name       string
		read       func() (*Error, error)
		message    string
		german     string
		missing    string // the detail left out
		retryAfter string // the Retry-After header Write sends
	}{
		{"Parse: a required detail absent", func() (*Error, error) {
			return Parse(429, []byte(`{"code":"RATE_LIMITED","details":{"window":"minute","retryAfter":3}}`))
		}, "Rate limit of  requests per minute exceeded", "Höchstens  Anfragen pro minute", "limit", "3"},
		{"Parse: a required detail null", func() (*Error, error) {
			return Parse(429, []byte(`{"code":"RATE_LIMITED","details":{"limit":5,"window":"minute","retryAfter":null}}`))
		}, "Rate limit of 5 requests per minute exceeded", "Höchstens 5 Anfragen pro minute", "retryAfter", ""},
		{"Parse: a problem body's spread details", func() (*Error, error) {
			return Parse(403, []byte(`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"code":"OUT_OF_CREDIT","cost":3}`))
		}, "Your current balance is , but that costs 3.", "Your current balance is , but that costs 3.", "balance", ""},
		{"Parse: the body's message is kept", func() (*Error, error) {
			return Parse(429, []byte(`{"error":"Rate limit of 100 requests per minute exceeded","code":"RATE_LIMITED","details":{"window":"minute","retryAfter":3}}`))
		}, "Rate limit of 100 requests per minute exceeded", "Rate limit of 100 requests per minute exceeded", "limit", "3"},
		{"RPCError: a metadata key absent", func() (*Error, error) {
			return RPCError(RPCStatus{Code: "RESOURCE_EXHAUSTED", Reason: "RATE_LIMITED", Domain: rpcDomain,
				Message: "", Metadata: map[string]string{"limit": "5", "window": "minute"}}), nil
		}, "", "", "retryAfter", ""},
		{"RPCError: a metadata value null", func() (*Error, error) {
			return RPCError(RPCStatus{Code: "FAILED_PRECONDITION", Reason: "OUT_OF_CREDIT", Domain: rpcDomain,
				Message: "Your current balance is , but that costs 3.", Metadata: map[string]string{"balance": "null", "cost": "3"}}), nil
		}, "Your current balance is , but that costs 3.", "Your current balance is , but that costs 3.", "balance", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := tt.read()
			if err != nil {
				t.Fatal(err)
			}
			if got := e.Message(); got != tt.message {
				t.Errorf("Message() = %q, want %q", got, tt.message)
			}
			if got := e.LocalizedMessage("de"); languages != nil && got != tt.german {
				t.Errorf("LocalizedMessage(de) = %q, want %q", got, tt.german)
			}
			var s RPCStatus
			rpcReports := recordReports(t, func() { s = RPCStatusOf(e) })
			if v, ok := s.Metadata[tt.missing]; ok {
				t.Errorf("passed on over RPC with %s=%q", tt.missing, v)
			}
			rec := httptest.NewRecorder()
			reports := recordReports(t, func() { Write(rec, nil, e) })
			if strings.Contains(rec.Body.String(), `"`+tt.missing+`"`) {
				t.Errorf("passed on by Write with %s: %s", tt.missing, rec.Body)
			}
			if got := rec.Header().Get("Retry-After"); got != tt.retryAfter {
				t.Errorf("Retry-After %q, want %q", got, tt.retryAfter)
			}
			want := `detail "` + tt.missing + `" is required and was not received`
			for name, got := range map[string][]Report{"Write": reports, "RPCStatusOf": rpcReports} {
				if len(got) != 1 || !strings.Contains(got[0].Problem, want) {
					t.Errorf("%s reported %+v, want one report saying %s", name, got, want)
				}
			}
		})
	}
}

// An error whose required details a body or a status lacks altogether (a
// proxy's client passing on an upstream's error) is reported, when Write or
// RPCStatusOf sends it on, as details not received: the sentinel's hint, to
// build errors with their constructor, is for an error the service made,
// and misled the owner of a proxy.
func TestReceivedWithoutRequiredDetails(t *testing.T) {
	for _, tt := range []struct {
		name string
		read func() (*Error, error)
	}{
		{"Parse: no details", func() (*Error, error) { return Parse(429, []byte(`{"code":"RATE_LIMITED"}`)) }},
		{"Parse: details of null", func() (*Error, error) {
			return Parse(429, []byte(`{"code":"RATE_LIMITED","details":null}`))
		}},
		{"Parse: only members no detail takes", func() (*Error, error) {
			return Parse(429, []byte(`{"code":"RATE_LIMITED","details":{"traceId":"t1"}}`))
		}},
		{"RPCError: no metadata", func() (*Error, error) {
			return RPCError(RPCStatus{Code: "RESOURCE_EXHAUSTED", Reason: "RATE_LIMITED", Domain: rpcDomain}), nil
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, err := tt.read()
			if err != nil {
				t.Fatal(err)
			}
			if e.Details() != nil {
				t.Fatalf("Details() = %#v, want none", e.Details())
			}
			rpcReports := recordReports(t, func() { RPCStatusOf(e) })
			reports := recordReports(t, func() { Write(httptest.NewRecorder(), nil, e) })
			for name, got := range map[string][]Report{"Write": reports, "RPCStatusOf": rpcReports} {
				if len(got) != 1 || !strings.Contains(got[0].Problem, "required details were not received") || strings.Contains(got[0].Problem, "sentinel") {
					t.Errorf("%s reported %+v, want one report saying the required details were not received", name, got)
				}
			}
		})
	}
	reports := recordReports(t, func() { Write(httptest.NewRecorder(), nil, ErrRateLimited) })
	if len(reports) != 1 || !strings.Contains(reports[0].Problem, "a sentinel is for errors.Is") {
		t.Errorf("the sentinel sent: reported %+v, want the sentinel's hint", reports)
	}
}
