package gen

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen/diag"
	"github.com/oasgen/oasgen/gen/load"
)

// DefaultConfig is where `gen generate` looks for its config when none is
// given: spec/gen.yaml in the current directory or the nearest parent that
// has one (stopping at the module root).
const DefaultConfig = "spec/gen.yaml"

// Config is a generation config file: one or more specs, each generated
// into one Go package. A file with no `specs` list and the keys of one spec
// at the top level (spec, package, output, ...) is a single-spec config;
// that is also the shape of oapi-codegen's config file, whose keys are
// accepted so an oapi-codegen user can point oasgen at it (see OapiKeys).
type Config struct {
	// Specs lists what to generate.
	Specs []SpecConfig `yaml:"specs,omitempty"`
	// SpecConfig holds the top-level keys: `templates` (a directory of
	// oapi-codegen template overrides, <template name>.tmpl, relative to
	// the config file, default for every spec) and, in a single-spec
	// config, the spec's own keys.
	SpecConfig `yaml:",inline"`
}

// SpecConfig is one spec → package.
type SpecConfig struct {
	Spec    string `yaml:"spec"`    // path, relative to the config file
	Package string `yaml:"package"` // Go package name
	Output  string `yaml:"output"`  // directory, relative to the config file
	// Strict turns spec warnings into errors.
	Strict bool `yaml:"strict,omitempty"`
	// AllowRemoteRefs lets $refs fetch http(s) URLs. Off by default.
	AllowRemoteRefs bool `yaml:"allow-remote-refs,omitempty"`
	// Docs writes a Markdown page per schema under docs/models (default true).
	Docs *bool `yaml:"docs,omitempty"`
	// Client generates the HTTP clients (default true).
	Client *bool `yaml:"client,omitempty"`
	// RawClient, with client, also generates oapi-codegen's low-level
	// client in <output>/raw (default true); false leaves it out, which
	// makes the output 30–40 % cheaper to compile.
	RawClient *bool `yaml:"raw-client,omitempty"`
	// Groups "tags" puts each operation without x-speakeasy-group into the
	// sub-client of its first tag (c.Pets.ListPets).
	Groups string `yaml:"groups,omitempty"`
	// InferPagination gives page iterators to list operations without
	// x-speakeasy-pagination that follow a common pattern (a next cursor
	// or link in the body, a Link header). Off by default.
	InferPagination bool `yaml:"infer-pagination,omitempty"`
	// Templates overrides the config-wide template directory.
	Templates string `yaml:"templates,omitempty"`
	// ImportPath is the generated package's import path, which the raw
	// client package imports; unset, it is derived from the nearest go.mod.
	ImportPath string `yaml:"import-path,omitempty"`
	// Limits bound what loading the spec may cost (see load.Limits); unset
	// keys keep the defaults.
	Limits LimitsConfig `yaml:"limits,omitempty"`

	// OapiKeys are oapi-codegen's own config keys.
	OapiKeys `yaml:",inline"`

	// warnings are this entry's keys that are accepted but have no effect.
	warnings diag.List
}

// LimitsConfig is the `limits` block of a spec entry.
type LimitsConfig struct {
	MaxFileBytes  int64 `yaml:"max-file-bytes,omitempty"`
	MaxFiles      int   `yaml:"max-files,omitempty"`
	MaxNodes      int   `yaml:"max-nodes,omitempty"`
	MaxDepth      int   `yaml:"max-depth,omitempty"`
	MaxEnumValues int   `yaml:"max-enum-values,omitempty"`
}

// OapiKeys are the keys of an oapi-codegen (v2) config file. `package` and
// `output` are shared with ours (an `output` naming a .go file means its
// directory: oasgen writes one file per type). generate.client maps to
// `client`; generate.models is always on. Server generation is an error:
// oasgen generates models and a client. allow-remote-refs-from turns on
// allow-remote-refs. The rest is accepted and reported as having no effect.
type OapiKeys struct {
	Generate            *codegen.GenerateOptions      `yaml:"generate,omitempty"`
	OutputOptions       *codegen.OutputOptions        `yaml:"output-options,omitempty"`
	Compatibility       *codegen.CompatibilityOptions `yaml:"compatibility,omitempty"`
	ImportMapping       map[string]string             `yaml:"import-mapping,omitempty"`
	AdditionalImports   []codegen.AdditionalImport    `yaml:"additional-imports,omitempty"`
	AllowRemoteRefsFrom []string                      `yaml:"allow-remote-refs-from,omitempty"`
}

// LoadConfig reads a config file. Unknown keys and missing fields are
// errors with their position.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: path}, "", "reading config: %v", unwrap(err))
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c Config
	if err := dec.Decode(&c); err != nil {
		return nil, yamlDiag(path, err)
	}
	var errs diag.List
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root)
	top := &root
	if top.Kind == yaml.DocumentNode && len(top.Content) > 0 {
		top = top.Content[0]
	}
	single := c.Spec != "" || c.Package != "" || c.Output != "" || c.Generate != nil
	nodes := make([]*yaml.Node, len(c.Specs))
	for i := range c.Specs {
		nodes[i] = specNode(top, i)
	}
	switch {
	case single && len(c.Specs) > 0:
		errs = append(errs, diag.Diagnostic{Pos: diag.Pos{File: path, Line: 1, Col: 1},
			Msg: "both a `specs:` list and spec keys (spec, package, output, generate) at the top level; use one or the other"})
	case single:
		// A single-spec config (oapi-codegen's shape): the top level is the
		// spec; a top-level `templates` stays the default it always is.
		s := c.SpecConfig
		s.Templates = ""
		c.Specs, nodes = []SpecConfig{s}, []*yaml.Node{top}
		if c.Spec == "" {
			errs = append(errs, diag.Diagnostic{Pos: diag.Pos{File: path, Line: 1, Col: 1},
				Msg: "`spec` is required: oapi-codegen takes the spec on its command line, oasgen from the config (add `spec: path/to/openapi.yaml`)"})
		}
	case len(c.Specs) == 0:
		errs = append(errs, diag.Diagnostic{Pos: diag.Pos{File: path, Line: 1, Col: 1}, Msg: "no specs listed (add a `specs:` list)"})
	}
	for i := range c.Specs {
		var oapiErrs diag.List
		c.Specs[i].warnings, oapiErrs = c.Specs[i].applyOapiKeys(path, nodes[i])
		errs = append(errs, oapiErrs...)
	}
	for i, s := range c.Specs {
		pos := nodePos(path, nodes[i])
		where := fmt.Sprintf("specs[%d]", i)
		if single {
			where = ""
		}
		if s.Spec == "" && !single {
			errs = append(errs, diag.Diagnostic{Pos: pos, Where: where, Msg: "`spec` is required"})
		}
		if s.Output == "" {
			errs = append(errs, diag.Diagnostic{Pos: pos, Where: where, Msg: "`output` is required"})
		}
		if !isPackageName(s.Package) {
			errs = append(errs, diag.Diagnostic{Pos: pos, Where: where, Msg: fmt.Sprintf("`package` %q is not a valid Go package name", s.Package)})
		}
	}
	if len(errs) > 0 {
		return nil, errs.Sort()
	}
	return &c, nil
}

// Jobs resolves the config's paths against the config file's directory.
func (c *Config) Jobs(configPath string) ([]Job, error) {
	base := filepath.Dir(configPath)
	var jobs []Job
	for i, s := range c.Specs {
		if s.Groups != "" && s.Groups != "tags" {
			return nil, fmt.Errorf("%s: specs[%d]: groups: %q is not a way to group operations (the one there is: tags)", configPath, i, s.Groups)
		}
		tdir := s.Templates
		if tdir == "" {
			tdir = c.Templates
		}
		j := Job{
			Spec:            resolvePath(base, s.Spec),
			Package:         s.Package,
			Output:          resolvePath(base, s.Output),
			Strict:          s.Strict,
			AllowRemoteRefs: s.AllowRemoteRefs,
			Docs:            s.Docs == nil || *s.Docs,
			Client:          s.Client == nil || *s.Client,
			NoRawClient:     s.RawClient != nil && !*s.RawClient,
			GroupByTags:     s.Groups == "tags",
			InferPagination: s.InferPagination,
			ImportPath:      s.ImportPath,
			Limits: load.Limits{MaxFileBytes: s.Limits.MaxFileBytes, MaxFiles: s.Limits.MaxFiles, MaxNodes: s.Limits.MaxNodes,
				MaxDepth: s.Limits.MaxDepth, MaxEnumValues: s.Limits.MaxEnumValues},
			ConfigWarnings: s.warnings,
		}
		if tdir != "" {
			j.TemplatesDir = resolvePath(base, tdir)
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

// FindConfig looks for DefaultConfig in dir and its parents, up to the
// directory holding go.mod.
func FindConfig(dir string) (string, error) {
	d := dir
	for {
		p := filepath.Join(d, filepath.FromSlash(DefaultConfig))
		if _, err := os.Stat(p); err == nil {
			if rel, err := filepath.Rel(dir, p); err == nil {
				return rel, nil
			}
			return p, nil
		}
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return "", fmt.Errorf("no %s found in %s or its parents; pass -config FILE or -spec FILE -package NAME -out DIR", DefaultConfig, dir)
}

// specNode is the node of specs[i] (nil if the tree has none).
func specNode(top *yaml.Node, i int) *yaml.Node {
	if seq := mapValue(top, "specs"); seq != nil && seq.Kind == yaml.SequenceNode && i < len(seq.Content) {
		return seq.Content[i]
	}
	return nil
}

// mapValue is the value of key in a mapping node, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for k := 0; k+1 < len(n.Content); k += 2 {
		if n.Content[k].Value == key {
			return n.Content[k+1]
		}
	}
	return nil
}

func nodePos(path string, n *yaml.Node) diag.Pos {
	if n == nil || n.Line == 0 {
		return diag.Pos{File: path, Line: 1, Col: 1}
	}
	return diag.Pos{File: path, Line: n.Line, Col: n.Column}
}

func yamlDiag(path string, err error) error {
	var les *yaml.LoadErrors
	if errors.As(err, &les) {
		var l diag.List
		for _, e := range les.Errors {
			msg := e.Message
			// The Go type is ours, not the user's: the key's position says
			// where it is.
			msg = inTypeRE.ReplaceAllString(msg, "")
			if k := suggestKey(e.Message); k != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", k)
			}
			l = append(l, diag.Diagnostic{Pos: diag.Pos{File: path, Line: e.Mark.Line, Col: e.Mark.Column}, Msg: "config: " + msg})
		}
		if len(l) > 0 {
			return l
		}
	}
	var le *yaml.LoadError
	if errors.As(err, &le) {
		return diag.Errorf(diag.Pos{File: path, Line: le.Mark.Line, Col: le.Mark.Column}, "", "config: invalid YAML: %s", le.Message)
	}
	return diag.Errorf(diag.Pos{File: path}, "", "config: %v", err)
}

// IsPackageName reports whether s can name a generated package: an
// identifier that is neither a keyword nor "_" (the rule the config applies).
func IsPackageName(s string) bool { return isPackageName(s) }

func isPackageName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	switch s {
	case "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func",
		"go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var", "_":
		return false
	}
	return true
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var inTypeRE = regexp.MustCompile(` in type \S+`)

// unknownFieldRE matches the YAML decoder's message for a key no field
// takes.
var unknownFieldRE = regexp.MustCompile(`field (\S+) not found in type (\S+)`)

// suggestKey names the valid key closest to an unknown one, for the
// decoder's "field X not found in type T": a typo costs a glance, not a
// trip to the docs. "" when nothing is close.
func suggestKey(msg string) string {
	m := unknownFieldRE.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	keys := configKeys()[m[2]]
	best, bestD := "", 0
	for _, k := range keys {
		d := editDistance(strings.ToLower(m[1]), k)
		if best == "" || d < bestD || d == bestD && k < best {
			best, bestD = k, d
		}
	}
	// Close means a typo: at most a third of the key's letters wrong (one
	// for short keys), or one is the other with a prefix or suffix.
	if best != "" && (bestD <= max(1, len(best)/3) || strings.Contains(best, m[1]) || strings.Contains(m[1], best)) {
		return best
	}
	return ""
}

// configKeys maps each struct type the config decodes into (as the YAML
// decoder names it: "gen.SpecConfig", "codegen.OutputOptions") to the keys
// it accepts, inline fields included.
func configKeys() map[string][]string {
	out := map[string][]string{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return
		}
		if _, done := out[t.String()]; done {
			return
		}
		out[t.String()] = nil
		var keys []string
		var fields func(t reflect.Type)
		fields = func(t reflect.Type) {
			for i := range t.NumField() {
				f := t.Field(i)
				name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				if name == "-" || !f.IsExported() {
					continue
				}
				if strings.Contains(opts, "inline") {
					fields(f.Type)
					continue
				}
				if name == "" {
					name = strings.ToLower(f.Name)
				}
				keys = append(keys, name)
				visit(f.Type)
			}
		}
		fields(t)
		sort.Strings(keys)
		out[t.String()] = keys
	}
	visit(reflect.TypeFor[Config]())
	return out
}

// editDistance is the Levenshtein distance between two keys.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// resolvePath resolves a path from the config against the config file's
// directory; an absolute one is used as given.
func resolvePath(base, p string) string {
	p = filepath.FromSlash(p)
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(base, p)
}

// SetLimit applies one `key=value` setting to l, keys as in a config's
// `limits` block (max-nodes=20000000): the CLI's -limit flag, which
// overrides the config for every package.
func SetLimit(l *load.Limits, kv string) error {
	key, val, ok := strings.Cut(kv, "=")
	if !ok {
		return fmt.Errorf("-limit %q: want key=value, a key of the config's limits block", kv)
	}
	t := reflect.TypeFor[LimitsConfig]()
	var keys []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		keys = append(keys, name)
		if name != key {
			continue
		}
		n, err := strconv.ParseInt(val, 10, 64)
		if err != nil || n <= 0 {
			return fmt.Errorf("-limit %s: %q is not a positive whole number", key, val)
		}
		dst := reflect.ValueOf(l).Elem().FieldByName(f.Name)
		if dst.OverflowInt(n) {
			return fmt.Errorf("-limit %s: %s is too large", key, val)
		}
		dst.SetInt(n)
		return nil
	}
	msg := fmt.Sprintf("-limit: unknown key %q (one of %s)", key, strings.Join(keys, ", "))
	if k := suggestKey(fmt.Sprintf("field %s not found in type %s", key, t.String())); k != "" {
		msg = fmt.Sprintf("-limit: unknown key %q (did you mean %q?)", key, k)
	}
	return errors.New(msg)
}
