package cohortview

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric"
)

func simulate(t *testing.T, next string, view report.View) *report.Simulation {
	t.Helper()
	r, err := rubric.LoadFile(next)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := report.Simulate(context.Background(), report.SimulateOptions{Baseline: cohortRubric(t), Rubric: r, View: view}, "testdata/cohort")
	if err != nil {
		t.Fatal(err)
	}
	return sim
}

// TestSimulateWeights: testdata/cohort-weights.yaml (id cohort-2027) weighs
// acme's python 1 instead of 2 and its sql 3 instead of 1, drops beta and
// the docker skill, and adds gamma. acme, 100*(python + 3*sql + dutch)/5:
//
//	ada      (1 + 3 + 1)/5   = 100.0 ready    (was 100.0 ready)    0.0
//	ada-old  (.5 + 1.5 + 1)/5 = 60.0 almost   (was 62.5 almost)   -2.5
//	bob      (1 + 1.5 + 0)/5 = 50.0 blocked   (was 62.5 blocked) -12.5
//	cleo     (.5 + 3 + 1)/5  = 90.0 ready     (was 75.0 almost)  +15.0
//	eve      (1 + 0 + 1)/5   = 40.0 not-yet   (was 75.0 almost)  -35.0
//
// Changes sorted: -35.0 -12.5 -2.5 0.0 +15.0: median -2.5, mean -35/5 = -7.0.
// Dan targets beta only: he counts for no company of the new rubric.
func TestSimulateWeights(t *testing.T) {
	sim := simulate(t, "testdata/cohort-weights.yaml", report.Self)
	if sim.Assessments != 6 || len(sim.Skipped) != 4 {
		t.Errorf("assessments %d, skipped %d, want 6 and 4", sim.Assessments, len(sim.Skipped))
	}
	if sim.Baseline.ID != "cohort" || sim.Rubric.ID != "cohort-2027" || sim.Rubric.Version != "4" || !strings.HasPrefix(sim.Rubric.Digest, "sha256:") {
		t.Errorf("rubrics = %+v → %+v", sim.Baseline, sim.Rubric)
	}
	if len(sim.Companies) != 1 {
		t.Fatalf("companies = %+v, want acme alone", sim.Companies)
	}
	acme := sim.Companies[0]
	wantTransitions := []report.Transition{
		{From: rubric.Ready, To: rubric.Ready, Count: 1},
		{From: rubric.Almost, To: rubric.Ready, Count: 1},
		{From: rubric.Almost, To: rubric.Almost, Count: 1},
		{From: rubric.Almost, To: rubric.NotYet, Count: 1},
		{From: rubric.Blocked, To: rubric.Blocked, Count: 1},
	}
	if acme.Candidates != 5 || !reflect.DeepEqual(acme.Transitions, wantTransitions) {
		t.Errorf("acme: %d candidates, transitions %+v, want 5 and %+v", acme.Candidates, acme.Transitions, wantTransitions)
	}
	if *acme.ReadinessChange != (report.Change{Median: -2.5, Mean: -7}) {
		t.Errorf("readiness change = %+v, want median -2.5 mean -7.0", *acme.ReadinessChange)
	}
	wantChanged := []report.Changed{
		{Name: "cleo de Vries", File: "testdata/cohort/cleo.yaml", From: rubric.Almost, To: rubric.Ready, ReadinessFrom: 75, ReadinessTo: 90},
		{Name: "Eve Martin", File: "testdata/cohort/more/eve.yaml", From: rubric.Almost, To: rubric.NotYet, ReadinessFrom: 75, ReadinessTo: 40},
	}
	if !reflect.DeepEqual(acme.Changed, wantChanged) {
		t.Errorf("changed = %+v, want %+v", acme.Changed, wantChanged)
	}
	if want := []report.CompanyRef{{ID: "gamma", Name: "Gamma"}}; !reflect.DeepEqual(sim.AddedCompanies, want) {
		t.Errorf("added = %+v, want %+v", sim.AddedCompanies, want)
	}
	if want := []report.CompanyRef{{ID: "beta", Name: "Beta"}}; !reflect.DeepEqual(sim.RemovedCompanies, want) {
		t.Errorf("removed = %+v, want %+v", sim.RemovedCompanies, want)
	}
	// rust is answered once (eve) and is in neither rubric; docker, which
	// the new rubric drops, is answered by nobody.
	if want := []report.SkillFiles{{Skill: "rust", Files: 1}}; !reflect.DeepEqual(sim.MissingSkills, want) {
		t.Errorf("missing skills = %+v, want %+v", sim.MissingSkills, want)
	}

	var b bytes.Buffer
	if err := SimulationText(sim, &b, 100, palette.Palette{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`The new rubric's id is "cohort-2027", the assessments' is "cohort"`,
		"Readiness change: median -2.5, mean -7.0",
		"almost → ready: 1 · almost → not yet: 1",
		"Verdicts move at 1 of 1 company: Acme (2 candidates).",
		"75.0 → 90.0",
		"Added companies (new rubric only): Gamma (gamma)",
		"Removed companies (baseline only): Beta (beta)",
		"rust (1 file)",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, b.String())
		}
	}
}

// TestSimulateMustFlip: testdata/cohort-must.yaml makes acme's dutch an
// ordinary requirement and beta's git a must. Readiness does not move;
// verdicts do:
//
//	acme: bob 62.5 blocked -> almost (>= 60); the rest keep theirs:
//	  ready -> ready 1 (ada), almost -> almost 3, blocked -> almost 1
//	beta: ada git 1 < 2 -> ready to blocked; bob git unanswered -> not-yet
//	  to blocked; dan and eve meet git: ready -> ready 2
func TestSimulateMustFlip(t *testing.T) {
	sim := simulate(t, "testdata/cohort-must.yaml", report.Self)
	if len(sim.Companies) != 2 || len(sim.AddedCompanies) != 0 || len(sim.RemovedCompanies) != 0 {
		t.Fatalf("companies %+v added %+v removed %+v", sim.Companies, sim.AddedCompanies, sim.RemovedCompanies)
	}
	acme, beta := sim.Companies[0], sim.Companies[1]
	want := map[string][]report.Transition{
		"acme": {{From: rubric.Ready, To: rubric.Ready, Count: 1}, {From: rubric.Almost, To: rubric.Almost, Count: 3}, {From: rubric.Blocked, To: rubric.Almost, Count: 1}},
		"beta": {{From: rubric.Ready, To: rubric.Ready, Count: 2}, {From: rubric.Ready, To: rubric.Blocked, Count: 1}, {From: rubric.NotYet, To: rubric.Blocked, Count: 1}},
	}
	for _, c := range []report.SimCompany{acme, beta} {
		if !reflect.DeepEqual(c.Transitions, want[c.ID]) {
			t.Errorf("%s transitions = %+v, want %+v", c.ID, c.Transitions, want[c.ID])
		}
		if *c.ReadinessChange != (report.Change{}) {
			t.Errorf("%s readiness change = %+v, want none", c.ID, *c.ReadinessChange)
		}
	}
	if len(acme.Changed) != 1 || acme.Changed[0].Name != "Bob Jansen" || acme.Changed[0].To != rubric.Almost || acme.Changed[0].ReadinessTo != 62.5 {
		t.Errorf("acme changed = %+v, want bob blocked → almost at 62.5", acme.Changed)
	}
	if len(beta.Changed) != 2 || beta.Changed[0].File != "testdata/cohort/ada.yaml" || beta.Changed[1].From != rubric.NotYet {
		t.Errorf("beta changed = %+v, want ada (ada.yaml) then bob", beta.Changed)
	}
	if m := beta.Matrix(); m[0][3] != 1 || m[2][3] != 1 || m[0][0] != 2 {
		t.Errorf("beta matrix = %v, want ready→blocked 1, not-yet→blocked 1, ready→ready 2", m)
	}

	var b bytes.Buffer
	if err := SimulationMarkdown(sim, &b); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"blocked → almost: 1", "| ready | 2 | 0 | 0 | 1 |", "| Bob Jansen | `testdata/cohort/bob.yaml` | blocked → almost | 62.5 → 62.5 |"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("markdown lacks %q:\n%s", w, b.String())
		}
	}
	if strings.Contains(b.String(), "id is") {
		t.Errorf("markdown speaks of an id change with the same id")
	}
}

func TestSimulateJSONShape(t *testing.T) {
	sim := simulate(t, "testdata/cohort-weights.yaml", report.Mentor)
	var b bytes.Buffer
	if err := SimulationJSON(sim, &b); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range doc {
		keys = append(keys, k)
	}
	sortStrings(keys)
	want := []string{"added_companies", "assessments", "baseline", "companies", "missing_skills", "removed_companies", "rubric", "skipped", "view"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys = %q, want %q", keys, want)
	}
	company := doc["companies"].([]any)[0].(map[string]any)
	var ckeys []string
	for k := range company {
		ckeys = append(ckeys, k)
	}
	sortStrings(ckeys)
	if want := []string{"candidates", "changed", "id", "name", "readiness_change", "transitions"}; !reflect.DeepEqual(ckeys, want) {
		t.Errorf("company keys = %q, want %q", ckeys, want)
	}
	changed := company["changed"].([]any)[0].(map[string]any)
	if _, ok := changed["readiness_from"]; !ok || doc["view"] != "mentor" {
		t.Errorf("changed = %v, view = %v", changed, doc["view"])
	}
	for _, k := range []string{"id", "version", "digest"} {
		if _, ok := doc["baseline"].(map[string]any)[k]; !ok {
			t.Errorf("baseline lacks %s", k)
		}
	}
}

// TestSimulateSameRubric: against itself, nothing moves and the reports say so.
func TestSimulateSameRubric(t *testing.T) {
	sim := simulate(t, "testdata/cohort-rubric.yaml", report.Self)
	for _, c := range sim.Companies {
		for _, tr := range c.Transitions {
			if tr.From != tr.To {
				t.Errorf("%s: %s → %s", c.ID, tr.From, tr.To)
			}
		}
		if len(c.Changed) != 0 {
			t.Errorf("%s: changed %+v", c.ID, c.Changed)
		}
	}
	// Nothing moves: one line per company with its verdicts, no tables of
	// zeros, in the text and in the Markdown.
	var b, md bytes.Buffer
	SimulationText(sim, &b, 80, palette.Palette{})
	SimulationMarkdown(sim, &md)
	for _, want := range []string{
		"identical",
		"No verdict moves at any company.",
		"No verdict changes: ready 1, almost 3, not yet 0, blocked 1.", // acme
		"No verdict changes: ready 3, almost 0, not yet 1, blocked 0.", // beta
	} {
		if !strings.Contains(b.String(), want) || !strings.Contains(md.String(), want) {
			t.Errorf("text or Markdown lacks %q:\n%s\n%s", want, b.String(), md.String())
		}
	}
	if strings.Contains(b.String(), "From \\ to") || strings.Contains(md.String(), "From \\ to") {
		t.Errorf("a transition table where nothing moves:\n%s\n%s", b.String(), md.String())
	}
}
