package assessments

// How long, in characters, the texts that people type may be: the same in
// the full-screen fields, the accessible prompts and the flags, so that
// every way in writes the same files.
const (
	MaxName     = 120
	MaxEmail    = 200
	MaxNote     = 4000
	MaxEvidence = 2000 // the links of one skill, as typed
)
