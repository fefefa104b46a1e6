package rpctest

import (
	"context"
	"slices"
	"testing"

	"connectrpc.com/connect"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
)

// localized is the LocalizedMessage a client asking for lang must receive
// for e, worked out from the catalog and internal/example alone: the
// message (else the title) as the catalog reads in lang where that text is
// translated, else the default language's.
func localized(t *testing.T, c *catalog.Catalog, i int, lang string) *errdetails.LocalizedMessage {
	t.Helper()
	e, le := c.Errors[i], c.In(lang).Errors[i]
	key := "message"
	if e.Message == nil {
		key = "title"
	}
	if c.Translations[lang] == nil || slices.Contains(le.Untranslated, key) {
		le, lang = e, c.Language
	}
	in, err := example.New(e)
	if err != nil {
		t.Fatal(err)
	}
	if le.Message == nil {
		return &errdetails.LocalizedMessage{Locale: lang, Message: le.Title}
	}
	msg, err := example.Fill(le.Message, in.Details)
	if err != nil {
		t.Fatal(err)
	}
	return &errdetails.LocalizedMessage{Locale: lang, Message: msg}
}

// localizedOf is the LocalizedMessage among a status's details; nil when
// there is none.
func localizedOf(w wire) *errdetails.LocalizedMessage {
	for _, d := range w.details {
		if lm, ok := d.(*errdetails.LocalizedMessage); ok {
			return lm
		}
	}
	return nil
}

// TestRPCLanguages: a client that asks for a language (gRPC metadata
// accept-language, or grpcgateway-accept-language as grpc-gateway forwards
// an HTTP request's; Connect's Accept-Language header, over the Connect and
// gRPC protocols) gets a LocalizedMessage in it, where the catalog has one
// translated, from a unary call and a stream; the status's own message,
// code and other details stay the default language's. A catalog of one
// language sends no LocalizedMessage, whatever the client asks.
func TestRPCLanguages(t *testing.T) {
	const header = "de-CH, de;q=0.9, en;q=0.5"
	for _, s := range suites {
		t.Run(s.name, func(t *testing.T) {
			c, cs := cases(t, s)
			lang := "de"
			if len(c.Languages) == 0 {
				lang = ""
			} else if !slices.Contains(c.Languages, lang) {
				t.Fatalf("%s speaks %q: the test asks for German", s.name, c.Languages)
			}
			errs := map[string]error{}
			for _, tc := range cs {
				errs[tc.code] = tc.err
			}
			raw := dial(t, grpcServer(t, s, errs, &reports{}))
			srv := connectServer(t, s, errs, &reports{})
			connectCalls := map[string]func(string) error{}
			for name, protocol := range map[string]connect.ClientOption{"connect": connect.WithProtoJSON(), "connect-grpc": connect.WithGRPC()} {
				unary := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure, protocol)
				stream := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+streamProcedure, protocol)
				connectCalls[name] = func(key string) error { return connectCallIn(unary, key, header) }
				connectCalls[name+"-stream"] = func(key string) error { return connectStreamIn(stream, key, header) }
			}
			for i, tc := range cs {
				var want *errdetails.LocalizedMessage
				if lang != "" {
					want = localized(t, c, i, lang)
				}
				got := map[string]wire{}
				for _, key := range []string{"accept-language", "grpcgateway-accept-language"} {
					ctx := metadata.AppendToOutgoingContext(context.Background(), key, header)
					got["grpc "+key], _ = grpcWire(t, raw.Invoke(ctx, "/"+service+"/Fail", wrapperspb.String(tc.code), new(emptypb.Empty)))
					got["grpc-stream "+key], _ = grpcWire(t, invokeStreamIn(ctx, raw, tc.code))
				}
				for name, call := range connectCalls {
					got[name], _ = connectWire(t, call(tc.code))
				}
				for how, w := range got {
					lm := localizedOf(w)
					if want == nil && lm != nil || want != nil && (lm == nil || lm.Locale != want.Locale || lm.Message != want.Message) {
						t.Errorf("%s over %s: LocalizedMessage %v, want %v", tc.code, how, lm, want)
					}
					if w.code != tc.grpc || w.message != tc.message || len(w.details) != len(tc.details) {
						t.Errorf("%s over %s: code %s, message %q, %d details; want the default language's %s, %q, %d", tc.code, how, w.code, w.message, len(w.details), tc.grpc, tc.message, len(tc.details))
					}
				}
			}
		})
	}
}

func connectCallIn(client *connect.Client[wrapperspb.StringValue, emptypb.Empty], key, acceptLanguage string) error {
	req := connect.NewRequest(wrapperspb.String(key))
	req.Header().Set("Accept-Language", acceptLanguage)
	_, err := client.CallUnary(context.Background(), req)
	return err
}

func connectStreamIn(client *connect.Client[wrapperspb.StringValue, emptypb.Empty], key, acceptLanguage string) error {
	req := connect.NewRequest(wrapperspb.String(key))
	req.Header().Set("Accept-Language", acceptLanguage)
	stream, err := client.CallServerStream(context.Background(), req)
	if err != nil {
		return err
	}
	defer stream.Close()
	for stream.Receive() {
	}
	return stream.Err()
}

func invokeStreamIn(ctx context.Context, conn *grpc.ClientConn, key string) error {
	cs, err := conn.NewStream(ctx, &grpc.StreamDesc{StreamName: "FailStream", ServerStreams: true}, "/"+service+"/FailStream")
	if err != nil {
		return err
	}
	if err := cs.SendMsg(wrapperspb.String(key)); err != nil {
		return err
	}
	if err := cs.CloseSend(); err != nil {
		return err
	}
	return cs.RecvMsg(new(emptypb.Empty))
}
