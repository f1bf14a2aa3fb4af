package cmd

import (
	"runtime/debug"
	"strings"
)

// revisionLen is how many hex digits of the commit --version shows.
const revisionLen = 12

// buildVersion is what --version prints: Version when the build set it;
// else the module's version (`go install ...@version`, or the
// pseudo-version Go gives a build from a clone: v0.0.0-TIME-COMMIT) and the
// commit, "+dirty" when the tree had changes, and the commit's time. The Go
// version ends it, so that a bug report names the build exactly.
func buildVersion(version string, info *debug.BuildInfo, ok bool) string {
	if version != "" {
		return version
	}
	if !ok || info == nil {
		return "unknown (no build information)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	var parts []string
	if v := info.Main.Version; v != "" && v != "(devel)" {
		parts = append(parts, v)
	} else {
		parts = append(parts, "devel")
	}
	rev := settings["vcs.revision"]
	if rev != "" {
		rev = rev[:min(len(rev), revisionLen)]
		if settings["vcs.modified"] == "true" {
			rev += "+dirty"
		}
		// Go 1.24 on stamps a clone's build with a pseudo-version that
		// holds the commit already (v0.0.0-20261201150801-2c50b7284aed+dirty).
		if !strings.Contains(parts[0], rev) {
			parts = append(parts, rev)
		}
	}
	var about []string
	if t := settings["vcs.time"]; t != "" {
		about = append(about, t)
	}
	if rev == "" && parts[0] == "devel" {
		about = append(about, "built without version control information")
	}
	if info.GoVersion != "" {
		about = append(about, info.GoVersion)
	}
	v := strings.Join(parts, " ")
	if len(about) > 0 {
		v += " (" + strings.Join(about, ", ") + ")"
	}
	return v
}
