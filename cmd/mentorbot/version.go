package main

import (
	"runtime"
	"runtime/debug"
)

// version is the release a build names itself with, set at build time:
// go build -ldflags "-X main.version=v1.4.0" ./cmd/mentorbot. Empty: the
// version control revision the Go toolchain stamped (go build in a git
// checkout), else "devel".
var version string

// buildVersion is what `mentorbot --version`, the start-up log line and
// mentorbot_build_info say: the release (version), else the revision
// (with "-dirty" for uncommitted changes), else "devel"; and the Go
// version that built it.
func buildVersion() (v, goVersion string) {
	v, goVersion = version, runtime.Version()
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return orDevel(v), goVersion
	}
	goVersion = info.GoVersion
	if v != "" {
		return v, goVersion
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		return rev + dirty, goVersion
	}
	if mv := info.Main.Version; mv != "" && mv != "(devel)" {
		return mv, goVersion
	}
	return "devel", goVersion
}

func orDevel(v string) string {
	if v == "" {
		return "devel"
	}
	return v
}
