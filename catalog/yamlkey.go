package catalog

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxYAMLKey is the longest mapping key yaml.v3 reads, in characters (a
// simple key, as libyaml's: from its first character to its colon, blanks
// before the colon included). Of a longer one it says "could not find
// expected ':'" or, where the key opens a mapping or sits in a flow
// collection, something about the text around it.
const maxYAMLKey = 1024

// yamlError is where a yaml.v3 syntax error is and what to say of it.
func yamlError(err error, data []byte) (Pos, string) {
	if p, n, ok := longYAMLKey(err, data); ok {
		return p, fmt.Sprintf("invalid YAML: a key of %d characters: yaml.v3 reads keys of at most %d: shorten it (a text goes in a value, after its key)", n, maxYAMLKey)
	}
	if p, msg, ok := yamlSlip(err, data); ok {
		return p, msg
	}
	return yamlErrorPos(err, data), yamlErrorMessage(err)
}

// YAMLError is yamlError for the YAML files errgen reads that are not
// catalogs (an OpenAPI spec to augment): where in data the syntax error
// err is (line and column) and what to say of it, with the hint for a
// common mistake, as a catalog's is reported.
func YAMLError(err error, data []byte) (Pos, string) {
	return yamlError(err, data)
}

// longYAMLKey finds the key over maxYAMLKey characters that made yaml.v3
// fail with err, and returns its place and length: a key so long on the
// line yaml.v3 names (for a flow collection, the line before the
// collection's, or a line of the collection: those after it indented
// more) without which the error goes or changes. A long text before a
// ": " in a value fails with it as well as without it.
func longYAMLKey(err error, data []byte) (Pos, int, bool) {
	msg := err.Error()
	line := yamlErrorLine(msg, data)
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return Pos{}, 0, false
	}
	last := line
	switch {
	case strings.Contains(msg, "did not find expected ',' or"):
		last = min(line+1, len(lines))
		indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
		for last < len(lines) && indent(lines[last]) > indent(lines[line]) {
			last++
		}
	case strings.Contains(msg, "could not find expected ':'"), strings.Contains(msg, "mapping values are not allowed"):
	default:
		return Pos{}, 0, false
	}
	off := 0
	for n := 1; n < line; n++ {
		off += len(lines[n-1]) + 1
	}
	tries := maxKeyTries
	for n := line; n <= last && tries > 0; n++ {
		l := strings.TrimRight(lines[n-1], "\r")
		for _, k := range longKeysIn(l) {
			if tries--; tries < 0 {
				break
			}
			if keyFails(data, off+k.start, off+k.end, msg) {
				return Pos{Line: n, Col: utf8.RuneCountInString(l[:k.start]) + 1}, utf8.RuneCountInString(l[k.start:k.end]), true
			}
		}
		off += len(lines[n-1]) + 1
	}
	return Pos{}, 0, false
}

// maxKeyTries is how many long keys longYAMLKey parses the text without:
// each try parses it all again.
const maxKeyTries = 4

// keyFails reports whether the key at data[start:end] is what makes data
// fail with msg: with a short key in its place, it parses, or fails
// otherwise.
func keyFails(data []byte, start, end int, msg string) bool {
	_, err := plainYAML(slices.Concat(data[:start], []byte("k"), data[end:]))
	return err == nil || err.Error() != msg
}

// keySpan is a key's bytes in its line.
type keySpan struct{ start, end int }

// longKeysIn finds in line, a line of YAML, the keys over maxYAMLKey
// characters that end at a colon on it. A key starts the line (after its
// indentation and any "- " or "? "), or follows a colon and its blanks,
// or, in a flow collection, a bracket or a comma; a quoted key's text is
// skipped, and a comment ends the search. Text before a ": " in a value
// counts too: keyFails tells the two apart.
func longKeysIn(line string) []keySpan {
	var keys []keySpan
	start, depth := 0, 0
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case i == start && (c == ' ' || c == '\t'):
			start++
		case i == start && (c == '"' || c == '\''):
			quote = c
		case i == start && (c == '-' || c == '?') && (i+1 == len(line) || line[i+1] == ' '):
			start = i + 1
		case i == start && (c == '{' || c == '['):
			depth++
			start = i + 1
		case depth > 0 && (c == ',' || c == '}' || c == ']'):
			if c != ',' {
				depth--
			}
			start = i + 1
		case c == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t' || depth > 0 && strings.IndexByte(",}]", line[i+1]) >= 0):
			if utf8.RuneCountInString(line[start:i]) > maxYAMLKey {
				keys = append(keys, keySpan{start, i})
			}
			start = i + 1
		case c == '#' && i > 0 && (line[i-1] == ' ' || line[i-1] == '\t'):
			return keys
		}
	}
	return keys
}
