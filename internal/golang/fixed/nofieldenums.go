//go:build errgen_no_field_enums

package fixed

import "reflect"

// The package of a catalog whose object details have no enum fields holds
// this file in place of fieldenums.go: each declaration here is what its
// namesake there does when no definition has fieldEnums, without the
// checks, which never run there.

// enumField is an enum field located in a details struct: there are none.
type enumField struct{}

// resolveFieldEnums returns nil: no definition has fieldEnums.
func resolveFieldEnums(t reflect.Type, enums []fieldEnum) []enumField { return nil }

// checkFieldEnums checks nothing: encodeDetails calls it only for details
// with enum fields.
func (e *Error) checkFieldEnums(v reflect.Value, enums []enumField) {}
