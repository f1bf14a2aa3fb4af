package report

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/rubric"
)

// The cohort of testdata/cohort, against testdata/cohort-rubric.yaml:
//
//	acme (almost 60, ready 80): python min 2 weight 2; sql min 2 weight 1;
//	  dutch min 1 weight 1, must. Total weight 4.
//	beta (almost 50, ready 75): python min 3; git min 2. Total weight 2.
//
//	file          name           targets      python sql git  docker dutch
//	ada-old.yaml  Ada Lovelace   acme         1      1   -    -      1
//	ada.yaml      Ada Lovelace   acme, beta   3      2   1    -      1
//	bob.yaml      Bob Jansen     (all)        2      1   note -      0
//	cleo.yaml     cleo de Vries  acme         1      3   2    -      1
//	more/dan.yaml Dan Okafor     beta         4      -   3    -      -
//	more/eve.yaml Eve Martin     acme, beta   2      0   3    -      1   (and rust: 2)
//
// acme, 100*(2*score(python) + score(sql) + score(dutch))/4:
//
//	ada-old (2*.5 + .5 + 1)/4 = 62.5 almost    ada (2+1+1)/4 = 100.0 ready
//	bob (2 + .5 + 0)/4 = 62.5 blocked (dutch)  cleo (2*.5 + 1 + 1)/4 = 75.0 almost
//	eve (2 + 0 + 1)/4 = 75.0 almost
//
// beta, 100*(score(python) + score(git))/2:
//
//	ada (1 + .5)/2 = 75.0 ready   bob (2/3 + 0)/2 = 33.3 not-yet
//	dan (1 + 1)/2 = 100.0 ready   eve (2/3 + 1)/2 = 83.3 ready
//
// Four files are skipped: broken.yaml (YAML syntax), other-rubric.yaml
// (another rubric id), rubric.yaml (a rubric, not an assessment), zed.yaml
// (level 7 outside the scale). notes.txt, .hidden.yaml and ada.yaml.lock
// are not read at all.
func cohortRubric(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, err := rubric.LoadFile("testdata/cohort-rubric.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func read(t testing.TB, opts Options, paths ...string) *Report {
	t.Helper()
	if opts.Rubric == nil {
		opts.Rubric = cohortRubric(t)
	}
	rp, err := Read(context.Background(), opts, paths...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rp.Close() })
	return rp
}

func candidates(t testing.TB, rp *Report) []Candidate {
	t.Helper()
	var out []Candidate
	if err := rp.Candidates(func(c Candidate) error { out = append(out, c); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReadCohort(t *testing.T) {
	rp := read(t, Options{}, "testdata/cohort")
	if rp.Assessments != 6 {
		t.Errorf("assessments = %d, want 6", rp.Assessments)
	}
	if len(rp.Companies) != 2 {
		t.Fatalf("%d companies, want 2", len(rp.Companies))
	}
	acme, beta := rp.Companies[0], rp.Companies[1]

	// acme, 5 candidates (odd): 62.5 62.5 75.0 75.0 100.0
	//   p25: h = (5-1)*.25 = 1 -> x[1] = 62.5; median: h = 2 -> 75.0;
	//   p75: h = 3 -> 75.0; mean 375/5 = 75.0
	wantAcme := Company{ID: "acme", Name: "Acme", Candidates: 5,
		Verdicts:  Verdicts{Ready: 1, Almost: 3, Blocked: 1},
		Readiness: &Stats{Min: 62.5, P25: 62.5, Median: 75, P75: 75, Max: 100, Mean: 75},
		Histogram: [11]int{6: 2, 7: 2, 10: 1},
		// sql missed by ada-old, bob, eve; python by ada-old, cleo; dutch by bob.
		Unmet: []Unmet{{"sql", "SQL", false, 3}, {"python", "Python", false, 2}, {"dutch", "Dutch university", true, 1}},
		Role:  "Backend intern", Almost: 60, Ready: 80,
	}
	// beta, 4 candidates (even): 33.3 75.0 83.3 100.0
	//   p25: h = 3*.25 = .75 -> 33.3 + .75*(75.0-33.3) = 64.575 -> 64.6
	//   median: h = 1.5 -> 75.0 + .5*(83.3-75.0) = 79.15 -> 79.2 (half away from zero)
	//   p75: h = 2.25 -> 83.3 + .25*(100-83.3) = 87.475 -> 87.5
	//   mean: 291.6/4 = 72.9
	wantBeta := Company{ID: "beta", Name: "Beta", Candidates: 4,
		Verdicts:  Verdicts{Ready: 3, NotYet: 1},
		Readiness: &Stats{Min: 33.3, P25: 64.6, Median: 79.2, P75: 87.5, Max: 100, Mean: 72.9},
		Histogram: [11]int{3: 1, 7: 1, 8: 1, 10: 1},
		// A tie: python (bob, eve) and git (ada, bob) are both missed twice:
		// rubric order decides.
		Unmet:  []Unmet{{"python", "Python", false, 2}, {"git", "Git", false, 2}},
		Almost: 50, Ready: 75,
	}
	for _, tc := range []struct{ got, want Company }{{acme, wantAcme}, {beta, wantBeta}} {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("company %s:\n got %+v %+v\nwant %+v %+v", tc.want.ID, tc.got, *tc.got.Readiness, tc.want, *tc.want.Readiness)
		}
	}

	// Skills over all six: python 1,1,2,2,3,4 (median h = 2.5 between 2 and 2 = 2);
	// sql 0,1,1,2,3 and one unanswered (median 1); git 1,2,3,3 and two
	// unanswered, bob's note without a level among them (median h = 1.5:
	// 2 + .5*(3-2) = 2.5); docker unanswered by all (median null); dutch
	// 0,1,1,1,1 and dan unanswered (median 1).
	wantSkills := []struct {
		id         string
		levels     []int
		unanswered int
		median     float64 // -1 for null
	}{
		{"python", []int{0, 2, 2, 1, 1}, 0, 2},
		{"sql", []int{1, 2, 1, 1, 0}, 1, 1},
		{"git", []int{0, 1, 1, 2, 0}, 2, 2.5},
		{"docker", []int{0, 0, 0, 0, 0}, 6, -1},
		{"dutch", []int{1, 4}, 1, 1},
	}
	for i, w := range wantSkills {
		s := rp.Skills[i]
		median := -1.0
		if s.Median != nil {
			median = *s.Median
		}
		if s.ID != w.id || !reflect.DeepEqual(s.Levels, w.levels) || s.Unanswered != w.unanswered || median != w.median {
			t.Errorf("skill %d = %s %v unanswered %d median %v, want %s %v %d %v", i, s.ID, s.Levels, s.Unanswered, median, w.id, w.levels, w.unanswered, w.median)
		}
	}

	// Next steps, each candidate's skills raised by one level at their targets:
	//   python: ada-old acme 62.5 -> 87.5 almost -> ready (+25); bob beta
	//     33.3 -> 50.0 not-yet -> almost (+16.67); cleo acme 75 -> 100 almost
	//     -> ready (+25); eve beta 83.3 -> 100 ready stays (+16.67); ada, dan
	//     no gain. moves 3, gain 83.3
	//   git: ada beta 75 -> 100 ready stays (+25); bob beta 33.3 -> 58.3
	//     not-yet -> almost (+25). moves 1, gain 50.0
	//   sql: ada-old acme +12.5 (75.0, almost stays); bob +12.5 (still
	//     blocked); eve acme 75 -> 87.5 almost -> ready. moves 1, gain 37.5
	//   dutch: bob acme 62.5 -> 87.5 blocked -> ready. moves 1, gain 25.0
	//   docker: required nowhere: left out.
	// Order: moves, then gain.
	wantSteps := []NextStep{{"python", "Python", 3, 83.3}, {"git", "Git", 1, 50}, {"sql", "SQL", 1, 37.5}, {"dutch", "Dutch university", 1, 25}}
	if !reflect.DeepEqual(rp.NextSteps, wantSteps) {
		t.Errorf("next steps = %+v, want %+v", rp.NextSteps, wantSteps)
	}

	// By name folded to lower case, then file: the two Ada Lovelace files
	// by path, and "cleo de Vries" between Bob and Dan.
	var got []string
	for _, c := range candidates(t, rp) {
		got = append(got, c.Name+" "+filepath.Base(c.File))
	}
	want := []string{"Ada Lovelace ada-old.yaml", "Ada Lovelace ada.yaml", "Bob Jansen bob.yaml", "cleo de Vries cleo.yaml", "Dan Okafor dan.yaml", "Eve Martin eve.yaml"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("candidates = %q, want %q", got, want)
	}

	var files []string
	for _, s := range rp.Skipped {
		files = append(files, filepath.Base(s.File))
		if !strings.HasPrefix(s.Error, s.File+":") {
			t.Errorf("skipped %s: reason %q does not start with the file", s.File, s.Error)
		}
	}
	if want := []string{"broken.yaml", "other-rubric.yaml", "rubric.yaml", "zed.yaml"}; !reflect.DeepEqual(files, want) {
		t.Errorf("skipped = %q, want %q", files, want)
	}
	if !strings.Contains(rp.Skipped[3].Error, "zed.yaml:5:11: the answer for \"python\" is level 7") {
		t.Errorf("zed.yaml's reason = %q, want its line and column", rp.Skipped[3].Error)
	}
	if want := []SkillFiles{{"rust", 1}}; !reflect.DeepEqual(rp.UnknownSkills, want) {
		t.Errorf("unknown skills = %+v, want %+v", rp.UnknownSkills, want)
	}
}

func TestCandidateCompanies(t *testing.T) {
	cs := candidates(t, read(t, Options{}, "testdata/cohort"))
	bob := cs[2]
	// bob: acme python met, sql and dutch unmet (dutch a must); beta both unmet.
	want := []CandidateCompany{
		{ID: "acme", Name: "Acme", Readiness: 62.5, Verdict: rubric.Blocked, Met: 1, Unmet: 2, BlockedBy: []string{"dutch"}},
		{ID: "beta", Name: "Beta", Readiness: 33.3, Verdict: rubric.NotYet, Met: 0, Unmet: 2},
	}
	if bob.Name != "Bob Jansen" || bob.Status != "in-progress" || bob.Updated.Format("2006-01-02T15:04") != "2026-11-22T12:00" || !reflect.DeepEqual(bob.Companies, want) {
		t.Errorf("bob = %+v, want companies %+v", bob, want)
	}
}

// TestCompanyOverride: --company beta counts every candidate for beta.
//
//	ada 75.0 ready; ada-old (1/3 + 0)/2 = 16.7 not-yet; bob 33.3 not-yet;
//	cleo (1/3 + 1)/2 = 66.7 almost; dan 100.0 ready; eve 83.3 ready
//	sorted: 16.7 33.3 66.7 75.0 83.3 100.0 (six, even)
//	p25: h = 5*.25 = 1.25 -> 33.3 + .25*(66.7-33.3) = 41.65 -> 41.7
//	median: h = 2.5 -> 66.7 + .5*(75.0-66.7) = 70.85 -> 70.9
//	p75: h = 3.75 -> 75.0 + .75*(83.3-75.0) = 81.225 -> 81.2
//	mean: 375.0/6 = 62.5
func TestCompanyOverride(t *testing.T) {
	rp := read(t, Options{Companies: []string{"beta"}}, "testdata/cohort")
	if len(rp.Companies) != 1 || rp.Companies[0].ID != "beta" {
		t.Fatalf("companies = %+v, want beta alone", rp.Companies)
	}
	beta := rp.Companies[0]
	want := Stats{Min: 16.7, P25: 41.7, Median: 70.9, P75: 81.2, Max: 100, Mean: 62.5}
	if beta.Candidates != 6 || *beta.Readiness != want || beta.Verdicts != (Verdicts{Ready: 3, Almost: 1, NotYet: 2}) {
		t.Errorf("beta = %d candidates %+v %+v, want 6 %+v ready 3 almost 1 not-yet 2", beta.Candidates, *beta.Readiness, beta.Verdicts, want)
	}
	for _, c := range candidates(t, rp) {
		if len(c.Companies) != 1 || c.Companies[0].ID != "beta" {
			t.Errorf("%s counts for %+v, want beta alone", c.Name, c.Companies)
		}
	}

	_, err := Read(context.Background(), Options{Rubric: cohortRubric(t), Companies: []string{"beta", "omega"}}, "testdata/cohort")
	if !errors.Is(err, ErrUnknownCompany) || !strings.Contains(err.Error(), `"omega"`) {
		t.Errorf("unknown --company: err = %v, want ErrUnknownCompany naming omega", err)
	}
}
