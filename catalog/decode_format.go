package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// format reads a preset name or a custom envelope.
func (cr *catalogReader) format(n *yaml.Node, what string) *Envelope {
	if n.Kind == yaml.ScalarNode {
		return cr.namedFormat(n, what)
	}
	return cr.customFormat(n, what)
}

// namedFormat reads the name of an envelope the catalog declares or of a
// preset.
func (cr *catalogReader) namedFormat(n *yaml.Node, what string) *Envelope {
	name := cr.str(n, what)
	for _, e := range cr.c.Envelopes {
		if e.Name == name {
			return e
		}
	}
	if env := preset(name); env != nil {
		return env
	}
	if name != "" {
		hint := cr.probs.suggestKey(name, PresetNames())
		if hint == "" {
			hint = fmt.Sprintf(": the presets are %s; a custom envelope is a mapping with media_type and body", strings.Join(PresetNames(), ", "))
		}
		cr.probs.add(posOf(n), "%s: unknown envelope %q%s", what, name, hint)
	}
	return nil
}

// customFormat reads a custom envelope: a mapping with a media type and a
// body, and maybe a name.
func (cr *catalogReader) customFormat(n *yaml.Node, what string) *Envelope {
	env := &Envelope{}
	var body *yaml.Node
	for _, f := range cr.fields(n, what, formatKeys, nil) {
		switch f.key {
		case "name":
			env.Name = cr.str(f.value, what+".name")
			if env.Name != "" && (!namePattern.MatchString(env.Name) || presets[env.Name].body != "") {
				cr.probs.add(posOf(f.value), "%s.name %q must be a name (letters, digits, _) other than a preset's", what, env.Name)
			}
		case "media_type":
			env.MediaType = cr.str(f.value, what+".media_type")
			if env.MediaType != "" && !mediaTypeJSON(env.MediaType) {
				cr.probs.add(posOf(f.value), "%s.media_type %q is not a JSON media type (application/json or application/*+json)", what, env.MediaType)
			}
		case "body":
			body = f.value
		}
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	if env.MediaType == "" {
		cr.probs.hint(posOf(n), ": add media_type: application/json, or the API's own application/*+json type", "%s: missing required key \"media_type\"", what)
	}
	if body == nil {
		cr.probs.hint(posOf(n), ": add body: the JSON the API sends, such as {code: $code, message: $message}", "%s: missing required key \"body\"", what)
		return nil
	}
	before := cr.probs.Count()
	env.Body = compileNode(body, cr.probs, true)
	if cr.probs.Count() > before {
		return nil
	}
	if env.Name == "" {
		cr.customSeen++
		env.Name = "custom"
		if cr.customSeen > 1 {
			env.Name += strconv.Itoa(cr.customSeen)
		}
	}
	cr.formatPos[env] = posOf(n)
	return env
}
