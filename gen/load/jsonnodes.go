package load

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// jsonNodes builds, from a document json.Valid accepts, the node tree
// yaml.Unmarshal would build from it (JSON is YAML), about ten times
// faster: on a big JSON spec the YAML parser was a quarter of loading.
// TestJSONNodesMatchYAML holds the two to the same trees.
//
// The trees differ only where YAML reads the text otherwise than JSON
// does, and there this one follows JSON: a string escape YAML refuses
// (a surrogate pair such as "\ud83d\ude00", which made yaml.Unmarshal
// reject valid JSON), and raw U+0085, U+2028 and U+2029, which YAML takes
// for line breaks (it folds them inside strings and counts lines by them).
// Lines end at \n, \r\n or \r; columns count characters, as YAML's do.
func jsonNodes(data []byte) (*yaml.Node, error) {
	p := &jsonNodeParser{data: data, line: 1, markCol: 1}
	p.space()
	line, col := p.pos()
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.data) {
		return nil, p.errorf("unexpected data after the document")
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: line, Column: col, Content: []*yaml.Node{root}}, nil
}

type jsonNodeParser struct {
	data []byte
	i    int
	// Position bookkeeping: the current line, the offset it starts at,
	// and a recent offset on it with its column, so that a long line is
	// counted once, not from its start for every token.
	line, lineStart  int
	markOff, markCol int
	// slab hands out nodes from blocks instead of one allocation each.
	slab []yaml.Node
	// stack holds the children of the containers being parsed; each
	// container copies its own out when it closes.
	stack []*yaml.Node
}

// maxJSONNodeDepth bounds recursion; json.Valid has already refused
// anything nested deeper than encoding/json's own limit (10,000).
const maxJSONNodeDepth = 10000

func (p *jsonNodeParser) node() *yaml.Node {
	if len(p.slab) == 0 {
		p.slab = make([]yaml.Node, 256)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	return n
}

func (p *jsonNodeParser) errorf(format string, args ...any) error {
	line, col := p.pos()
	return fmt.Errorf("line %d, column %d: %s", line, col, fmt.Sprintf(format, args...))
}

// pos is the line and column (1-based, in characters) of offset p.i.
func (p *jsonNodeParser) pos() (int, int) {
	if p.markOff < p.lineStart || p.markOff > p.i {
		p.markOff, p.markCol = p.lineStart, 1
	}
	p.markCol += utf8.RuneCount(p.data[p.markOff:p.i])
	p.markOff = p.i
	return p.line, p.markCol
}

// space skips JSON whitespace, counting lines.
func (p *jsonNodeParser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t':
			p.i++
		case '\n':
			p.i++
			p.line, p.lineStart = p.line+1, p.i
		case '\r':
			p.i++
			if p.i < len(p.data) && p.data[p.i] == '\n' {
				p.i++
			}
			p.line, p.lineStart = p.line+1, p.i
		default:
			return
		}
	}
}

func (p *jsonNodeParser) value(depth int) (*yaml.Node, error) {
	if depth > maxJSONNodeDepth {
		return nil, p.errorf("nested too deeply")
	}
	if p.i >= len(p.data) {
		return nil, p.errorf("unexpected end of the document")
	}
	line, col := p.pos()
	switch c := p.data[p.i]; {
	case c == '{':
		return p.container(depth, yaml.MappingNode, "!!map", '}', line, col)
	case c == '[':
		return p.container(depth, yaml.SequenceNode, "!!seq", ']', line, col)
	case c == '"':
		v, err := p.str()
		if err != nil {
			return nil, err
		}
		n := p.node()
		*n = yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Tag: "!!str", Value: v, Line: line, Column: col}
		return n, nil
	default:
		start := p.i
		for p.i < len(p.data) && isJSONLiteralByte(p.data[p.i]) {
			p.i++
		}
		if p.i == start {
			return nil, p.errorf("unexpected %q", p.data[p.i])
		}
		n := p.node()
		*n = yaml.Node{Kind: yaml.ScalarNode, Value: string(p.data[start:p.i]), Line: line, Column: col}
		n.Tag = jsonScalarTag(n.Value)
		return n, nil
	}
}

// jsonScalarTag is YAML's resolution of a plain scalar, for the ones JSON
// has: 10 and 18446744073709551615 are !!int, 1.5 and 1e3 !!float, and a
// number beyond both (1e400, a 30-digit integer) !!str.
func jsonScalarTag(v string) string {
	switch v {
	case "true", "false":
		return "!!bool"
	case "null":
		return "!!null"
	case "-0", "-0.0":
		return "!!float" // YAML keeps the sign of a negative zero
	}
	if _, err := strconv.ParseInt(v, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(v, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return "!!float"
	}
	return "!!str"
}

func isJSONLiteralByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'E'
}

func (p *jsonNodeParser) container(depth int, kind yaml.Kind, tag string, end byte, line, col int) (*yaml.Node, error) {
	p.i++ // the opening bracket
	base := len(p.stack)
	p.space()
	for p.i < len(p.data) && p.data[p.i] != end {
		if len(p.stack) > base {
			if p.data[p.i] != ',' {
				return nil, p.errorf("expected , or %c", end)
			}
			p.i++
			p.space()
		}
		if kind == yaml.MappingNode {
			if p.i >= len(p.data) || p.data[p.i] != '"' {
				return nil, p.errorf("expected a member name")
			}
			k, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			p.stack = append(p.stack, k)
			p.space()
			if p.i >= len(p.data) || p.data[p.i] != ':' {
				return nil, p.errorf("expected :")
			}
			p.i++
			p.space()
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		p.stack = append(p.stack, v)
		p.space()
	}
	if p.i >= len(p.data) {
		return nil, p.errorf("unexpected end of the document")
	}
	p.i++ // the closing bracket
	n := p.node()
	*n = yaml.Node{Kind: kind, Style: yaml.FlowStyle, Tag: tag, Line: line, Column: col}
	if len(p.stack) > base {
		n.Content = append([]*yaml.Node(nil), p.stack[base:]...)
		clear(p.stack[base:])
		p.stack = p.stack[:base]
	}
	return n, nil
}

// str reads a string token at p.i and returns its value. Most spec strings
// have no escapes and are sliced out directly; the rest are decoded by
// encoding/json, which is JSON's definition of them.
func (p *jsonNodeParser) str() (string, error) {
	start := p.i
	p.i++
	escaped := false
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case '"':
			p.i++
			if !escaped {
				return string(p.data[start+1 : p.i-1]), nil
			}
			var v string
			if err := json.Unmarshal(p.data[start:p.i], &v); err != nil {
				return "", p.errorf("%v", err)
			}
			return v, nil
		case '\\':
			escaped = true
			p.i += 2
		default:
			p.i++
		}
	}
	return "", p.errorf("unterminated string")
}
