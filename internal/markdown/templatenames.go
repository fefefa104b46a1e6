package markdown

import (
	"fmt"
	"slices"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// templateNameRules reports each file of the catalog's docs.templates that
// overrides none of the bundled templates, at the key, with the catalog's
// other problems: rendering would refuse it later, without a place, and
// errgen validate, which renders nothing, would not see it.
func templateNameRules(c *catalog.Catalog) []diag.Diagnostic {
	if len(c.Docs.TemplateFiles) == 0 {
		return nil
	}
	base, err := bundled()
	if err != nil {
		return nil // the bundled templates are errgen's: Generate reports it
	}
	var probs []diag.Diagnostic
	for _, f := range c.Docs.TemplateFiles {
		if slices.Contains(base.files, f.Name) {
			continue
		}
		hint := catalog.Suggest(f.Name, base.files)
		if hint == "" {
			hint = ": rename or remove it"
		}
		probs = append(probs, diag.Diagnostic{
			Pos:  c.Docs.TemplatesPos,
			Msg:  fmt.Sprintf("docs.templates %q: %s is not one of the page's templates", c.Docs.Templates, f.Path),
			Hint: fmt.Sprintf("%s; they are %s", hint, strings.Join(base.files, ", ")),
		})
	}
	return probs
}

// templateParseRules reports each file of the catalog's docs.templates
// that does not parse, at its line, with the catalog's other problems:
// errgen validate renders no page, and would call the catalog valid when
// every run that writes the page fails. A run with templates of its own
// (--templates) does not read the catalog's, so RulesOverridden leaves
// this rule out.
func templateParseRules(c *catalog.Catalog) []diag.Diagnostic {
	if len(c.Docs.TemplateFiles) == 0 {
		return nil
	}
	files := newTemplateFiles(overridesOf(c, nil))
	var probs []diag.Diagnostic
	for _, f := range c.Docs.TemplateFiles {
		if _, err := emptySet().New(f.Name).Parse(string(f.Data)); err != nil {
			probs = append(probs, files.parseProblem(err, f.Name, string(f.Data)))
		}
	}
	return probs
}
