package errgen

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/nodetools"
)

// componentsOnlyFindings are the linters' findings a components document
// cannot avoid: it has no paths to use its components, and info's contact
// and license are the service's to state, not the error catalog's. Any
// other finding, of any severity, fails TestOpenAPILinters.
var componentsOnlyFindings = map[string]bool{
	"oas3-unused-component": true, // Spectral
	"info-contact":          true, // Spectral
	"no-unused-components":  true, // Redocly
	"info-license":          true, // Redocly
}

// goldenSpecs are the committed OpenAPI components documents.
func goldenSpecs() []string {
	var specs []string
	for _, tc := range goldenCases {
		specs = append(specs, filepath.Join(tc.dir, "openapi.yaml"))
	}
	return specs
}

// TestOpenAPISpectral runs Spectral's spectral:oas ruleset, pinned in
// .ci/npm, on every committed OpenAPI output, in one run: Node's start-up
// is most of the cost.
func TestOpenAPISpectral(t *testing.T) {
	t.Parallel()
	spectral := nodetools.Bin(t, "spectral")
	ruleset := filepath.Join(t.TempDir(), ".spectral.yaml")
	if err := os.WriteFile(ruleset, []byte("extends: [\"spectral:oas\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"lint", "--quiet", "-r", ruleset, "-f", "json", "--fail-severity", "error"}, goldenSpecs()...)
	out, err := exec.Command(spectral, args...).Output()
	if err != nil && len(out) == 0 {
		t.Fatalf("spectral: %v", err)
	}
	var findings []struct {
		Code     string   `json:"code"`
		Message  string   `json:"message"`
		Path     []string `json:"path"`
		Severity int      `json:"severity"`
		Source   string   `json:"source"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(out), &findings); err != nil {
		t.Fatalf("spectral's JSON: %v\n%s", err, out)
	}
	for _, f := range findings {
		if !componentsOnlyFindings[f.Code] {
			t.Errorf("%s: spectral %s (severity %d) at %v: %s", f.Source, f.Code, f.Severity, f.Path, f.Message)
		}
	}
}

// TestOpenAPIRedocly runs Redocly's recommended ruleset, pinned in
// .ci/npm, on every committed OpenAPI output, in one run.
func TestOpenAPIRedocly(t *testing.T) {
	t.Parallel()
	redocly := nodetools.Bin(t, "redocly")
	var specs []string
	for _, spec := range goldenSpecs() {
		abs, err := filepath.Abs(spec)
		if err != nil {
			t.Fatal(err)
		}
		specs = append(specs, abs)
	}
	cmd := exec.Command(redocly, append([]string{"lint", "--format=json"}, specs...)...)
	cmd.Dir = t.TempDir() // no redocly.yaml of the repository's applies
	cmd.Env = append(os.Environ(), "REDOCLY_TELEMETRY=off", "REDOCLY_SUPPRESS_UPDATE_NOTICE=true")
	out, err := cmd.Output()
	if err != nil && len(out) == 0 {
		t.Fatalf("redocly: %v", err)
	}
	start := bytes.IndexByte(out, '{')
	if start < 0 {
		t.Fatalf("redocly printed no JSON: %s", out)
	}
	type reportT struct {
		Totals struct {
			Errors int `json:"errors"`
		} `json:"totals"`
		Problems []struct {
			RuleID   string `json:"ruleId"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
			Location []struct {
				Source struct {
					Ref string `json:"ref"`
				} `json:"source"`
			} `json:"location"`
		} `json:"problems"`
	}
	// one JSON report a file, one after the other
	var problems []struct {
		RuleID   string
		Severity string
		Message  string
		Where    string
	}
	reports := 0
	for dec := json.NewDecoder(bytes.NewReader(out[start:])); dec.More(); reports++ {
		var report reportT
		if err := dec.Decode(&report); err != nil {
			t.Fatalf("redocly's JSON: %v\n%s", err, out)
		}
		for _, p := range report.Problems {
			where := ""
			if len(p.Location) > 0 {
				where = p.Location[0].Source.Ref
			}
			problems = append(problems, struct{ RuleID, Severity, Message, Where string }{p.RuleID, p.Severity, p.Message, where})
		}
	}
	t.Logf("redocly: %d reports for %d specs", reports, len(specs))
	for _, p := range problems {
		if !componentsOnlyFindings[p.RuleID] {
			t.Errorf("%s: redocly %s (%s): %s", p.Where, p.RuleID, p.Severity, p.Message)
		}
	}
}
