package catalog

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"
)

// challengePatterns are the patterns catalog.schema.json holds a challenge
// to, compiled as the schema's validator in schema_test.go compiles them
// (Go's regexp).
func challengePatterns(t testing.TB) []*regexp.Regexp {
	t.Helper()
	data, err := os.ReadFile("../catalog.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Defs struct {
			Error struct {
				Properties struct {
					Challenge struct {
						Pattern string `json:"pattern"`
						AllOf   []struct {
							Pattern string `json:"pattern"`
						} `json:"allOf"`
					} `json:"challenge"`
				} `json:"properties"`
			} `json:"error"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	challenge := schema.Defs.Error.Properties.Challenge
	patterns := []*regexp.Regexp{regexp.MustCompile(challenge.Pattern)}
	for _, sub := range challenge.AllOf {
		patterns = append(patterns, regexp.MustCompile(sub.Pattern))
	}
	if len(patterns) < 2 {
		t.Fatal("catalog.schema.json's challenge has no list pattern beside its scheme's")
	}
	return patterns
}

// The schema and the loader agree on every challenge: an editor flags
// what errgen validate refuses, and nothing errgen accepts. Values with
// characters no header may hold are left out: the schema leaves those to
// the loader.
func FuzzChallengeSchemaAgrees(f *testing.F) {
	patterns := challengePatterns(f)
	for _, seed := range []string{
		"Bearer", "Bearer, , Basic", `Bearer realm="api",`, `Bearer realm="a", , Basic`,
		`Bearer realm="api, Basic`, `Bearer realm="a, ,b", Basic`, `Bearer realm="x\", ,", Basic`,
		"Basic,Bearer", `Bearer realm="a\`, "Bearer ,\tBasic", `Bearer a\"b`, "Bearer\t, Basic",
		`Bearer realm="caf` + "\u2028" + `\` + "\u00e9\"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, challenge string) {
		if challenge == "" || !validHeaderValue(challenge) {
			return
		}
		loader := startsWithAuthScheme(challenge) && listProblem(challenge) == ""
		schema := true
		for _, p := range patterns {
			schema = schema && p.MatchString(challenge)
		}
		if loader != schema {
			t.Errorf("challenge %q: the loader accepts it: %v, the schema: %v", challenge, loader, schema)
		}
	})
}
