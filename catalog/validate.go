package catalog

import (
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/errgen/errgen/diag"
)

// validate checks what spans more than one node, over the catalog as read
// and normalized. It only reports: every derived field it looks at
// (names, titles, formats) is normalize's. It runs even when reading found
// problems, so that one run reports everything.
func (cr *catalogReader) validate() {
	c := cr.c
	byCode := make(map[string]*Error, len(c.Errors))
	byName := make(map[string]*Error, len(c.Errors))
	var fallbacks []*Error
	for _, e := range c.Errors {
		cr.validateCode(e, byCode, byName)
		if e.Fallback {
			fallbacks = append(fallbacks, e)
		}
		cr.validateError(e)
	}
	cr.validateFallbacks(fallbacks)
	users := map[*Envelope][]*Error{} // in one pass: every error may have a format of its own
	for _, e := range c.Errors {
		users[e.Envelope] = append(users[e.Envelope], e)
	}
	for _, env := range c.Envelopes {
		cr.validateEnvelope(env, users[env])
	}
	cr.checkEnvelopeNames()
	cr.validateAttach(byCode, cr.validateLifecycle(byCode))
	cr.validateGRPC()
	cr.validateLanguages()
	cr.validateGroups()
}

// validateCode checks e's code and records it in byCode, and its Go name
// in byName, unless another error has it first.
func (cr *catalogReader) validateCode(e *Error, byCode, byName map[string]*Error) {
	if e.Code == "" {
		return
	}
	if !codePattern.MatchString(e.Code) {
		cr.probs.add(e.Pos, "code %q must start with an ASCII letter and hold only ASCII letters, digits, _ - and .", e.Code)
		return
	}
	if prev := byCode[e.Code]; prev != nil {
		cr.duplicateCode(e, prev)
		return
	}
	byCode[e.Code] = e
	name := e.Name // normalize's GoName(e.Code), unless an earlier code has it
	if name == "" {
		name = GoName(e.Code)
	}
	if prev := byName[name]; prev != nil {
		cr.probs.add(e.Pos, "code %q has the same Go name %s as %q (%s): rename one", e.Code, name, prev.Code, diag.LineRef(e.Pos, prev.Pos))
	} else {
		byName[name] = e
	}
}

// validateError checks the rules that concern one error alone.
func (cr *catalogReader) validateError(e *Error) {
	if e.Title == "" && e.Status >= 400 && e.Status <= 599 {
		cr.probs.add(e.Pos, "status %d has no standard reason phrase: set a title", e.Status)
	}
	if e.Fallback {
		if e.Status != 0 && e.Status < 500 {
			cr.probs.add(e.Pos, "fallback error %q must have a 5xx status, not %d", e.Code, e.Status)
		}
		if e.HasRequiredDetails() {
			cr.probs.add(e.Pos, "fallback error %q may not have required details: Write sends it for errors that carry none", e.Code)
		}
	}
	cr.validateDetails(e)
	cr.validateHeaders(e)
	switch {
	case e.Status == http.StatusUnauthorized && e.Challenge == "":
		cr.probs.add(e.Pos, "error %q has status 401 but no challenge: RFC 9110 requires a WWW-Authenticate scheme (e.g. challenge: Bearer)", e.Code)
	case e.Status != http.StatusUnauthorized && e.Challenge != "" && e.Status != 0:
		cr.probs.hint(e.Pos, ": remove it, or make the status 401: only a 401 asks the client for credentials (RFC 9110, section 11.6.1)", "error %q: challenge is only for 401 errors, not %d", e.Code, e.Status)
	}
	if cr.c.Docs.GroupBy == "category" && e.Category == "" {
		cr.probs.add(e.Pos, "error %q has no category, and docs.group_by is category: give it one, or group by status", e.Code)
	}
}

// validateFallbacks checks that exactly one error is the fallback.
func (cr *catalogReader) validateFallbacks(fallbacks []*Error) {
	switch {
	case len(fallbacks) == 0 && retiredFallback(cr.c.Retired):
		// The retired error's own problem says where the fallback must go.
	case len(fallbacks) == 0 && len(cr.c.Errors) > 0:
		cr.probs.add(cr.errorsPos, "no error has fallback: true: mark exactly one 5xx error (e.g. INTERNAL_ERROR) fallback: true; it stands in for non-catalog errors")
	case len(fallbacks) > 1:
		for _, e := range fallbacks[1:] {
			cr.probs.add(e.Pos, "error %q is a second fallback (the first is %q, %s): exactly one error may have fallback: true, so keep it on one of them", e.Code, fallbacks[0].Code, diag.LineRef(e.Pos, fallbacks[0].Pos))
		}
	}
}

// retiredFallback reports whether a retired error is marked fallback.
func retiredFallback(retired []*Error) bool {
	for _, e := range retired {
		if e.Fallback {
			return true
		}
	}
	return false
}

// validateAttach checks that openapi.attach names codes in use.
func (cr *catalogReader) validateAttach(byCode, retired map[string]*Error) {
	for i, code := range cr.c.OpenAPI.Attach {
		switch {
		case byCode[code] != nil:
		case retired[code] != nil:
			cr.probs.add(cr.attachPos[i], "openapi.attach: code %q is retired (%s), so no operation can return it: remove it from attach", code, diag.LineRef(cr.attachPos[i], retired[code].Pos))
		default:
			cr.probs.add(cr.attachPos[i], "openapi.attach: unknown code %q%s: attach only codes the catalog declares", code, cr.probs.suggest(code, codes(cr.c.Errors)))
		}
	}
}

// checkEnvelopeNames reports two envelopes in use whose names give the same
// identifiers (the Go writer appendFooBarBody, the OpenAPI schema
// FooBarError): Flat beside the flat preset, foo_bar beside fooBar, or two
// custom envelopes of one name.
func (cr *catalogReader) checkEnvelopeNames() {
	byName := map[string]*Envelope{}
	for _, env := range cr.c.Envelopes {
		key := strings.ToLower(GoName(env.Name))
		prev := byName[key]
		if prev == nil {
			byName[key] = env
			continue
		}
		pos, custom := cr.formatPos[env]
		if !custom {
			pos = cr.formatPos[prev]
		}
		if env.Name == prev.Name {
			cr.probs.add(pos, "envelope %q is defined twice; define it once and name it in the other errors (format: %s)", env.Name, env.Name)
			continue
		}
		cr.probs.add(pos, "envelope name %q gives the same Go and OpenAPI names as envelope %q; rename one", env.Name, prev.Name)
	}
}

func codes(errs []*Error) []string {
	out := make([]string, 0, len(errs))
	for _, e := range errs {
		out = append(out, e.Code)
	}
	return out
}

func (cr *catalogReader) validateDetails(e *Error) {
	seen := map[string]*Detail{}
	goNames := map[string]*Detail{}
	for _, d := range e.Details {
		if prev := seen[d.Name]; prev != nil {
			cr.probs.add(d.Pos, "error %q: detail %q is declared twice: remove one", e.Code, d.Name)
			continue
		}
		seen[d.Name] = d
		if prev := goNames[d.GoName]; prev != nil {
			cr.probs.add(d.Pos, "error %q: details %q and %q have the same Go name %s: rename one", e.Code, prev.Name, d.Name, d.GoName)
			continue
		}
		goNames[d.GoName] = d
		cr.validateEnum(e, d, d.Name)
		cr.validateFieldEnums(e, d.Name, d.Fields)
	}
	cr.validateBadRequest(e)
	if e.Message != nil {
		cr.checkPlaceholders(e, e.Message, "message")
	}
	for _, d := range e.Details {
		if d.Name == "" || e.Envelope.Carries(d.Name) || e.MessagePlaces(d.Name) {
			continue
		}
		what, drop := "", "or drop the detail"
		if h := headerNaming(e, d.Name); h != nil {
			what = fmt.Sprintf(", which only its %s header names (a header is no place: Parse reads details from the body, and a client would get it empty)", h.Key)
			drop = "or drop the detail and write the header's value itself"
			if h.Name == "Retry-After" {
				drop += fmt.Sprintf(" (%s: \"30\")", h.Key)
			}
		}
		cr.probs.add(d.Pos, "error %q: the %s envelope has no place for detail %q%s: add \"$details\", a spread (\"...\": \"$details\") or \"$details.%s\" to it, name it in the message (\"{%s}\"), %s", e.Code, e.Envelope.Name, d.Name, what, d.Name, d.Name, drop)
	}
	if keys, named := cr.spreadKeys(e.Envelope); len(keys) > 0 {
		for _, d := range e.Details {
			if contains(keys, d.Name) && !contains(named, d.Name) {
				cr.probs.add(d.Pos, "error %q: detail %q clashes with the %s envelope's member %q: rename the detail", e.Code, d.Name, e.Envelope.Name, d.Name)
			}
		}
	}
}

// spreadKeys is env's SpreadKeys and NamedDetails, walked for once: every
// error with details asks them of its envelope, one of a few.
func (cr *catalogReader) spreadKeys(env *Envelope) (keys, named []string) {
	if cr.spread == nil {
		cr.spread = map[*Envelope][2][]string{}
	}
	k, ok := cr.spread[env]
	if !ok {
		k = [2][]string{env.SpreadKeys(), env.NamedDetails()}
		cr.spread[env] = k
	}
	return k[0], k[1]
}

// validateFieldEnums checks the enums of an object detail's fields, nested
// ones too, as validateEnum checks a detail's: each becomes a Go type with a
// constant per value. path names the object (problems, problems.limits).
func (cr *catalogReader) validateFieldEnums(e *Error, path string, fields []*Detail) {
	for _, f := range fields {
		cr.validateEnum(e, f, path+"."+f.Name)
		cr.validateFieldEnums(e, path+"."+f.Name, f.Fields)
	}
}

// validateEnum checks that an enum detail's values are unique and that each
// makes a Go constant of its own: GoName keeps their letters and digits.
// name is the detail's, or a field's path (problems.kind).
func (cr *catalogReader) validateEnum(e *Error, d *Detail, name string) {
	values := map[string]EnumValue{}
	goNames := map[string]EnumValue{}
	for _, v := range d.Enum {
		if prev, ok := values[v.Value]; ok {
			cr.probs.add(v.Pos, "error %q: detail %q: enum value %q is already listed at line %d: remove one", e.Code, name, v.Value, prev.Pos.Line)
			continue
		}
		values[v.Value] = v
		switch prev, ok := goNames[v.GoName]; {
		case v.GoName == "":
			cr.probs.add(v.Pos, "error %q: detail %q: enum value %q has no letter or digit to make a Go name of: add one", e.Code, name, v.Value)
		case ok:
			cr.probs.add(v.Pos, "error %q: detail %q: enum values %q and %q have the same Go name %s: rename one", e.Code, name, prev.Value, v.Value, v.GoName)
		default:
			goNames[v.GoName] = v
		}
	}
}

// checkPlaceholders checks that every {name} names a required scalar detail,
// so that a message or header can always be rendered in full.
func (cr *catalogReader) checkPlaceholders(e *Error, t *Template, what string) {
	for _, p := range t.Parts {
		if p.Detail == "" {
			continue
		}
		d := e.Detail(p.Detail)
		switch {
		case d == nil:
			cr.probs.add(t.Pos, "error %q: %s placeholder {%s} names no detail%s: declare a detail %q, or fix the name", e.Code, what, p.Detail, cr.probs.suggest(p.Detail, detailNames(e)), p.Detail)
		case !d.Required:
			cr.probs.add(t.Pos, "error %q: %s placeholder {%s} names an optional detail, which may be missing: make it required", e.Code, what, p.Detail)
		case d.Type != "" && !d.Type.Scalar():
			cr.probs.add(t.Pos, "error %q: %s placeholder {%s} names a %s detail, but only string, integer, number and boolean details fit in text: drop the placeholder", e.Code, what, p.Detail, d.Type)
		}
	}
}

func detailNames(e *Error) []string {
	out := make([]string, 0, len(e.Details))
	for _, d := range e.Details {
		out = append(out, d.Name)
	}
	return out
}

func (cr *catalogReader) validateHeaders(e *Error) {
	seen := map[string]*Header{}
	for _, h := range e.Headers {
		lower := strings.ToLower(h.Name)
		if prev := seen[lower]; prev != nil {
			cr.probs.add(h.Pos, "error %q: header %q repeats %q (line %d), as header names are case-insensitive: keep one", e.Code, h.Key, prev.Key, prev.Pos.Line)
			continue
		}
		seen[lower] = h
		switch {
		case !validHeaderName(h.Name):
			cr.probs.add(h.Pos, "error %q: %q is not a valid header name: use letters, digits and - (e.g. X-Rate-Limit)", e.Code, h.Name)
		case h.Name == "Content-Type" || h.Name == "Content-Length":
			cr.probs.add(h.Pos, "error %q: header %s is set by the envelope and cannot be overridden: remove it", e.Code, h.Name)
		case h.Name == "Content-Language" && len(cr.c.Languages) > 0:
			cr.probs.add(h.Pos, "error %q: header Content-Language is set by Write to the language it answers in (languages: %s): remove it", e.Code, strings.Join(cr.c.Languages, ", "))
		case h.Name == "Www-Authenticate":
			cr.probs.add(h.Pos, "error %q: set WWW-Authenticate with challenge, not headers", e.Code)
		case h.Name == cr.c.RequestID.Header:
			cr.probs.add(h.Pos, "error %q: header %s carries the request id (request_id.header, %s); it cannot be set per error", e.Code, h.Name, diag.LineRef(h.Pos, cr.requestIDPos))
		case h.Name == "Retry-After" && !delaySeconds(e, h.Value):
			cr.probs.add(h.Pos, "error %q: header Retry-After must be a number of seconds (RFC 9110, section 10.2.3): digits or one {placeholder} of an integer detail, not %q", e.Code, h.Value.Source)
		}
		cr.checkPlaceholders(e, h.Value, "header "+h.Name)
		for _, p := range h.Value.Parts {
			if p.Detail == "" && !validHeaderValue(p.Literal) {
				cr.probs.add(h.Value.Pos, "error %q: header %s value has characters not allowed in HTTP headers (line breaks, control characters): remove them", e.Code, h.Name)
			}
		}
	}
	switch {
	case e.Challenge != "" && !validHeaderValue(e.Challenge):
		cr.probs.add(e.Pos, "error %q: challenge has characters not allowed in HTTP headers (line breaks, control characters): remove them", e.Code)
	case e.Challenge != "" && !startsWithAuthScheme(e.Challenge):
		cr.probs.hint(e.Pos, ": start it with the scheme, such as Bearer or Basic realm=\"api\"", "error %q: challenge %q does not start with an auth scheme (RFC 9110, section 11.3), so the WWW-Authenticate header would name none", e.Code, e.Challenge)
	case e.Challenge != "" && listProblem(e.Challenge) != "":
		cr.probs.hint(e.Pos, ": write it as a list of challenges, one comma between two, each quoted parameter value closed: Bearer, Basic realm=\"api\"", "error %q: challenge %q has %s, which a sender must not send (RFC 9110, section 5.6.1)", e.Code, e.Challenge, listProblem(e.Challenge))
	}
}

// delaySeconds reports whether a Retry-After value is delay-seconds (RFC 9110,
// section 10.2.3): digits, or a lone placeholder of an integer detail. A
// placeholder naming no detail, or a detail of no valid type, counts as fine:
// that problem is reported on its own.
func delaySeconds(e *Error, t *Template) bool {
	if len(t.Parts) != 1 {
		return false
	}
	p := t.Parts[0]
	if p.Detail == "" {
		return strings.Trim(p.Literal, "0123456789") == ""
	}
	d := e.Detail(p.Detail)
	return d == nil || d.Type == "" || d.Type == TypeInteger
}

// validateEnvelope checks that an envelope, which users use (in catalog
// order), can be parsed back: it must carry the code, or else the title
// (matched with the response status).
func (cr *catalogReader) validateEnvelope(env *Envelope, users []*Error) {
	pos, custom := cr.formatPos[env]
	if !custom && len(users) > 0 {
		pos = users[0].Pos
	}
	if env.Has(RefCode) {
		// identified by code
	} else if env.Has(RefTitle) {
		type key struct {
			status int
			title  string
		}
		seen := map[key]*Error{}
		for _, e := range users {
			k := key{e.Status, e.Title}
			if prev := seen[k]; prev != nil {
				cr.probs.add(e.Pos, "errors %q (%s) and %q share status %d and title %q, and the %s envelope has no $code, so responses could not be told apart: give one another title, or add $code to the envelope", prev.Code, diag.LineRef(e.Pos, prev.Pos), e.Code, e.Status, e.Title, env.Name)
			}
			seen[k] = e
		}
	} else {
		cr.probs.add(pos, "the %s envelope has neither $code nor $title, so responses could not be parsed back to an error: add a member \"code\": \"$code\"", env.Name)
	}
	if !custom {
		return
	}
	for _, r := range env.Refs() {
		switch r.Name {
		case RefDetails:
			if r.Arg != "" && !anyHasDetail(users, r.Arg) {
				cr.probs.add(pos, "the %s envelope references %s, but no error using it has a detail %q: fix the name, or add the detail", env.Name, r, r.Arg)
			}
		case RefMeta:
			if !anyHasMeta(users, r.Arg) {
				cr.probs.add(pos, "the %s envelope references %s, but no error using it has meta %q: fix the name, or add the meta", env.Name, r, r.Arg)
			}
		}
	}
}

func anyHasDetail(errs []*Error, name string) bool {
	for _, e := range errs {
		if e.Detail(name) != nil {
			return true
		}
	}
	return false
}

func anyHasMeta(errs []*Error, name string) bool {
	for _, e := range errs {
		for _, m := range e.Meta {
			if m.Name == name {
				return true
			}
		}
	}
	return false
}

func absoluteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// mediaTypeJSON reports whether mt is a JSON media type.
func mediaTypeJSON(mt string) bool {
	base, _, err := mime.ParseMediaType(mt)
	if err != nil {
		return false
	}
	return base == "application/json" || (strings.HasPrefix(base, "application/") && strings.HasSuffix(base, "+json"))
}

// duplicateCode reports e's code as already declared by first, in use or
// retired alike.
func (cr *catalogReader) duplicateCode(e, first *Error) {
	cr.probs.add(e.Pos, "code %q is already declared at %s: codes are unique; rename or remove one", e.Code, diag.LineRef(e.Pos, first.Pos))
}

// headerNaming is the first of e's headers whose value names detail, or nil.
func headerNaming(e *Error, detail string) *Header {
	for _, h := range e.Headers {
		if h.Value == nil {
			continue
		}
		for _, p := range h.Value.Parts {
			if p.Detail == detail {
				return h
			}
		}
	}
	return nil
}
