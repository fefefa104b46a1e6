package errgen

import (
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/augment"
)

// Augmented is the result of Augment.
type Augmented struct {
	// Spec is the augmented document, in the input's format.
	Spec []byte
	// Notices say, in file order, what Augment left alone because the
	// spec already defines it, each of severity diag.Notice at its place
	// (api.yaml:80:9, "PUT /tasks/{id}: response 409 kept: the spec already
	// defines it (errgen's is Conflict)"). They are no error.
	Notices []diag.Diagnostic
}

// AugmentOptions are the choices of Augment; the zero value keeps what
// the spec defines and refuses an invalid spec.
type AugmentOptions struct {
	// Force replaces the responses and components the spec already
	// defines; without it they are kept (and noted, or an error when a
	// component differs).
	Force bool
	// AllowInvalidSpec augments a spec that kin-openapi finds invalid
	// before errgen changes anything. The result must then fail validation
	// exactly as the input does: a problem errgen's additions introduce is
	// still an error.
	AllowInvalidSpec bool
	// Replace names components of the spec's, as a problem names them
	// (components.responses.TooManyRequests), that errgen's of the same
	// name replace, as Force would replace them and nothing else; a name
	// that replaces nothing is noted. The catalog's openapi.augment item
	// gives it (replace:), so that every run replaces them: a spec written
	// to another file keeps its own on every run.
	Replace []string
}

// Augment attaches the catalog's error responses to every operation of an
// existing OpenAPI 3.0 or 3.1 document (YAML or JSON), by reference to the
// components it adds. It returns the document in the input's format, or an
// error listing every problem (a *diag.List: each at specName and, where
// known, line:col; a problem that opts.Force, opts.Replace or
// opts.AllowInvalidSpec would get past says which in its Remedy).
//
// An operation's response for a status admits exactly the codes of that
// status that its x-errors lists or the catalog's openapi.attach names:
// BadRequest when they are all the status's codes, else a response named
// after them (BadRequestValidationError), shared by every operation
// admitting the same codes. x-errors-attach: false on an operation drops
// the attached codes; security: [] drops the attached 401s. Only the
// components some operation refers to are added, with the schemas they
// refer to.
//
// What the spec already says is kept unless opts.Force is set: a response an
// operation already has for a status is left alone and noted in Notices; a
// component of the same name that differs from one errgen adds is an
// error. Like Generate, Augment touches no file.
//
// The spec's text is edited in place, not re-encoded: every byte of the
// input is in the output, in the same order, and what errgen adds follows
// the style around it (indentation, line breaks, block or flow YAML,
// minified or indented JSON). Only force replaces text. An operation the
// spec shares through a YAML anchor is left alone, and noted. Augmenting
// the result again changes nothing.
//
// When the result does not validate, the input is validated too: a
// problem the input already has is reported as the input's, and nothing
// is returned (opts.AllowInvalidSpec proceeds anyway).
func Augment(c *catalog.Catalog, spec []byte, specName string, opts AugmentOptions) (*Augmented, error) {
	out, notices, err := augment.Augment(c, spec, specName, augment.Options{Force: opts.Force, AllowInvalidSpec: opts.AllowInvalidSpec, Replace: opts.Replace})
	if err != nil {
		return nil, err
	}
	return &Augmented{Spec: out, Notices: notices}, nil
}

// IsAugmented reports whether a spec carries the marker errgen leaves in
// what it augments: such a file is errgen's output although its first line
// is the author's, and writing the augmentation again may replace it.
func IsAugmented(spec []byte) bool {
	return augment.Marked(spec)
}
