package catalog

import "slices"

// keyPos is where one key an error gives is in the error's file: the key
// is errorKeys[key]. Small, as every error of a large catalog keeps a few.
type keyPos struct {
	key       uint8
	line, col int32
}

// recordKeys keeps where each of the error's keys is, for KeyPos.
func (e *Error) recordKeys(fields []field) {
	e.keys = make([]keyPos, 0, len(fields))
	for _, f := range fields {
		if i := slices.Index(errorKeys, f.key); i >= 0 {
			p := posOf(f.keyN)
			e.keys = append(e.keys, keyPos{key: uint8(i), line: int32(p.Line), col: int32(p.Col)})
		}
	}
}

// KeyPos is where e gives key (status, title, …) in its file, so that a
// change of that key (errgen diff) points at the key, not at the code;
// false, with e.Pos, when e does not give it.
func (e *Error) KeyPos(key string) (Pos, bool) {
	i := slices.Index(errorKeys, key)
	for _, k := range e.keys {
		if int(k.key) == i {
			return Pos{File: e.Pos.File, Line: int(k.line), Col: int(k.col)}, true
		}
	}
	return e.Pos, false
}
