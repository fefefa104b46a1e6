package grpcfixed

import (
	"context"
	"net/http"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	apierrors "github.com/errgen/errgen/internal/golang/fixed"
)

// incoming is the metadata a call came with, as HTTP header fields (keys
// canonical; binary and pseudo-headers left out), from which the main
// package reads a call's Accept-Language and request id: gRPC metadata
// accept-language (the HTTP header's name; the grpc- prefix is gRPC's own)
// and the catalog's request id header, lower case (x-request-id); where a
// key is absent, its grpcgateway- one (grpcgateway-accept-language), in
// which grpc-gateway's default header matcher puts an HTTP request's
// Accept-Language (and a matcher that prefixes every header, any).
func incoming(ctx context.Context) http.Header {
	md, _ := metadata.FromIncomingContext(ctx)
	h := header(md)
	for k, v := range h {
		if name, ok := strings.CutPrefix(k, "Grpcgateway-"); ok && len(v) > 0 {
			if _, ok := h[name]; !ok {
				h[name] = v
			}
		}
	}
	return h
}

// header is md as HTTP header fields, keys canonical, binary (-bin) and
// pseudo-headers left out; nil for none.
func header(md metadata.MD) http.Header {
	if len(md) == 0 {
		return nil
	}
	h := make(http.Header, len(md))
	for k, v := range md {
		if strings.HasSuffix(k, "-bin") || strings.HasPrefix(k, ":") {
			continue
		}
		h[http.CanonicalHeaderKey(k)] = v
	}
	return h
}

// sendRequestID sets, as trailer metadata, the request id s carries in the
// catalog's request_id.header, lower case, as gRPC metadata keys are: the
// trailer is sent with the status, whether or not the handler sent headers
// (a stream's messages). An id that is not printable ASCII, which gRPC
// metadata cannot carry, or a header name it cannot take (grpc- is gRPC's
// own), goes only in RequestInfo.
func sendRequestID(s apierrors.RPCStatus, setTrailer func(metadata.MD)) {
	key := strings.ToLower(s.RequestIDHeader)
	if key == "" || s.RequestID == "" || strings.HasPrefix(key, "grpc-") || !metadataText(key, true) || !metadataText(s.RequestID, false) {
		return
	}
	setTrailer(metadata.Pairs(key, s.RequestID))
}

// metadataText reports whether s is a gRPC metadata key (0-9 a-z - _ .) or,
// for a value, printable ASCII.
func metadataText(s string, key bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if key && !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') || c < 0x20 || c > 0x7e {
			return false
		}
	}
	return s != ""
}

// unaryTrailer sets a unary call's trailer metadata.
func unaryTrailer(ctx context.Context) func(metadata.MD) {
	return func(md metadata.MD) { _ = grpc.SetTrailer(ctx, md) }
}
