package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// flagLine is a line of a command's "Flags:" list: -x, --name or --name.
var flagLine = regexp.MustCompile(`^\s+(?:-[a-z], )?(--[a-z-]+)`)

// helpFlags returns the flags "errgen help NAME" lists.
func helpFlags(t *testing.T, help string) []string {
	t.Helper()
	_, list, ok := strings.Cut(help, "\nFlags:\n")
	if !ok {
		return nil
	}
	var flags []string
	for _, line := range strings.Split(list, "\n") {
		if m := flagLine.FindStringSubmatch(line); m != nil {
			flags = append(flags, m[1])
		}
	}
	return flags
}

// cliSynopsis returns docs/cli.md's synopsis block, each command's lines
// joined, by the command's name (generate for "errgen [generate]").
func cliSynopsis(t *testing.T) (map[string]string, string) {
	t.Helper()
	data, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	_, rest, _ := strings.Cut(doc, "```text\n")
	block, _, _ := strings.Cut(rest, "```")
	synopsis := map[string]string{}
	name := ""
	for _, line := range strings.Split(block, "\n") {
		if cmd, ok := strings.CutPrefix(line, "errgen "); ok {
			name = strings.Trim(strings.Fields(cmd)[0], "[]")
		}
		synopsis[name] += line + "\n"
	}
	return synopsis, doc
}

// docs/cli.md's synopsis names every command and, on its lines, every
// flag the command's help lists (--catalog, which every command that reads
// a catalog takes, is said once below it); its exit codes give every reason
// for 1 the overview gives.
func TestCLIDocSynopsis(t *testing.T) {
	synopsis, doc := cliSynopsis(t)
	for _, c := range commands("errgen") {
		lines, ok := synopsis[c.name]
		if !ok {
			t.Errorf("docs/cli.md's synopsis has no line for errgen %s", c.name)
			continue
		}
		if c.name == "help" {
			continue
		}
		_, help, _ := runIn(t, t.TempDir(), "help", c.name)
		usage, _, _ := strings.Cut(help, "\n\n")
		for _, flag := range helpFlags(t, help) {
			if flag == "--catalog" {
				if !strings.Contains(doc, "`--catalog FILE`") {
					t.Errorf("docs/cli.md does not say --catalog FILE works")
				}
				continue
			}
			if !strings.Contains(lines, flag) {
				t.Errorf("docs/cli.md's synopsis of errgen %s lacks %s:\n%s", c.name, flag, lines)
			}
			if !strings.Contains(usage, flag) {
				t.Errorf("errgen help %s: its usage lacks %s:\n%s", c.name, flag, usage)
			}
		}
	}
	over := overview(t)
	_, reasons, _ := strings.Cut(over, "Exit codes: 0 fine; 1 ")
	reasons, _, _ = strings.Cut(reasons, ";")
	// The page's lines break wherever its paragraph wraps.
	_, docCodes, _ := strings.Cut(strings.Join(strings.Fields(doc), " "), "Exit codes: 0 fine, 1 ")
	docCodes, _, _ = strings.Cut(docCodes, ", 2 usage")
	for _, reason := range regexp.MustCompile(`,\s*|\s+or\s+`).Split(strings.TrimSpace(reasons), -1) {
		if word := strings.Fields(reason)[0]; !strings.Contains(docCodes, word) {
			t.Errorf("docs/cli.md's exit code 1 (%q) does not say %q, as the overview does", docCodes, reason)
		}
	}
}
