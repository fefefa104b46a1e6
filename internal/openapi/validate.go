package openapi

import (
	"fmt"
	"strings"
)

// validate validates the augmented text (its variant without errgen's
// examples) with kin-openapi; only when it fails is the input validated, to
// say whether the problem was there before errgen changed anything.
func (a *augmenter) validate(input, variant []byte, isJSON, allowInvalid bool) error {
	outErr := validateSpec(variant, isJSON)
	if outErr == nil {
		return nil
	}
	inErr := validateSpec(input, isJSON)
	where := a.specName
	place := a.kinPlace(input, isJSON, inErr)
	if place != nil {
		where = fmt.Sprintf("%s:%d:%d", a.specName, place.Line, place.Column)
	}
	switch {
	case inErr == nil:
		return fmt.Errorf("%s: the augmented document is not valid: %w", a.specName, outErr)
	case !allowInvalid && strings.Contains(inErr.Error(), "[pathItems]"):
		return fmt.Errorf("%s: the input spec cannot be validated (before errgen changed anything): kin-openapi, which errgen validates with, does not read OpenAPI 3.1's components.pathItems (%w)\n%s: use --allow-invalid-spec to augment it anyway", where, inErr, a.specName)
	case !allowInvalid:
		return fmt.Errorf("%s: the input spec is not valid (before errgen changed anything): %w\n%s: use --allow-invalid-spec to augment it anyway", where, inErr, a.specName)
	case outErr.Error() != inErr.Error():
		return fmt.Errorf("%s: errgen's additions make the spec invalid in a new way: %w (the input's own problem, allowed: %v)", a.specName, outErr, inErr)
	}
	p := augmentProblem{msg: fmt.Sprintf("the input spec is not valid (before errgen changed anything), augmented anyway: %v", inErr)}
	if place != nil {
		p.line, p.col = place.Line, place.Column
	}
	a.notices = append(a.notices, p)
	return nil
}
