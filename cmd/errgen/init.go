package main

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/errgen/errgen"
)

// starterFS holds the starter catalog, a template over the preset.
//
//go:embed starter/catalog.yaml.tmpl
var starterFS embed.FS

// presetAbout says, in the starter's comment, what each preset's bodies
// look like.
var presetAbout = map[string]string{
	"problem": "RFC 9457 problem details (application/problem+json):\n#   {\"type\", \"title\", \"status\", \"detail\", \"instance\", \"code\", ...details}.\n# Other presets: flat, jsonapi, nested, oauth2, or a custom envelope.",
	"flat":    "flat JSON (application/json):\n#   {\"error\": message, \"code\", \"details\"}.\n# Other presets: problem, jsonapi, nested, oauth2, or a custom envelope.",
	"jsonapi": "JSON:API (application/vnd.api+json):\n#   {\"errors\": [{\"status\", \"code\", \"title\", \"detail\", \"meta\": details}]}.\n# Other presets: problem, flat, nested, oauth2, or a custom envelope.",
	"nested":  "one nested object (application/json):\n#   {\"error\": {\"code\", \"message\", \"type\", \"param\", ...details, \"request_id\"}}.\n# Other presets: problem, flat, jsonapi, oauth2, or a custom envelope.",
	"oauth2":  "OAuth 2.0, RFC 6749 section 5.2 (application/json):\n#   {\"error\": code, \"error_description\": message, \"error_uri\", ...details}.\n# Other presets: problem, flat, jsonapi, nested, or a custom envelope.",
}

const initSynopsis = `errgen init [--format PRESET] [--split] [DIR]

Writes DIR/catalog.yaml (DIR defaults to the current directory): a starter
catalog of six common errors, each key explained in a comment, which
validates and generates as it is. With --split, the same catalog split:
catalog.yaml holds the settings and include: [errors/*.yaml], and
errors/client.yaml and errors/server.yaml the errors. An existing file is
never overwritten, and --split refuses a folder with errors/*.yaml files,
which its include would read.`

// runInit implements "errgen init"; prog is how errgen was invoked, for
// the commands it suggests next.
func runInit(prog string, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(prog, "init", initSynopsis, stdout, stderr)
	fs.operands = 1 // DIR
	format := fs.String("format", "problem", "the envelope preset: problem, flat, jsonapi, nested or oauth2")
	split := fs.Bool("split", false, "split the catalog: a root that includes errors/*.yaml, and the errors in errors/client.yaml and errors/server.yaml")
	if code, stop := fs.parse(args); stop {
		return code
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	if msg := notADir(prog, dir); msg != "" {
		code, _ := fs.usageError("%s", msg)
		return code
	}
	text, err := starter(*format)
	if err != nil {
		code, _ := fs.usageError("%v", err)
		return code
	}
	files := [][2]string{{"catalog.yaml", string(text)}}
	if *split {
		if files, err = starterSplit(text); err == nil {
			err = splitClash(dir)
		}
		if err != nil {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
			return exitFailure
		}
	}
	path := filepath.Join(dir, "catalog.yaml")
	if err := writeFiles(dir, files); err != nil {
		var exists existsError
		if errors.As(err, &exists) {
			err = fmt.Errorf("%s already exists; %s never overwrites a catalog: move it away or give another directory", exists.path, commandLine(prog, []string{"init"}))
		}
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return exitFailure
	}
	// The outputs go beside the catalog: in another directory, the default
	// --out would be the current one's generated/, perhaps another
	// project's.
	generate := []string{operandPath(path)}
	if dir != "." {
		generate = append(generate, "--out", filepath.Join(dir, "generated"))
	}
	wrote := path
	if *split {
		wrote = fmt.Sprintf("%s and %s", path, filepath.Join(dir, "errors", "*.yaml"))
	}
	fmt.Fprintf(stdout, "errgen: wrote %s (envelope format: %s)\nNext: edit it, then run %s and %s\n", wrote, *format,
		commandLine(prog, []string{"validate", operandPath(path)}), commandLine(prog, generate))
	return exitOK
}

// notADir says why DIR cannot be the folder errgen init writes
// catalog.yaml in, or "": an existing file, or a name that is a catalog's
// file name rather than a folder's (errgen init catalog.yaml would make a
// folder catalog.yaml/ holding catalog.yaml). It names init as errgen
// was invoked (prog).
func notADir(prog, dir string) string {
	st, err := os.Stat(dir)
	initCmd := commandLine(prog, []string{"init"})
	switch {
	case err == nil && !st.IsDir():
		return fmt.Sprintf("%s is a file: %s takes the folder to write catalog.yaml in", dir, initCmd)
	case err != nil && slices.Contains([]string{".yaml", ".yml", ".json"}, strings.ToLower(filepath.Ext(dir))):
		run := []string{"init"}
		if parent := filepath.Dir(dir); parent != "." {
			run = append(run, parent)
		}
		return fmt.Sprintf("%s names a file, not a folder: %s DIR writes DIR/catalog.yaml (run %s)", dir, initCmd, commandLine(prog, run))
	}
	return ""
}

// starter renders the starter catalog for a preset.
func starter(format string) ([]byte, error) {
	about, ok := presetAbout[format]
	if !ok {
		return nil, fmt.Errorf("--format %q is not a preset; use one of problem, flat, jsonapi, nested, oauth2", format)
	}
	tmpl, err := template.New("catalog.yaml.tmpl").Option("missingkey=error").ParseFS(starterFS, "starter/catalog.yaml.tmpl")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	data := map[string]string{"SchemaURL": errgen.SchemaURL, "Format": format, "About": about}
	if err := tmpl.Execute(&buf, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeFiles writes each file under dir, refusing to replace any: none is
// written when one exists, and when one cannot be written, those written
// before it and the folders made for them are removed again (--split's
// catalog.yaml stayed when errors/ could not be made).
func writeFiles(dir string, files [][2]string) error {
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f[0])); err == nil {
			return existsError{filepath.Join(dir, f[0])}
		}
	}
	var made created
	for _, f := range files {
		if err := made.writeNew(filepath.Join(dir, f[0]), []byte(f[1])); err != nil {
			made.remove()
			return err
		}
	}
	return nil
}

// existsError is writeFiles' refusal of a file that exists, which runInit
// words, naming init as errgen was invoked.
type existsError struct{ path string }

func (e existsError) Error() string {
	return fmt.Sprintf("%s already exists; errgen init never overwrites a catalog: move it away or give another directory", e.path)
}

// created are the files and folders errgen init made, which a failure
// takes back.
type created struct{ files, dirs []string }

// writeNew creates path, and its directory, refusing to replace a file.
func (c *created) writeNew(path string, data []byte) error {
	for d := filepath.Dir(path); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) || filepath.Dir(d) == d {
			break
		}
		c.dirs = append(c.dirs, d)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return existsError{path}
	}
	if err != nil {
		return err
	}
	c.files = append(c.files, path)
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// remove removes the files made, then the folders made, the deepest
// first, each only when empty.
func (c *created) remove() {
	for _, path := range c.files {
		os.Remove(path)
	}
	slices.SortFunc(c.dirs, func(a, b string) int { return len(b) - len(a) })
	for _, dir := range c.dirs {
		os.Remove(dir)
	}
}
