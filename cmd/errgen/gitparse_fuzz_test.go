package main

import (
	"bufio"
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// treeLine is a line git ls-tree -z prints: the oracle parseTreeEntry is
// held to.
var treeLine = regexp.MustCompile(`(?s)^([0-7]{6}) (blob|tree|commit) ([0-9a-f]{40}|[0-9a-f]{64})\t(.+)$`)

const (
	sha1Object   = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
	sha256Object = "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813"
)

// treeEntryCases are git's lines and garbled ones: a line without its tab
// or path, with a size (ls-tree -l, which errgen does not ask for), an
// object that is a revision expression, a kind git has not.
var treeEntryCases = []string{
	"100644 blob " + sha1Object + "\terrors/a.yaml",
	"100644 blob " + sha256Object + "\ta\tb\nc",
	"040000 tree " + sha1Object + "\terrors",
	"160000 commit " + sha1Object + "\tvendor/x",
	"120000 blob " + sha1Object + "\tlink.yaml",
	"100644 blob " + sha1Object,
	"100644 blob " + sha1Object + "\t",
	"100644 blob " + sha1Object + "      12\terrors/a.yaml",
	"100644 blob HEAD:secret\ta.yaml",
	"100644  blob " + sha1Object + "\ta.yaml",
	"100644 tag " + sha1Object + "\ta.yaml",
	"10064 blob " + sha1Object + "\ta.yaml",
	"",
}

func TestParseTreeEntry(t *testing.T) {
	for _, line := range treeEntryCases {
		checkTreeEntry(t, line)
	}
}

// FuzzParseTreeEntry feeds any line to parseTreeEntry as git ls-tree's:
// it takes exactly what git prints, with the fields git printed, and
// refuses the rest.
func FuzzParseTreeEntry(f *testing.F) {
	for _, line := range treeEntryCases {
		f.Add(line)
	}
	f.Fuzz(checkTreeEntry)
}

func checkTreeEntry(t *testing.T, line string) {
	e, path, ok := parseTreeEntry(line)
	m := treeLine.FindStringSubmatch(line)
	if ok != (m != nil) {
		t.Fatalf("parseTreeEntry(%q): ok %v, want %v", line, ok, m != nil)
	}
	if ok && (m[1] != e.mode || m[2] != e.kind || m[3] != e.object || m[4] != path) {
		t.Fatalf("parseTreeEntry(%q) = %+v, %q", line, e, path)
	}
}

// batchCases are answers of git cat-file --batch to a blob, with the
// limit it is read within: right, missing, over the limit, of another
// type, short, without the newline after the bytes, with a header git
// does not write (spaces, a sign, a leading zero) or beyond any it writes.
var batchCases = []struct {
	out   string
	limit int64
}{
	{sha1Object + " blob 5\nhello\n", 5},
	{sha1Object + " blob 5\nhello\n" + sha1Object + " blob 5\nworld\n", 5},
	{sha1Object + " missing\n", 5},
	{sha1Object + " blob 6\nhello!\n", 5},
	{sha1Object + " tree 5\nhello\n", 5},
	{sha1Object + " blob 5\nhel", 5},
	{sha1Object + " blob 5\nhelloX", 5},
	{sha1Object + "  blob 5\nhello\n", 5},
	{sha1Object + " blob 5 \nhello\n", 5},
	{sha1Object + " blob\t5\nhello\n", 5},
	{sha1Object + " blob -1\n", 5},
	{sha1Object + " blob +5\nhello\n", 5},
	{sha1Object + " blob 05\nhello\n", 5},
	{sha1Object + " blob 0\n\n", 0},
	{sha1Object + " blob 99999999999999999999\n", 5},
	{strings.Repeat("x", 5000) + "\n", 5},
	{"", 5},
}

// batchBuffer is the reader's buffer in these tests: startBlobBatch's,
// bufio's default.
const batchBuffer = 4096

// batchHeader is the header git writes for a blob: the oracle.
var batchHeader = regexp.MustCompile(`^` + sha1Object + ` blob (0|[1-9][0-9]{0,17})\n`)

func TestReadBatchBlob(t *testing.T) {
	for _, tc := range batchCases {
		checkBatchBlob(t, []byte(tc.out), tc.limit)
	}
}

// FuzzReadBatchBlob feeds any bytes to readBatchBlob as git cat-file
// --batch's answer for a blob: it never panics, returns the blob only when
// git's answer is exactly its header, its bytes and a newline, within the
// limit, so never a blob of another size, answers a blobTooLarge for one
// over the limit without reading its bytes, and takes no more of the
// stream than the answer (the next blob's answer follows).
func FuzzReadBatchBlob(f *testing.F) {
	for _, tc := range batchCases {
		f.Add([]byte(tc.out), tc.limit)
	}
	f.Fuzz(func(t *testing.T, out []byte, limit int64) {
		checkBatchBlob(t, out, limit&(1<<20-1)) // the caller's limit: the catalog's, positive
	})
}

func checkBatchBlob(t *testing.T, out []byte, limit int64) {
	stream := bytes.NewReader(out)
	r := bufio.NewReaderSize(stream, batchBuffer)
	data, err := readBatchBlob(r, sha1Object, limit)
	taken := len(out) - stream.Len() - r.Buffered()
	m := batchHeader.FindSubmatch(out)
	size := int64(-1)
	if m != nil {
		size, _ = strconv.ParseInt(string(m[1]), 10, 64)
	}
	answer := 0 // header, bytes and newline of a blob within the limit
	if m != nil {
		answer = len(m[0]) + int(min(size, limit)) + 1
	}
	well := m != nil && size <= limit && len(out) >= answer && out[answer-1] == '\n'
	if well != (err == nil) {
		t.Fatalf("readBatchBlob(%q, %d) = %q, %v; want an error: %v", out, limit, data, err, !well)
	}
	var tooLarge blobTooLarge
	if m != nil && size > limit && (!errors.As(err, &tooLarge) || int64(tooLarge) != size || taken > len(m[0])) {
		t.Fatalf("readBatchBlob(%q, %d) = %v, taking %d bytes; want a blobTooLarge of %d, taking the header alone", out, limit, err, taken, size)
	}
	if err == nil && (int64(len(data)) != size || !bytes.Equal(data, out[len(m[0]):answer-1]) || taken != answer) {
		t.Fatalf("readBatchBlob(%q, %d) = %q, taking %d bytes; want %q, taking %d", out, limit, data, taken, out[len(m[0]):answer-1], answer)
	}
	if bound := batchBuffer + int(limit) + 1; taken > bound {
		t.Fatalf("readBatchBlob(%q, %d) took %d bytes, more than %d", out, limit, taken, bound)
	}
}
