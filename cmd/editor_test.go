package cmd

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/readycheck/readycheck/rubric"
)

// lspClient drives a language server over its protocol (JSON-RPC with
// Content-Length headers on stdin and stdout), as an editor does.
type lspClient struct {
	t     *testing.T
	in    io.WriteCloser
	mu    sync.Mutex
	next  int
	calls map[int]chan json.RawMessage
	diags map[string]chan []lspDiagnostic
	// settings answers the server's workspace/configuration requests.
	settings map[string]any
}

type lspPosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspDiagnostic struct {
	Range struct {
		Start lspPosition `json:"start"`
		End   lspPosition `json:"end"`
	} `json:"range"`
	Message string `json:"message"`
}

type lspMessage struct {
	ID     *json.RawMessage `json:"id,omitempty"`
	Method string           `json:"method,omitempty"`
	Params json.RawMessage  `json:"params,omitempty"`
	Result json.RawMessage  `json:"result,omitempty"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// startYAMLServer starts yaml-language-server on dir, or skips the test when
// it is not installed (.ci/run installs it).
func startYAMLServer(t *testing.T, dir string) *lspClient {
	t.Helper()
	bin, err := exec.LookPath("yaml-language-server")
	if err != nil {
		t.Skip("yaml-language-server is not installed (npm install -g yaml-language-server@1.25.0)")
	}
	cmd := exec.Command(bin, "--stdio")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &lspClient{t: t, in: in, calls: map[int]chan json.RawMessage{}, diags: map[string]chan []lspDiagnostic{},
		settings: map[string]any{"validate": true, "hover": true, "completion": true, "format": map[string]any{"enable": false}}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.read(bufio.NewReader(out))
	}()
	t.Cleanup(func() {
		c.call("shutdown", nil)
		c.notify("exit", nil)
		in.Close()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
		}
		cmd.Wait()
	})
	root := fileURI(dir)
	c.call("initialize", map[string]any{
		"processId": os.Getpid(),
		"rootUri":   root,
		"capabilities": map[string]any{
			"workspace": map[string]any{"configuration": true},
			"textDocument": map[string]any{
				"completion":         map[string]any{"completionItem": map[string]any{"snippetSupport": true}},
				"hover":              map[string]any{"contentFormat": []string{"markdown", "plaintext"}},
				"publishDiagnostics": map[string]any{},
			},
		},
		"workspaceFolders": []map[string]any{{"uri": root, "name": "rubrics"}},
	})
	c.notify("initialized", map[string]any{})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"yaml": c.settings}})
	return c
}

func fileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		panic(err)
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/... on Windows
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func (c *lspClient) send(m map[string]any) {
	m["jsonrpc"] = "2.0"
	b, err := json.Marshal(m)
	if err != nil {
		c.t.Fatal(err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(b), b)
}

func (c *lspClient) notify(method string, params any) {
	c.send(map[string]any{"method": method, "params": params})
}

// call sends a request and waits for its result.
func (c *lspClient) call(method string, params any) json.RawMessage {
	c.mu.Lock()
	c.next++
	id := c.next
	ch := make(chan json.RawMessage, 1)
	c.calls[id] = ch
	c.mu.Unlock()
	m := map[string]any{"id": id, "method": method}
	if params != nil {
		m["params"] = params
	}
	c.send(m)
	select {
	case r := <-ch:
		return r
	case <-time.After(30 * time.Second):
		c.t.Fatalf("no answer to %s from yaml-language-server", method)
		return nil
	}
}

// read handles what the server sends: answers to calls, diagnostics, and
// its own requests (configuration, registrations), which it answers.
func (c *lspClient) read(r *bufio.Reader) {
	for {
		n := 0
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				n, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m lspMessage
		if err := json.Unmarshal(body, &m); err != nil {
			continue
		}
		switch {
		case m.ID != nil && m.Method == "workspace/configuration":
			var p struct {
				Items []struct {
					Section string `json:"section"`
				} `json:"items"`
			}
			json.Unmarshal(m.Params, &p)
			res := make([]any, len(p.Items))
			for i, it := range p.Items {
				switch it.Section {
				case "yaml":
					res[i] = c.settings
				case "[yaml]", "editor":
					res[i] = map[string]any{"tabSize": 2, "detectIndentation": false}
				}
			}
			c.send(map[string]any{"id": m.ID, "result": res})
		case m.ID != nil && m.Method != "":
			c.send(map[string]any{"id": m.ID, "result": nil})
		case m.ID != nil:
			id, _ := strconv.Atoi(string(*m.ID))
			c.mu.Lock()
			ch := c.calls[id]
			delete(c.calls, id)
			c.mu.Unlock()
			if ch != nil {
				ch <- m.Result
			}
		case m.Method == "textDocument/publishDiagnostics":
			var p struct {
				URI         string          `json:"uri"`
				Diagnostics []lspDiagnostic `json:"diagnostics"`
			}
			json.Unmarshal(m.Params, &p)
			c.mu.Lock()
			ch := c.diags[p.URI]
			c.mu.Unlock()
			if ch != nil {
				select {
				case ch <- p.Diagnostics:
				default:
				}
			}
		}
	}
}

// open writes text to dir/name, opens it in the server and returns its URI
// and the diagnostics the server publishes for it.
func (c *lspClient) open(dir, name, text string) (string, []lspDiagnostic) {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		c.t.Fatal(err)
	}
	uri := fileURI(path)
	ch := make(chan []lspDiagnostic, 16)
	c.mu.Lock()
	c.diags[uri] = ch
	c.mu.Unlock()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
	select {
	case d := <-ch:
		return uri, d
	case <-time.After(30 * time.Second):
		c.t.Fatalf("no diagnostics for %s from yaml-language-server", name)
		return "", nil
	}
}

func (c *lspClient) hover(uri string, p lspPosition) string {
	var h struct {
		Contents struct {
			Value string `json:"value"`
		} `json:"contents"`
	}
	json.Unmarshal(c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}), &h)
	return h.Contents.Value
}

type lspCompletion struct {
	Label      string `json:"label"`
	InsertText string `json:"insertText"`
	TextEdit   *struct {
		NewText string `json:"newText"`
	} `json:"textEdit"`
}

func (c lspCompletion) text() string {
	if c.TextEdit != nil {
		return c.TextEdit.NewText
	}
	return c.InsertText
}

func (c *lspClient) complete(uri string, p lspPosition) []lspCompletion {
	var list struct {
		Items []lspCompletion `json:"items"`
	}
	json.Unmarshal(c.call("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}), &list)
	return list.Items
}

// at returns the position of the n-th (from 1) occurrence of s in text.
func at(t *testing.T, text, s string, n int) lspPosition {
	t.Helper()
	off := -1
	for i := 0; i < n; i++ {
		j := strings.Index(text[off+1:], s)
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times", s, n)
		}
		off += 1 + j
	}
	line := strings.Count(text[:off], "\n")
	return lspPosition{Line: line, Character: off - (strings.LastIndex(text[:off], "\n") + 1)}
}

// TestEditorYAMLLanguageServer opens a starter rubric, as `rubric init`
// writes it beside its schema, in the real yaml-language-server and checks
// what an editor shows: no problem on the starter; each mistake reported
// once, in words, on the key or value at fault and at the line and column
// `validate` gives; hovers headed by the object's own title; completion
// that inserts "min: " and includes min in a new requirement.
func TestEditorYAMLLanguageServer(t *testing.T) {
	dir := t.TempDir()
	c := startYAMLServer(t, dir)
	schema, err := rubric.Schema()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, SchemaFile), schema, 0o644); err != nil {
		t.Fatal(err)
	}
	base := string(starter("acme.yaml"))
	const req = "      - {skill: sql, min: Beginner, weight: 2}\n"
	if !strings.Contains(base, req) {
		t.Fatalf("the starter lacks %q", req)
	}
	const lang = "      - id: language\n        title: One of Python, JavaScript, Java, C++ or C#\n        any_of: [python, javascript, java, cpp, csharp]\n"
	const both = "      - id: language\n        title: One of Python, JavaScript, Java, C++ or C#\n        skill: python\n        any_of: [python, javascript, java, cpp, csharp]\n"
	const python = "        aliases: [FastAPI, Django, Flask, pandas]\n"

	// The starter itself: no problem, and hovers headed by the title of the
	// object under the cursor, not the rubric's.
	uri, diags := c.open(dir, "starter.yaml", base)
	if len(diags) != 0 {
		t.Errorf("the starter has problems: %+v", diags)
	}
	for _, h := range []struct{ at, title string }{
		{"title: Programming languages", "Category"},
		{"title: Python", "Skill"},
		{"aliases: [FastAPI", "Skill"},
		{"role: Software", "Company"},
		{"min: Capable", "Requirement"},
	} {
		if got := c.hover(uri, at(t, base, h.at, 1)); !strings.HasPrefix(got, "#### "+h.title+"\n") {
			t.Errorf("hover on %q: %q, want it headed %q", h.at, got, h.title)
		}
	}

	// Each mistake: one problem, where validate puts it (a list of "key at"
	// positions when the editor and validate differ on purpose), in words.
	cases := []struct {
		name, old, new string
		want           []string // messages, each in full or a part of it
		at             string   // where the editor reports it, when not where validate does
		lineOnly       bool     // the editor reports it on validate's line, not its column
	}{
		{"min a boolean", req, "      - {skill: sql, min: true, weight: 2}\n", []string{"Incorrect type. Expected one of integer, string."}, "", false},
		{"weight text", req, "      - {skill: sql, min: Beginner, weight: lots}\n", []string{`Incorrect type. Expected "number".`}, "", false},
		{"version a list", `version: "2026.1"`, "version: [2026]", []string{"Incorrect type. Expected one of string, number."}, "", false},
		{"aliases one name", python, "        aliases: FastAPI\n", []string{`Incorrect type. Expected "array".`}, "", false},
		{"malformed id", "  - id: languages\n", "  - id: Languages\n", []string{"Not an id: use lower-case letters a-z, digits and hyphens"}, "", false},
		{"malformed skill in any_of", "any_of: [python, javascript, java, cpp, csharp]", "any_of: [python, JavaScript, java, cpp, csharp]", []string{"Not an id"}, "", false},
		{"skill and any_of", lang, both, []string{"Use skill for one skill, or any_of for a choice among several; not both."}, "any_of: [python, javascript, java", false},
		{"a new requirement with an id only", req, "      - id: x\n" + req, []string{`Missing property "min".`, `Missing property "skill".`}, "", false},
		{"a fresh item", req, "      - \n" + req, []string{`Incorrect type. Expected "Requirement".`}, "", true},
	}
	for i, cs := range cases {
		text := strings.Replace(base, cs.old, cs.new, 1)
		if text == base {
			t.Fatalf("%s: the starter lacks %q", cs.name, cs.old)
		}
		name := fmt.Sprintf("case%d.yaml", i)
		_, diags := c.open(dir, name, text)
		_, problems := rubric.Parse(name, []byte(text))
		if problems.Err() == nil {
			t.Errorf("%s: validate accepts it", cs.name)
			continue
		}
		want := lspPosition{Line: problems[0].Line - 1, Character: problems[0].Column - 1}
		if cs.at != "" {
			want = at(t, text, cs.at, 1)
		}
		var got []string
		for _, d := range diags {
			got = append(got, d.Message)
			if d.Range.Start != want && (!cs.lineOnly || d.Range.Start.Line != want.Line) {
				t.Errorf("%s: %q at %d:%d, want %d:%d (validate: %v)", cs.name, d.Message, d.Range.Start.Line+1, d.Range.Start.Character+1, want.Line+1, want.Character+1, problems)
			}
		}
		if len(got) != len(cs.want) {
			t.Errorf("%s: the editor shows %q, want %q", cs.name, got, cs.want)
			continue
		}
		for j := range got {
			if !strings.Contains(got[j], cs.want[j]) {
				t.Errorf("%s: the editor shows %q, want %q", cs.name, got[j], cs.want[j])
			}
		}
	}

	// Completion: in a new requirement, min is offered as "min: " with a
	// level in it, and the snippet of a whole new requirement includes min.
	text := strings.Replace(base, req, "      - id: x\n        \n"+req, 1)
	uri, _ = c.open(dir, "complete.yaml", text)
	p := at(t, text, "      - id: x\n", 1)
	p.Line++
	p.Character = 8
	var min string
	for _, it := range c.complete(uri, p) {
		if it.Label == "min" {
			min = it.text()
		}
	}
	if !strings.HasPrefix(min, "min: ") || strings.Contains(min, "${1:0}") {
		t.Errorf("completing min inserts %q, want \"min: \" and a level above 0", min)
	}
	text = strings.Replace(base, req, "      - \n"+req, 1)
	uri, _ = c.open(dir, "complete-item.yaml", text)
	p = at(t, text, "      - \n", 1)
	p.Character = 8
	var item string
	for _, it := range c.complete(uri, p) {
		if it.Label == "Requirement" {
			item = it.text()
		}
	}
	if !strings.Contains(item, "min: ") {
		t.Errorf("the snippet of a new requirement is %q, want it to include min", item)
	}
}
