package textedit

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// jsonMemberIndent is the indentation of a JSON object's members, and
// whether they are written one a line.
func (e *textEditor) jsonMemberIndent(m *yaml.Node) (string, bool) {
	for i := len(m.Content) - 2; i >= 0; i -= 2 {
		if k := m.Content[i]; !e.adds.Added[k] {
			indent := e.src.indentOf(k.Line - 1)
			if len(indent) == k.Column-1 && e.st.jsonPretty {
				return indent, true
			}
			return "", false
		}
	}
	return "", false
}

// jsonMembers writes members as JSON, lines after the first indented by
// indent (multiline) or all on one line.
func (e *textEditor) jsonMembers(members []*yaml.Node, indent string, multiline bool) string {
	var parts []string
	for i := 0; i+1 < len(members); i += 2 {
		var b bytes.Buffer
		yamlnode.WriteJSONString(&b, members[i].Value)
		b.WriteString(e.st.colon)
		b.WriteString(e.jsonValue(members[i+1], indent, multiline))
		parts = append(parts, b.String())
	}
	if multiline {
		return strings.Join(parts, ","+e.st.nl+indent)
	}
	return strings.Join(parts, e.st.comma)
}

// jsonValue writes a value as JSON: on one line, or over several in the
// file's indentation, its lines after the first indented by indent.
func (e *textEditor) jsonValue(v *yaml.Node, indent string, multiline bool) string {
	unit := e.st.jsonIndent
	var b bytes.Buffer
	if multiline && unit == "" && e.st.jsonPretty {
		if err := yamlnode.WriteJSONUnindented(&b, v); err != nil {
			e.fail(v, "%v", err)
		}
		return strings.ReplaceAll(b.String(), "\n", e.st.nl)
	}
	if !multiline || unit == "" {
		if err := yamlnode.WriteJSONLine(&b, v, e.st.colon, e.st.comma); err != nil {
			e.fail(v, "%v", err)
		}
		return b.String()
	}
	if err := yamlnode.WriteJSON(&b, v, unit, false); err != nil {
		e.fail(v, "%v", err)
	}
	return strings.ReplaceAll(b.String(), "\n", e.st.nl+indent)
}

func (e *textEditor) flowValue(v *yaml.Node) string {
	var b bytes.Buffer
	if err := yamlnode.WriteJSONLine(&b, v, ": ", ", "); err != nil {
		e.fail(v, "%v", err)
	}
	return b.String()
}

// openMembers writes members into an empty flow mapping of a block one
// (components: {}): inside its braces, which stay, but one a line and
// indented like the blocks around them, not as one line of thousands of
// characters; quoted as the text's keys are (see flowQuotes).
func (e *textEditor) openMembers(m *yaml.Node, members []*yaml.Node) string {
	outer := e.src.indentOf(m.Line - 1)
	var b strings.Builder
	e.flowLines(&b, e.flowQuotesOf(m), &yaml.Node{Kind: yaml.MappingNode, Content: members}, strings.Repeat(" ", e.st.yamlIndent), 0)
	inside := strings.TrimSuffix(strings.TrimPrefix(b.String(), "{"), "}")
	return strings.ReplaceAll(inside, "\n", e.st.nl+outer)
}

// blockMembers writes members as block YAML in the file's indentation,
// their lines after the first indented by indent, no final line break.
func (e *textEditor) blockMembers(members []*yaml.Node, indent string) (string, error) {
	m := yamlnode.Map()
	m.Content = members
	return e.blockValue(m, indent)
}

func (e *textEditor) blockValue(v *yaml.Node, indent string) (string, error) {
	data, err := yamlnode.EncodeInPieces(v, max(e.st.yamlIndent, 2))
	if err != nil {
		return "", err
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if e.st.yamlIndent == 1 {
		halveIndent(lines)
	}
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = indent + lines[i]
		}
	}
	return strings.Join(lines, e.st.nl), nil
}

// halveIndent turns lines yaml.v3 wrote two spaces a level (its least) into
// one space a level, for a spec indented so. The lines of a block scalar
// (| or >) move left with their key, keeping what they indent beyond it.
func halveIndent(lines []string) {
	scalar, shift := -1, 0 // indent of a block scalar's key line, and its lines' shift
	for i, l := range lines {
		n := len(l) - len(strings.TrimLeft(l, " "))
		if scalar >= 0 && (n > scalar || strings.TrimSpace(l) == "") {
			lines[i] = l[min(shift, n):]
			continue
		}
		scalar = -1
		lines[i] = l[n/2:]
		if t := strings.TrimRight(l, "-+0123456789"); strings.HasSuffix(t, "|") || strings.HasSuffix(t, ">") {
			scalar, shift = n, n/2+1
		}
	}
}
