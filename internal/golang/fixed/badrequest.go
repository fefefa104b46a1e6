package fixed

import "reflect"

// An error's detail marked grpc: bad_request in the catalog is a list of
// objects, each naming a field (its "field") and what is wrong with it (its
// "description", else its "message"): the gRPC and Connect packages send
// them as AIP-193's BadRequest field violations too, for clients that read
// only Google's details. ErrorInfo's metadata carries the whole detail, as
// it carries every detail.

// RPCFieldViolation is a field violation of AIP-193's BadRequest detail.
type RPCFieldViolation struct {
	Field       string // the path of the field at fault, e.g. emails[0].value
	Description string // what is wrong with it
}

// fieldViolations are the objects of the error's bad_request detail as
// field violations; nil when it has no such detail, or sends no object of it.
func (e *Error) fieldViolations() []RPCFieldViolation {
	if e.def.badRequest == "" {
		return nil
	}
	list, ok := e.detailField(e.def.badRequest)
	if !ok || list.Kind() != reflect.Slice {
		return nil
	}
	field, desc := violationFields(list.Type().Elem())
	if field < 0 || desc < 0 {
		return nil
	}
	out := make([]RPCFieldViolation, list.Len())
	for i := range out {
		item := list.Index(i)
		out[i] = RPCFieldViolation{Field: validUTF8(item.Field(field).String()), Description: validUTF8(item.Field(desc).String())}
	}
	return out
}

// violationFields are the indexes of the field and description members of
// t, the struct type of a bad_request detail's objects; -1 for one t lacks.
func violationFields(t reflect.Type) (field, desc int) {
	if desc = fieldByJSONName(t, "description"); desc < 0 {
		desc = fieldByJSONName(t, "message")
	}
	return fieldByJSONName(t, "field"), desc
}

// withViolations is the metadata s carries for def, with def's bad_request
// detail made of s's field violations when the metadata lacks it (a server
// that sends BadRequest without it in ErrorInfo): their field and
// description, its objects' other fields left empty.
func (def *definition) withViolations(s RPCStatus) map[string]string {
	md := s.Metadata
	if def.badRequest == "" || len(s.FieldViolations) == 0 || def.zero == nil {
		return md
	}
	if _, ok := md[def.badRequest]; ok {
		return md
	}
	t := reflect.TypeOf(def.zero)
	i := fieldByJSONName(t, def.badRequest)
	if i < 0 || t.Field(i).Type.Kind() != reflect.Slice {
		return md
	}
	item := t.Field(i).Type.Elem()
	field, desc := violationFields(item)
	if field < 0 || desc < 0 {
		return md
	}
	b := []byte{'['}
	for j, v := range s.FieldViolations {
		if j > 0 {
			b = append(b, ',')
		}
		b = append(appendString(append(b, `{"field":`...), v.Field), ',')
		b = append(appendString(b, jsonName(item.Field(desc))), ':')
		b = append(appendString(b, v.Description), '}')
	}
	out := make(map[string]string, len(md)+1)
	for k, v := range md {
		out[k] = v
	}
	out[def.badRequest] = string(append(b, ']'))
	return out
}
