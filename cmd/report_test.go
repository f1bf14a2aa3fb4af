package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The hand-computed cohort of the report package's tests: six assessments
// of report/testdata/cohort-rubric.yaml and four files that are skipped.
const (
	cohortDir    = "../report/testdata/cohort"
	cohortRubric = "../report/testdata/cohort-rubric.yaml"
)

func TestReportText(t *testing.T) {
	t.Setenv("COLUMNS", "100")
	out, errs, code := run(t, "report", cohortDir, "--rubric", cohortRubric)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for i, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > 100 {
			t.Errorf("line %d is %d wide with COLUMNS=100: %q", i+1, w, l)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour in output that is not a terminal")
	}
	for _, want := range []string{"Cohort report: Cohort test rubric", "median 79.2", "62.5 ✗ blocked", "Skipped (4 files)"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	// Every skipped file on stderr with its reason; positions where the
	// file has them.
	lines := strings.Split(strings.TrimRight(errs, "\n"), "\n")
	want := []string{
		cohortDir + "/broken.yaml:3:7: YAML syntax error",
		cohortDir + `/other-rubric.yaml:3:14: this assessment was taken against the built-in rubric "backend-internship", not "cohort"`,
		cohortDir + "/rubric.yaml:1:9: this file is a rubric",
		cohortDir + `/zed.yaml:5:11: the answer for "python" is level 7`,
		"readycheck: 4 files skipped, for the reasons above; the report lists them too",
		`warning: 1 file answers skill "rust", which rubric "cohort" does not have; ignored`,
	}
	if len(lines) != len(want) {
		t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(want), errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("stderr line %d = %q, want it to start with %q", i+1, lines[i], w)
		}
	}
}

func TestReportStrict(t *testing.T) {
	out, errs, code := run(t, "report", cohortDir, "--rubric", cohortRubric, "--strict", "--format", "json")
	if code != ExitFailure {
		t.Errorf("--strict with skipped files: exit %d, want %d", code, ExitFailure)
	}
	if !strings.Contains(errs, "4 files skipped; with --strict that is a failure") {
		t.Errorf("stderr does not say why it failed:\n%s", errs)
	}
	var doc struct {
		Assessments int `json:"assessments"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Assessments != 6 {
		t.Errorf("--strict still writes the report: %v, %d assessments", err, doc.Assessments)
	}
	// Only the good files: nothing skipped, exit 0 even with --strict.
	_, errs, code = run(t, "report", cohortDir+"/ada.yaml", cohortDir+"/more", "--rubric", cohortRubric, "--strict")
	if code != ExitOK {
		t.Errorf("--strict, nothing skipped: exit %d: %s", code, errs)
	}
}

func TestReportOutFile(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"html", "csv", "markdown", "json", "text"} {
		path := filepath.Join(dir, "cohort."+format)
		out, errs, code := run(t, "report", cohortDir, "--rubric", cohortRubric, "--format", format, "--out", path, "--anonymize")
		if code != ExitOK || out != "" {
			t.Fatalf("%s: exit %d, stdout %q: %s", format, code, out, errs)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "Lovelace") || !strings.Contains(string(data), "Candidate 1") {
			t.Errorf("%s: the anonymized file names a candidate, or nobody", format)
		}
		if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600 (reports hold names)", format, info.Mode().Perm())
		}
		// The person running it still sees which files were skipped.
		if !strings.Contains(errs, cohortDir+"/zed.yaml:5:11:") {
			t.Errorf("%s: anonymized run hides the skipped files' paths from stderr:\n%s", format, errs)
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "cohort.html"))
	if !strings.HasPrefix(string(html), "<!DOCTYPE html>") {
		t.Errorf("the HTML file does not start as a page")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 5 {
		t.Errorf("%d files in the folder, want the 5 reports and no leftover temporary file", len(entries))
	}
}

func TestReportMentorView(t *testing.T) {
	out, errs, code := run(t, "report", cohortDir, "--rubric", cohortRubric, "--view", "mentor", "--format", "markdown")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "note: 4 assessments have no review and count in the candidate's view") {
		t.Errorf("stderr does not say how many had no review:\n%s", errs)
	}
	if !strings.Contains(out, "4 assessments have no review") || !strings.Contains(out, "| Beta | 4 | 3 | 1 | 0 | 0 |") {
		t.Errorf("markdown lacks the mentor view's figures:\n%s", out)
	}
}

func TestReportCompany(t *testing.T) {
	out, errs, code := run(t, "report", cohortDir, "--rubric", cohortRubric, "--company", "beta", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Companies []struct {
			ID         string `json:"id"`
			Candidates int    `json:"candidates"`
		} `json:"companies"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Companies) != 1 || doc.Companies[0].ID != "beta" || doc.Companies[0].Candidates != 6 {
		t.Errorf("--company beta: companies = %+v, want beta with all 6", doc.Companies)
	}
}

func TestReportErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report"}, ExitUsage, "--help"},
		{[]string{"report", cohortDir, "--format", "pdf"}, ExitUsage, `unknown --format "pdf"`},
		{[]string{"report", cohortDir, "--view", "both"}, ExitUsage, `unknown --view "both"`},
		{[]string{"report", cohortDir, "--rubric", cohortRubric, "--company", "omega"}, ExitUsage, `"omega"`},
		{[]string{"report", cohortDir, "--rubric", "no-such-rubric.yaml"}, ExitFailure, "no-such-rubric.yaml"},
		{[]string{"report", cohortDir, "--rubric", cohortDir + "/ada.yaml"}, ExitFailure, "not a rubric"},
		// A mistyped folder is refused rather than reported on as nobody.
		{[]string{"report", cohortDir, "cohrot/", "--rubric", cohortRubric}, ExitFailure, "cohrot/: no such file or folder"},
		{[]string{"simulate", "--rubric", cohortRubric, "cohrot"}, ExitFailure, "cohrot: no such file or folder"},
		{[]string{"report", cohortDir, "--rubric", cohortRubric, "--out", "no-such-folder/r.html"}, ExitFailure, "there is no folder no-such-folder"},
	} {
		_, errs, code := run(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

// TestReportBuiltin: without --rubric, the built-in rubric; files of the
// cohort rubric are skipped as another rubric's.
func TestReportBuiltin(t *testing.T) {
	out, errs, code := run(t, "report", cohortDir+"/ada.yaml", cohortDir+"/other-rubric.yaml", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Rubric      struct{ ID string } `json:"rubric"`
		Assessments int                 `json:"assessments"`
		Skipped     []struct{ File, Error string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Rubric.ID != "backend-internship" || doc.Assessments != 1 || len(doc.Skipped) != 1 || !strings.Contains(doc.Skipped[0].Error, `rubric "cohort", not "backend-internship"`) {
		t.Errorf("built-in report = %+v", doc)
	}
}

// manyUnknown writes an assessment of the cohort rubric that answers python
// and n skills the rubric lacks.
func manyUnknown(t *testing.T, dir string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("format: readycheck/assessment/v1\ncandidate: {name: Big}\nrubric: {id: cohort}\nanswers:\n  python: 3\n")
	for i := range n {
		fmt.Fprintf(&b, "  unknown%05d: 1\n", i)
	}
	path := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A file of many unknown skills gets the first 20 warnings and a count, in
// report and in score, not one line per skill.
func TestUnknownSkillsCapped(t *testing.T) {
	dir := t.TempDir()
	path := manyUnknown(t, dir, 500)
	for _, args := range [][]string{
		{"report", dir, "--rubric", cohortRubric},
		{"score", path, "--rubric", cohortRubric},
	} {
		out, errs, code := run(t, args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		n := 0
		for _, l := range strings.Split(errs, "\n") {
			if strings.Contains(l, "unknown00") {
				n++
			}
		}
		if n != 20 {
			t.Errorf("%v: %d unknown skills named on stderr, want the first 20:\n%s", args, n, errs)
		}
		if !strings.Contains(errs, "… and 480 more unknown skills") {
			t.Errorf("%v: stderr does not count the rest:\n%s", args, errs)
		}
		if strings.Contains(errs, "unknown00020") || strings.Contains(out, "unknown00020") {
			t.Errorf("%v: the 21st unknown skill is named", args)
		}
	}
}

// The text report shows every must requirement anyone misses, even past
// the ten most missed: here the must is the twelfth, missed by as many as
// the others, and it explains the company's blocked count.
func TestReportTextShowsEveryMissedMust(t *testing.T) {
	t.Setenv("COLUMNS", "100")
	dir := t.TempDir()
	var rb strings.Builder
	rb.WriteString("format: readycheck/rubric/v1\nid: many\ntitle: Many\nversion: \"1\"\nscales: {yn: [{label: \"No\"}, {label: \"Yes\"}]}\ndefault_scale: yn\ncategories:\n  - id: c\n    title: C\n    skills:\n")
	for i := range 12 {
		fmt.Fprintf(&rb, "      - {id: s%02d, title: Skill %02d}\n", i, i)
	}
	rb.WriteString("companies:\n  - id: acme\n    name: Acme\n    requirements:\n")
	for i := range 12 {
		fmt.Fprintf(&rb, "      - {skill: s%02d, min: 1, must: %t}\n", i, i == 11)
	}
	rubricPath := filepath.Join(dir, "many.yaml")
	cohort := filepath.Join(dir, "cohort")
	if err := os.Mkdir(cohort, 0o700); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		rubricPath:                      rb.String(),
		filepath.Join(cohort, "a.yaml"): "format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: many}\nanswers: {s00: 0}\n",
	}
	for path, src := range files {
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := run(t, "report", cohort, "--rubric", rubricPath)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	_, section, ok := strings.Cut(out, "Most missed requirements")
	section, _, _ = strings.Cut(section, "\n\n")
	if !ok || !strings.Contains(section, "Skill 11") || !strings.Contains(section, "must") {
		t.Errorf("the missed must requirement is not listed:\n%s", section)
	}
	if !strings.Contains(section, "and 2 more requirements") {
		t.Errorf("the cut is not counted:\n%s", section)
	}
}

// In the HTML report a path may break after each folder, not mid-word.
func TestReportHTMLPathsBreakAtSeparators(t *testing.T) {
	out, errs, code := run(t, "report", cohortDir, "--rubric", cohortRubric, "--format", "html")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if want := `<td class="file">../<wbr>report/<wbr>testdata/<wbr>cohort/<wbr>ada.yaml</td>`; !strings.Contains(out, want) {
		t.Errorf("no path with <wbr> after its separators:\n%s", out)
	}
	if strings.Contains(out, "word-break: break-all") {
		t.Errorf("paths still break anywhere")
	}
}

// --anonymize numbers candidates in an order drawn from --seed, the same
// for the same seed, not in name order; --seed alone is a usage error.
func TestReportAnonymizeSeed(t *testing.T) {
	names := func(args ...string) string {
		t.Helper()
		out, errs, code := run(t, append([]string{"report", cohortDir, "--rubric", cohortRubric, "--format", "csv"}, args...)...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		var rows []string
		for _, l := range strings.Split(out, "\n")[1:] {
			// name,file,status,updated,...: keep what identifies the row
			// but the name.
			if f := strings.Split(l, ","); len(f) > 4 {
				rows = append(rows, strings.Join(f[2:], ","))
			}
		}
		return strings.Join(rows, "\n")
	}
	byName := names()
	differ := 0
	for seed := range 10 {
		s := fmt.Sprint(seed)
		first := names("--anonymize", "--seed", s)
		if again := names("--anonymize", "--seed", s); again != first {
			t.Errorf("--seed %s: two orders", s)
		}
		if first != byName {
			differ++
		}
	}
	if differ < 7 {
		t.Errorf("%d seeds of 10 give another order than by name", differ)
	}
	if _, _, code := run(t, "report", cohortDir, "--rubric", cohortRubric, "--seed", "3"); code != ExitUsage {
		t.Errorf("--seed without --anonymize: exit %d, want %d", code, ExitUsage)
	}
}

// A report that fails (--strict with skipped files) leaves the previous
// --out file as it was, instead of replacing it with a partial report.
func TestReportStrictKeepsPreviousOut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cohort.json")
	if err := os.WriteFile(path, []byte("previous\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errs, code := run(t, "report", cohortDir, "--rubric", cohortRubric, "--strict", "--format", "json", "--out", path)
	if code != ExitFailure || !strings.Contains(errs, "with --strict that is a failure, and "+path+" was not written") {
		t.Errorf("exit %d\n%s", code, errs)
	}
	if b, _ := os.ReadFile(path); string(b) != "previous\n" {
		t.Errorf("the failed run replaced --out: %.60q", b)
	}
}

// --out - is the standard output; --out never replaces a link, a device, a
// folder or an input of the run, and an existing file becomes owner-only.
func TestReportOutRefusals(t *testing.T) {
	out, errs, code := run(t, "report", cohortDir+"/ada.yaml", "--rubric", cohortRubric, "--format", "json", "--out", "-")
	if code != ExitOK || !strings.HasPrefix(out, "{") {
		t.Errorf("--out -: exit %d, stdout %.40q\n%s", code, out, errs)
	}
	if _, err := os.Lstat("-"); err == nil {
		os.Remove("-")
		t.Error("--out - wrote a file named -")
	}

	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	os.WriteFile(victim, []byte("precious\n"), 0o644)
	link := filepath.Join(dir, "link.html")
	if err := os.Symlink(victim, link); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}
	input := filepath.Join(dir, "ada.yaml")
	ada, _ := os.ReadFile(cohortDir + "/ada.yaml")
	os.WriteFile(input, ada, 0o600)
	inFolder := filepath.Join(dir, "new.yaml")
	for _, tc := range []struct {
		out, want string
		paths     []string
	}{
		{link, "--out " + link + " is a symbolic link, not a regular file; name a regular file, or --out - for the standard output", []string{cohortDir}},
		{"/dev/stdout", "--out /dev/stdout is a", []string{cohortDir}},
		{dir, "--out " + dir + " is a folder", []string{cohortDir}},
		{input, "--out " + input + " is the input " + input + "; name another file", []string{input}},
		{input, "--out " + input + " is an assessment file under " + dir + ", an input of this run", []string{dir}},
		{inFolder, "--out " + inFolder + " is an assessment file under " + dir + ", an input of this run", []string{dir}},
	} {
		if tc.out == "/dev/stdout" && runtime.GOOS == "windows" {
			continue
		}
		args := append([]string{"report", "--rubric", cohortRubric, "--out", tc.out}, tc.paths...)
		_, errs, code := run(t, args...)
		if code != ExitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("--out %s: exit %d, stderr %q; want exit %d and %q", tc.out, code, errs, ExitUsage, tc.want)
		}
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("the link's target was written")
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
	if b, _ := os.ReadFile(input); string(b) != string(ada) {
		t.Errorf("the input assessment was overwritten")
	}
	if _, err := os.Lstat(inFolder); err == nil {
		t.Errorf("the report was written into the folder read")
	}
	_, errs, code = run(t, "simulate", "--rubric", "../report/testdata/cohort-must.yaml", "--baseline", cohortRubric, input, "--out", input)
	if code != ExitUsage || !strings.Contains(errs, "is the input") {
		t.Errorf("simulate --out INPUT: exit %d\n%s", code, errs)
	}

	// The owner-only mode applies to a file that existed too.
	existing := filepath.Join(t.TempDir(), "cohort.txt")
	os.WriteFile(existing, []byte("old"), 0o644)
	if _, errs, code := run(t, "report", cohortDir+"/ada.yaml", "--rubric", cohortRubric, "--out", existing); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if info, _ := os.Stat(existing); info.Mode().Perm() != 0o600 {
		t.Errorf("existing --out file: mode %v, want 0600", info.Mode().Perm())
	}
}

// A link in a cohort folder to a file outside it (say /etc/shadow) is not
// followed unless --follow-symlinks, and an anonymized report never quotes
// a skipped file's text.
func TestReportLinksAndExcerpts(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(root, "shadow")
	os.WriteFile(secret, []byte("root:$6$secrethash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"), 0o600)
	cohort := filepath.Join(root, "cohort")
	os.Mkdir(cohort, 0o700)
	ada, _ := os.ReadFile(cohortDir + "/ada.yaml")
	os.WriteFile(filepath.Join(cohort, "ada.yaml"), ada, 0o600)
	if err := os.Symlink(secret, filepath.Join(cohort, "shadow.yaml")); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}
	// A link to a file inside the folders given is counted once, as the file.
	os.Mkdir(filepath.Join(cohort, "sub"), 0o700)
	os.Symlink("../ada.yaml", filepath.Join(cohort, "sub", "ada-again.yaml"))

	out, errs, code := run(t, "report", cohort, "--rubric", cohortRubric, "--format", "json", "--anonymize")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Contains(out+errs, "secrethash") || strings.Contains(out+errs, "daemon") {
		t.Errorf("the link's target leaked:\n%s\n%s", out, errs)
	}
	if !strings.Contains(errs, filepath.Join(cohort, "shadow.yaml")+": cannot be read: a symbolic link to a file outside the folders given; not followed") {
		t.Errorf("stderr does not say why the link was skipped:\n%s", errs)
	}
	var doc struct {
		Assessments int `json:"assessments"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Assessments != 1 {
		t.Errorf("assessments = %d (%v), want 1: ada, and the link to her counted once", doc.Assessments, err)
	}
	if !strings.Contains(errs, filepath.Join(cohort, "sub", "ada-again.yaml")+": read once already") {
		t.Errorf("stderr does not say the link was counted once:\n%s", errs)
	}

	out, errs, _ = run(t, "report", cohort, "--rubric", cohortRubric, "--format", "json", "--anonymize", "--follow-symlinks")
	if strings.Contains(out, "secrethash") || strings.Contains(out, "daemon") {
		t.Errorf("--follow-symlinks --anonymize quotes the file's text in the report:\n%s", out)
	}
	if !strings.Contains(errs, "unknown field \"root:$6$secrethash") {
		t.Errorf("--follow-symlinks did not read the link, or stderr lost the reason:\n%s", errs)
	}

	// A huge key is quoted in a few dozen characters, not whole.
	big := writeFile(t, "big.yaml", strings.Repeat("k", 3<<20)+": 1\n")
	_, errs, _ = run(t, "validate", big)
	if len(errs) > 2000 || !strings.Contains(errs, strings.Repeat("k", 60)+"…\"") {
		t.Errorf("validate echoes a 3 MB key: %d bytes of stderr: %.300s", len(errs), errs)
	}
}

// One file is one candidate however it is reached: named twice, named and
// inside a folder named too, or linked to from the folder. The report says
// so instead of counting it again.
func TestReportCountsAFileOnce(t *testing.T) {
	dir := t.TempDir()
	ada, _ := os.ReadFile(cohortDir + "/ada.yaml")
	file := filepath.Join(dir, "a.yaml")
	os.WriteFile(file, ada, 0o600)
	if err := os.Symlink("a.yaml", filepath.Join(dir, "alias.yaml")); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}
	out, errs, code := run(t, "report", file, file, dir, dir+"/./a.yaml", "--rubric", cohortRubric, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Assessments int `json:"assessments"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Assessments != 1 {
		t.Errorf("assessments = %d (%v), want 1\n%s", doc.Assessments, err, errs)
	}
	if !strings.Contains(errs, "4 files skipped: read once already") {
		t.Errorf("stderr does not say which paths were counted once:\n%s", errs)
	}
}
