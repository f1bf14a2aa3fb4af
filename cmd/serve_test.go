package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// serve refuses to start when nobody could connect or a key file is
// wrong, naming the file and line.
func TestServeRefusesToStart(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "mentors.keys")
	if err := os.WriteFile(bad, []byte("# mentors\nssh-ed25519 not-a-key Grace\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve"}, ExitUsage, "nobody could connect: pass --candidates KEYS or --open"},
		{[]string{"serve", "--open", "--max-sessions", "0"}, ExitUsage, "--max-sessions 0: at least 1 is needed"},
		{[]string{"serve", "--open", "--mentors", bad, "--data-dir", dir}, ExitFailure, bad + ":2: not a public key"},
		{[]string{"serve", "--open", "--mentors", filepath.Join(dir, "none.keys"), "--data-dir", dir}, ExitFailure, "read mentor keys"},
		{[]string{"serve", "--open", "--data-dir", dir, "--listen", "127.0.0.1:99999"}, ExitFailure, "invalid port"},
	} {
		_, errout, code := run(t, tc.args...)
		if code != tc.code || !strings.Contains(errout, tc.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tc.args, code, errout, tc.code, tc.want)
		}
	}
}
