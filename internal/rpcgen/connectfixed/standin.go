package connectfixed

// requestIDHeader is the catalog's request_id.header, canonical; "" for a
// catalog without request ids. This file is the stand-in catalog's
// (internal/golang/testdata/standin.yaml): it is not copied, rpcgen writes
// the constant of each catalog in its place, for the Go package's bridge
// does not name the header.
const requestIDHeader = "X-Request-Id"
