package apierrors_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/internal/benchpair"
)

// codeError is the least an error matched by code can be: errors.Is finds
// a sentinel by calling its Is method, as it finds every error that is not
// the very value it is given.
type codeError struct{ code int }

func (e *codeError) Error() string { return "code error" }

func (e *codeError) Is(target error) bool {
	t, ok := target.(*codeError)
	return ok && t.code == e.code
}

var errCodeSentinel = &codeError{code: 404}

// BenchmarkErrorsIsFloor shows where errors.Is's time goes for an error
// built by a constructor (not the sentinel itself): the baseline compares
// two pointers (json, as in BenchmarkVersusJSON), the floor is codeError,
// whose Is method does nothing but compare codes, and errgen is the
// generated package. json/floor is what any Is method costs, the call
// errors.Is makes through an interface; json/errgen beside it is what
// errgen's own method adds.
func BenchmarkErrorsIsFloor(b *testing.B) {
	wrapped := fmt.Errorf("loading ticket: %w", apierrors.NewNotFound("ticket", "tkt_1"))
	wrappedBaseline := fmt.Errorf("loading ticket: %w", errBaselineNotFound)
	wrappedFloor := fmt.Errorf("loading ticket: %w", &codeError{code: 404})
	for range 3 { // every way must find its sentinel
		if !errors.Is(wrapped, apierrors.ErrNotFound) || !errors.Is(wrappedBaseline, errBaselineNotFound) || !errors.Is(wrappedFloor, errCodeSentinel) {
			b.Fatal("not found")
		}
	}
	const n = 20000
	benchpair.Ways(b, []benchpair.Way{
		{Name: "json", Run: batch(n, func() { _ = errors.Is(wrappedBaseline, errBaselineNotFound) })},
		{Name: "floor", Run: batch(n, func() { _ = errors.Is(wrappedFloor, errCodeSentinel) })},
		{Name: "errgen", Run: batch(n, func() { _ = errors.Is(wrapped, apierrors.ErrNotFound) })},
	}, nil)
}
