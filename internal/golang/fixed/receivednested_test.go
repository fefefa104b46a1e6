package fixed

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// A required field of a detail's objects that a body or a status lacks
// (absent, or null) is left out of what Write and RPCStatusOf pass on, as a
// required detail is, not sent as its zero value, and the breach reported
// once, naming the field's place. A body that carries every required field
// is passed on as it came, with nothing reported.
func TestReceivedLacksRequiredField(t *testing.T) {
	tests := []struct {
		name    string
		read    func() (*Error, error)
		sent    string   // the problems Write sends
		lacking []string // the places reported, in order; none when complete
	}{
		{"Parse: an object's required field absent", func() (*Error, error) {
			return Parse(400, []byte(`{"code":"INVALID_INPUT","details":{"field":"f","problems":[{"message":"too long","limits":{"unit":"chars"}}]}}`))
		}, `[{"message":"too long","limits":{"unit":"chars"}}]`, []string{"problems[0].field", "problems[0].limits.max"}},
		{"Parse: a required field null, in the second object", func() (*Error, error) {
			return Parse(400, []byte(`{"code":"INVALID_INPUT","details":{"field":"f","problems":[{"field":"a"},{"field":null,"message":"m"}]}}`))
		}, `[{"field":"a"},{"message":"m"}]`, []string{"problems[1].field"}},
		{"Parse: a required enum field absent", func() (*Error, error) {
			return Parse(400, []byte(`{"code":"INVALID_INPUT","details":{"field":"f","problems":[{"field":"a","limits":{"max":3}}]}}`))
		}, `[{"field":"a","limits":{"max":3}}]`, []string{"problems[0].limits.unit"}},
		{"Parse: every required field carried", func() (*Error, error) {
			return Parse(400, []byte(`{"code":"INVALID_INPUT","details":{"field":"f","problems":[{"field":"a","limits":{"max":0,"unit":"chars"}},{"field":""}]}}`))
		}, `[{"field":"a","limits":{"max":0,"unit":"chars"}},{"field":""}]`, nil},
		{"Parse: a required detail absent too", func() (*Error, error) {
			return Parse(400, []byte(`{"code":"INVALID_INPUT","details":{"problems":[{"message":"m"}]}}`))
		}, `[{"message":"m"}]`, []string{"problems[0].field", "field"}},
		{"RPCError: metadata's objects", func() (*Error, error) {
			return RPCError(RPCStatus{Code: "INVALID_ARGUMENT", Reason: "INVALID_INPUT", Domain: rpcDomain,
				Metadata: map[string]string{"field": "f", "problems": `[{"message":"too long","limits":{"max":5,"unit":"chars"}}]`}}), nil
		}, `[{"message":"too long","limits":{"max":5,"unit":"chars"}}]`, []string{"problems[0].field"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := tt.read()
			if err != nil {
				t.Fatal(err)
			}
			rec := httptest.NewRecorder()
			reports := recordReports(t, func() { Write(rec, nil, e) })
			var body struct {
				Details struct{ Problems json.RawMessage }
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("%v: %s", err, rec.Body)
			}
			if got := string(body.Details.Problems); got != tt.sent {
				t.Errorf("Write sent problems %s, want %s", got, tt.sent)
			}
			var s RPCStatus
			rpcReports := recordReports(t, func() { s = RPCStatusOf(e) })
			if got := s.Metadata["problems"]; got != tt.sent {
				t.Errorf("RPCStatusOf sent problems %s, want %s", got, tt.sent)
			}
			for name, got := range map[string][]Report{"Write": reports, "RPCStatusOf": rpcReports} {
				if tt.lacking == nil {
					if len(got) != 0 {
						t.Errorf("%s reported %+v, want nothing", name, got)
					}
					continue
				}
				var want []string
				for _, at := range tt.lacking {
					want = append(want, `detail "`+at+`" is required and was not received`)
				}
				if len(got) != 1 || !strings.Contains(got[0].Problem, strings.Join(want, "; ")) {
					t.Errorf("%s reported %+v, want one report saying %s", name, got, strings.Join(want, "; "))
				}
			}
		})
	}
}

// An error read without its required details has no message, as its
// sentinel has none (the catalog's message needs the details), and Write
// sends it as it sends the sentinel: the title in the envelope's message
// member, which Parse reads back as no message. Message() and the body
// agree so on both sides of the wire.
func TestReceivedWithoutDetailsMessage(t *testing.T) {
	for _, tt := range []struct {
		name     string
		status   int
		body     string
		sentinel *Error
	}{
		{"flat envelope", 429, `{"code":"RATE_LIMITED"}`, ErrRateLimited},
		{"problem envelope", 403, `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"code":"OUT_OF_CREDIT"}`, ErrOutOfCredit},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Parse(tt.status, []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if e.Message() != "" || tt.sentinel.Message() != "" || e.Error() != tt.sentinel.Error() {
				t.Errorf("Message() %q, Error() %q; the sentinel's %q, %q", e.Message(), e.Error(), tt.sentinel.Message(), tt.sentinel.Error())
			}
			var sent, sentinelSent *httptest.ResponseRecorder
			recordReports(t, func() {
				sent, sentinelSent = httptest.NewRecorder(), httptest.NewRecorder()
				Write(sent, nil, e)
				Write(sentinelSent, nil, tt.sentinel)
			})
			if sent.Body.String() != sentinelSent.Body.String() {
				t.Errorf("Write sent %s, the sentinel %s", sent.Body, sentinelSent.Body)
			}
			back, err := Parse(sent.Code, sent.Body.Bytes())
			if err != nil || back.Message() != "" {
				t.Errorf("read back: Message() %q, %v", back.Message(), err)
			}
		})
	}
}
