package assessments_test

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

// TestMain lets this test binary serve as the helper processes of the lock
// and kill -9 tests.
func TestMain(m *testing.M) {
	switch os.Getenv("READYCHECK_HELPER") {
	case "lock":
		helperLock(os.Getenv("READYCHECK_PATH"))
		return
	case "writer":
		helperWriter(os.Getenv("READYCHECK_PATH"))
		return
	}
	os.Exit(m.Run())
}

// helperLock holds the lock of path until its standard input closes.
func helperLock(path string) {
	l, err := assessments.LockFile(path)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("locked")
	var b [1]byte
	os.Stdin.Read(b[:])
	l.Unlock()
}

// helperWriter saves ever larger versions of an assessment as fast as it
// can, until it is killed. Each version's note starts with its number.
func helperWriter(path string) {
	r, err := rubric.LoadFile("testdata/small-rubric.yaml")
	if err != nil {
		panic(err)
	}
	a := assessments.New(r, assessments.Person{Name: "Writer"}, nil, time.Now())
	saver, err := assessments.OpenSaver(path)
	if err != nil {
		panic(err)
	}
	fmt.Println("writing")
	for v := uint64(1); ; v++ {
		note := "version " + strconv.FormatUint(v, 10) + " " + strings.Repeat("x", int(v%50)*4000)
		a.SetNote("python", note, nil, time.Now())
		a.SetAnswer("python", int(v%5), time.Now())
		data, err := a.Encode()
		if err != nil {
			panic(err)
		}
		if err := saver.Write(v, data); err != nil {
			panic(err)
		}
	}
}

func helper(t *testing.T, kind, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "READYCHECK_HELPER="+kind, "READYCHECK_PATH="+path)
	return cmd
}

func TestDataDir(t *testing.T) {
	t.Setenv("READYCHECK_DATA_DIR", "/from/env")
	if got := assessments.DataDir("/from/flag"); got != "/from/flag" {
		t.Errorf("flag: %s", got)
	}
	if got := assessments.DataDir(""); got != "/from/env" {
		t.Errorf("env: %s", got)
	}
	t.Setenv("READYCHECK_DATA_DIR", "")
	if got := assessments.DataDir(""); !strings.HasSuffix(got, "readycheck") {
		t.Errorf("default: %s", got)
	}
}

func TestStoreModesAndNames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	s, err := assessments.OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{dir, s.Dir} {
		info, err := os.Stat(d)
		if err != nil || info.Mode().Perm() != 0o700 {
			t.Errorf("%s mode = %v, want 0700", d, info.Mode().Perm())
		}
	}
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	s1, err := s.NewSaver("Zoë Ñúñez-O'Brien", at)
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	p1 := s1.Path()
	if filepath.Base(p1) != "zoe-nunez-o-brien-20261123-100000.yaml" {
		t.Errorf("name = %s", filepath.Base(p1))
	}
	r := smallRubric(t)
	if err := assessments.Save(p1, assessments.New(r, assessments.Person{Name: "Zoë"}, nil, at)); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(p1); info.Mode().Perm() != 0o600 {
		t.Errorf("file mode = %v, want 0600", info.Mode().Perm())
	}
	s2, err := s.NewSaver("Zoë Ñúñez-O'Brien", at)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if p2 := s2.Path(); filepath.Base(p2) != "zoe-nunez-o-brien-20261123-100000-2.yaml" {
		t.Errorf("second name = %s", filepath.Base(p2))
	}
	for name, want := range map[string]string{"": "candidate", "  !!  ": "candidate", strings.Repeat("abc ", 40): strings.TrimSuffix(strings.Repeat("abc-", 15), "-")} {
		if got := assessments.Slug(name); got != want {
			t.Errorf("Slug(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestLockSameAndOtherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	l, err := assessments.LockFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := assessments.LockFile(path); !errors.Is(err, assessments.ErrLocked) {
		t.Fatalf("second lock in the same process: err = %v, want ErrLocked", err)
	}
	l.Unlock()

	cmd := helper(t, "lock", path)
	stdin, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16)
	n, _ := out.Read(buf)
	if !strings.HasPrefix(string(buf[:n]), "locked") {
		t.Fatalf("helper said %q", buf[:n])
	}
	_, err = assessments.OpenSaver(path)
	if !errors.Is(err, assessments.ErrLocked) {
		t.Fatalf("lock held by another process: err = %v, want ErrLocked", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, "open in another readycheck") || !strings.Contains(msg, fmt.Sprintf("process %d", cmd.Process.Pid)) || !strings.Contains(msg, "close it there first") {
		t.Errorf("message = %q", msg)
	}
	stdin.Close()
	cmd.Wait()
	s, err := assessments.OpenSaver(path)
	if err != nil {
		t.Fatalf("lock not free after the other process ended: %v", err)
	}
	s.Close()
}

func TestSaverSkipsStaleVersions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	s, err := assessments.OpenSaver(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Write(3, []byte("three\n"))
	s.Write(2, []byte("two\n"))
	if b, _ := os.ReadFile(path); string(b) != "three\n" {
		t.Errorf("file = %q, want version 3", b)
	}
	var wg sync.WaitGroup
	for v := uint64(4); v < 40; v++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Write(v, []byte(strconv.FormatUint(v, 10)+"\n"))
		}()
	}
	wg.Wait()
	if b, _ := os.ReadFile(path); string(b) != "39\n" {
		t.Errorf("file = %q after concurrent writes, want the newest, 39", b)
	}
}

// A writer killed with SIGKILL at random moments leaves the file whole: the
// previous version or the new one, never a truncated file.
func TestKillNineNeverTruncates(t *testing.T) {
	if testing.Short() {
		t.Skip("kill -9 test skipped in -short mode")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	rng := rand.New(rand.NewSource(1))
	last := -1
	for round := 0; round < 25; round++ {
		cmd := helper(t, "writer", path)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 16)
		out.Read(buf) // "writing": the lock is held and writes begin
		time.Sleep(time.Duration(1+rng.Intn(50)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		data, err := os.ReadFile(path)
		if err != nil {
			if round == 0 && errors.Is(err, os.ErrNotExist) {
				continue
			}
			t.Fatalf("round %d: %v", round, err)
		}
		a, problems := assessments.Parse(path, data)
		if problems.Err() != nil {
			t.Fatalf("round %d: the file is not whole after kill -9 (%d bytes): %v", round, len(data), problems)
		}
		note := a.Answers["python"].Note
		if !strings.HasPrefix(note, "version ") {
			t.Fatalf("round %d: unexpected note %q", round, note[:min(len(note), 40)])
		}
		last = len(note)
	}
	if last < 0 {
		t.Fatal("the writer never wrote a file")
	}
	entries := assessments.List(dir)
	if len(entries) != 1 || entries[0].Err != nil {
		t.Errorf("List after the kills = %d entries (temporary files must not be listed): %+v", len(entries), entries)
	}
}

func TestListAndUnfinished(t *testing.T) {
	dir := t.TempDir()
	r := smallRubric(t)
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i, name := range []string{"old", "new", "done"} {
		a := assessments.New(r, assessments.Person{Name: name}, nil, at.Add(time.Duration(i)*time.Hour))
		if name == "done" {
			a.Status = assessments.Complete
		}
		b, _ := a.Encode()
		write(filepath.Join("nested", name+".yaml"), b)
	}
	write("broken.yaml", []byte("format: readycheck/assessment/v1\ncandidate: {name: [x]}\nrubric: {id: small}\n"))
	write("rubric.yml", []byte("format: readycheck/rubric/v1\nid: x\n"))
	write("notes.txt", []byte("not yaml"))
	write(".hidden.yaml", []byte("not listed"))

	entries := assessments.List(dir)
	var names []string
	for _, e := range entries {
		names = append(names, filepath.Base(e.Path))
	}
	if strings.Join(names, " ") != "broken.yaml done.yaml new.yaml old.yaml rubric.yml" {
		t.Fatalf("listed %v", names)
	}
	if e := entries[0]; e.Err == nil || !strings.Contains(e.Err.Error(), "broken.yaml:2:19:") {
		t.Errorf("broken file error = %v, want its line and column", e.Err)
	}
	if e := entries[4]; e.Err == nil || !strings.Contains(e.Err.Error(), "is a rubric") {
		t.Errorf("rubric file error = %v", e.Err)
	}
	s := &assessments.Store{Dir: dir}
	var unfinished []string
	for _, e := range s.Unfinished() {
		unfinished = append(unfinished, e.Assessment.Candidate.Name)
	}
	if strings.Join(unfinished, " ") != "new old" {
		t.Errorf("unfinished = %v, want newest first: new old", unfinished)
	}
}

func TestResumeIndex(t *testing.T) {
	r := smallRubric(t) // python, java, sql, testing, dutch
	cases := []struct {
		answered []string
		want     int
	}{
		{nil, 0},
		{[]string{"python", "java", "sql"}, 3},
		{[]string{"python", "testing"}, 4},
		{[]string{"python", "dutch"}, 1},
		{[]string{"dutch"}, 0},
		{[]string{"python", "java", "sql", "testing", "dutch"}, 5},
	}
	for _, tc := range cases {
		a := assessments.New(r, assessments.Person{Name: "A"}, nil, time.Now())
		for _, id := range tc.answered {
			a.SetAnswer(id, 1, time.Now())
		}
		if got := assessments.ResumeIndex(a, r); got != tc.want {
			t.Errorf("answered %v: resume at %d, want %d", tc.answered, got, tc.want)
		}
	}
}

func TestUnlockRemovesLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	l, err := assessments.LockFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(assessments.LockPath(path)); err != nil || strings.TrimSpace(string(b)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("lock file holds %q (%v), want this process's number", b, err)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(assessments.LockPath(path)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("lock file left after Unlock: %v", err)
	}
	// A stale lock file (left by a process that was killed) is no obstacle.
	if err := os.WriteFile(assessments.LockPath(path), []byte("999999\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err = assessments.LockFile(path)
	if err != nil {
		t.Fatalf("stale lock file: %v", err)
	}
	l.Unlock()
}

func TestLockRefusesLinksAndSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	if err := os.WriteFile(victim, []byte("precious\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "sub", "a.yaml")
	os.Mkdir(filepath.Dir(path), 0o700)
	if err := os.Symlink("../victim.txt", assessments.LockPath(path)); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}
	_, err := assessments.LockFile(path)
	if err == nil || !strings.Contains(err.Error(), "a.yaml.lock is a symbolic link, not a regular file; remove it, then try again") {
		t.Errorf("err = %v", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("the link's target was written: %q", b)
	}
	// A dangling link is not followed to create its target either.
	os.Remove(assessments.LockPath(path))
	os.Symlink("../created.txt", assessments.LockPath(path))
	if _, err := assessments.LockFile(path); err == nil {
		t.Error("dangling link accepted")
	}
	if _, err := os.Lstat(filepath.Join(dir, "created.txt")); err == nil {
		t.Error("the dangling link's target was created")
	}
	os.Remove(assessments.LockPath(path))
	os.Mkdir(assessments.LockPath(path), 0o700)
	if _, err := assessments.LockFile(path); err == nil || !strings.Contains(err.Error(), "is a folder, not a regular file") {
		t.Errorf("folder as lock file: err = %v", err)
	}
}

// An assessments folder that exists open to others is made private; the
// data folder around it, which may be the user's, is left alone.
func TestOpenStoreTightensItsFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes on Windows")
	}
	data := t.TempDir()
	os.Chmod(data, 0o755)
	dir := filepath.Join(data, "assessments")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	if _, err := assessments.OpenStore(data); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o700 {
		t.Errorf("assessments folder mode = %v, want 0700", info.Mode().Perm())
	}
	if info, _ := os.Stat(data); info.Mode().Perm() != 0o755 {
		t.Errorf("data folder mode = %v, want it left at 0755", info.Mode().Perm())
	}
}

// NewSaver claims a name and its lock in one step: a second claim of the
// same name and second, before anything is written, takes -2.
func TestNewSaverTakesNextName(t *testing.T) {
	s, err := assessments.OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	a, err := s.NewSaver("Ada", at)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := s.NewSaver("Ada", at)
	if err != nil {
		t.Fatalf("second claim: %v", err)
	}
	defer b.Close()
	if filepath.Base(a.Path()) != "ada-20261123-100000.yaml" || filepath.Base(b.Path()) != "ada-20261123-100000-2.yaml" {
		t.Errorf("names %s, %s", filepath.Base(a.Path()), filepath.Base(b.Path()))
	}
}

// WriteFile (saves, exports of the Markdown report, rescue copies) never
// writes through or replaces a link, and leaves nothing in $TMPDIR.
func TestWriteFileRefusesLinks(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	os.WriteFile(victim, []byte("precious\n"), 0o644)
	md := filepath.Join(dir, "ada.md")
	if err := os.Symlink(victim, md); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}
	err := assessments.WriteFile(md, []byte("# report\n"))
	if err == nil || !strings.Contains(err.Error(), md+" is a symbolic link, not a regular file") {
		t.Errorf("err = %v", err)
	}
	if info, _ := os.Lstat(md); info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("the link's target was written")
	}
	if err := assessments.WriteFile(filepath.Join(dir, "a.yaml"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left in $TMPDIR: %v", entries)
	}
}

// A lock file that is a hard link to another file of the user's is refused
// rather than truncated to a PID.
func TestLockRefusesHardLink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	os.WriteFile(victim, []byte("precious\n"), 0o600)
	path := filepath.Join(dir, "a.yaml")
	if err := os.Link(victim, assessments.LockPath(path)); err != nil {
		t.Skip("hard links unavailable:", err)
	}
	_, err := assessments.LockFile(path)
	if err == nil || !strings.Contains(err.Error(), "a.yaml.lock has other names (hard links); remove it, then try again") {
		t.Errorf("err = %v", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("the hard link's other name was written: %q", b)
	}
}
