package catalog_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// TestGRPCDefaultTableInDocs: docs/grpc.md's table of default codes is
// catalog.GRPCDefault, row for row.
func TestGRPCDefaultTableInDocs(t *testing.T) {
	data, err := os.ReadFile("../docs/grpc.md")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(string(data), "\n") {
		if len(line) > 2 && line[0] == '|' && line[2] >= '4' && line[2] <= '5' {
			got = append(got, line)
		}
	}
	var want []string
	for _, r := range catalog.GRPCDefault {
		want = append(want, fmt.Sprintf("| %d | `%s` | %s |", r.Status, r.Code, r.Why))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("docs/grpc.md's table:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReason(t *testing.T) {
	for code, want := range map[string]string{"invalid_grant": "INVALID_GRANT", "resourceMissing": "RESOURCE_MISSING", "NOT_FOUND": "NOT_FOUND", "rate.limit-hit": "RATE_LIMIT_HIT"} {
		if got := catalog.Reason(code); got != want {
			t.Errorf("Reason(%q) = %q, want %q", code, got, want)
		}
	}
}
