package serve

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/rubric"
)

// candidatesDir is the folder of every candidate's folder.
func (s *Server) candidatesDir() string { return filepath.Join(s.cfg.DataDir, "candidates") }

// folderName is a candidate's folder: their key's SHA256 fingerprint as
// ssh-keygen -l prints it, with / and + (which base64 uses) made _ and -.
// Nothing a candidate types reaches a path: names go into file names only
// through the store's slug, inside this folder.
func folderName(fingerprint string) string {
	return strings.NewReplacer("/", "_", "+", "-").Replace(strings.TrimPrefix(fingerprint, "SHA256:"))
}

// candidateStore opens the candidate's own folder, creating it: through
// os.Root, so that the folder and its assessments folder are real folders
// inside the data folder, never links to somewhere else.
func (s *Server) candidateStore(p Person) (*assessments.Store, error) {
	root, err := os.OpenRoot(s.cfg.DataDir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	for _, dir := range []string{"candidates", filepath.Join("candidates", folderName(p.Fingerprint)), filepath.Join("candidates", folderName(p.Fingerprint), "assessments")} {
		if err := root.Mkdir(dir, assessments.FolderMode); err != nil && !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		info, err := root.Lstat(dir)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("%s is not a folder (%s); the server refuses to use it", dir, info.Mode().Type())
		}
	}
	return assessments.OpenStore(filepath.Join(s.candidatesDir(), folderName(p.Fingerprint)))
}

// latest is the candidate's most recently changed assessment of the
// server's rubric, read through os.Root from their folder only, checked
// against the rubric as `readycheck score` checks a file.
func (s *Server) latest(p Person) (*assessments.Assessment, *rubric.Rubric, []string, error) {
	none := fmt.Errorf("you have no assessment on this server yet; take one with ssh -t %s", s.address())
	root, err := os.OpenRoot(filepath.Join(s.candidatesDir(), folderName(p.Fingerprint), "assessments"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil, none
	}
	if err != nil {
		return nil, nil, nil, err
	}
	defer root.Close()
	entries, err := fs.ReadDir(root.FS(), ".")
	if err != nil {
		return nil, nil, nil, err
	}
	var best *assessments.Assessment
	for _, e := range entries {
		if !e.Type().IsRegular() || !assessments.IsAssessmentFile(e.Name()) {
			continue
		}
		data, err := root.ReadFile(e.Name())
		if err != nil {
			continue
		}
		a, problems := assessments.Parse(e.Name(), data)
		if problems.Err() != nil || a.Rubric.ID != s.cfg.Rubric.ID {
			continue
		}
		if best == nil || a.Updated.After(best.Updated) {
			best = a
		}
	}
	if best == nil {
		return nil, nil, nil, none
	}
	problems := best.Check(s.cfg.Rubric)
	if err := problems.Err(); err != nil {
		return nil, nil, nil, fmt.Errorf("your latest assessment does not fit the server's rubric any more (%s); resume it with ssh -t %s", safetext.CleanLine(err.Error()), s.address())
	}
	r, err := best.WithPostings(s.cfg.Rubric)
	if err != nil {
		return nil, nil, nil, err
	}
	var warnings []string
	for _, w := range problems.Warnings() {
		warnings = append(warnings, w.Error())
	}
	return best, r, warnings, nil
}

// address is how people reach the server, for the commands messages
// show (ssh -t ADDRESS): --address or the machine's name, with -p and the
// port when it is not 22. Worked out once, in New.
func (s *Server) address() string { return s.addr }

func addressOf(cfg Config) string {
	name := cfg.Address
	if name == "" {
		if host, err := os.Hostname(); err == nil && host != "" {
			name = host
		} else {
			name = "localhost"
		}
	}
	if _, port, err := net.SplitHostPort(cfg.Listen); err == nil && port != "22" && port != "" {
		return "-p " + port + " " + name
	}
	return name
}

// randomSeed draws the order of an anonymized report.
func randomSeed() uint64 {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return binary.LittleEndian.Uint64(b[:])
}

// cleanLine is a message from a library as a refusal may show it.
func cleanLine(s string) string { return safetext.CleanLine(s) }
