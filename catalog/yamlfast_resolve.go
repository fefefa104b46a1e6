package catalog

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// plainTag is the tag yaml.v3 resolves a plain scalar to (resolve, in its
// resolve.go, step for step, with the same parsers), or "" for a merge
// key, which fastYAML leaves to yaml.v3.
func plainTag(v string) string {
	switch v {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "~", "null", "Null", "NULL":
		return "!!null"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	case "<<":
		return ""
	}
	switch c := v[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			return "!!float"
		}
	case c == '+' || c == '-' || isDigit(c):
		i := 0
		for i < len(v) && isDigit(v[i]) {
			i++
		}
		if i == 4 && i < len(v) && v[i] == '-' && isTimestamp(v) {
			return "!!timestamp"
		}
		plain := strings.ReplaceAll(v, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return "!!int"
		}
		if yamlStyleFloat.MatchString(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return "!!float"
			}
		}
		if rest, ok := strings.CutPrefix(plain, "0b"); ok {
			if parsesInt(rest, 2) {
				return "!!int"
			}
		} else if rest, ok := strings.CutPrefix(plain, "-0b"); ok {
			if _, err := strconv.ParseInt("-"+rest, 2, 64); err == nil {
				return "!!int"
			}
		}
		if rest, ok := strings.CutPrefix(plain, "0o"); ok {
			if parsesInt(rest, 8) {
				return "!!int"
			}
		} else if rest, ok := strings.CutPrefix(plain, "-0o"); ok {
			if _, err := strconv.ParseInt("-"+rest, 8, 64); err == nil {
				return "!!int"
			}
		}
	}
	return "!!str"
}

// yamlStyleFloat is yaml.v3's.
var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// parsesInt reports whether s is a signed or unsigned 64-bit integer in
// base.
func parsesInt(s string, base int) bool {
	if _, err := strconv.ParseInt(s, base, 64); err == nil {
		return true
	}
	_, err := strconv.ParseUint(s, base, 64)
	return err == nil
}

// timestampFormats are yaml.v3's allowedTimestampFormats.
var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp is yaml.v3's parseTimestamp's test, past its first look
// (four digits and a "-"), which plainTag makes.
func isTimestamp(s string) bool {
	for _, format := range timestampFormats {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}
