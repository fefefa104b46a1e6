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

// blobBatch reads blobs through one git cat-file --batch: the files a split
// catalog includes at the base, whose object ids and sizes the tree's
// listing gave. Two git processes a file (its size, then its bytes) cost
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

// read returns the bytes of object, a blob the listing said is size bytes;
// the caller has checked size against the catalog's limit, and read takes
// no more than that.
func (b *blobBatch) read(object string, size int64) ([]byte, error) {
	if b.failed != nil {
		return nil, b.failed
	}
	data, err := b.next(object, size)
	if err != nil {
		b.failed = b.stop(err)
		return nil, b.failed
	}
	return data, nil
}

// next asks for object and reads its answer.
func (b *blobBatch) next(object string, size int64) ([]byte, error) {
	if _, err := io.WriteString(b.in, object+"\n"); err != nil {
		return nil, err
	}
	return readBatchBlob(b.out, object, size)
}

// readBatchBlob reads git cat-file --batch's answer for object, a blob of
// size bytes: its header, exactly as git writes it, the bytes and the
// newline after them, and not a byte more. A header longer than out's
// buffer is an error, not a line read without end.
func readBatchBlob(out *bufio.Reader, object string, size int64) ([]byte, error) {
	if size < 0 {
		return nil, fmt.Errorf("git cat-file --batch: blob %s of %d bytes", object, size)
	}
	header, err := out.ReadSlice('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file --batch: reading the header for blob %s: %v", object, err)
	}
	if string(header) != object+" blob "+strconv.FormatInt(size, 10)+"\n" {
		return nil, fmt.Errorf("git cat-file --batch printed %q for blob %s of %d bytes", strings.TrimSpace(string(header)), object, size)
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
