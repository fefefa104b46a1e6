// Package fixed is the fixed half of every package errgen generates: the
// Error type, Write, Parse, Lookup and the JSON encoding and scanning helpers
// behind them. It is written, vetted, fuzzed and benchmarked here as ordinary
// Go, not assembled by the emitter.
//
// The Go emitter (package internal/golang) embeds every file here but this
// one, table.go and the tests, and copies each, after its import block and in
// the order its fixedFiles lists them, into every generated file, after the
// per-catalog half it writes itself (rpc.go and badrequest.go, which only the
// gRPC and Connect packages call, only when the catalog has a grpc:
// section); the generated file imports the union of their imports,
// unchanged: nothing in them varies with the catalog. The
// golden tests (go test -run Golden in the module's root) hold the generated
// files to these sources byte for byte.
//
// table.go is the per-catalog half the emitter writes for a small stand-in
// catalog (internal/golang/testdata/standin.yaml: codes, sentinels, details
// types, constructors, the definitions table as data and the envelopes
// table, envelope writers), so that this package compiles and its tests can exercise the
// runtime. A test of the emitter fails when it is stale, and rewrites it
// with -update. It is never copied into generated code, nor is this file.
package fixed
