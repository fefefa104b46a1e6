// Package rpctest is a module of its own, so that errgen's module needs no
// RPC dependency: it builds the fixed halves of the gRPC and Connect
// packages (internal/rpcgen/grpcfixed and connectfixed, against the Go
// output's stand-in, internal/golang/fixed) and the packages errgen
// generates for the bundled catalog and every example catalog, and runs
// them against a real gRPC server and a real Connect handler.
package rpctest
