package augment

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/diag"
)

// validate validates the augmented text (its variant, see variantOmits)
// with kin-openapi; only when it fails is the input validated, to say
// whether the problem was there before errgen changed anything.
func (a *augmenter) validate(input, variant []byte, isJSON, allowInvalid bool) error {
	outErr := validateSpec(variant, isJSON)
	if outErr == nil {
		return nil
	}
	inErr := validateSpec(input, isJSON)
	spec := a.pos(nil)
	where := a.pos(a.kinPlace(input, isJSON, inErr))
	// The second line of a refusal says what to do: it follows the first
	// as written, not in file order, so the list is not sorted.
	var l diag.List
	refuse := func(at diag.Pos, msg string) {
		l.Add(diag.Diagnostic{Pos: at, Msg: msg, Remedy: diag.Remedy{Kind: diag.AllowInvalidSpec}})
	}
	switch {
	case inErr == nil:
		l.Errorf(spec, "the augmented document is not valid: %v", outErr)
	case !allowInvalid && externalRef(inErr) != "":
		refuse(where, externalRefMessage(externalRef(inErr))+"; bundle the spec into one file (redocly bundle) and augment that")
		refuse(spec, "use --allow-invalid-spec to augment it anyway, unvalidated")
	case !allowInvalid && strings.Contains(inErr.Error(), "[pathItems]"):
		refuse(where, fmt.Sprintf("the input spec cannot be validated (before errgen changed anything): kin-openapi, which errgen validates with, does not read OpenAPI 3.1's components.pathItems (%v)", inErr))
		refuse(spec, "use --allow-invalid-spec to augment it anyway")
	case !allowInvalid:
		refuse(where, "the input spec is not valid (before errgen changed anything): "+inErr.Error())
		refuse(spec, "use --allow-invalid-spec to augment it anyway")
	case outErr.Error() != inErr.Error():
		l.Errorf(spec, "errgen's additions make the spec invalid in a new way: %v (the input's own problem, allowed: %v)", outErr, inErr)
	case externalRef(inErr) != "":
		a.notices = append(a.notices, diag.Diagnostic{Pos: where, Severity: diag.Notice,
			Msg: externalRefMessage(externalRef(inErr)) + ": augmented anyway, unvalidated"})
		return nil
	default:
		a.notices = append(a.notices, diag.Diagnostic{Pos: where, Severity: diag.Notice,
			Msg: "the input spec is not valid (before errgen changed anything), augmented anyway: " + inErr.Error()})
		return nil
	}
	return &l
}

// externalRef is the reference to another file that err, kin-openapi's
// refusal to load a document, names, "" when err is another error. Such a
// spec is valid OpenAPI (a spec split into files): calling it invalid
// would send its author looking for a mistake that is not there.
func externalRef(err error) string {
	if m := kinExternalRef.FindStringSubmatch(err.Error()); m != nil {
		if ref, uerr := strconv.Unquote(m[1]); uerr == nil {
			return ref
		}
	}
	return ""
}

// externalRefMessage says why a spec referring to ref, in another file,
// cannot be validated: errgen reads one document, and kin-openapi stops at
// the first reference it may not follow, so nothing past it is checked.
func externalRefMessage(ref string) string {
	return fmt.Sprintf("the input spec refers to another file (%s), which errgen does not read: it validates the one document it augments, and kin-openapi cannot check a spec whose references it cannot follow", ref)
}

// validateSpec loads a document with kin-openapi and validates it. Refs to
// other files are refused: Augment sees one document, not its directory.
//
// A YAML document goes to kin-openapi as JSON when it converts exactly
// (asJSON): kin-openapi reads YAML through a yaml.v3 fork that checks each
// mapping's keys against every later one, so a mapping of n keys cost n²/2
// comparisons (a 1.4 MB spec with one mapping of 100,000 keys took 40 s),
// where its JSON is read in linear time. validateSpecAsGiven is the plain
// path; TestValidateSpecAsJSON holds the two to one answer.
func validateSpec(data []byte, isJSON bool) error {
	if !isJSON {
		if converted, ok := asJSON(data); ok {
			data, isJSON = converted, true
		}
	}
	return validateSpecAsGiven(data, isJSON)
}

// validateSpecAsGiven is validateSpec with the document given to
// kin-openapi as it is.
func validateSpecAsGiven(data []byte, isJSON bool) error {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return errors.New(loaderMessage(err.Error(), isJSON))
	}
	if err := doc.Validate(context.Background()); err != nil {
		// kin-openapi spreads a failing example's schema and value over
		// lines: one line per problem
		return errors.New(strings.Join(strings.Fields(err.Error()), " "))
	}
	return nil
}

// loaderMessage keeps the part of a kin-openapi load error that concerns
// the input's format: the loader tries JSON then YAML and reports both.
func loaderMessage(msg string, isJSON bool) string {
	const jsonPart, yamlPart = "json error: ", ", yaml error: "
	if i := strings.Index(msg, yamlPart); i >= 0 && strings.Contains(msg, jsonPart) {
		if isJSON {
			msg = msg[strings.Index(msg, jsonPart)+len(jsonPart) : i]
		} else {
			msg = msg[i+len(yamlPart):]
		}
	}
	for _, noise := range []string{"failed to unmarshal data: ", "error unmarshaling JSON: ", "while decoding JSON: ", "json: "} {
		msg = strings.ReplaceAll(msg, noise, "")
	}
	return msg
}
