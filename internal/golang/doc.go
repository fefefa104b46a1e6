// Package golang is the Go emitter: it writes a catalog's Go package, the
// per-catalog half (constants, sentinels, details types, constructors, the
// definitions and envelopes tables, envelope writers) followed by the fixed
// half, the package fixed beside it, copied as it is. Every identifier it
// declares for an error is named by internal/names; Rules are the catalog
// checks that keep those names and the constructors' parameters valid Go.
//
// It imports the catalog, internal/names and internal/example only, never
// another emitter; of errgen's packages, only the root imports it (tests aside).
package golang
