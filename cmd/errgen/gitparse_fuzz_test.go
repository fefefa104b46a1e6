package main

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// treeLine is a line git ls-tree -z may print, with -l (sized) or without:
// the oracle parseTreeEntry is held to.
var (
	treeLine      = regexp.MustCompile(`(?s)^([0-7]{6}) (blob|tree|commit) ([0-9a-f]{40}|[0-9a-f]{64})\t(.+)$`)
	sizedTreeLine = regexp.MustCompile(`(?s)^([0-7]{6}) (blob|tree|commit) ([0-9a-f]{40}|[0-9a-f]{64}) +(-|[0-9]+)\t(.+)$`)
)

const (
	sha1Object   = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
	sha256Object = "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813"
)

// treeEntryCases are git's lines and garbled ones: a line without its tab
// or path, a signed or unsigned size, a size on a tree, an object that is
// a revision expression.
var treeEntryCases = []struct {
	line  string
	sized bool
}{
	{"100644 blob " + sha1Object + "      12\terrors/a.yaml", true},
	{"100644 blob " + sha256Object + " 0\ta\tb\nc", true},
	{"040000 tree " + sha1Object + "       -\terrors", true},
	{"160000 commit " + sha1Object + "       -\tvendor/x", true},
	{"120000 blob " + sha1Object + "\tlink.yaml", false},
	{"100644 blob " + sha1Object + "      12", true},
	{"100644 blob " + sha1Object + "      12\t", true},
	{"100644 blob " + sha1Object + "      -1\ta.yaml", true},
	{"100644 blob " + sha1Object + "      +1\ta.yaml", true},
	{"100644 blob " + sha1Object + " -\ta.yaml", true},
	{"040000 tree " + sha1Object + " 5\terrors", true},
	{"100644 blob HEAD:secret 5\ta.yaml", true},
	{"100644 blob " + sha1Object + " 5 6\ta.yaml", true},
	{"100644  blob " + sha1Object + " 5\ta.yaml", true},
	{"100644 blob " + sha1Object + " 99999999999999999999\ta.yaml", true},
	{"", false},
}

func TestParseTreeEntry(t *testing.T) {
	for _, tc := range treeEntryCases {
		checkTreeEntry(t, tc.line, tc.sized)
	}
}

// FuzzParseTreeEntry feeds any line to parseTreeEntry as git ls-tree's:
// it takes exactly what git prints, with the fields git printed, and
// refuses the rest.
func FuzzParseTreeEntry(f *testing.F) {
	for _, tc := range treeEntryCases {
		f.Add(tc.line, tc.sized)
	}
	f.Fuzz(checkTreeEntry)
}

func checkTreeEntry(t *testing.T, line string, sized bool) {
	e, path, ok := parseTreeEntry(line, sized)
	var m []string
	if sized {
		m = sizedTreeLine.FindStringSubmatch(line)
	} else {
		m = treeLine.FindStringSubmatch(line)
	}
	want := m != nil
	if want && sized {
		_, err := strconv.ParseInt(m[4], 10, 64)
		want = (m[2] == "blob") == (m[4] != "-") && (m[4] == "-" || err == nil)
	}
	if ok != want {
		t.Fatalf("parseTreeEntry(%q, %v): ok %v, want %v", line, sized, ok, want)
	}
	if !ok {
		return
	}
	size := "-"
	if e.size >= 0 {
		size = strconv.FormatInt(e.size, 10)
	}
	if m[1] != e.mode || m[2] != e.kind || m[3] != e.object || m[len(m)-1] != path || sized && strings.TrimLeft(m[4], "0") != strings.TrimLeft(size, "0") {
		t.Fatalf("parseTreeEntry(%q, %v) = %+v, %q", line, sized, e, path)
	}
	if !sized && e.size != -1 || e.kind != "blob" && e.size != -1 {
		t.Fatalf("parseTreeEntry(%q, %v): size %d", line, sized, e.size)
	}
}

// batchCases are answers of git cat-file --batch to a blob of 5 bytes:
// right, missing, of another size or type, short, without the newline
// after the bytes, with a header beyond any git writes.
var batchCases = []struct {
	out  string
	size int64
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
	{sha1Object + " blob -1\n", -1},
	{sha1Object + " blob 0\n\n", 0},
	{strings.Repeat("x", 5000) + "\n", 5},
	{"", 5},
}

// batchBuffer is the reader's buffer in these tests: startBlobBatch's,
// bufio's default.
const batchBuffer = 4096

func TestReadBatchBlob(t *testing.T) {
	for _, tc := range batchCases {
		checkBatchBlob(t, []byte(tc.out), tc.size)
	}
}

// FuzzReadBatchBlob feeds any bytes to readBatchBlob as git cat-file
// --batch's answer for a blob the listing said is size bytes: it never
// panics, returns the blob only when git's answer is exactly its header,
// its bytes and a newline, so never a blob of another size, and takes no
// more of the stream than that answer (the next blob's answer follows).
func FuzzReadBatchBlob(f *testing.F) {
	for _, tc := range batchCases {
		f.Add([]byte(tc.out), tc.size)
	}
	f.Fuzz(func(t *testing.T, out []byte, size int64) {
		if size > 1<<20 {
			size %= 1 << 20 // the caller holds sizes to the catalog's limit before reading
		}
		checkBatchBlob(t, out, size)
	})
}

func checkBatchBlob(t *testing.T, out []byte, size int64) {
	stream := bytes.NewReader(out)
	r := bufio.NewReaderSize(stream, batchBuffer)
	data, err := readBatchBlob(r, sha1Object, size)
	taken := len(out) - stream.Len() - r.Buffered()
	header := fmt.Sprintf("%s blob %d\n", sha1Object, size)
	answer := len(header) + int(size) + 1
	well := size >= 0 && bytes.HasPrefix(out, []byte(header)) && len(out) >= answer && out[answer-1] == '\n'
	if well != (err == nil) {
		t.Fatalf("readBatchBlob(%q, %d) = %q, %v; want an error: %v", out, size, data, err, !well)
	}
	if err == nil && (int64(len(data)) != size || !bytes.Equal(data, out[len(header):answer-1]) || taken != answer) {
		t.Fatalf("readBatchBlob(%q, %d) = %q, taking %d bytes; want %q, taking %d", out, size, data, taken, out[len(header):answer-1], answer)
	}
	if limit := max(batchBuffer, len(header)) + max(int(size), 0) + 1; taken > limit {
		t.Fatalf("readBatchBlob(%q, %d) took %d bytes, more than %d", out, size, taken, limit)
	}
}
