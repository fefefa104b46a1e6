// Package grpcfixed is the gRPC package errgen generates beside a catalog's
// Go package, as real Go: its files but this one are joined into every
// generated gRPC package, one file, with its package clause and its import
// of the Go package (here the Go output's stand-in, internal/golang/fixed)
// replaced. It reaches the
// catalog only through the Go package's bridge (RPCStatusOf, RPCError), so
// nothing in it varies by catalog.
//
// errgen's module ignores this folder (go.mod's ignore directive): it
// imports google.golang.org/grpc, which errgen never depends on. The module
// internal/rpcgen/rpctest builds and tests it. This file is not copied.
//
// statusdetails.go, a status's details and the budget that keeps them within
// what gRPC's clients read from a trailer, is the same in grpcfixed and
// connectfixed but for its package clause (rpcgen's TestFixedTwins).
package grpcfixed
