// Package fixed is the fixed half of every package errgen generates: the
// Error type, Write, Parse, Lookup and the JSON encoding and scanning helpers
// behind them. It is written, vetted, fuzzed and benchmarked here as ordinary
// Go, not assembled by the emitter.
//
// The Go emitter (package internal/golang) embeds every file here but this
// one, the table files and the tests, and copies each, after its import block and in
// the order its fixedFiles lists them, into every generated file, after the
// per-catalog half it writes itself (rpc.go and badrequest.go, which only the
// gRPC and Connect packages call, only when the catalog has a grpc:
// section); the generated file imports the union of their imports,
// unchanged: nothing in them varies with the catalog. Some code only some
// catalogs run (the emitter's fixedFeatures: language.go, acceptlanguage.go
// and languagecache.go for several languages, fieldenums.go for enum fields
// of objects) is copied only for those; the others get the files that do
// what it does without the feature (onelanguage.go, nofieldenums.go). Build
// constraints choose between the two here: the default build compiles every
// feature, go test -tags errgen_one_language (or errgen_no_field_enums) the
// files in its place. The golden tests (go test -run Golden in the module's
// root) hold the generated files to these sources byte for byte.
//
// table.go is the per-catalog half the emitter writes for a small stand-in
// catalog (internal/golang/testdata/standin.yaml: codes, sentinels, details
// types, constructors, the definitions table as data and the envelopes
// table, envelope writers), so that this package compiles and its tests can exercise the
// runtime; table_one_language.go and table_no_field_enums.go are that of
// the stand-in without the feature, for the build under its tag. A test of
// the emitter fails when they are stale, and rewrites them with -update.
// They are never copied into generated code, nor is this file.
package fixed
