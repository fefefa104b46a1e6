package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/textproto"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Keys of each mapping, in the order the docs list them; hints draw on them.
var (
	topKeys         = []string{"version", "api", "description", "format", "type_base", "docs_url", "go", "openapi", "docs", "errors"}
	goKeys          = []string{"package"}
	openAPIKeys     = []string{"version", "attach", "default_response", "prefix"}
	docsKeys        = []string{"title", "group_by", "sections", "providers"}
	sectionKeys     = []string{"title", "body"}
	providerKeys    = []string{"name", "notes", "issues"}
	issueKeys       = []string{"error", "cause", "fix"}
	formatKeys      = []string{"name", "media_type", "body"}
	errorKeys       = []string{"code", "status", "title", "message", "description", "category", "causes", "remediation", "troubleshooting", "details", "headers", "retryable", "format", "meta", "challenge", "fallback"}
	laterErrorKeys  = []string{"translations", "grpc", "help", "deprecated", "replaced_by", "since", "retired"}
	detailKeys      = []string{"name", "type", "required", "description", "example"}
	troubleshootKey = []string{"check", "solution"}
)

// catalogReader accumulates what the validator needs beyond the model: the
// node positions of things checked across errors.
type catalogReader struct {
	*nodeReader
	c          *Catalog
	formatPos  map[*Envelope]Pos // where each custom envelope is defined
	customSeen int               // custom envelopes so far, for naming
	attachPos  []Pos             // positions of openapi.attach items
	errorNodes map[*Error]*yaml.Node
	errorsPos  Pos // position of the errors list
}

func (r *nodeReader) catalog(n *yaml.Node) *Catalog {
	cr := &catalogReader{nodeReader: r, c: &Catalog{}, formatPos: map[*Envelope]Pos{}, errorNodes: map[*Error]*yaml.Node{}}
	c := cr.c
	var errorsNode, formatNode *yaml.Node
	seen := map[string]bool{}
	for _, f := range r.fields(n, "catalog", topKeys, nil) {
		seen[f.key] = true
		switch f.key {
		case "version":
			if v, ok := r.integer(f.value, "version"); ok {
				if v != 1 {
					r.probs.add(posOf(f.value), "unsupported catalog version %d (this errgen reads version 1)", v)
				}
				c.Version = v
			}
		case "api":
			c.API = r.str(f.value, "api")
		case "description":
			c.Description = r.str(f.value, "description")
		case "format":
			formatNode = f.value
		case "type_base":
			c.TypeBase = cr.url(f.value, "type_base")
		case "docs_url":
			c.DocsURL = cr.url(f.value, "docs_url")
		case "go":
			for _, g := range r.fields(f.value, "go", goKeys, nil) {
				c.Go.Package = r.str(g.value, "go.package")
				if c.Go.Package != "" && !packagePattern.MatchString(c.Go.Package) {
					r.probs.add(posOf(g.value), "go.package %q is not a valid Go package name (lower case letters, digits, _)", c.Go.Package)
				} else if reason, bad := reservedParam(c.Go.Package); bad {
					r.probs.add(posOf(g.value), "go.package %q is %s", c.Go.Package, reason)
				}
			}
		case "openapi":
			cr.openAPI(f.value)
		case "docs":
			cr.docs(f.value)
		case "errors":
			errorsNode = f.value
		}
	}
	if n.Kind == yaml.MappingNode {
		for _, k := range []string{"version", "api", "errors"} {
			if !seen[k] {
				r.probs.add(posOf(n), "catalog: missing required key %q", k)
			}
		}
	}
	c.Format = preset("problem")
	if formatNode != nil {
		if env := cr.format(formatNode, "format"); env != nil {
			c.Format = env
		}
	}
	cr.use(c.Format)
	if c.Go.Package == "" {
		c.Go.Package = "apierrors"
	}
	if c.OpenAPI.Version == "" {
		c.OpenAPI.Version = "3.1.0"
	}
	if c.Docs.Title == "" {
		c.Docs.Title = "Errors"
	}
	if c.Docs.GroupBy == "" {
		c.Docs.GroupBy = "status"
	}
	if errorsNode != nil {
		cr.errorsPos = posOf(errorsNode)
		items := r.list(errorsNode, "errors")
		if errorsNode.Kind == yaml.SequenceNode && len(items) == 0 {
			r.probs.add(posOf(errorsNode), "errors: the catalog declares no error")
		}
		for _, item := range items {
			if e := cr.error(item); e != nil {
				c.Errors = append(c.Errors, e)
			}
		}
	}
	cr.validate()
	return c
}

// use records env as in use, giving it its index.
func (cr *catalogReader) use(env *Envelope) {
	for _, e := range cr.c.Envelopes {
		if e == env {
			return
		}
	}
	env.Index = len(cr.c.Envelopes)
	cr.c.Envelopes = append(cr.c.Envelopes, env)
}

// url reads an absolute http(s) URL.
func (cr *catalogReader) url(n *yaml.Node, what string) string {
	s := cr.str(n, what)
	if s == "" {
		return ""
	}
	if !absoluteURL(s) {
		cr.probs.add(posOf(n), "%s %q is not an absolute http(s) URL", what, s)
	}
	return s
}

func (cr *catalogReader) openAPI(n *yaml.Node) {
	o := &cr.c.OpenAPI
	for _, f := range cr.fields(n, "openapi", openAPIKeys, nil) {
		switch f.key {
		case "version":
			o.Version = cr.str(f.value, "openapi.version")
			if o.Version != "3.0.3" && o.Version != "3.1.0" {
				cr.probs.add(posOf(f.value), "openapi.version %q is not supported (use 3.0.3 or 3.1.0)", o.Version)
			}
		case "attach":
			for _, item := range cr.list(f.value, "openapi.attach") {
				if s := cr.str(item, "openapi.attach item"); s != "" {
					o.Attach = append(o.Attach, s)
					cr.attachPos = append(cr.attachPos, posOf(item))
				}
			}
		case "default_response":
			o.DefaultResponse = cr.boolean(f.value, "openapi.default_response")
		case "prefix":
			o.Prefix = cr.str(f.value, "openapi.prefix")
			if o.Prefix != "" && !componentPattern.MatchString(o.Prefix) {
				cr.probs.add(posOf(f.value), "openapi.prefix %q must be letters, digits and _, starting with a letter", o.Prefix)
			}
		}
	}
}

func (cr *catalogReader) docs(n *yaml.Node) {
	d := &cr.c.Docs
	for _, f := range cr.fields(n, "docs", docsKeys, nil) {
		switch f.key {
		case "title":
			d.Title = cr.str(f.value, "docs.title")
		case "group_by":
			d.GroupBy = cr.str(f.value, "docs.group_by")
			if d.GroupBy != "status" && d.GroupBy != "category" {
				cr.probs.add(posOf(f.value), "docs.group_by must be status or category, not %q", d.GroupBy)
			}
		case "sections":
			for _, item := range cr.list(f.value, "docs.sections") {
				var s Section
				for _, sf := range cr.fields(item, "docs section", sectionKeys, nil) {
					switch sf.key {
					case "title":
						s.Title = cr.str(sf.value, "docs section title")
					case "body":
						s.Body = cr.str(sf.value, "docs section body")
					}
				}
				if s.Title == "" && item.Kind == yaml.MappingNode {
					cr.probs.add(posOf(item), "docs section: missing required key \"title\"")
				}
				d.Sections = append(d.Sections, s)
			}
		case "providers":
			for _, item := range cr.list(f.value, "docs.providers") {
				d.Providers = append(d.Providers, cr.provider(item))
			}
		}
	}
}

func (cr *catalogReader) provider(n *yaml.Node) Provider {
	var p Provider
	for _, f := range cr.fields(n, "provider", providerKeys, nil) {
		switch f.key {
		case "name":
			p.Name = cr.str(f.value, "provider name")
		case "notes":
			p.Notes = cr.str(f.value, "provider notes")
		case "issues":
			for _, item := range cr.list(f.value, "provider issues") {
				var is ProviderIssue
				for _, isf := range cr.fields(item, "provider issue", issueKeys, nil) {
					v := cr.str(isf.value, "provider issue "+isf.key)
					switch isf.key {
					case "error":
						is.Error = v
					case "cause":
						is.Cause = v
					case "fix":
						is.Fix = v
					}
				}
				p.Issues = append(p.Issues, is)
			}
		}
	}
	if p.Name == "" && n.Kind == yaml.MappingNode {
		cr.probs.add(posOf(n), "provider: missing required key \"name\"")
	}
	return p
}

// format reads a preset name or a custom envelope.
func (cr *catalogReader) format(n *yaml.Node, what string) *Envelope {
	if n.Kind == yaml.ScalarNode {
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
			cr.probs.add(posOf(n), "%s: unknown envelope %q%s", what, name, suggest(name, PresetNames()))
		}
		return nil
	}
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
		cr.probs.add(posOf(n), "%s: missing required key \"media_type\"", what)
	}
	if body == nil {
		cr.probs.add(posOf(n), "%s: missing required key \"body\"", what)
		return nil
	}
	before := len(cr.probs.List)
	env.Body = compileNode(body, cr.probs, true)
	if len(cr.probs.List) > before {
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

func (cr *catalogReader) error(n *yaml.Node) *Error {
	e := &Error{Pos: posOf(n)}
	cr.errorNodes[e] = n
	var messageNode *yaml.Node
	seen := map[string]*yaml.Node{}
	for _, f := range cr.fields(n, "error", errorKeys, laterErrorKeys) {
		seen[f.key] = f.keyN
		switch f.key {
		case "code":
			e.Code = cr.str(f.value, "code")
			e.Pos = posOf(f.value)
			if e.Code == "" && f.value.ShortTag() == "!!str" {
				cr.probs.add(e.Pos, "code must not be empty")
			}
		case "status":
			e.Status, _ = cr.integer(f.value, "status")
			if e.Status != 0 && (e.Status < 400 || e.Status > 599) {
				cr.probs.add(posOf(f.value), "status %d is not an error status (400-599)", e.Status)
			}
		case "title":
			e.Title = cr.str(f.value, "title")
		case "message":
			messageNode = f.value
		case "description":
			e.Description = cr.str(f.value, "description")
		case "category":
			e.Category = cr.str(f.value, "category")
		case "causes":
			e.Causes = cr.strList(f.value, "causes")
		case "remediation":
			e.Remediation = cr.strList(f.value, "remediation")
		case "troubleshooting":
			for _, item := range cr.list(f.value, "troubleshooting") {
				var t Troubleshooting
				for _, tf := range cr.fields(item, "troubleshooting row", troubleshootKey, nil) {
					if tf.key == "check" {
						t.Check = cr.str(tf.value, "troubleshooting check")
					} else {
						t.Solution = cr.str(tf.value, "troubleshooting solution")
					}
				}
				e.Troubleshooting = append(e.Troubleshooting, t)
			}
		case "details":
			for _, item := range cr.list(f.value, "details") {
				if d := cr.detail(item); d != nil {
					e.Details = append(e.Details, d)
				}
			}
		case "headers":
			for _, hf := range cr.fields(f.value, "headers", nil, nil) {
				name := textproto.CanonicalMIMEHeaderKey(hf.key)
				h := &Header{Name: name, Pos: posOf(hf.keyN)}
				h.Value = cr.template(hf.value, "header "+name)
				e.Headers = append(e.Headers, h)
			}
		case "retryable":
			e.Retryable = cr.boolean(f.value, "retryable")
		case "format":
			e.Format = cr.format(f.value, "format")
		case "meta":
			for _, mf := range cr.fields(f.value, "meta", nil, nil) {
				if !namePattern.MatchString(mf.key) {
					cr.probs.add(posOf(mf.keyN), "meta name %q must be letters, digits and _", mf.key)
				}
				e.Meta = append(e.Meta, Meta{Name: mf.key, Value: cr.str(mf.value, "meta "+mf.key)})
			}
		case "challenge":
			e.Challenge = cr.str(f.value, "challenge")
		case "fallback":
			e.Fallback = cr.boolean(f.value, "fallback")
		}
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for _, k := range []string{"code", "status"} {
		if seen[k] == nil {
			cr.probs.add(posOf(n), "error: missing required key %q", k)
		}
	}
	if messageNode != nil {
		e.Message = cr.template(messageNode, "message")
	}
	if e.Format == nil {
		e.Format = cr.c.Format
	}
	cr.use(e.Format)
	return e
}

func (cr *catalogReader) detail(n *yaml.Node) *Detail {
	d := &Detail{Pos: posOf(n)}
	var example *yaml.Node
	for _, f := range cr.fields(n, "detail", detailKeys, nil) {
		switch f.key {
		case "name":
			d.Name = cr.str(f.value, "detail name")
			d.Pos = posOf(f.value)
		case "type":
			t := cr.str(f.value, "detail type")
			d.Type = DetailType(t)
			if t != "" && !detailTypeKnown(d.Type) {
				cr.probs.add(posOf(f.value), "detail type %q is not one of string, integer, number, boolean, string[], map[string]string, object%s", t, suggest(t, typeNames()))
				d.Type = ""
			}
		case "required":
			d.Required = cr.boolean(f.value, "detail required")
		case "description":
			d.Description = cr.str(f.value, "detail description")
		case "example":
			example = f.value
		}
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	if d.Name == "" {
		cr.probs.add(posOf(n), "detail: missing required key \"name\"")
		return nil
	}
	if !namePattern.MatchString(d.Name) {
		cr.probs.add(d.Pos, "detail name %q must start with a letter and hold only letters, digits and _", d.Name)
		return nil
	}
	d.GoName, d.ParamName = GoName(d.Name), paramName(d.Name)
	if reason, bad := reservedParam(d.ParamName); bad {
		cr.probs.add(d.Pos, "detail name %q becomes the Go parameter %q, %s; rename it", d.Name, d.ParamName, reason)
	} else if constructorNames[d.ParamName] {
		cr.probs.add(d.Pos, "detail name %q becomes the Go parameter %q, which would hide the generated %s; rename it", d.Name, d.ParamName, d.ParamName)
	}
	if d.Type == "" {
		if !cr.hasKey(n, "type") {
			cr.probs.add(posOf(n), "detail %q: missing required key \"type\"", d.Name)
		}
		return d
	}
	if example != nil {
		d.Example = cr.example(example, d)
	}
	return d
}

func (cr *catalogReader) hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

func detailTypeKnown(t DetailType) bool {
	for _, k := range detailTypes {
		if k == t {
			return true
		}
	}
	return false
}

func typeNames() []string {
	out := make([]string, len(detailTypes))
	for i, t := range detailTypes {
		out[i] = string(t)
	}
	return out
}

// example reads an example value of the detail's type.
func (cr *catalogReader) example(n *yaml.Node, d *Detail) any {
	bad := func() any {
		cr.probs.add(posOf(n), "detail %q: example %s does not match type %s", d.Name, kindName(n), d.Type)
		return nil
	}
	tag := n.ShortTag()
	switch d.Type {
	case TypeString:
		if n.Kind != yaml.ScalarNode || tag != "!!str" {
			return bad()
		}
		return n.Value
	case TypeInteger:
		if n.Kind != yaml.ScalarNode || tag != "!!int" {
			return bad()
		}
		v, err := strconv.ParseInt(n.Value, 0, 64)
		if err != nil {
			cr.probs.add(posOf(n), "detail %q: example %q is not a 64-bit integer", d.Name, n.Value)
			return nil
		}
		return v
	case TypeNumber:
		if n.Kind != yaml.ScalarNode || (tag != "!!int" && tag != "!!float") {
			return bad()
		}
		var v float64
		if err := n.Decode(&v); err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			cr.probs.add(posOf(n), "detail %q: example %q is not a finite number", d.Name, n.Value)
			return nil
		}
		return v
	case TypeBoolean:
		if n.Kind != yaml.ScalarNode || tag != "!!bool" {
			return bad()
		}
		var v bool
		_ = n.Decode(&v)
		return v
	case TypeStrings:
		if n.Kind != yaml.SequenceNode {
			return bad()
		}
		out := []string{}
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode || item.ShortTag() != "!!str" {
				cr.probs.add(posOf(item), "detail %q: example item %s is not a string", d.Name, kindName(item))
				return nil
			}
			out = append(out, item.Value)
		}
		return out
	case TypeStringMap:
		if n.Kind != yaml.MappingNode {
			return bad()
		}
		out := map[string]string{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" {
				cr.probs.add(posOf(v), "detail %q: example value of %q is %s, not a string", d.Name, k.Value, kindName(v))
				return nil
			}
			out[k.Value] = v.Value
		}
		return out
	case TypeObject:
		var buf bytes.Buffer
		if err := writeJSON(&buf, n); err != nil {
			cr.probs.add(posOf(n), "detail %q: example: %v", d.Name, err)
			return nil
		}
		return ExampleJSON(buf.Bytes())
	}
	return nil
}

// writeJSON writes a YAML node as compact JSON, keeping mapping order (which
// encoding/json's maps would lose).
func writeJSON(buf *bytes.Buffer, n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode:
		buf.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				buf.WriteByte(',')
			}
			k, _ := json.Marshal(n.Content[i].Value)
			buf.Write(k)
			buf.WriteByte(':')
			if err := writeJSON(buf, n.Content[i+1]); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case yaml.SequenceNode:
		buf.WriteByte('[')
		for i, item := range n.Content {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := writeJSON(buf, item); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case yaml.ScalarNode:
		var v any
		if err := n.Decode(&v); err != nil {
			return err
		}
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("%q is not representable in JSON", n.Value)
		}
		buf.Write(b)
	default:
		return fmt.Errorf("unexpected %s", kindName(n))
	}
	return nil
}

// template reads a string with {detail} placeholders. Braces that do not
// enclose a name are literal text.
func (cr *catalogReader) template(n *yaml.Node, what string) *Template {
	s := cr.str(n, what)
	t := &Template{Source: s, Pos: posOf(n)}
	lit := []byte{}
	for i := 0; i < len(s); i++ {
		if s[i] == '{' {
			if j := strings.IndexByte(s[i+1:], '}'); j > 0 && namePattern.MatchString(s[i+1:i+1+j]) {
				if len(lit) > 0 {
					t.Parts = append(t.Parts, TemplatePart{Literal: string(lit)})
					lit = []byte{}
				}
				t.Parts = append(t.Parts, TemplatePart{Detail: s[i+1 : i+1+j]})
				i += j + 1
				continue
			}
		}
		lit = append(lit, s[i])
	}
	if len(lit) > 0 {
		t.Parts = append(t.Parts, TemplatePart{Literal: string(lit)})
	}
	return t
}
