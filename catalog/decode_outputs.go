package catalog

import (
	"fmt"
	"go/token"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// The outputs' own mappings of the catalog: go, openapi and docs.

// GoPackageProblem says what is wrong with a Go package name for the
// generated package, or returns "" when nothing is; the CLI's --go-package
// is held to the same rule. The name is also a directory name under the
// output directory, so one that passes cannot lead outside it.
func GoPackageProblem(name string) string {
	switch {
	case !packagePattern.MatchString(name):
		return fmt.Sprintf("%q is not a valid Go package name (lower case letters, digits, _)", name)
	case token.IsKeyword(name):
		return fmt.Sprintf("%q is a Go keyword: choose another name, such as apierrors", name)
	case name == "main":
		return fmt.Sprintf("%q would make the generated package a command, which nothing can import: choose another name, such as apierrors", name)
	case name == "init":
		return fmt.Sprintf("%q cannot name a package: init is reserved for init functions; choose another name, such as apierrors", name)
	}
	return ""
}

// goOptions reads the go mapping. A package name is checked here as any Go
// package name; what only the Go output needs is a Check's business.
func (cr *catalogReader) goOptions(n *yaml.Node) {
	for _, g := range cr.fields(n, "go", goKeys, nil) {
		if g.key == "out" {
			if cr.c.Go.Out = cr.outPath(g.value, "go.out"); cr.c.Go.Out == OutputOff {
				cr.goOffPos = posOf(g.value)
			}
			continue
		}
		if g.key == "import" {
			cr.c.Go.Import = cr.importPath(g.value)
			continue
		}
		pkg := cr.str(g.value, "go.package")
		cr.c.Go.Package = pkg
		if pkg != "" {
			if msg := GoPackageProblem(pkg); msg != "" {
				cr.probs.add(posOf(g.value), "go.package %s", msg)
			}
		}
	}
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
		case "unions":
			switch s := cr.str(f.value, "openapi.unions"); s {
			case "open", "closed":
				o.ClosedUnions = s == "closed"
			default:
				cr.probs.add(posOf(f.value), "openapi.unions %q must be open or closed", s)
			}
		case "out":
			o.Out = cr.outPath(f.value, "openapi.out")
		case "augment":
			for _, item := range cr.list(f.value, "openapi.augment") {
				o.Augment = append(o.Augment, cr.augmentTarget(item))
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
		case "layout":
			d.Layout = cr.str(f.value, "docs.layout")
			if d.Layout != LayoutFull && d.Layout != LayoutCompact {
				cr.probs.add(posOf(f.value), "docs.layout must be %s or %s, not %q", LayoutFull, LayoutCompact, d.Layout)
			}
		case "out":
			d.Out = cr.outPath(f.value, "docs.out")
		case "templates":
			d.Templates, d.TemplatesPos = cr.templatesPath(f.value), posOf(f.value)
		case "groups":
			for _, item := range cr.list(f.value, "docs.groups") {
				d.Groups = append(d.Groups, cr.groupText(item))
			}
		case "sections":
			for _, item := range cr.list(f.value, "docs.sections") {
				d.Sections = append(d.Sections, cr.section(item))
			}
		case "providers":
			for _, item := range cr.list(f.value, "docs.providers") {
				d.Providers = append(d.Providers, cr.provider(item))
			}
		}
	}
}

func (cr *catalogReader) section(n *yaml.Node) Section {
	var s Section
	for _, f := range cr.fields(n, "docs section", sectionKeys, nil) {
		switch f.key {
		case "title":
			s.Title, s.Pos = cr.str(f.value, "docs section title"), posOf(f.value)
		case "body":
			s.Body = cr.str(f.value, "docs section body")
		}
	}
	if s.Title == "" && n.Kind == yaml.MappingNode {
		cr.probs.hint(posOf(n), ": add title: the section's heading on the page", "docs section: missing required key \"title\"")
	} else if strings.TrimSpace(s.Title) == "" && s.Title != "" {
		cr.probs.add(s.Pos, "docs section title is blank, so its heading would be empty: write the heading")
	}
	return s
}

func (cr *catalogReader) provider(n *yaml.Node) Provider {
	var p Provider
	for _, f := range cr.fields(n, "provider", providerKeys, nil) {
		switch f.key {
		case "name":
			p.Name, p.Pos = cr.str(f.value, "provider name"), posOf(f.value)
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
		cr.probs.hint(posOf(n), ": add name: the provider's name as the page shows it", "provider: missing required key \"name\"")
	} else if strings.TrimSpace(p.Name) == "" && p.Name != "" {
		cr.probs.add(p.Pos, "provider name is blank, so its heading would be empty: write the provider's name")
	}
	return p
}

// topKeyHints say what to write for each top-level key a catalog needs.
var topKeyHints = map[string]diag.Naming{
	"version": {Format: ": add version: 1, the catalog format this errgen reads"},
	"api":     {Format: ": add api: the API's name, such as api: Shop API"},
	"errors":  {Format: ": add errors: the list of the API's errors (%s writes a starter catalog)", Command: "init"},
}
