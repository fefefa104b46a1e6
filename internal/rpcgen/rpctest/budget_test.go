package rpctest

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"testing"

	"connectrpc.com/connect"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/errgen/errgen/internal/golang/fixed"
	"github.com/errgen/errgen/internal/rpcgen/connectfixed"
	"github.com/errgen/errgen/internal/rpcgen/grpcfixed"
)

// budget is the documented budget of a status in gRPC's trailer.
const budget = 7 << 10

// largeInvalidInput is an INVALID_INPUT error of n field problems (each
// sent as a BadRequest field violation), and a value detail of valueLen
// characters.
func largeInvalidInput(n, valueLen int) *fixed.Error {
	d := fixed.InvalidInputDetails{Field: "items"}
	for i := range n {
		d.Problems = append(d.Problems, fixed.InvalidInputProblems{Field: fmt.Sprintf("items[%d].name", i), Message: "must be at most 80 characters long", Kind: fixed.InvalidInputProblemsKindInvalid})
	}
	if valueLen > 0 {
		d.Value = json.RawMessage(strconv.Quote(strings.Repeat("v", valueLen)))
	}
	return fixed.NewWithDetails(d).WithRequestID("req-large")
}

// received is what a client read of a status: the Status itself, with the
// details the test looks at.
type receivedStatus struct {
	st         *spb.Status
	info       *errdetails.ErrorInfo
	violations []*errdetails.BadRequest_FieldViolation
	requestID  string
	localized  bool
}

func readStatus(t *testing.T, st *spb.Status) receivedStatus {
	t.Helper()
	r := receivedStatus{st: st}
	for _, a := range st.GetDetails() {
		m, err := a.UnmarshalNew()
		if err != nil {
			t.Fatal(err)
		}
		switch d := m.(type) {
		case *errdetails.ErrorInfo:
			r.info = d
		case *errdetails.BadRequest:
			r.violations = d.GetFieldViolations()
		case *errdetails.RequestInfo:
			r.requestID = d.GetRequestId()
		case *errdetails.LocalizedMessage:
			r.localized = true
		}
	}
	return r
}

// trailerBytes is what the status takes in gRPC's trailer: the Status in
// unpadded base64 (grpc-status-details-bin), and the message, which
// grpc-message carries (percent-encoded: these are ASCII).
func trailerBytes(st *spb.Status) int {
	b, _ := proto.Marshal(st)
	return base64.RawStdEncoding.EncodedLen(len(b)) + len(st.GetMessage())
}

// TestDetailsBudget: a status whose details would take more than 7 KiB of
// gRPC's trailer (a validation error of hundreds of field violations, a
// long detail) is trimmed to fit, so that a client that reads at most
// 8 KiB of metadata (grpc-java's default, gRPC's C core's soft limit; here
// grpc-go with grpc.WithMaxHeaderListSize) gets the status, not a
// transport error: the long metadata values go first (the bad_request
// detail's, which the errgen client makes again of the violations), then
// the last violations; ErrorInfo (reason, domain), RequestInfo and
// LocalizedMessage stay, and ErrorInfo's metadata says what was left out
// (omitted-metadata, omitted-field-violations). The same over Connect's
// gRPC and gRPC-Web protocols, which send details in trailers; the Connect
// protocol, which sends them in the body, sends them whole. Before, the
// limited client got INTERNAL (RST_STREAM) for every case but the first.
func TestDetailsBudget(t *testing.T) {
	s := suites[0]
	cases := []struct {
		key             string
		violations      int
		valueLen        int
		omittedMetadata string
		trimsViolations bool
	}{
		{"small", 10, 0, "", false},
		{"problems", 60, 0, "problems", false},
		{"hundreds", 400, 0, "problems", true},
		{"thousands", 3000, 0, "problems", true},
		{"long-value", 3, 9000, "value", false},
	}
	errs := map[string]error{}
	for _, tc := range cases {
		errs[tc.key] = largeInvalidInput(tc.violations, tc.valueLen)
		errs[afterSend+tc.key] = errs[tc.key]
	}
	rec := recordReports(t)
	addr := grpcServer(t, s, errs, &reports{})
	limited := dial(t, addr, grpc.WithMaxHeaderListSize(8<<10))
	typed := dial(t, addr, grpc.WithMaxHeaderListSize(8<<10), grpc.WithUnaryInterceptor(s.unaryClient))
	srv := connectServer(t, s, errs, &reports{})
	for _, tc := range cases {
		check := func(via string, st *spb.Status, trimmed bool) {
			t.Helper()
			r := readStatus(t, st)
			if codes.Code(st.GetCode()) != codes.InvalidArgument || r.info.GetReason() != "INVALID_INPUT" || r.requestID != "req-large" || !r.localized {
				t.Fatalf("%s %s: %v; want INVALID_ARGUMENT with ErrorInfo, RequestInfo and LocalizedMessage", tc.key, via, st)
			}
			md := r.info.GetMetadata()
			omitted, _ := strconv.Atoi(md["omitted-field-violations"])
			wantMeta := ""
			if trimmed {
				wantMeta = tc.omittedMetadata
			}
			if md["omitted-metadata"] != wantMeta || omitted+len(r.violations) != tc.violations || (omitted > 0) != (trimmed && tc.trimsViolations) {
				t.Errorf("%s %s: omitted metadata %q, %d violations and %d omitted; want %q left out of %d", tc.key, via, md["omitted-metadata"], len(r.violations), omitted, wantMeta, tc.violations)
			}
			for i, v := range r.violations {
				if v.GetField() != fmt.Sprintf("items[%d].name", i) {
					t.Fatalf("%s %s: violation %d is %v: want the first ones, in order", tc.key, via, i, v)
				}
			}
			if trimmed && trailerBytes(st) > budget {
				t.Errorf("%s %s: the status takes %d bytes of the trailer; want at most %d", tc.key, via, trailerBytes(st), budget)
			}
		}
		for _, key := range []string{tc.key, afterSend + tc.key} {
			err := invoke(limited, key)
			if key != tc.key {
				err = streamEnd(limited, key)
			}
			if status.Code(err) != codes.InvalidArgument {
				t.Fatalf("%s: gRPC client reading at most 8 KiB of metadata: %v", key, err)
			}
			check("grpc "+key, status.Convert(err).Proto(), true)
		}
		checkTypedLarge(t, typed, tc.key, tc.violations)
		// The trimming is reported to Config.Reporter, at warning level,
		// with the call's procedure and what was left out: once a call.
		got := 0
		for _, r := range rec.all() {
			if r.Level == slog.LevelWarn && r.Procedure == procedure && strings.HasPrefix(r.Problem, "status INVALID_INPUT over the 7 KiB budget of gRPC's trailer: sent without ") &&
				strings.Contains(r.Problem, "field violations") == tc.trimsViolations && strings.Contains(r.Problem, "metadata "+tc.omittedMetadata) {
				got++
			}
		}
		if tc.omittedMetadata != "" && got < 3 || tc.omittedMetadata == "" && got != 0 {
			t.Errorf("%s: %d reports of the trimming: %v", tc.key, got, rec.all())
		}
		rec.reset()
		for _, p := range []struct {
			name    string
			opt     connect.ClientOption
			trimmed bool
		}{{"connect", connect.WithProtoJSON(), false}, {"connect-grpc", connect.WithGRPC(), true}, {"connect-grpcweb", connect.WithGRPCWeb(), true}} {
			unary := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure, p.opt)
			stream := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+streamProcedure, p.opt)
			_, st := connectWire(t, connectCall(unary, tc.key))
			check(p.name+" unary", st, p.trimmed)
			_, st = connectWire(t, connectStream(stream, afterSend+tc.key))
			check(p.name+" stream", st, p.trimmed)
		}
	}
}

// checkTypedLarge: the errgen client gives back INVALID_INPUT with its
// problems, whole or made again of the violations that fit, and the
// status's trailer metadata holds the request id once.
func checkTypedLarge(t *testing.T, conn *grpc.ClientConn, key string, n int) {
	t.Helper()
	var trailer metadata.MD
	err := conn.Invoke(t.Context(), procedure, wrapperspb.String(key), new(emptypb.Empty), grpc.Trailer(&trailer))
	d, ok := fixed.DetailsAs[fixed.InvalidInputDetails](err)
	if !errors.Is(err, fixed.ErrInvalidInput) || !ok || len(d.Problems) == 0 || len(d.Problems) > n || d.Field != "items" {
		t.Errorf("%s: typed client: %v, %d problems, field %q; want INVALID_INPUT with its problems", key, err, len(d.Problems), d.Field)
	}
	if got := trailer.Get("x-request-id"); !slices.Equal(got, []string{"req-large"}) {
		t.Errorf("%s: trailer request id %q", key, got)
	}
}

// streamEnd is the error that ends the server-streaming call of key,
// after the messages it sends.
func streamEnd(conn *grpc.ClientConn, key string) error {
	cs, err := conn.NewStream(context.Background(), &grpc.StreamDesc{StreamName: "FailStream", ServerStreams: true}, streamProcedure)
	if err == nil {
		err = cs.SendMsg(wrapperspb.String(key))
	}
	for err == nil {
		err = cs.RecvMsg(new(emptypb.Empty))
	}
	return err
}

// TestDetailsBudgetMessage: a status whose message alone takes it over the
// budget keeps ErrorInfo's reason, RequestInfo and LocalizedMessage, and
// leaves out all else: every field violation and metadata value.
func TestDetailsBudgetMessage(t *testing.T) {
	s := suites[0]
	errs := map[string]error{"long-message": largeInvalidInput(5, 0).WithMessage(strings.Repeat("m", 8000))}
	err := invoke(dial(t, grpcServer(t, s, errs, &reports{})), "long-message")
	r := readStatus(t, status.Convert(err).Proto())
	md := r.info.GetMetadata()
	if r.info.GetReason() != "INVALID_INPUT" || r.requestID != "req-large" || !r.localized || len(r.violations) != 0 ||
		md["omitted-field-violations"] != "5" || md["omitted-metadata"] != "field,problems" || len(md) != 2 {
		t.Errorf("%v: ErrorInfo %v, %d violations, request id %q", err, r.info, len(r.violations), r.requestID)
	}
}

// TestDetailsBudgetEdge: no status goes over the budget, whatever its size
// near it, the one a gRPC server sends and the one NewError makes, which
// knows no protocol: 1 to 120 violations, messages of 0 to 2,000 bytes;
// but one its message alone takes over (three times: grpc-message, the
// Status's, LocalizedMessage's), which goes without violations nor
// metadata.
func TestDetailsBudgetEdge(t *testing.T) {
	trimmed := 0
	for n := 1; n <= 120; n++ {
		for _, message := range []string{"", strings.Repeat("é", n*8), strings.Repeat("m", 2000)} {
			e := largeInvalidInput(n, 0)
			if message != "" {
				e = e.WithMessage(message)
			}
			_, connectStatus := connectWire(t, connectfixed.NewError(e))
			for via, st := range map[string]*spb.Status{"grpc": grpcfixed.Status(e).Proto(), "connect": connectStatus} {
				r := readStatus(t, st)
				md := r.info.GetMetadata()
				if size := trailerBytesOf(st); size > budget && (len(r.violations) > 0 || len(md) != 2) {
					t.Fatalf("%s, %d violations, message of %d bytes: %d bytes, %d violations, metadata %v; want at most %d", via, n, len(message), size, len(r.violations), md, budget)
				}
				if md["omitted-metadata"] != "" {
					trimmed++
				}
			}
		}
	}
	if trimmed == 0 {
		t.Error("no status was trimmed: the sizes tested are not near the budget")
	}
}

// trailerBytesOf is trailerBytes with the message percent-encoded, as
// grpc-message carries it.
func trailerBytesOf(st *spb.Status) int {
	size := trailerBytes(st) - len(st.GetMessage())
	for i := 0; i < len(st.GetMessage()); i++ {
		if c := st.GetMessage()[i]; c < ' ' || c > '~' || c == '%' {
			size += 3
		} else {
			size++
		}
	}
	return size
}
