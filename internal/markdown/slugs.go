package markdown

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Renderers that give headings ids (GitHub, markdown-it-anchor with
// github-slugger, most static-site generators) derive them from the
// heading's text: "### CONFLICT" gets the id conflict, which the <a
// id="conflict"> just above it already is. Two elements with one id: a
// link lands on the first, and the HTML is invalid. So after rendering,
// every heading whose slug would be one of the page's anchors (before it,
// or inside it as the compact layout puts them) gets words
// that give it another slug (the anchors stay: every link published keeps
// landing where it did).

// anchorIDs matches the anchors the anchor function writes; lines without
// anchorOpen are not searched.
var anchorIDs = regexp.MustCompile(`<a id="([^"]*)"></a>`)

const anchorOpen = `<a id="`

// githubSlug is github-slugger's slug of a heading's text: lower case,
// every character but letters, marks, digits, '-', '_' and ' ' dropped,
// spaces made '-'.
func githubSlug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// slugger numbers repeated slugs as github-slugger does: foo, foo-1, foo-2.
type slugger map[string]int

// next is the id the next heading with slug gets, without taking it.
func (s slugger) next(slug string) string {
	id, n := slug, s[slug]
	for {
		if _, taken := s[id]; !taken {
			return id
		}
		n++
		id = slug + "-" + strconv.Itoa(n)
	}
}

// take records the id of a heading with slug.
func (s slugger) take(slug string) string {
	id := slug
	for {
		if _, taken := s[id]; !taken {
			break
		}
		s[slug]++
		id = slug + "-" + strconv.Itoa(s[slug])
	}
	s[id] = 0
	return id
}

// headingText is an ATX heading line's text as a renderer sees it:
// without the #s, anchors, backslash escapes and code span backticks.
func headingText(line string) string {
	t := anchorIDs.ReplaceAllString(strings.TrimLeft(line, "#"), "")
	t = strings.TrimSpace(t)
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == '\\' && i+1 < len(t):
			i++
			b.WriteByte(t[i])
		case t[i] == '`':
		default:
			b.WriteByte(t[i])
		}
	}
	return html.UnescapeString(b.String())
}

// atxLevel is the level of an ATX heading line, 0 for another line.
func atxLevel(line string) int {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(line) && line[n] != ' ' {
		return 0
	}
	return n
}

// uniqueHeadingIDs gives a distinct slug to every heading whose id would
// be one of the page's anchors. An error's heading follows its anchor: it
// gains its status ("CONFLICT (409)"), another heading the page's word for
// a section (" (section)"); a number follows if that is taken too.
func uniqueHeadingIDs(page []byte, statusOf map[string]int, section string) []byte {
	lines := strings.Split(string(page), "\n")
	anchors, inFence := pageAnchors(lines)
	if len(anchors) == 0 {
		return page
	}
	ids := slugger{}
	changed := false
	lastAnchor := ""
	for i, line := range lines {
		if inFence[i] {
			continue
		}
		hasAnchor := strings.Contains(line, anchorOpen)
		if hasAnchor {
			if m := anchorIDs.FindStringSubmatch(line); m != nil && strings.TrimSpace(line) == m[0] {
				lastAnchor = html.UnescapeString(m[1])
				continue
			}
		}
		if atxLevel(line) == 0 {
			if strings.TrimSpace(line) != "" {
				lastAnchor = ""
			}
			continue
		}
		if hasAnchor { // ### <a id="x"></a>X
			if m := anchorIDs.FindStringSubmatch(line); m != nil {
				lastAnchor = html.UnescapeString(m[1])
			}
		}
		if suffix := headingSuffix(ids, anchors, headingText(line), statusOf, lastAnchor, section); suffix != "" {
			lines[i] = strings.TrimRight(line, " ") + suffix
			changed = true
		}
		lastAnchor = ""
	}
	if !changed {
		return page
	}
	return []byte(strings.Join(lines, "\n"))
}

// pageAnchors returns the ids of the page's anchors and which of its
// lines are in fenced code.
func pageAnchors(lines []string) (map[string]bool, []bool) {
	anchors := map[string]bool{}
	var fence string
	inFence := make([]bool, len(lines))
	for i, line := range lines {
		if fence != "" {
			inFence[i] = true
			if closesFence(line, fence) {
				fence = ""
			}
			continue
		}
		if f := openingFence(line); f != "" {
			fence, inFence[i] = f, true
			continue
		}
		if !strings.Contains(line, anchorOpen) {
			continue
		}
		for _, m := range anchorIDs.FindAllStringSubmatch(line, -1) {
			anchors[html.UnescapeString(m[1])] = true
		}
	}
	return anchors, inFence
}

// headingSuffix takes the id of the heading text, and returns "" when its
// slug is no anchor, else the suffix that makes it none: the status of the
// error whose anchor lastAnchor is, or section, then a number if need be.
func headingSuffix(ids slugger, anchors map[string]bool, text string, statusOf map[string]int, lastAnchor, section string) string {
	slug := githubSlug(text)
	if !anchors[ids.next(slug)] {
		ids.take(slug)
		return ""
	}
	word := section
	if status, ok := statusOf[lastAnchor]; ok {
		word = strconv.Itoa(status)
	}
	suffix := " (" + word + ")"
	for n := 2; ; n++ {
		slug = githubSlug(text + suffix)
		if !anchors[ids.next(slug)] {
			break
		}
		suffix = " (" + word + " " + strconv.Itoa(n) + ")"
	}
	ids.take(slug)
	return suffix
}
