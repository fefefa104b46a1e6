package catalog

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"
	"unicode"
	"unicode/utf8"
)

// challengePatterns are the schema's patterns for an error's challenge:
// the auth scheme's, then the list check's (its allOf).
func challengePatterns(t testing.TB) (scheme, list *regexp.Regexp) {
	t.Helper()
	data, err := os.ReadFile("../catalog.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Defs map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	var challenge struct {
		Pattern string `json:"pattern"`
		AllOf   []struct {
			Pattern string `json:"pattern"`
		} `json:"allOf"`
	}
	if err := json.Unmarshal(schema.Defs["error"].Properties["challenge"], &challenge); err != nil {
		t.Fatal(err)
	}
	if challenge.Pattern == "" || len(challenge.AllOf) != 1 || challenge.AllOf[0].Pattern == "" {
		t.Fatalf("the schema's challenge has no pattern and list pattern: %+v", challenge)
	}
	return regexp.MustCompile(challenge.Pattern), regexp.MustCompile(challenge.AllOf[0].Pattern)
}

// challengeCases are values on which the loader's checks and the schema's
// patterns once disagreed, or nearly could: empty elements first, last, in
// the middle and blank, quoted strings closed, open and escaped.
var challengeCases = []string{
	"", " ", "\t", ",", " , ", "Bearer", "Bearer, Basic", "Bearer,", "Bearer, ", "Bearer, , Basic",
	",Bearer", " ,Bearer", `Basic realm="a,b"`, `Basic realm="a`, `Basic realm="a\"`, `Basic realm="a\\"`,
	`Basic realm="a\`, `Basic realm="\é"`, "Basic realm=\"\\\u2028\"", "Basic realm=\u2028", `a"b"c, d`,
	`Bearer error="x", Basic`, "Bearer\t,\tBasic", "Bearer ,", `"x"`, "Bearer realm=é",
	`Bearer a\"b`, "Bearer\t, Basic", `Bearer realm="x\", ,", Basic`, `Bearer realm="caf` + "\u2028" + `\` + "\u00e9\"",
}

// FuzzChallengeList holds the loader's list check (listProblem) and the
// schema's list pattern to one answer on every header value a catalog may
// hold (valid UTF-8, no control character): an editor validating against
// the schema refuses exactly what errgen refuses. So for the whole
// challenge, scheme and list together.
func FuzzChallengeList(f *testing.F) {
	for _, c := range challengeCases {
		f.Add(c)
	}
	scheme, list := challengePatterns(f)
	f.Fuzz(func(t *testing.T, v string) {
		if !utf8.ValidString(v) || !validHeaderValue(v) || hasControl(v) {
			return
		}
		if got, want := listProblem(v) == "", list.MatchString(v); got != want {
			t.Fatalf("challenge %q: listProblem says %q, the schema's list pattern matches: %v", v, listProblem(v), want)
		}
		loader := v == "" || startsWithAuthScheme(v) && listProblem(v) == ""
		if schema := scheme.MatchString(v) && list.MatchString(v); loader != schema {
			t.Fatalf("challenge %q: the loader accepts it: %v, the schema: %v", v, loader, schema)
		}
	})
}

// hasControl reports whether v holds a control character beyond ASCII's
// (C1, such as NEL), which no challenge should carry either.
func hasControl(v string) bool {
	for _, r := range v {
		if unicode.IsControl(r) && r != '\t' {
			return true
		}
	}
	return false
}

// TestChallengePatternsHaveNoDot: an editor reads the schema's patterns
// as ECMA-262, whose "." matches no U+2028 or U+2029 (line terminators
// there), where Go's and the loader's checks take them as any other
// character: a challenge holding one was refused by the schema alone.
// FuzzChallengeList, compiling the patterns with Go, cannot see that.
func TestChallengePatternsHaveNoDot(t *testing.T) {
	scheme, list := challengePatterns(t)
	for _, re := range []*regexp.Regexp{scheme, list} {
		p := re.String()
		inClass := false
		for i := 0; i < len(p); i++ {
			switch c := p[i]; {
			case c == '\\':
				i++
			case c == '[':
				inClass = true
			case c == ']':
				inClass = false
			case c == '.' && !inClass:
				t.Errorf("pattern %s has a . at %d: write [\\s\\S], which ECMA-262 and Go read alike", p, i)
			}
		}
	}
}
