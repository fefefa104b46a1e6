package fixed

import (
	"encoding/json"
	"testing"
)

// TestParseRequiredDetailMissing: a body whose required detail a newer
// server renamed (window to windowSize) or removed is read as
// json.Unmarshal reads it, as docs/go.md says: the detail is its zero
// value, the others are read, and Parse does not fail.
func TestParseRequiredDetailMissing(t *testing.T) {
	sent, err := NewRateLimited(5, "1h", 9).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, renamed := range []string{"windowSize", ""} {
		var body map[string]any
		if err := json.Unmarshal(sent, &body); err != nil {
			t.Fatal(err)
		}
		if !renameMember(body, "window", renamed) {
			t.Fatalf("no window member in %s", sent)
		}
		data, _ := json.Marshal(body)
		got, perr := Parse(429, data)
		if perr != nil || !got.Known() {
			t.Fatalf("Parse(%s) = %v, %v", data, got, perr)
		}
		d, ok := DetailsAs[RateLimitedDetails](got)
		if !ok || d.Window != "" || d.Limit != 5 || d.RetryAfter != 9 {
			t.Errorf("window renamed %q: details %+v, %v; want window empty, the others read", renamed, d, ok)
		}
	}
}

// renameMember renames the member name wherever it is in v, or takes it
// out when to is empty; it reports whether it found one.
func renameMember(v any, name, to string) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	found := false
	for k, member := range m {
		if k == name {
			if to != "" {
				m[to] = member
			}
			delete(m, name)
			found = true
		} else if renameMember(member, name, to) {
			found = true
		}
	}
	return found
}
