// Package load reads an OpenAPI document (YAML or JSON, 3.0, 3.1 or Swagger
// 2.0, one file or several joined by relative $refs) with kin-openapi and
// validates it.
//
// It knows OpenAPI and nothing about Go. Every problem it reports carries the
// file, line and column it comes from. It never writes anything.
package load

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen/diag"
)

// Options bound what loading may do.
type Options struct {
	// AllowRemoteRefs lets $refs point at http(s) URLs. Off by default: a
	// generator run in CI must not fetch from the network.
	AllowRemoteRefs bool
	// Limits bound the resources a load may use; zero fields are defaults.
	Limits
}

// Spec is a loaded, validated document.
type Spec struct {
	// Path is the root file as given (used in messages and headers).
	Path string
	// Doc is the document as kin-openapi resolved it, with origins recorded.
	Doc *openapi3.T
	// Version is the `openapi` (or `swagger`) field of the root file.
	Version string
	// Files lists every file read, root first then sorted, as given paths.
	Files []string
	// Digest is what the files mean ("sha256:" and 16 hex digits; see
	// digest): the spec's fingerprint, which Digest(path) recomputes
	// cheaply.
	Digest string
	// Warnings are problems that do not stop generation.
	Warnings diag.List

	nodes map[string]*yaml.Node // file (cleaned path) -> parsed document
	data  map[string][]byte     // file (cleaned path) -> its bytes, as kin-openapi reads them
	// raw holds a file's bytes as read when data differs (misplaced $refs
	// blanked): the digest is of what the file says.
	raw map[string][]byte

	// validated is closed when kin-openapi's validation, started by Open,
	// has finished; validation then holds its outcome, and merged (the
	// first Wait) moves its warnings into Warnings.
	validated  chan struct{}
	validation struct {
		warnings diag.List
		err      error
	}
	merged sync.Once
}

// Is31 reports whether the document declares OpenAPI 3.1 or later.
func (s *Spec) Is31() bool {
	return strings.HasPrefix(s.Version, "3.1") || strings.HasPrefix(s.Version, "3.2")
}

// Load reads, resolves and validates the document at path.
func Load(path string, opts Options) (*Spec, error) {
	s, err := Open(path, opts)
	if err != nil {
		return nil, err
	}
	if err := s.Wait(); err != nil {
		return nil, err
	}
	return s, nil
}

// Open reads and resolves the document at path, checks its examples and
// defaults, and starts kin-openapi's validation of it in the background
// (on a big spec a second or more of one core, which planning and emitting
// can use the other core for meanwhile). Wait returns the outcome. Until
// Wait returns, the document must only be read: the validation reads it.
// Warnings holds only the loader's own warnings until then.
func Open(path string, opts Options) (*Spec, error) {
	opts.Limits = opts.Limits.withDefaults()
	s := &Spec{Path: path, nodes: map[string]*yaml.Node{}, data: map[string][]byte{}}
	root, err := s.parseFile(path, opts)
	if err != nil {
		return nil, err
	}
	s.Version = topLevelString(root, "openapi")
	isSwagger := false
	if s.Version == "" {
		if v := topLevelString(root, "swagger"); v != "" {
			s.Version, isSwagger = v, true
		}
	}
	if s.Version == "" {
		if k := misspelledVersionKey(root); k != nil {
			return nil, diag.Errorf(nodePos(path, k), "", "not an OpenAPI document: no `openapi` or `swagger` field at the top level (is %q a misspelling of `openapi`?)", k.Value)
		}
		return nil, diag.Errorf(nodePos(path, root), "", "not an OpenAPI document: no `openapi` or `swagger` field at the top level (a fragment meant to be $ref'd from a spec cannot be generated on its own)")
	}

	if err := componentsMapRefs(path, root); err != nil {
		return nil, err
	}

	// Check every $ref before kin-openapi sees them: its own messages for a
	// dangling ref carry no position.
	if err := s.checkRefs(path, opts, map[string]bool{}); err != nil {
		return nil, err
	}

	if err := checkResponseObjects(path, root); err != nil {
		return nil, err
	}
	s.Warnings = append(s.Warnings, operationRefs(path, root)...)

	var doc *openapi3.T
	if isSwagger {
		doc, err = s.loadSwagger(path)
	} else {
		doc, err = s.loadOpenAPI3(path, opts)
	}
	if err != nil {
		return nil, err
	}
	s.Doc = doc
	s.normalizeStatusRanges(doc)
	// Examples and defaults are checked per schema by checkValues, which
	// reports each wrong value at its position instead of the first only
	// (and the planner looks at these warnings).
	s.Warnings = append(s.Warnings, s.fixNullTypes()...)
	s.Warnings = append(s.Warnings, s.checkValues()...)
	s.digest()
	s.validated = make(chan struct{})
	go func() {
		defer close(s.validated)
		s.validation.warnings, s.validation.err = s.validate()
	}()
	return s, nil
}

// Wait waits for the validation Open started and returns its error: a
// finding no fallback covers. Its warnings are added to Warnings. Calling
// it again returns the same error.
func (s *Spec) Wait() error {
	<-s.validated
	s.merged.Do(func() { s.Warnings = append(s.Warnings, s.validation.warnings...) })
	return s.validation.err
}

func (s *Spec) loadOpenAPI3(path string, opts Options) (*openapi3.T, error) {
	doc, err := s.kinLoad(path, opts, true)
	if err != nil {
		// What the YAML parser refuses after "--- " (duplicate keys, which
		// kin-openapi then reads as JSON, the last one winning) loads as
		// it always did, and its error is the one the plain text gets.
		doc, err = s.kinLoad(path, opts, false)
	}
	if err != nil {
		msg := cleanKinError(err)
		pos := s.quotedPos(msg)
		if pos.Line == 0 {
			pos = s.kinErrPos(msg)
		}
		where, msg := notASchemaMsg(msg)
		return nil, diag.Errorf(pos, where, "%s", msg)
	}
	return doc, nil
}

// kinNotSchemaRE matches yaml's error for a value of another kind where
// kin-openapi wants a schema, and the JSON pointer it names.
var kinNotSchemaRE = regexp.MustCompile(`cannot construct !!(\w+)\b.*? into openapi3\.Schema in (/\S+)`)

// notASchemaMsg words kin-openapi's error for a schema keyword holding a
// scalar or a list (draft-04 tuples, `items: [...]`; `items: string`):
// "failed to unmarshal data: json error: ..., yaml error: yaml: construct
// errors: line 9: cannot construct !!seq into openapi3.Schema in
// /components/schemas/T/items" names neither the rule nor the fix; where
// is the keyword's path, dotted. Any other message is returned as it is.
func notASchemaMsg(msg string) (where, out string) {
	m := kinNotSchemaRE.FindStringSubmatch(msg)
	if m == nil {
		return "", msg
	}
	kind := map[string]string{"seq": "an array", "str": "a string", "int": "a number", "float": "a number", "bool": "a boolean", "null": "null"}[m[1]]
	if kind == "" {
		kind = "a " + m[1]
	}
	out = "a schema must be an object, not " + kind
	if m[1] == "seq" && strings.HasSuffix(m[2], "/items") {
		out += " (items is one schema; OpenAPI 3.1 writes a tuple's schemas as prefixItems)"
	} else if m[1] == "str" {
		out += " (a type name is written `type: <name>`)"
	}
	return strings.Join(PointerTokens(m[2]), "."), out
}

var (
	// kinPointerRE finds the JSON pointer kin-openapi's YAML errors name
	// ("cannot construct !!seq into openapi3.Schema in /components/...").
	kinPointerRE = regexp.MustCompile(` in (/[^\s;]+)`)
	// kinLineRE finds the line yaml's errors name.
	kinLineRE = regexp.MustCompile(`\bline (\d+):`)
)

// kinErrPos positions a kin-openapi loading error that quotes nothing of
// the document: by the JSON pointer or the line it names in the root file,
// or by the construct it describes, else the file alone.
func (s *Spec) kinErrPos(msg string) diag.Pos {
	root := s.nodes[filepath.Clean(s.Path)]
	if strings.HasPrefix(msg, "error resolving reference") {
		return diag.Pos{File: s.Path} // another file's line: not this one's
	}
	if m := kinPointerRE.FindStringSubmatch(msg); m != nil {
		if n, ok := lookup(root, m[1]); ok {
			return nodePos(s.Path, n)
		}
	}
	if m := kinLineRE.FindStringSubmatch(msg); m != nil {
		if line, err := strconv.Atoi(m[1]); err == nil && line > 0 {
			return diag.Pos{File: s.Path, Line: line, Col: 1}
		}
	}
	if strings.Contains(msg, "cannot contain both schema and content in a parameter") {
		var found *yaml.Node
		walk(root, nil, func(n *yaml.Node, where []string) {
			if found == nil && n.Kind == yaml.MappingNode && mapValue(n, "schema") != nil && mapValue(n, "content") != nil && mapValue(n, "in") != nil {
				found = n
			}
		})
		if found != nil {
			return nodePos(s.Path, found)
		}
	}
	return diag.Pos{File: s.Path}
}

// kinLoad has kin-openapi load the document, with origins. With flow set,
// JSON files it reads are given to it as flowDocument makes them.
func (s *Spec) kinLoad(path string, opts Options, flow bool) (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	loader.IsExternalRefsAllowed = true
	loader.ReadFromURIFunc = func(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
		if u.Scheme != "" && u.Scheme != "file" {
			if !opts.AllowRemoteRefs {
				return nil, fmt.Errorf("remote $ref %s refused (allow-remote-refs is off)", u)
			}
			return openapi3.DefaultReadFromURI(loader, u)
		}
		p := filepath.FromSlash(u.Path)
		if !s.insideRoot(p) {
			// checkRefs has reported every $ref it could see; this catches
			// whatever kin-openapi resolves some other way.
			return nil, fmt.Errorf("%s is outside the spec's directory %s", p, filepath.Dir(s.Path))
		}
		data, err := s.readFile(p, opts)
		if err == nil && flow {
			data = flowDocument(data)
		}
		return data, err
	}
	return loader.LoadFromFile(path)
}

// flowDocument puts "--- " before a JSON document's opening brace when it
// stands alone on its line at column 0, which changes no position kin-openapi
// records. The YAML parser kin-openapi reads origins with (yaml/v4) keeps
// every token of the document queued while the top-level "{" might still
// turn out to be a mapping key ("{...}: value"), i.e. to the end: on
// Stripe's 4 MB spec 346,546 tokens, 1.9 s. After an explicit document
// start no key can begin there, and the queue stays a few hundred tokens
// long (0.27 s). Documents holding a raw U+0085 are left as they are:
// kin-openapi reads those as JSON, which it would not after the prefix.
func flowDocument(data []byte) []byte {
	i := 0
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
		i++
	}
	if i == len(data) || data[i] != '{' || (i > 0 && data[i-1] != '\n' && data[i-1] != '\r') {
		return data
	}
	j := i + 1
	for j < len(data) && (data[j] == ' ' || data[j] == '\t') {
		j++
	}
	if j == len(data) || (data[j] != '\n' && data[j] != '\r') || bytes.Contains(data, []byte("\u0085")) {
		return data
	}
	out := make([]byte, 0, len(data)+4)
	out = append(out, data[:i]...)
	out = append(out, "--- "...)
	return append(out, data[i:]...)
}

func (s *Spec) loadSwagger(path string) (*openapi3.T, error) {
	// parseFile has read and parsed the file; its tree is the document.
	var v2 openapi2.T
	tree := s.nodes[filepath.Clean(path)]
	if _, blanked := s.raw[filepath.Clean(path)]; blanked {
		// Read what kin-openapi would: the text with misplaced $refs gone.
		if t, err := parseTree(s.data[filepath.Clean(path)]); err == nil {
			tree = t
		}
	}
	js, err := yamlToJSON(withoutPathsExtensions(tree))
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: path}, "", "%v", err)
	}
	if err := json.Unmarshal(js, &v2); err != nil {
		msg := cleanKinError(err)
		pos := s.swaggerErrPos(tree, msg)
		if k := swaggerSchemaErrRE.FindStringSubmatch(msg); k != nil && k[1] == "array" {
			msg = "a schema must be an object, not an array"
			if _, kw := firstSchemaOf(tree, "array"); kw == "items" {
				msg += " (Swagger 2.0 has no tuples: items is one schema)"
			}
		}
		return nil, diag.Errorf(pos, "", "reading Swagger 2.0 document: %s", msg)
	}
	nullableRefs(&v2)
	doc, err := openapi2conv.ToV3(&v2)
	if err != nil {
		msg := cleanKinError(err)
		return nil, diag.Errorf(s.quotedPos(msg), "", "converting Swagger 2.0 to OpenAPI 3: %s", msg)
	}
	s.Warnings = append(s.Warnings, diag.Diagnostic{Pos: diag.Pos{File: path, Line: 1, Col: 1}, Severity: diag.Warning,
		Msg: "Swagger " + s.Version + " document converted to OpenAPI 3.0 with kin-openapi's openapi2conv"})
	if doc.Components != nil && doc.Paths != nil {
		s.fixCollectionFormats(&v2, doc)
	}
	fixProduces(&v2, doc)
	return doc, nil
}

// readFile reads one file of the document with the size bound applied, and
// remembers its parsed tree for positions.
func (s *Spec) readFile(path string, opts Options) ([]byte, error) {
	// parseFile has read every file checkRefs followed; kin-openapi asks
	// for them again.
	if data, ok := s.data[filepath.Clean(path)]; ok {
		return data, nil
	}
	return readLimited(path, opts.MaxFileBytes)
}

// parseFile reads and parses one file into a YAML node tree (JSON is YAML),
// turning syntax errors into positioned diagnostics.
func (s *Spec) parseFile(path string, opts Options) (*yaml.Node, error) {
	key := filepath.Clean(path)
	if n, ok := s.nodes[key]; ok {
		return n, nil
	}
	if len(s.nodes) >= opts.MaxFiles {
		return nil, diag.Errorf(diag.Pos{File: path}, "", "the spec spans more than %d files (limits.max-files)", opts.MaxFiles)
	}
	data, err := s.readFile(path, opts)
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: path}, "", "%v", unwrapPathError(err))
	}
	if err := checkUTF8(path, data); err != nil {
		return nil, err
	}
	var doc *yaml.Node
	if isJSON(data) {
		// encoding/json gives exact offsets for JSON syntax errors. Valid
		// scans without building values; Unmarshal, only for a document
		// that fails it, reports the same scan's error.
		if !json.Valid(data) {
			var v any
			err := json.Unmarshal(data, &v)
			var se *json.SyntaxError
			if errors.As(err, &se) {
				line, col := lineCol(data, int(se.Offset))
				return nil, diag.Errorf(diag.Pos{File: path, Line: line, Col: col}, "", "invalid JSON: %v", se)
			}
			return nil, diag.Errorf(diag.Pos{File: path}, "", "invalid JSON: %v", err)
		}
		if doc, err = jsonNodes(data); err != nil {
			return nil, diag.Errorf(diag.Pos{File: path}, "", "invalid JSON: %v", err)
		}
	} else {
		doc = &yaml.Node{}
		if err := yaml.Unmarshal(data, doc); err != nil {
			var le *yaml.LoadError
			if errors.As(err, &le) {
				msg := le.Message
				if le.ContextMsg != "" {
					msg = le.ContextMsg + ": " + msg
				}
				return nil, diag.Errorf(diag.Pos{File: path, Line: le.Mark.Line, Col: le.Mark.Column}, "", "invalid YAML: %s", msg)
			}
			return nil, diag.Errorf(diag.Pos{File: path}, "", "invalid YAML: %v", err)
		}
	}
	if err := checkTree(path, doc, opts.Limits); err != nil {
		return nil, err
	}
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		pos := nodePos(path, root)
		if pos.Line == 0 { // an empty file has no node to point at
			pos.Line, pos.Col = 1, 1
		}
		return nil, diag.Errorf(pos, "", "the document must be a mapping (an object), not %s", kindName(root))
	}
	s.nodes[key] = root
	s.data[key] = s.liftRequired(path, root, s.dropMapExamples(path, root, s.dropDanglingMappings(path, root, s.dropMisplacedRefs(path, root, data))))
	if len(s.data[key]) > 0 && &s.data[key][0] != &data[0] {
		if s.raw == nil {
			s.raw = map[string][]byte{}
		}
		s.raw[key] = data
	}
	return root, nil
}

// componentsMapRefs refuses a components section written as one $ref
// (Lichess's and SendGrid's `schemas: {$ref: ./schemas.yaml}`): a
// components map is not a Reference, and kin-openapi reads the $ref as a
// schema or response named "$ref", whose error says nothing of the rule.
func componentsMapRefs(path string, root *yaml.Node) error {
	comps := mapValue(root, "components")
	if comps == nil || comps.Kind != yaml.MappingNode {
		return nil
	}
	var errs diag.List
	for i := 0; i+1 < len(comps.Content); i += 2 {
		sec := comps.Content[i+1]
		if sec.Kind != yaml.MappingNode || strings.HasPrefix(comps.Content[i].Value, "x-") {
			continue
		}
		if ref := mapValue(sec, "$ref"); ref != nil {
			name := comps.Content[i].Value
			errs = append(errs, diag.Diagnostic{Pos: nodePos(path, ref), Where: "components." + name + ".$ref",
				Msg: fmt.Sprintf("components.%s cannot be a $ref: a components map lists each name with its own $ref (`Pet: {$ref: '%s#/Pet'}`), or bundle the spec first (redocly bundle)", name, ref.Value)})
		}
	}
	if len(errs) > 0 {
		return errs.Sort()
	}
	return nil
}

// operationRefs warns about each operation written as a $ref
// (DigitalOcean's `get: {$ref: resources/x.yml}`): OpenAPI's Operation
// Object has no Reference form, and kin-openapi reads it as an empty
// operation, so everything the file holds (parameters, body, responses)
// is missing from the generated method; not silently.
func operationRefs(path string, root *yaml.Node) diag.List {
	var out diag.List
	paths := mapValue(root, "paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		item := paths.Content[i+1]
		if item.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			method, op := item.Content[j], item.Content[j+1]
			if !httpMethods[method.Value] || op.Kind != yaml.MappingNode {
				continue
			}
			if ref := mapValue(op, "$ref"); ref != nil && ref.Kind == yaml.ScalarNode {
				out = append(out, diag.Diagnostic{Pos: nodePos(path, ref), Where: "paths." + paths.Content[i].Value + "." + method.Value, Severity: diag.Warning,
					Msg: fmt.Sprintf("an operation cannot be a $ref (%s): OpenAPI has none, and %s %s is generated without its parameters, body and responses; bundle the spec first (redocly bundle inlines it)", ref.Value, strings.ToUpper(method.Value), paths.Content[i].Value)})
			}
		}
	}
	return out
}

// checkResponseObjects refuses a response that is not an object (`200:`
// with nothing after it): kin-openapi's message for one says neither
// where nor which.
func checkResponseObjects(path string, root *yaml.Node) error {
	var errs diag.List
	walk(root, nil, func(m *yaml.Node, where []string) {
		if m.Kind != yaml.MappingNode || inExtension(where) || inLiteral(where) {
			return
		}
		if k := len(where); k > 0 && namedMap(where[k-1], at(where, k-2), k == 1) {
			return // m is a name's value in a map of names: its keys are keywords
		}
		responses := mapValue(m, "responses")
		if responses == nil || responses.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(responses.Content); i += 2 {
			key, n := responses.Content[i].Value, responses.Content[i+1]
			if strings.HasPrefix(key, "x-") || key == "<<" || n.Kind == yaml.MappingNode || n.Kind == yaml.AliasNode {
				continue
			}
			at := strings.Join(append(where[:len(where):len(where)], "responses", key), ".")
			what := kindName(n)
			switch {
			case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
				what = "empty"
			case n.Kind == yaml.ScalarNode:
				what = strconv.Quote(n.Value)
			}
			errs = append(errs, diag.Diagnostic{Pos: nodePos(path, n), Where: at, Msg: "a response must be an object (a Response Object or a $ref), not " + what})
		}
	})
	if len(errs) > 0 {
		return errs.Sort()
	}
	return nil
}

// localRefHint is the local reference a $ref naming a missing file most
// likely meant: a bare name ("pet", as Swagger 1.2 wrote them) that is a
// definition or component schema of the file, or "".
func localRefHint(root *yaml.Node, name string) string {
	if strings.ContainsAny(name, "/.") {
		return ""
	}
	for _, sec := range [][]string{{"definitions"}, {"components", "schemas"}} {
		if _, ok := lookupPath(root, append(sec, name)); ok {
			return "#/" + strings.Join(sec, "/") + "/" + name
		}
	}
	return ""
}

// checkRefs walks the file's $refs: local ones must resolve inside the file,
// file ones must name an existing file inside the spec's directory tree (and
// are checked in turn), remote ones need AllowRemoteRefs.
func (s *Spec) checkRefs(path string, opts Options, seen map[string]bool) error {
	key := filepath.Clean(path)
	if seen[key] {
		return nil
	}
	seen[key] = true
	root := s.nodes[key]
	var errs diag.List
	var next []string
	walk(root, nil, func(n *yaml.Node, where []string) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value != "$ref" || v.Kind != yaml.ScalarNode || notARef(where) {
				continue
			}
			ref := v.Value
			pos := nodePos(path, v)
			at := strings.Join(where, ".")
			file, frag, _ := strings.Cut(ref, "#")
			switch {
			case strings.HasPrefix(file, "http://") || strings.HasPrefix(file, "https://"):
				if !opts.AllowRemoteRefs {
					errs = append(errs, diag.Diagnostic{Pos: pos, Where: at, Msg: fmt.Sprintf("remote $ref %q refused: remote references are off (set allow-remote-refs in the config to allow them)", ref)})
				}
				continue
			case file == "":
				if _, ok := lookup(root, frag); !ok {
					errs = append(errs, diag.Diagnostic{Pos: pos, Where: at, Msg: fmt.Sprintf("$ref %q does not resolve: no such element in %s", ref, filepath.Base(path))})
				} else if msg := wrongSection(where, frag); msg != "" {
					errs = append(errs, diag.Diagnostic{Pos: pos, Where: at, Msg: fmt.Sprintf("$ref %q %s", ref, msg)})
				} else if msg := notASchema(where, frag); msg != "" {
					errs = append(errs, diag.Diagnostic{Pos: pos, Where: at, Msg: fmt.Sprintf("$ref %q %s", ref, msg)})
				}
				continue
			}
			if u, err := url.Parse(file); err == nil && u.Scheme != "" || strings.HasPrefix(file, "//") {
				errs = append(errs, diag.Diagnostic{Pos: pos, Where: at, Msg: fmt.Sprintf("$ref %q refused: only relative file paths and http(s) URLs are followed", ref)})
				continue
			}
			target := refTarget(path, file)
			if !s.insideRoot(target) {
				errs = append(errs, diag.Diagnostic{Pos: pos, Where: at, Msg: fmt.Sprintf("$ref %q points outside the spec's directory %s", ref, filepath.Dir(s.Path))})
				continue
			}
			troot, err := s.parseFile(target, opts)
			if err != nil {
				var l diag.List
				if errors.As(err, &l) && l[0].Pos.Line == 0 {
					msg := fmt.Sprintf("$ref %q: %s", ref, l[0].Msg)
					if hint := localRefHint(root, file); hint != "" && frag == "" {
						msg += fmt.Sprintf(" (did you mean %q?)", hint)
					}
					errs = append(errs, diag.Diagnostic{Pos: pos, Where: at, Msg: msg})
				} else {
					errs = append(errs, l...)
				}
				continue
			}
			if frag != "" {
				if _, ok := lookup(troot, frag); !ok {
					errs = append(errs, diag.Diagnostic{Pos: pos, Where: at, Msg: fmt.Sprintf("$ref %q does not resolve: no such element in %s", ref, file)})
					continue
				}
			}
			next = append(next, target)
		}
	})
	if len(errs) > 0 {
		return errs.Sort()
	}
	for _, t := range next {
		if err := s.checkRefs(t, opts, seen); err != nil {
			return err
		}
	}
	return nil
}

// validate runs kin-openapi's validation. What it finds are warnings: real
// vendors ship specs with invalid examples and defaults, responses without
// a description, parameters without a schema or path parameters they never
// declare, and the planner has a fallback for each (-strict makes them
// errors). kin-openapi stops at the first problem of a section, so when the
// strict pass fails a lenient one (examples, defaults and patterns not
// checked) is reported too if it finds something else.
func (s *Spec) validate() (diag.List, error) {
	ctx := context.Background()
	var opts []openapi3.ValidationOption
	if s.Is31() {
		// components.pathItems is OpenAPI 3.1's; kin-openapi resolves a
		// $ref into it but its validation calls it an extra field, and
		// stops there, hiding the rest of components.
		opts = append(opts, openapi3.IsOpenAPI31OrLater(), openapi3.AllowExtraSiblingFields("pathItems"))
	}
	// Examples and defaults are checkValues' job; patterns the planner's,
	// against Go's regexp, at the schema.
	opts = append(opts, openapi3.DisableExamplesValidation(), openapi3.DisableSchemaDefaultsValidation(), openapi3.DisableSchemaPatternValidation())
	doc := validationView(s.Doc)
	strictErr := doc.Validate(ctx, opts...)
	if strictErr == nil {
		return nil, nil
	}
	if fatalValidation(strictErr) {
		return nil, diag.List{s.validationDiag(strictErr, diag.Error)}
	}
	warnings := diag.List{s.validationDiag(strictErr, diag.Warning)}
	lenient := append(opts, openapi3.DisableExamplesValidation(), openapi3.DisableSchemaDefaultsValidation(),
		openapi3.DisableSchemaPatternValidation(), openapi3.AllowExtraSiblingFields("x-", "nullable", "example", "description"))
	if err := doc.Validate(ctx, lenient...); err != nil && err.Error() != strictErr.Error() {
		warnings = append(warnings, s.validationDiag(err, diag.Warning))
	}
	return warnings, nil
}

// fatalValidation tells the validation findings no fallback covers: a
// reference that resolves to nothing, and component names outside
// OpenAPI's charset (they end up in Go source and file names).
func fatalValidation(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "found unresolved ref") || strings.Contains(msg, "is not supported by OpenAPIv3 standard (charset")
}

// validationDiag positions a kin-openapi validation error as well as its
// message allows: it names sections and schemas, not lines.
func (s *Spec) validationDiag(err error, sev diag.Severity) diag.Diagnostic {
	msg := cleanKinError(err)
	root := s.nodes[filepath.Clean(s.Path)]
	pos := diag.Pos{File: s.Path, Line: 1, Col: 1}
	where := ""
	for _, sec := range []string{"paths", "components", "info", "servers", "webhooks", "security", "tags"} {
		if strings.HasPrefix(msg, "invalid "+sec+": ") {
			where = sec
			rest := strings.TrimPrefix(msg, "invalid "+sec+": ")
			path := []string{sec}
			// `schema "Foo": ...` names a component schema.
			if sec == "components" && strings.HasPrefix(rest, "schema \"") {
				name := rest[len("schema \""):]
				if i := strings.Index(name, "\""); i > 0 {
					path = []string{"components", "schemas", name[:i]}
				}
			}
			// `invalid path /x: invalid operation GET: ...` names an operation.
			if sec == "paths" && strings.HasPrefix(rest, "invalid path ") {
				if pth, after, ok := strings.Cut(strings.TrimPrefix(rest, "invalid path "), ": "); ok {
					path = append(path, pth)
					if m, ok := strings.CutPrefix(after, "invalid operation "); ok {
						if method, _, ok := strings.Cut(m, ":"); ok {
							path = append(path, strings.ToLower(method))
						}
					}
				}
			}
			path = s.sourcePath(path)
			// The deepest element of the path that exists.
			for p := path; len(p) > 0; p = p[:len(p)-1] {
				if n, ok := lookupPath(root, p); ok {
					pos = nodePos(s.Path, n)
					where = strings.Join(p, ".")
					break
				}
			}
			break
		}
	}
	if i := strings.Index(msg, "extra sibling fields: ["); i >= 0 && s.Is31() {
		// JSON Schema 2020-12 reads a keyword it does not know as an
		// annotation: nothing is invalid, but nothing checks it either.
		fields := strings.TrimSuffix(msg[i+len("extra sibling fields: ["):], "]")
		msg = "unknown keywords " + strings.Join(strings.Fields(fields), ", ") + " in a schema are ignored (JSON Schema 2020-12 reads them as annotations); the value is typed and checked by the keywords it knows, any JSON when there are none"
	}
	return diag.Diagnostic{Pos: pos, Where: where, Msg: msg, Severity: sev}
}

// Pos returns the position of a document path in the root file, or the
// nearest ancestor that exists.
func (s *Spec) Pos(path ...string) diag.Pos {
	file := s.Path
	n := s.nodes[filepath.Clean(s.Path)]
	pos := diag.Pos{File: s.Path, Line: 1, Col: 1}
	for _, key := range s.sourcePath(path) {
		c := child(n, key)
		if c == nil {
			// Through a $ref to what another file holds (a path item kept
			// in a file of its own): the element is there, not at the $ref.
			if f, t := s.follow(file, n); t != nil {
				if c = child(t, key); c != nil {
					file = f
				}
			}
		}
		if c == nil {
			break
		}
		n = c
		pos = nodePos(file, n)
	}
	return pos
}

// follow is the node a $ref mapping n of file names, in the file it is in
// (read by checkRefs), and that file; nil when n is no $ref or its target
// was not read.
func (s *Spec) follow(file string, n *yaml.Node) (string, *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return "", nil
	}
	ref := mapValue(n, "$ref")
	if ref == nil || ref.Kind != yaml.ScalarNode {
		return "", nil
	}
	target, frag, _ := strings.Cut(ref.Value, "#")
	if target == "" {
		target = file
	} else {
		target = refTarget(file, target)
	}
	t := s.nodes[filepath.Clean(target)]
	if t != nil && frag != "" {
		t, _ = lookup(t, frag)
	}
	return target, t
}

// WherePos is the position of a diagnostic's document path, written with
// dots ("paths./v1.0/pets.get.responses.200"), in the root file: the
// deepest element it reaches, keys that hold dots included; false when it
// reaches none.
func (s *Spec) WherePos(where string) (diag.Pos, bool) {
	n := s.nodes[filepath.Clean(s.Path)]
	rest := s.sourcePath(strings.Split(where, "."))
	var at *yaml.Node
	for len(rest) > 0 && n != nil {
		// The longest run of elements that is one key: a path or a media
		// type may hold dots.
		var next *yaml.Node
		used := len(rest)
		for ; used > 0; used-- {
			if next = child(n, strings.Join(rest[:used], ".")); next != nil {
				break
			}
		}
		if next == nil {
			break
		}
		n, at, rest = next, next, rest[used:]
	}
	if at == nil {
		return diag.Pos{}, false
	}
	return nodePos(s.Path, at), true
}

// sourcePath maps a path of the OpenAPI 3 document to the file's own: a
// Swagger 2.0 document, converted, keeps its components elsewhere
// (components.schemas.Pet is definitions.Pet).
func (s *Spec) sourcePath(path []string) []string {
	if !strings.HasPrefix(s.Version, "2") || len(path) < 2 || path[0] != "components" {
		return path
	}
	sec, ok := map[string]string{"schemas": "definitions", "parameters": "parameters", "responses": "responses",
		"securitySchemes": "securityDefinitions"}[path[1]]
	if !ok {
		return path
	}
	return append([]string{sec}, path[2:]...)
}

// OriginPos turns a kin-openapi origin into a position, falling back to the
// given document path in the root file.
func (s *Spec) OriginPos(o *openapi3.Origin, fallback ...string) diag.Pos {
	if o != nil && o.Key != nil && o.Key.Line > 0 {
		file := o.Key.File
		if file == "" {
			file = s.Path
		} else if rel, err := filepath.Rel(".", file); err == nil && !filepath.IsAbs(file) {
			file = rel
		}
		return diag.Pos{File: file, Line: o.Key.Line, Col: o.Key.Column}
	}
	return s.Pos(fallback...)
}

// schemaDumpRE matches the schema and value dumps kin-openapi appends to
// validation errors; they are noise in a one-line diagnostic.
var schemaDumpRE = regexp.MustCompile(`\s*Schema:\s*(\{.*?\}|"[^"]*"|\S+)\s*Value:\s*("[^"]*"|\S+)\s*`)

func cleanKinError(err error) string {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	msg = schemaDumpRE.ReplaceAllString(msg, " (got $2) ")
	msg = strings.ReplaceAll(msg, "validation failed due to: ", "")
	return strings.TrimSpace(msg)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func isJSON(data []byte) bool {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '{', '[':
			return true
		}
		return false
	}
	return false
}

func lineCol(data []byte, offset int) (int, int) {
	if offset > len(data) {
		offset = len(data)
	}
	line, col := 1, 1
	for _, c := range data[:offset] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
