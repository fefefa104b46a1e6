package apierrors_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/errgen/errgen/generated/apierrors"
)

// TestParseIntegerRange: an integer detail is decoded as encoding/json
// decodes it into the details' int, on every platform: a number past what
// int holds (2^31 on 386 and arm) is a ParseBadDetail naming the detail,
// where the value was wrapped (10737418240 read as -2147483648).
// GOARCH=arm go test -exec qemu-arm runs it where int has 32 bits.
func TestParseIntegerRange(t *testing.T) {
	for _, limit := range []string{"2147483647", "2147483648", "-2147483649", "10737418240", "9223372036854775807", "9223372036854775808"} {
		t.Run(limit, func(t *testing.T) {
			details := `{"limit":` + limit + `,"window":"1m","retryAfter":1}`
			var want apierrors.RateLimitExceededDetails
			wantErr := json.Unmarshal([]byte(details), &want)
			e, err := apierrors.Parse(429, []byte(`{"error":"x","code":"RATE_LIMIT_EXCEEDED","details":`+details+`}`))
			var pe *apierrors.ParseError
			switch {
			case wantErr != nil && (!errors.As(err, &pe) || pe.Kind != apierrors.ParseBadDetail || pe.Detail != "limit"):
				t.Errorf("Parse = %v, %v; encoding/json: %v, want a ParseBadDetail of limit", e, err, wantErr)
			case wantErr != nil:
			case err != nil:
				t.Errorf("Parse: %v; encoding/json decodes %d", err, want.Limit)
			default:
				if got, _ := apierrors.DetailsAs[apierrors.RateLimitExceededDetails](e); got.Limit != want.Limit {
					t.Errorf("limit = %d, encoding/json decodes %d", got.Limit, want.Limit)
				}
			}
		})
	}
}
