// Package runtime is the fixed half of every package errgen generates: the
// Error type, Write, Parse, Lookup and the JSON encoding and scanning helpers
// behind them. It is written, vetted and tested here as ordinary Go, instead of
// being assembled by the emitter.
//
// The Go emitter (package internal/golang) embeds runtime.go, with a
// //go:embed directive of pattern runtime/runtime.go, and copies everything
// after its import block into each generated file, after the per-catalog half
// it writes itself. So runtime.go holds nothing but the package clause, the
// import block every generated package has, and the runtime text; the
// generated packages' runtime half is byte for byte the same (source_test.go
// checks it against every committed golden). The one difference the emitter
// makes is a meta field in the definition struct, added only for catalogs
// whose envelopes reference $meta.
//
// table.go is a small hand-written stand-in for what the emitter writes per
// catalog (codes, sentinels, details types, constructors, the definitions and
// envelopes tables, envelope writers), so that this package compiles and its
// tests can exercise the runtime. It is never copied into generated code.
//
// There is no embed directive in this package: only the emitter needs the
// source text.
package runtime
