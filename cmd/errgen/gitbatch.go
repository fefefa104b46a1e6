package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// blobBatch reads blobs through one git cat-file --batch: the files of a
// catalog at the base, whose object ids the tree's listing gave. Two git processes a file (its size, then its bytes) cost
// some 25 ms a file, so 1,000 included files took 24 s.
type blobBatch struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	errOut *cappedBuffer
	failed error // once reading fails, the stream is out of step: every later read fails too
}

// startBlobBatch starts git cat-file --batch in the repository at top.
func startBlobBatch(top string) (*blobBatch, error) {
	cmd := gitCommand(top, "cat-file", "--batch")
	errOut := &cappedBuffer{limit: 64 << 10, drop: true}
	cmd.Stderr = errOut
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &blobBatch{cmd: cmd, in: in, out: bufio.NewReader(out), errOut: errOut}, nil
}

// read returns the bytes of object, a blob, within limit. A larger one is
// a blobTooLarge, its size as git's header gives it: git, printing it, is
// stopped unread, and the caller starts another batch for the next blob.
// The size comes from the header, not the tree's listing: git ls-tree -l
// reads every blob's size, which in a partial clone fetches every file of
// the catalog's folder tree, one at a time (offline, fails).
func (b *blobBatch) read(object string, limit int64) ([]byte, error) {
	if b.failed != nil {
		return nil, b.failed
	}
	data, err := b.next(object, limit)
	var tooLarge blobTooLarge
	switch {
	case errors.As(err, &tooLarge):
		_ = b.stop(err)
		b.failed = err
		return nil, err
	case err != nil:
		b.failed = b.stop(err)
		return nil, b.failed
	}
	return data, nil
}

// blobTooLarge is a blob's size when it is over the limit read was given.
type blobTooLarge int64

func (size blobTooLarge) Error() string { return fmt.Sprintf("a blob of %d bytes", int64(size)) }

// next asks for object and reads its answer.
func (b *blobBatch) next(object string, limit int64) ([]byte, error) {
	if _, err := io.WriteString(b.in, object+"\n"); err != nil {
		return nil, err
	}
	return readBatchBlob(b.out, object, limit)
}

// readBatchBlob reads git cat-file --batch's answer for object, a blob of
// at most limit bytes: its header, exactly as git writes it ("OBJECT blob
// SIZE", SIZE in plain digits), the bytes and the newline after them, and
// not a byte more. A blob over limit is a blobTooLarge, its bytes left
// unread; a header longer than out's buffer is an error, not a line read
// without end.
func readBatchBlob(out *bufio.Reader, object string, limit int64) ([]byte, error) {
	header, err := out.ReadSlice('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file --batch: reading the header for blob %s: %v", object, err)
	}
	digits, ok := strings.CutPrefix(string(header), object+" blob ")
	digits, ok2 := strings.CutSuffix(digits, "\n")
	size, err := strconv.ParseInt(digits, 10, 64)
	switch {
	case !ok || !ok2 || err != nil || size < 0 || strconv.FormatInt(size, 10) != digits:
		return nil, fmt.Errorf("git cat-file --batch printed %q for blob %s", strings.TrimSpace(string(header)), object)
	case size > limit:
		return nil, blobTooLarge(size)
	}
	data := make([]byte, size+1)
	if _, err := io.ReadFull(out, data); err != nil {
		return nil, err
	}
	if data[size] != '\n' {
		return nil, errors.New("git cat-file --batch: no newline after a blob")
	}
	return data[:size], nil
}

// stop ends git after a failed read and says why, in git's words when it
// said any.
func (b *blobBatch) stop(err error) error {
	_ = b.cmd.Process.Kill()
	_ = b.cmd.Wait()
	if msg := strings.TrimSpace(b.errOut.buf.String()); msg != "" {
		return fmt.Errorf("git cat-file: %s", msg)
	}
	return fmt.Errorf("git cat-file: %v", err)
}

// close ends git once every blob is read.
func (b *blobBatch) close() {
	if b == nil || b.failed != nil {
		return
	}
	_ = b.in.Close()
	_ = b.cmd.Wait()
}
