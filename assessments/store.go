package assessments

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"github.com/readycheck/readycheck/internal/atomicfile"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

// File and folder modes of the store: assessments are personal data.
const (
	FileMode   fs.FileMode = 0o600
	FolderMode fs.FileMode = 0o700
)

// DataDir resolves the data directory: the --data-dir flag when given, else
// $READYCHECK_DATA_DIR, else the XDG data home's readycheck folder.
func DataDir(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("READYCHECK_DATA_DIR"); env != "" {
		return env
	}
	return filepath.Join(xdg.DataHome, "readycheck")
}

// Store is the folder of saved assessments, <data dir>/assessments.
type Store struct {
	Dir string
}

// OpenStore opens the store of a data directory, creating its folders
// (mode 0700) when they do not exist yet. An existing assessments folder
// open to others is tightened to 0700: it is readycheck's and holds
// personal data. An existing data directory is left as it is: it may be a
// folder of the user's choosing (--data-dir), shared with other files.
func OpenStore(dataDir string) (*Store, error) {
	dir := filepath.Join(dataDir, "assessments")
	for _, d := range []string{dataDir, dir} {
		info, err := os.Stat(d)
		switch {
		case errors.Is(err, os.ErrNotExist):
			if err := os.MkdirAll(d, FolderMode); err != nil {
				return nil, fmt.Errorf("create data folder %s: %w", d, err)
			}
			if err := os.Chmod(d, FolderMode); err != nil {
				return nil, fmt.Errorf("create data folder %s: %w", d, err)
			}
		case err != nil:
			return nil, fmt.Errorf("open data folder %s: %w", d, err)
		case !info.IsDir():
			return nil, fmt.Errorf("open data folder %s: it is not a folder; move it away or pass another --data-dir", d)
		case d == dir && runtime.GOOS != "windows" && info.Mode().Perm()&^FolderMode != 0:
			if err := os.Chmod(d, FolderMode); err != nil {
				return nil, fmt.Errorf("make data folder %s private (mode 0700): %w", d, err)
			}
		}
	}
	return &Store{Dir: dir}, nil
}

// maxNames bounds the -2, -3, ... names NewSaver tries.
const maxNames = 10000

// NewSaver claims a file name for a new assessment, the candidate's name as
// a slug and the start time (ada-lovelace-20261123-100000.yaml, else -2,
// -3, ...), and takes its lock, in one step: the name is claimed by
// creating its lock file exclusively, so that two readychecks starting
// assessments of one name in the same second take two names. The file
// itself is written by the first Write.
func (s *Store) NewSaver(candidate string, started time.Time) (*Saver, error) {
	base := Slug(candidate) + "-" + started.UTC().Format("20060102-150405")
	path := filepath.Join(s.Dir, base+".yaml")
	for i := 2; i <= maxNames; i++ {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			l, err := lockFile(path, true)
			switch {
			case err == nil:
				// The file may have been written, and its lock let go,
				// between the check above and the lock.
				if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
					return &Saver{path: path, lock: l}, nil
				}
				l.Unlock()
			case errors.Is(err, fs.ErrExist), errors.Is(err, ErrLocked), errors.Is(err, atomicfile.ErrNotRegular), errors.Is(err, errHardLinked):
				// Another readycheck claimed the name (or something is in
				// the way of its lock file): take the next one.
			default:
				return nil, err
			}
		}
		path = filepath.Join(s.Dir, fmt.Sprintf("%s-%d.yaml", base, i))
	}
	return nil, fmt.Errorf("%s: no free name for a new assessment of %s; move old files away", s.Dir, base)
}

var transliterations = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a", "æ", "ae", "ç", "c",
	"è", "e", "é", "e", "ê", "e", "ë", "e", "ì", "i", "í", "i", "î", "i", "ï", "i",
	"ñ", "n", "ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ø", "o", "œ", "oe",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y", "ß", "ss", "ł", "l", "ij", "ij",
)

// Slug turns a name into the ASCII, lower-case, hyphenated form used in
// file names, at most 60 characters; "candidate" when nothing is left.
func Slug(name string) string {
	s := transliterations.Replace(strings.ToLower(name))
	var b strings.Builder
	dash := false
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "candidate"
	}
	return out
}

// Save writes an assessment file atomically.
func Save(path string, a *Assessment) error {
	data, err := a.Encode()
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return WriteFile(path, data)
}

// WriteFile writes data atomically: a hidden temporary file in the same
// folder is written and synced, renamed over path, and the folder is synced,
// so that a crash at any moment leaves either the old file or the new one
// whole. The file's mode is 0600. A path that is a symbolic link or not a
// regular file is refused, never written through.
func WriteFile(path string, data []byte) error {
	if err := atomicfile.WriteFile(path, data, FileMode); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return nil
}

// Entry is one assessment file found by List.
type Entry struct {
	Path string
	// Assessment is nil when the file failed to load.
	Assessment *Assessment
	// Err says why the file failed to load: a yamlfile.Problems with positions.
	Err     error
	ModTime time.Time
}

// IsAssessmentFile reports whether a file name is one List reads: a .yaml or
// .yml file that is not hidden (atomic saves write hidden temporary files).
func IsAssessmentFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return (ext == ".yaml" || ext == ".yml") && !strings.HasPrefix(filepath.Base(name), ".")
}

// Files lists the assessment files under paths (files as given, folders
// recursively), sorted by path. A path that cannot be read is returned as
// an Entry with Err set.
func Files(paths ...string) ([]string, []Entry) {
	var files []string
	var failed []Entry
	Walk(paths, func(path string, err error) bool {
		if err != nil {
			failed = append(failed, Entry{Path: path, Err: yamlfile.Problems{{File: path, Message: WalkProblem(err)}}})
		} else {
			files = append(files, path)
		}
		return true
	})
	sort.Strings(files)
	sort.SliceStable(failed, func(i, j int) bool { return failed[i].Path < failed[j].Path })
	return files, failed
}

// ErrLinkOutside is the error Walk gives for a symbolic link, in a folder
// it walks, to a file outside the paths it was given: not followed unless
// Walker.FollowSymlinks, so that a link planted in a cohort folder (to
// /etc/shadow, say) does not put another file's text in a report.
var ErrLinkOutside = errors.New("a symbolic link to a file outside the folders given; not followed (name the file itself, or pass --follow-symlinks to report and simulate)")

// Walker walks folders of assessments; its zero value is Walk's.
type Walker struct {
	// FollowSymlinks reads the files that symbolic links in the folders
	// point to wherever they are; by default a link to a file outside the
	// paths given comes with ErrLinkOutside.
	FollowSymlinks bool
}

// Walk calls fn with every assessment file under paths: a file as given, a
// folder searched recursively; hidden folders are left out, and so are
// files that are not assessments (hidden ones, lock files). A path or
// folder that cannot be read comes with its error, and so does a symbolic
// link to a file outside the paths (ErrLinkOutside). A folder is read
// walkBatch entries at a time and its files come in the order the system
// lists them, so that a folder of 100,000 files costs no more memory than
// one of a hundred (filepath.WalkDir reads and sorts a whole folder first:
// 20 MiB at 100,000 files); callers sort what they show. As
// filepath.WalkDir does, a folder given as a symbolic link is not followed
// (unless written with a trailing slash). Walk stops when fn returns false,
// and then returns false.
func Walk(paths []string, fn func(path string, err error) bool) bool {
	return Walker{}.Walk(paths, fn)
}

// ErrReadTwice is the error Walk gives for a file it would otherwise give
// twice: a path given twice, a path inside a folder given too, or a link
// in a folder to a file the walk reads anyway. Counting it once keeps a
// cohort's figures true.
var ErrReadTwice = errors.New("read once already (given twice, inside a folder given too, or a link to a file read anyway); counted once")

// WalkProblem is what a report says of a path Walk gave with an error.
func WalkProblem(err error) string {
	if errors.Is(err, ErrReadTwice) {
		return ErrReadTwice.Error()
	}
	return "cannot be read: " + pathError(err)
}

// Walk is the package's Walk with w's options.
func (w Walker) Walk(paths []string, fn func(path string, err error) bool) bool {
	wk := walk{fn: fn, follow: w.FollowSymlinks, targets: map[string]bool{}}
	resolved := make([]string, len(paths))
	for i, p := range paths {
		if r, err := resolve(p); err == nil {
			resolved[i] = r
			wk.roots = append(wk.roots, r)
		}
	}
	for i, p := range paths {
		if twice(resolved, i) {
			if !fn(p, &fs.PathError{Op: "read", Path: p, Err: ErrReadTwice}) {
				return false
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if !fn(p, err) {
				return false
			}
			continue
		}
		if !info.IsDir() {
			if !fn(p, nil) {
				return false
			}
			continue
		}
		if li, err := os.Lstat(p); err == nil && !li.IsDir() {
			if IsAssessmentFile(li.Name()) && !fn(p, nil) {
				return false
			}
			continue
		}
		if !wk.dir(p) {
			return false
		}
	}
	return true
}

// twice reports whether the i-th of the resolved paths given is read
// through another: the same path earlier, or a folder holding it.
func twice(resolved []string, i int) bool {
	p := resolved[i]
	if p == "" {
		return false
	}
	for j, q := range resolved {
		switch {
		case j == i || q == "":
		case q == p:
			if j < i {
				return true
			}
		case within(q, p) && reached(q, p):
			return true
		}
	}
	return false
}

// within reports whether path p lies under folder root (not root itself).
func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// walkBatch is how many entries of a folder Walk reads at a time.
const walkBatch = 256

// walk is one Walk: its callback, the resolved paths given (which links
// may point into, unless it follows every link), and the targets of the
// links followed so far, so that two links to one file count it once.
type walk struct {
	fn      func(path string, err error) bool
	follow  bool
	roots   []string
	targets map[string]bool
}

// resolve is the absolute path of p with its links resolved.
func resolve(p string) (string, error) {
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	return filepath.Abs(r)
}

// link checks a symbolic link found in a folder: nil when it may be
// followed, else why not.
func (wk *walk) link(path string) error {
	target, err := resolve(path)
	if err != nil {
		return err
	}
	for _, root := range wk.roots {
		// A link to a file the walk reads anyway (not in a hidden folder,
		// an assessment by its name) would count it twice.
		if (root == target || within(root, target)) && readByWalk(root, target) {
			return &fs.PathError{Op: "read", Path: path, Err: ErrReadTwice}
		}
	}
	if wk.targets[target] {
		return &fs.PathError{Op: "read", Path: path, Err: ErrReadTwice}
	}
	wk.targets[target] = true
	if wk.follow {
		return nil
	}
	for _, root := range wk.roots {
		if within(root, target) {
			return nil
		}
	}
	return &fs.PathError{Op: "read", Path: path, Err: ErrLinkOutside}
}

// readByWalk reports whether a walk of root reaches target (a file at or
// under root): no hidden folder on the way, and the name of an assessment.
func readByWalk(root, target string) bool {
	if root == target {
		return true
	}
	rel, err := filepath.Rel(root, target)
	if err != nil {
		return false
	}
	parts := strings.Split(rel, string(filepath.Separator))
	for _, part := range parts[:len(parts)-1] {
		if strings.HasPrefix(part, ".") {
			return false
		}
	}
	return IsAssessmentFile(parts[len(parts)-1])
}

// reached reports whether a walk of folder root reaches p, a path under
// it: a folder by no hidden folder on the way, a file as readByWalk says.
func reached(root, p string) bool {
	if info, err := os.Stat(p); err == nil && info.IsDir() {
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return false
		}
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			if strings.HasPrefix(part, ".") {
				return false
			}
		}
		return true
	}
	return readByWalk(root, p)
}

// dir calls fn with the assessment files in dir and, depth first, in its
// folders; a folder that cannot be read comes with its error (after the
// files read before the error). It returns false when fn does.
func (wk *walk) dir(dir string) bool {
	fn := wk.fn
	f, err := os.Open(dir)
	if err != nil {
		return fn(dir, err)
	}
	defer f.Close()
	for {
		entries, err := f.ReadDir(walkBatch)
		for _, d := range entries {
			path := filepath.Join(dir, d.Name())
			if d.IsDir() {
				if !strings.HasPrefix(d.Name(), ".") && !wk.dir(path) {
					return false
				}
				continue
			}
			if !IsAssessmentFile(d.Name()) {
				continue
			}
			var lerr error
			if d.Type()&fs.ModeSymlink != 0 {
				lerr = wk.link(path)
			}
			if !fn(path, lerr) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil {
			return fn(dir, err)
		}
	}
}

func pathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// List reads every assessment file under paths (files, or folders searched
// recursively), sorted by path. Files that fail to load are returned with
// Err set, never dropped.
func List(paths ...string) []Entry {
	files, entries := Files(paths...)
	for _, f := range files {
		e := Entry{Path: f}
		if info, err := os.Stat(f); err == nil {
			e.ModTime = info.ModTime()
		}
		e.Assessment, e.Err = LoadFile(f)
		entries = append(entries, e)
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Path < entries[j].Path })
	return entries
}

// Unfinished lists the store's assessments still in progress, most recently
// changed first.
func (s *Store) Unfinished() []Entry {
	var out []Entry
	for _, e := range List(s.Dir) {
		if e.Assessment != nil && e.Assessment.Status == InProgress {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Assessment.Updated, out[j].Assessment.Updated
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		return a.After(b)
	})
	return out
}

// ResumeIndex returns the rubric index of the skill to reopen: the first
// unanswered skill after the last answered one, wrapping round to the first
// unanswered skill from the start; len(r.Skills()) when every skill is
// answered. The file does not record the order answers were given in, so
// "last answered" is the last in rubric order.
func ResumeIndex(a *Assessment, r *rubric.Rubric) int {
	skills := r.Skills()
	last := -1
	for i, s := range skills {
		if a.Answers[s.ID].Answered() {
			last = i
		}
	}
	for i := last + 1; i < len(skills); i++ {
		if !a.Answers[skills[i].ID].Answered() {
			return i
		}
	}
	for i := 0; i <= last; i++ {
		if !a.Answers[skills[i].ID].Answered() {
			return i
		}
	}
	return len(skills)
}
