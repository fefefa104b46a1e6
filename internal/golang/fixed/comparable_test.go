package fixed

import (
	"reflect"
	"testing"
)

// TestNotComparable: the fixed half's structs that nothing compares are
// not comparable (a blank doNotCompare field), so that the compiler makes
// no equality function for each in every generated package.
func TestNotComparable(t *testing.T) {
	for _, typ := range []reflect.Type{
		reflect.TypeFor[responseWriter](), reflect.TypeFor[flushWriter](), reflect.TypeFor[hijackWriter](),
		reflect.TypeFor[flushHijackWriter](), reflect.TypeFor[row](), reflect.TypeFor[detailsField](),
		reflect.TypeFor[templatePart](),
	} {
		if typ.Comparable() {
			t.Errorf("%v is comparable: the compiler makes its equality function", typ)
		}
	}
}
