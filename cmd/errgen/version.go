package main

import (
	"runtime/debug"
	"strings"
)

// zeroPseudo is the version a go.mod gives a module it replaces with a
// folder (require … v0.0.0-00010101000000-000000000000): it says nothing.
const zeroPseudo = "v0.0.0-00010101000000-000000000000"

// versionString is what "errgen version" prints: the module version errgen
// was built from when it is one; otherwise (a replace by a folder, a build
// in errgen's own repository) "(devel)" with the VCS revision when the
// build info has it, and "+dirty" for a modified tree.
func versionString(info *debug.BuildInfo) string {
	if info == nil {
		return "(devel)"
	}
	v := info.Main.Version
	replaced := info.Main.Replace != nil && info.Main.Replace.Version == "" // replaced by a folder
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	switch {
	case info.Main.Replace != nil && info.Main.Replace.Version != "":
		return info.Main.Replace.Version // replaced by another module version: that one ran
	case !replaced && rev == "" && v != "" && v != "(devel)" && v != zeroPseudo:
		return v // a module version, as go tool and go install @version build
	}
	out := "(devel)"
	if rev != "" {
		if len(rev) > 12 && strings.Trim(rev, "0123456789abcdef") == "" {
			rev = rev[:12]
		}
		out += " " + rev
		if modified == "true" {
			out += "+dirty"
		}
	}
	return out
}
