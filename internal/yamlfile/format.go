package yamlfile

import (
	"strings"

	"go.yaml.in/yaml/v4"
)

// Kind is one kind of readycheck file as its format field says it, for
// CheckFormat: the format it is read in, the other kind a person may pass
// by mistake, and what to tell them then.
type Kind struct {
	// Format is the format this version reads, "readycheck/rubric/v1".
	Format string
	// Family is the prefix of every version of the format,
	// "readycheck/rubric/": another version is "not supported".
	Family string
	// File names a file of the kind in messages: "a rubric file".
	File string
	// Name is the kind in "rubric format %q is not supported".
	Name string
	// OtherFormat is the other kind's format; IsOther the message when the
	// format field holds it (%q: the format).
	OtherFormat, IsOther string
	// OtherKeys are top-level keys of the other kind; LooksLikeOther the
	// message when the format field is missing and one of them is there.
	OtherKeys      []string
	LooksLikeOther string
}

// CheckFormat checks the format field of a file's top mapping first: a
// file of another kind would otherwise drown its one real problem in a
// screen of unknown fields. It reports whether the rest of the file is
// worth checking: yes when the format is k's, and when the field is
// missing from a file that does not look like the other kind.
func (r *Reporter) CheckFormat(top *yaml.Node, k Kind) bool {
	var fv *yaml.Node
	keys := map[string]bool{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		keys[top.Content[i].Value] = true
		if top.Content[i].Value == "format" {
			fv = top.Content[i+1]
		}
	}
	if fv == nil {
		for _, key := range k.OtherKeys {
			if keys[key] {
				r.At(top, "%s", k.LooksLikeOther)
				return false
			}
		}
		r.At(top, "the file has no format field; %s starts with `format: %s`", k.File, k.Format)
		return true // the rest is still worth checking
	}
	switch v := fv.Value; {
	case fv.Kind != yaml.ScalarNode:
		r.At(fv, "format should be %q", k.Format)
	case v == k.Format:
		return true
	case v == k.OtherFormat:
		r.At(fv, k.IsOther, v)
	case strings.HasPrefix(v, k.Family):
		r.At(fv, "%s format %q is not supported by this version of readycheck; it reads %q", k.Name, v, k.Format)
	default:
		r.At(fv, "unknown format %q; %s starts with `format: %s`", v, k.File, k.Format)
	}
	return false
}
