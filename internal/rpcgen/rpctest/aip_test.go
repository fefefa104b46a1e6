package rpctest

import (
	"encoding/json"
	"regexp"
	"testing"

	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/protobuf/encoding/protojson"
)

// AIP-193's rules for ErrorInfo, and protojson's form of a Duration.
var (
	reasonRule   = regexp.MustCompile(`^[A-Z][A-Z0-9_]+[A-Z0-9]$`)
	metaKeyRule  = regexp.MustCompile(`^[a-z][a-zA-Z0-9\-_]+$`)
	durationRule = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?s$`)
	urlRule      = regexp.MustCompile(`^https?://`)
	localeRule   = regexp.MustCompile(`^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$`)
)

// checkAIP193 encodes a status with protojson, as a gateway or a client in
// another language reads it, and checks the JSON against AIP-193: a
// non-zero code, a message, exactly one ErrorInfo whose reason, domain and
// metadata keep the rules, a RetryInfo delay, Help links and BadRequest
// field violations of the right form, and a LocalizedMessage with a locale
// and a message.
func checkAIP193(t *testing.T, code string, st *spb.Status) {
	t.Helper()
	data, err := protojson.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Code    int               `json:"code"`
		Message string            `json:"message"`
		Details []json.RawMessage `json:"details"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	if s.Code == 0 || s.Message == "" {
		t.Errorf("%s: %s: no code or message", code, data)
	}
	infos := 0
	for _, raw := range s.Details {
		if checkAIPDetail(t, code, raw) {
			infos++
		}
	}
	if infos != 1 {
		t.Errorf("%s: %d ErrorInfo details in %s; AIP-193 wants exactly one", code, infos, data)
	}
}

// aipDetail is any of the details checkAIP193 knows, as protojson writes it.
type aipDetail struct {
	Type       string            `json:"@type"`
	Reason     string            `json:"reason"`
	Domain     string            `json:"domain"`
	Metadata   map[string]string `json:"metadata"`
	RetryDelay string            `json:"retryDelay"`
	Links      []struct {
		Description string `json:"description"`
		URL         string `json:"url"`
	} `json:"links"`
	RequestID       string `json:"requestId"`
	Locale          string `json:"locale"`
	Message         string `json:"message"`
	FieldViolations []struct {
		Field       string `json:"field"`
		Description string `json:"description"`
	} `json:"fieldViolations"`
}

// checkAIPDetail checks one detail of a status, as protojson writes it,
// against AIP-193, and reports whether it is an ErrorInfo.
func checkAIPDetail(t *testing.T, code string, raw json.RawMessage) (info bool) {
	t.Helper()
	var d aipDetail
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Errorf("%s: detail %s: %v", code, raw, err)
		return false
	}
	switch d.Type {
	case "type.googleapis.com/google.rpc.ErrorInfo":
		if !reasonRule.MatchString(d.Reason) || len(d.Reason) > 63 || d.Domain == "" {
			t.Errorf("%s: ErrorInfo %s breaks AIP-193's reason or domain rule", code, raw)
		}
		for k := range d.Metadata {
			if !metaKeyRule.MatchString(k) || len(k) > 64 {
				t.Errorf("%s: metadata key %q breaks AIP-193's rule", code, k)
			}
		}
		return true
	case "type.googleapis.com/google.rpc.RetryInfo":
		if !durationRule.MatchString(d.RetryDelay) {
			t.Errorf("%s: RetryInfo %s", code, raw)
		}
	case "type.googleapis.com/google.rpc.Help":
		for _, l := range d.Links {
			if !urlRule.MatchString(l.URL) {
				t.Errorf("%s: Help link %q is not absolute", code, l.URL)
			}
		}
	case "type.googleapis.com/google.rpc.RequestInfo":
		if d.RequestID == "" {
			t.Errorf("%s: empty RequestInfo", code)
		}
	case "type.googleapis.com/google.rpc.BadRequest":
		for _, v := range d.FieldViolations {
			if v.Field == "" {
				t.Errorf("%s: a field violation names no field in %s", code, raw)
			}
		}
		if len(d.FieldViolations) == 0 {
			t.Errorf("%s: a BadRequest without field violations", code)
		}
	case "type.googleapis.com/google.rpc.LocalizedMessage":
		if !localeRule.MatchString(d.Locale) || d.Message == "" {
			t.Errorf("%s: LocalizedMessage %s: no BCP 47 locale or no message", code, raw)
		}
	default:
		t.Errorf("%s: unexpected detail %s", code, raw)
	}
	return false
}
