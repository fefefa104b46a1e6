package fixed

// Envelopes that place some details by name ($details.NAME) and hold the
// others in a whole $details or a spread write each detail once: these are
// the others.

// appendDetailsExcept appends the details object without the members named.
func (e *Error) appendDetailsExcept(b []byte, named []string) []byte {
	obj := e.detailsJSON
	if obj == nil {
		obj = e.appendDetails(nil)
	}
	b = append(b, '{')
	start := len(b)
	it, _ := newObjectIter(obj)
	for key, val, ok := it.next(); ok; key, val, ok = it.next() {
		if isNamed(key, named) {
			continue
		}
		if len(b) > start {
			b = append(b, ',')
		}
		b = append(b, key...)
		b = append(b, ':')
		b = append(b, val...)
	}
	return append(b, '}')
}

// appendDetailMembersExcept appends the members of appendDetailsExcept's
// object without its braces: a spread.
func (e *Error) appendDetailMembersExcept(b []byte, named []string) []byte {
	start := len(b)
	b = e.appendDetailsExcept(b, named)
	copy(b[start:], b[start+1:len(b)-1])
	return b[:len(b)-2]
}

// hasDetailsExcept reports whether appendDetailsExcept's object has members,
// without encoding it: as hasDetails does, leaving the named ones out.
func (e *Error) hasDetailsExcept(named []string) bool {
	if e.detailsJSON != nil {
		it, _ := newObjectIter(e.detailsJSON)
		for key, _, ok := it.next(); ok; key, _, ok = it.next() {
			if !isNamed(key, named) {
				return true
			}
		}
		return false
	}
	if e.details == nil {
		return false
	}
	v := e.detailsStruct()
	for _, f := range e.def.prepared().fields {
		if !isNamedField(f.name, named) && (!f.omitEmpty || !isEmptyValue(v.Field(f.index))) {
			return true
		}
	}
	return false
}

// isNamed reports whether a member's key, a JSON string, is one of named.
func isNamed(key []byte, named []string) bool {
	for _, n := range named {
		if keyIs(key, n) {
			return true
		}
	}
	return false
}

func isNamedField(name string, named []string) bool {
	for _, n := range named {
		if n == name {
			return true
		}
	}
	return false
}
