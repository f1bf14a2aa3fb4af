package cmd

import (
	"runtime/debug"
	"testing"
)

func TestBuildVersion(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i+1 < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	clone := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/readycheck/readycheck", Version: "(devel)"},
		Settings: vcs("vcs", "git", "vcs.revision", "0e589bbbd2beacde04b74671f79965977bda610a", "vcs.time", "2026-12-01T15:07:21Z", "vcs.modified", "false")}
	dirty := &debug.BuildInfo{GoVersion: "go1.26.8", Main: clone.Main,
		Settings: vcs("vcs.revision", "0e589bbbd2beacde04b74671f79965977bda610a", "vcs.time", "2026-12-01T15:07:21Z", "vcs.modified", "true")}
	installed := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/readycheck/readycheck", Version: "v1.2.0", Sum: "h1:x"}}
	bare := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}
	pseudo := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261201150721-0e589bbbd2be+dirty"}, Settings: dirty.Settings}
	for _, c := range []struct {
		name, set string
		info      *debug.BuildInfo
		ok        bool
		want      string
	}{
		{"clone", "", clone, true, "devel 0e589bbbd2be (2026-12-01T15:07:21Z, go1.26.8)"},
		{"dirty clone", "", dirty, true, "devel 0e589bbbd2be+dirty (2026-12-01T15:07:21Z, go1.26.8)"},
		{"go install @version", "", installed, true, "v1.2.0 (go1.26.8)"},
		{"clone, Go 1.24 pseudo-version", "", pseudo, true, "v0.0.0-20261201150721-0e589bbbd2be+dirty (2026-12-01T15:07:21Z, go1.26.8)"},
		{"no vcs (go test, -buildvcs=false)", "", bare, true, "devel (built without version control information, go1.26.8)"},
		{"set by the build", "1.3.0", clone, true, "1.3.0"},
		{"no build info", "", nil, false, "unknown (no build information)"},
	} {
		if got := buildVersion(c.set, c.info, c.ok); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
