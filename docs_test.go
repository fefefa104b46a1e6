package errgen

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestDocLinks checks every relative link of README.md, CONTRIBUTING.md
// and the docs: the file it names exists, and its #fragment is a heading's
// GitHub-style id or an <a id> of that file.
func TestDocLinks(t *testing.T) {
	files := append([]string{"README.md", "CONTRIBUTING.md"}, docFiles(t)...)
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	ids := map[string]map[string]bool{}
	idsOf := func(path string) map[string]bool {
		if ids[path] == nil {
			ids[path] = markdownIDs(readFile(t, path))
		}
		return ids[path]
	}
	for _, file := range files {
		text := stripCode(readFile(t, file))
		for _, m := range link.FindAllStringSubmatch(text, -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			path, frag, _ := strings.Cut(target, "#")
			dest := file
			if path != "" {
				dest = filepath.Join(filepath.Dir(file), filepath.FromSlash(path))
				if _, err := os.Stat(dest); err != nil {
					t.Errorf("%s: link %s: %v", file, target, err)
					continue
				}
			}
			if frag != "" && (!strings.HasSuffix(dest, ".md") || !idsOf(dest)[frag]) {
				t.Errorf("%s: link %s: %s has no id %q", file, target, dest, frag)
			}
		}
	}
}

// docFiles lists the docs' pages: docs/*.md, and docs/perf/*.md, the
// earlier rounds' measurements.
func docFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("docs/*.md")
	perf, perr := filepath.Glob("docs/perf/*.md")
	if err != nil || perr != nil || len(files) == 0 || len(perf) == 0 {
		t.Fatalf("no docs/*.md or docs/perf/*.md (%v, %v)", err, perr)
	}
	return append(files, perf...)
}

// stripCode drops fenced code blocks and code spans, where ](…) is no link.
func stripCode(s string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			in = !in
			continue
		}
		if !in {
			b.WriteString(regexp.MustCompile("`[^`]*`").ReplaceAllString(line, "``"))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// markdownIDs are the ids a GitHub-style renderer gives a file's headings,
// numbered when repeated, and its <a id> anchors.
func markdownIDs(s string) map[string]bool {
	ids := map[string]bool{}
	count := map[string]int{}
	for _, m := range regexp.MustCompile(`<a id="([^"]+)"`).FindAllStringSubmatch(s, -1) {
		ids[m[1]] = true
	}
	in := false
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			in = !in
		}
		if in || !strings.HasPrefix(line, "#") {
			continue
		}
		text := strings.TrimSpace(strings.TrimLeft(line, "#"))
		text = strings.NewReplacer("`", "", `\`, "").Replace(text)
		var slug strings.Builder
		for _, r := range strings.ToLower(text) {
			switch {
			case r == ' ':
				slug.WriteByte('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
				slug.WriteRune(r)
			}
		}
		id := slug.String()
		if n := count[id]; n > 0 {
			count[id]++
			id += "-" + strconv.Itoa(n)
		} else {
			count[id] = 1
		}
		ids[id] = true
	}
	return ids
}

// TestDocsMarkdownlint runs markdownlint-cli2, with the repository's
// .markdownlint-cli2.jsonc, on the hand-written Markdown, when npx has it
// cached (as TestPagesMarkdownlint).
func TestDocsMarkdownlint(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: runs Node")
	}
	npx, err := exec.LookPath("npx")
	if err != nil {
		t.Skip("no npx")
	}
	cmd := exec.Command(npx, "--yes", "--offline", "markdownlint-cli2", "README.md", "CONTRIBUTING.md", "docs/*.md", "docs/perf/*.md")
	out, err := cmd.CombinedOutput()
	if err != nil && bytes.Contains(out, []byte("Summary:")) {
		t.Errorf("markdownlint-cli2: %v\n%s", err, out)
	} else if err != nil {
		t.Skipf("markdownlint-cli2 is not in the npx cache: %v\n%s", err, out)
	}
}

// docs/grpc.md lists the Go package's exported bridge, the names the gRPC
// and Connect packages call and a catalog may not take: every exported RPC
// name the Go output's fixed half declares, so that a reader who meets one
// in the generated package (RPCTrimmed, say) finds it there.
func TestGRPCDocListsTheBridge(t *testing.T) {
	doc, err := os.ReadFile("docs/grpc.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(doc)), " ")
	_, list, ok := strings.Cut(text, "exported bridge (")
	list, _, ok2 := strings.Cut(list, "names no catalog identifier can take")
	if !ok || !ok2 {
		t.Fatal("docs/grpc.md: no list of the exported bridge")
	}
	names, err := filepath.Glob("internal/golang/fixed/*.go")
	if err != nil {
		t.Fatal(err)
	}
	decl := regexp.MustCompile(`(?m)^(?:func|type) (RPC\w*)`)
	found := 0
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range decl.FindAllStringSubmatch(string(src), -1) {
			found++
			if !strings.Contains(list, "`"+m[1]+"`") {
				t.Errorf("docs/grpc.md's list of the exported bridge lacks %s (%s)", m[1], name)
			}
		}
	}
	if found == 0 {
		t.Fatal("the Go output's fixed half declares no RPC names")
	}
}
