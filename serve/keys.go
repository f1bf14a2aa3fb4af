package serve

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	gossh "golang.org/x/crypto/ssh"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
)

// Role is what a person may do on the server. A key listed in several
// files has the highest of their roles.
type Role int

const (
	// Nobody is a key in no file, on a server that is not --open.
	Nobody Role = iota
	// Candidate takes an assessment and reads their own results.
	Candidate
	// Mentor reviews every candidate's assessments.
	Mentor
	// Staff reviews as mentors do and reads the cohort report.
	Staff
)

func (r Role) String() string {
	switch r {
	case Candidate:
		return "candidate"
	case Mentor:
		return "mentor"
	case Staff:
		return "staff"
	}
	return "nobody"
}

// group names the role's people: candidates, mentors, staff.
func (r Role) group() string {
	if r == Staff {
		return "staff"
	}
	return r.String() + "s"
}

// Person is who a session's key says it is.
type Person struct {
	Role Role
	// Name is the comment of the key's line in the mentors' or staff's
	// file, cleaned; "" for candidates, who give their name in the
	// walk-through.
	Name string
	// Fingerprint is the key's SHA256 fingerprint as ssh-keygen -l prints
	// it (SHA256:…), the only identity the logs show.
	Fingerprint string
}

// keyFile is one authorized_keys file of a role, read again when it
// changes on disk.
type keyFile struct {
	path string
	role Role
	// stamp is the file's modification time and size when last read.
	mod  time.Time
	size int64
	// names maps a key's fingerprint to the comment of its line.
	names map[string]string
}

// Keys are the people the server knows, from the --candidates, --mentors
// and --staff files. They are looked at again at every authentication, so
// that adding a mentor to the file needs no restart.
type Keys struct {
	mu    sync.Mutex
	files []*keyFile
	// open lets any key in as a candidate (--open).
	open bool
	// reloadErr reports a file that changed into something unreadable.
	// Set by the server to log it.
	reloadErr func(error)
}

// NewKeys reads the key files (any may be "") and fails with FILE:LINE
// on the first line that is not a public key.
func NewKeys(candidates, mentors, staff string, open bool) (*Keys, error) {
	k := &Keys{open: open}
	for _, f := range []struct {
		path string
		role Role
	}{{candidates, Candidate}, {mentors, Mentor}, {staff, Staff}} {
		if f.path == "" {
			continue
		}
		kf := &keyFile{path: f.path, role: f.role}
		if err := kf.read(); err != nil {
			return nil, err
		}
		k.files = append(k.files, kf)
	}
	return k, nil
}

// Lookup is the person a key belongs to: the highest role of the files
// that list it, a candidate when the server is open, else Nobody.
func (k *Keys) Lookup(key gossh.PublicKey) Person {
	fp := gossh.FingerprintSHA256(key)
	p := Person{Fingerprint: fp}
	if k.open {
		p.Role = Candidate
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, f := range k.files {
		if err := f.refresh(); err != nil && k.reloadErr != nil {
			k.reloadErr(err)
		}
		if name, ok := f.names[fp]; ok && f.role > p.Role {
			p.Role, p.Name = f.role, name
		}
	}
	if p.Role == Candidate {
		p.Name = "" // a candidate's name is the one they give in the walk-through
	}
	return p
}

// refresh reads the file again when its time or size changed. A file that
// became unreadable or wrong lets nobody in by it until it is mended:
// keeping its old keys would keep a key that was meant to be removed.
func (f *keyFile) refresh() error {
	info, err := os.Stat(f.path)
	if err == nil && info.ModTime().Equal(f.mod) && info.Size() == f.size {
		return nil
	}
	if err == nil {
		err = f.read()
	}
	if err != nil {
		f.names, f.mod, f.size = nil, time.Time{}, -1
		return fmt.Errorf("%w; nobody is let in by this file until it is mended", err)
	}
	return nil
}

// read parses the file: one key a line in authorized_keys format, blank
// lines and # comments allowed, options before the key ignored. Mentors
// and staff need a comment: it is the name their reviews are signed with.
func (f *keyFile) read() error {
	info, err := os.Stat(f.path)
	if err != nil {
		return fmt.Errorf("read %s keys: %w", f.role, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("read %s keys: %s is not a regular file", f.role, f.path)
	}
	data, err := os.ReadFile(f.path)
	if err != nil {
		return fmt.Errorf("read %s keys: %w", f.role, err)
	}
	names, err := parseKeys(f.path, f.role, data)
	if err != nil {
		return err
	}
	f.names, f.mod, f.size = names, info.ModTime(), info.Size()
	return nil
}

// parseKeys reads authorized_keys lines into fingerprint → name.
func parseKeys(path string, role Role, data []byte) (map[string]string, error) {
	names := map[string]string{}
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, comment, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key (%v); each line holds one, as in ~/.ssh/authorized_keys: ssh-ed25519 AAAA… Name", path, i+1, err)
		}
		name := safetext.CleanLine(comment)
		if utf8.RuneCountInString(name) > assessments.MaxName {
			return nil, fmt.Errorf("%s:%d: the comment is %d characters long; a name of at most %d is wanted", path, i+1, utf8.RuneCountInString(name), assessments.MaxName)
		}
		if role >= Mentor && strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("%s:%d: a %s's key needs the person's name after it (ssh-ed25519 AAAA… Ada Lovelace): reviews are signed with it", path, i+1, role)
		}
		names[gossh.FingerprintSHA256(key)] = strings.TrimSpace(name)
	}
	return names, nil
}

// Summary says who may connect, a line a role, for the server's start.
func (k *Keys) Summary() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	var out []string
	if k.open {
		out = append(out, "candidates: anyone with a public key (--open)")
	}
	for _, f := range k.files {
		n := len(f.names)
		word := "keys"
		if n == 1 {
			word = "key"
		}
		out = append(out, fmt.Sprintf("%s: %d %s in %s", f.role.group(), n, word, safetext.CleanPath(f.path)))
	}
	return out
}
