package catalog

// includeCache remembers what reading and globbing the include list's
// names found, so that a name or a pattern listed again costs a lookup,
// not a read: a root of 16 MiB could list a 4 MiB file a million times,
// and each repetition, a problem ("listed twice"), was reported only after
// the file was read again, terabytes in all.
type includeCache struct {
	reads map[string]cachedRead // by name
	globs map[string]cachedGlob // by pattern
}

// cachedRead is what the first read of a name found: its identity, or the
// error. Its bytes are not kept: the name read again is a repetition,
// which includeFile reports by the identity alone.
type cachedRead struct {
	id  string
	err error
}

type cachedGlob struct {
	names []string
	err   error
}

// read is Files.Read of name within what is left of the catalog's size,
// or, for a name read before, its identity and error again, without bytes.
func (l *loader) read(name string) (data []byte, id string, err error) {
	if r, ok := l.cache.reads[name]; ok {
		return nil, r.id, r.err
	}
	data, id, err = l.files.Read(name, l.left)
	if l.cache.reads == nil {
		l.cache.reads = map[string]cachedRead{}
	}
	l.cache.reads[name] = cachedRead{id, err}
	return data, id, err
}

// glob is Files.Glob of pattern, once per pattern.
func (l *loader) glob(pattern string) ([]string, error) {
	if g, ok := l.cache.globs[pattern]; ok {
		return g.names, g.err
	}
	names, err := l.files.Glob(pattern)
	if l.cache.globs == nil {
		l.cache.globs = map[string]cachedGlob{}
	}
	l.cache.globs[pattern] = cachedGlob{names, err}
	return names, err
}
