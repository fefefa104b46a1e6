package errgen

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/nodetools"
)

// augmentedPairs are the committed augmented specs, each with the spec it
// was augmented from.
func augmentedPairs(t *testing.T) map[string]string {
	t.Helper()
	const dir = "internal/openapi/testdata"
	pairs := map[string]string{}
	goldens, _ := filepath.Glob(filepath.Join(dir, "golden", "*"))
	for _, g := range goldens {
		base := filepath.Base(g)
		ext := filepath.Ext(base)
		name := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(base, ext), ".languages"), ".default"), ".force")
		pairs[g] = filepath.Join(dir, name+ext)
	}
	reals, _ := filepath.Glob(filepath.Join(dir, "golden-real", "*"))
	for _, g := range reals {
		pairs[g] = filepath.Join(dir, "real", filepath.Base(g))
	}
	pairs["internal/augment/testdata/rerun/out-v2.yaml"] = "internal/augment/testdata/rerun/api.yaml"
	if len(pairs) < 10 {
		t.Fatalf("only %d augmented specs found", len(pairs))
	}
	for out, in := range pairs {
		if _, err := os.Stat(in); err != nil {
			t.Fatalf("%s: its input: %v", out, err)
		}
	}
	return pairs
}

// TestAugmentedSpecsLintAsTheirInputs runs Spectral (spectral:oas) and
// Redocly (recommended) on every augmented golden and on its input: what
// errgen inserts adds no finding of any rule, at any severity.
func TestAugmentedSpecsLintAsTheirInputs(t *testing.T) {
	pairs := augmentedPairs(t)
	var files []string
	for out, in := range pairs {
		files = append(files, out, in)
	}
	for tool, lint := range map[string]func(*testing.T, []string) map[string]map[string]int{"spectral": spectralFindings, "redocly": redoclyFindings} {
		t.Run(tool, func(t *testing.T) {
			found := lint(t, files)
			matched := 0 // findings are matched to files by path
			for f := range found {
				if _, ok := pairs[f]; ok {
					matched++
				}
			}
			if matched == 0 {
				t.Fatalf("%s: no finding is on an augmented spec (by path): %v", tool, found)
			}
			for out, in := range pairs {
				for rule, n := range found[out] {
					if n > found[in][rule] {
						t.Errorf("%s: %s %s: %d findings, %d in %s", out, tool, rule, n, found[in][rule], in)
					}
				}
			}
		})
	}
}

// spectralFindings counts spectral:oas's findings per file and rule.
func spectralFindings(t *testing.T, files []string) map[string]map[string]int {
	spectral := nodetools.Bin(t, "spectral")
	ruleset := filepath.Join(t.TempDir(), ".spectral.yaml")
	if err := os.WriteFile(ruleset, []byte("extends: [\"spectral:oas\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(spectral, append([]string{"lint", "--quiet", "-r", ruleset, "-f", "json", "--fail-severity", "error"}, absAll(t, files)...)...).Output()
	if err != nil && len(out) == 0 {
		t.Fatalf("spectral: %v", err)
	}
	var findings []struct {
		Code   string `json:"code"`
		Source string `json:"source"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(out), &findings); err != nil {
		t.Fatalf("spectral's JSON: %v\n%s", err, out)
	}
	found := map[string]map[string]int{}
	for _, f := range findings {
		count(found, relTo(t, f.Source), f.Code)
	}
	return found
}

// redoclyFindings counts Redocly recommended's findings per file and rule,
// in one run: Node's start-up is most of the cost.
func redoclyFindings(t *testing.T, files []string) map[string]map[string]int {
	redocly := nodetools.Bin(t, "redocly")
	cmd := exec.Command(redocly, append([]string{"lint", "--format=json"}, absAll(t, files)...)...)
	dir := t.TempDir()
	cmd.Dir = dir // no redocly.yaml of the repository's applies
	cmd.Env = append(os.Environ(), "REDOCLY_TELEMETRY=off", "REDOCLY_SUPPRESS_UPDATE_NOTICE=true")
	out, err := cmd.Output()
	if err != nil && len(out) == 0 {
		t.Fatalf("redocly: %v", err)
	}
	start := bytes.IndexByte(out, '{')
	if start < 0 {
		t.Fatalf("redocly printed no JSON: %s", out)
	}
	found := map[string]map[string]int{}
	// one JSON report a file, one after the other
	for dec := json.NewDecoder(bytes.NewReader(out[start:])); dec.More(); {
		var report struct {
			Problems []struct {
				RuleID   string `json:"ruleId"`
				Location []struct {
					Source struct {
						Ref string `json:"ref"`
					} `json:"source"`
				} `json:"location"`
			} `json:"problems"`
		}
		if err := dec.Decode(&report); err != nil {
			t.Fatalf("redocly's JSON: %v\n%s", err, out)
		}
		for _, p := range report.Problems {
			if len(p.Location) == 0 {
				t.Fatalf("redocly %s: a finding with no location", p.RuleID)
			}
			ref := p.Location[0].Source.Ref
			if !filepath.IsAbs(ref) {
				ref = filepath.Join(dir, ref)
			}
			count(found, relTo(t, ref), p.RuleID)
		}
	}
	return found
}

func count(found map[string]map[string]int, file, rule string) {
	if found[file] == nil {
		found[file] = map[string]int{}
	}
	found[file][rule]++
}

func absAll(t *testing.T, files []string) []string {
	var abs []string
	for _, f := range files {
		a, err := filepath.Abs(f)
		if err != nil {
			t.Fatal(err)
		}
		abs = append(abs, a)
	}
	return abs
}

func relTo(t *testing.T, path string) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if rel, err := filepath.Rel(wd, path); err == nil {
		return rel
	}
	return path
}
