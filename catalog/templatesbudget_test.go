package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/diag"
)

// The files of docs.templates are bounded together, as translation files
// are: a folder of twenty templates of 1 MiB each, each within its own
// limit, is one problem once 8 MiB are read, and the files after it are
// not read.
func TestTemplatesBoundedTogether(t *testing.T) {
	files := &countingFiles{MemFiles: MemFiles{
		"catalog.yaml": []byte("version: 1\napi: Shop\ndocs: {templates: tpl}\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"),
	}, reads: map[string]int{}, globs: map[string]int{}}
	for i := range 20 {
		files.MemFiles[fmt.Sprintf("tpl/t%02d.tmpl", i)] = bytes.Repeat([]byte("x"), MaxTemplateSize)
	}
	_, err := LoadFiles(files, "catalog.yaml")
	var l *diag.List
	if !errors.As(err, &l) || len(l.Items) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	want := `catalog.yaml:3:19: docs.templates "tpl": the templates are larger than 8 MiB together, with tpl/t08.tmpl: keep only the page's templates there (error.tmpl …), each changed from errgen's templates/`
	if got := l.Items[0].String(); got != want {
		t.Errorf("problem\n%s\nwant\n%s", got, want)
	}
	read := 0
	for name := range files.reads {
		if strings.HasSuffix(name, ".tmpl") {
			read++
		}
	}
	if read != 9 {
		t.Errorf("%d templates read, want 9: 8 MiB and the one past it", read)
	}
}
