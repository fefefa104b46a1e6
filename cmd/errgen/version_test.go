package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionString(t *testing.T) {
	mod := func(v string) debug.Module { return debug.Module{Path: "github.com/errgen/errgen", Version: v} }
	vcs := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"}, {Key: "vcs.modified", Value: "false"}}
	dirty := []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"}, {Key: "vcs.modified", Value: "true"}}
	folder := &debug.Module{Path: "../errgen", Version: ""}
	for _, tt := range []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "(devel)"},
		{"go tool at a release", &debug.BuildInfo{Main: mod("v1.4.0")}, "v1.4.0"},
		{"go tool at a pseudo-version", &debug.BuildInfo{Main: mod("v0.0.0-20261201000000-0123456789ab")}, "v0.0.0-20261201000000-0123456789ab"},
		{"replace by a folder", &debug.BuildInfo{Main: debug.Module{Path: "github.com/errgen/errgen", Version: zeroPseudo, Replace: folder}}, "(devel)"},
		{"zero pseudo-version without the replace", &debug.BuildInfo{Main: mod(zeroPseudo)}, "(devel)"},
		{"replace by another version", &debug.BuildInfo{Main: debug.Module{Path: "github.com/errgen/errgen", Version: "v1.0.0", Replace: &debug.Module{Path: "github.com/fork/errgen", Version: "v1.0.1"}}}, "v1.0.1"},
		{"local build, no vcs", &debug.BuildInfo{Main: mod("(devel)")}, "(devel)"},
		{"local build, stamped", &debug.BuildInfo{Main: mod("v0.1.1-0.20261130230000-0123456789ab"), Settings: vcs}, "(devel) 0123456789ab"},
		{"local build, modified", &debug.BuildInfo{Main: mod("v0.1.1-0.20261130230000-0123456789ab+dirty"), Settings: dirty}, "(devel) 0123456789ab+dirty"},
	} {
		if got := versionString(tt.info); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
