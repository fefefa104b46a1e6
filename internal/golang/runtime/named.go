package runtime

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
	i := skipSpace(obj, 1)
	for i < len(obj) && obj[i] == '"' {
		keyEnd := skipValue(obj, i)
		key, _ := stringValue(obj[i:keyEnd])
		valStart := skipSpace(obj, skipSpace(obj, keyEnd)+1) // past the colon
		valEnd := skipValue(obj, valStart)
		if !isNamed(key, named) {
			if len(b) > start {
				b = append(b, ',')
			}
			b = append(b, obj[i:keyEnd]...)
			b = append(b, ':')
			b = append(b, obj[valStart:valEnd]...)
		}
		i = skipSpace(obj, valEnd)
		if i < len(obj) && obj[i] == ',' {
			i = skipSpace(obj, i+1)
		}
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

// hasDetailsExcept reports whether appendDetailsExcept's object has members.
func (e *Error) hasDetailsExcept(named []string) bool {
	if !e.hasDetails() {
		return false
	}
	return len(e.appendDetailsExcept(nil, named)) > 2
}

func isNamed(key string, named []string) bool {
	for _, n := range named {
		if n == key {
			return true
		}
	}
	return false
}
