// Package connectfixed is the Connect package errgen generates beside a
// catalog's Go package, as real Go: its files but this one and standin.go
// are joined into every generated Connect package, one file, with its
// package clause and its import of the Go package (here the Go output's
// stand-in, internal/golang/fixed) replaced. It reaches the catalog
// through the Go package's bridge (RPCStatusOf, RPCError), and the name of
// its request-id header, requestIDHeader, which the bridge does not give:
// standin.go declares the stand-in catalog's, rpcgen writes each
// catalog's in its place.
//
// errgen's module ignores this folder (go.mod's ignore directive): it
// imports connectrpc.com/connect, which errgen never depends on. The module
// internal/rpcgen/rpctest builds and tests it. This file is not copied.
//
// statusdetails.go, a status's details and the budget that keeps them within
// what gRPC's clients read from a trailer, is the same in grpcfixed and
// connectfixed but for its package clause (rpcgen's TestFixedTwins).
package connectfixed
