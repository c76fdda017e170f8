package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/internal/npmtool"
)

// prism is a running `prism mock` of one spec.
type prism struct {
	URL    string
	cancel context.CancelFunc
	exited chan error
	mu     sync.Mutex
	logs   bytes.Buffer
}

// prismBin is tools/prism's pinned Prism, installed with npm ci when
// missing.
func prismBin(root string) (string, error) {
	dir := filepath.Join(root, "tools", "prism")
	if err := npmtool.Install(dir); err != nil {
		return "", fmt.Errorf("installing Prism in %s: %w", dir, err)
	}
	return filepath.Join(dir, "node_modules", ".bin", "prism"), nil
}

// startPrism mocks spec on a free loopback port; dynamic adds -d (responses
// generated from the schemas rather than the spec's examples).
func startPrism(bin, spec string, dynamic bool, wait time.Duration) (*prism, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	args := []string{"mock", "-h", "127.0.0.1", "-p", strconv.Itoa(port)}
	if dynamic {
		args = append(args, "-d")
	}
	args = append(args, spec)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, args...)
	pr, pw, err := os.Pipe()
	if err != nil {
		cancel()
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		cancel()
		return nil, err
	}
	pw.Close()
	p := &prism{URL: "http://127.0.0.1:" + strconv.Itoa(port), cancel: cancel, exited: make(chan error, 1)}
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 64<<10), 4<<20)
		var once sync.Once
		for sc.Scan() {
			p.mu.Lock()
			if p.logs.Len() < 1<<20 {
				p.logs.WriteString(sc.Text() + "\n")
			}
			p.mu.Unlock()
			if strings.Contains(sc.Text(), "Prism is listening") {
				once.Do(func() { close(ready) })
			}
		}
	}()
	go func() { p.exited <- cmd.Wait() }()
	select {
	case <-ready:
		return p, nil
	case err := <-p.exited:
		cancel()
		return nil, &prismRefused{Reason: refusal(p.log()), Err: fmt.Errorf("prism exited before listening: %v\n%s", err, lastLines(p.log(), 15))}
	case <-time.After(wait):
		p.stop()
		if p.log() == "" {
			return nil, fmt.Errorf("%w within %s", errPrismSilent, wait)
		}
		return nil, fmt.Errorf("prism did not listen within %s\n%s", wait, lastLines(p.log(), 15))
	}
}

// prismRefused is Prism exiting before it listens: it could not load
// the spec (a YAML its parser refuses, a reference it cannot resolve),
// which oasgen's loader read. Reason is Prism's own message.
type prismRefused struct {
	Reason string
	Err    error
}

func (e *prismRefused) Error() string { return e.Err.Error() }

// fatalLine matches the line of Prism's log that says why it stopped
// ("[CLI] ✖  fatal     Error parsing …").
var fatalLine = regexp.MustCompile(`(?i)\bfatal\b\s+(.*\S)`)

// refusal is the reason in Prism's log for not starting, or for dying:
// its fatal line, else the last line that names an error (Node's
// "TypeError: …", not a stack frame), else its last line.
func refusal(log string) string {
	lines := strings.Split(strings.TrimRight(log, "\n"), "\n")
	for _, l := range lines {
		if m := fatalLine.FindStringSubmatch(l); m != nil {
			return m[1]
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(lines[i]); !strings.HasPrefix(l, "at ") && strings.Contains(strings.ToLower(l), "error") {
			return strings.TrimSpace(lines[i])
		}
	}
	return strings.TrimSpace(lines[len(lines)-1])
}

// errPrismSilent is Prism printing nothing before the deadline. A spec
// Prism cannot mock makes it print its error and exit; silence is a
// machine too busy to start Node (a corpus run sharing two cores), so the
// caller tries once more.
var errPrismSilent = errors.New("prism printed nothing and did not listen")

// startPrismRetry is startPrism, tried a second time when Prism stayed
// silent.
func startPrismRetry(bin, spec string, dynamic bool, wait time.Duration) (*prism, error) {
	p, err := startPrism(bin, spec, dynamic, wait)
	if errors.Is(err, errPrismSilent) {
		p, err = startPrism(bin, spec, dynamic, wait)
		if err != nil {
			err = fmt.Errorf("twice: %w", err)
		}
	}
	return p, err
}

func (p *prism) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.logs.String()
}

// exitedEarly reports that Prism has exited (before stop).
func (p *prism) exitedEarly() bool {
	select {
	case err := <-p.exited:
		p.exited <- err
		return true
	default:
		return false
	}
}

// exitedWithin reports whether Prism exits within d: a process that
// crashed closes its socket (the calls after it fail to connect) a moment
// before its exit is seen.
func (p *prism) exitedWithin(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case err := <-p.exited:
		p.exited <- err
		return true
	case <-t.C:
		return false
	}
}

func (p *prism) stop() {
	p.cancel()
	<-p.exited
}

func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	return strings.Join(ls, "\n")
}

// remoteRefMember matches a "$ref" member whose value is an http(s) URL,
// in JSON or YAML.
var remoteRefMember = regexp.MustCompile(`(["']?)\$ref(["']?\s*:\s*["']?https?://)`)

// literalRemoteRefs gives Prism a copy of a one-file spec in which a
// "$ref" member naming an http(s) URL is renamed ("$ref_"), or "" when
// there is none. The loader refuses remote references unless allowed, so
// in a spec it accepted such a member is data (GitHub's SCIM examples),
// which Prism's ref parser tries to download, and then does not start.
func literalRemoteRefs(spec, dir string) (string, error) {
	data, err := os.ReadFile(spec)
	if err != nil {
		return "", err
	}
	if !remoteRefMember.Match(data) {
		return "", nil
	}
	out := filepath.Join(dir, "prism-"+filepath.Base(spec))
	return out, os.WriteFile(out, remoteRefMember.ReplaceAll(data, []byte("${1}$$ref_$2")), 0o644)
}

// jsonCopy writes a one-file YAML spec as JSON in dir, for a Prism that
// refuses the YAML (vimeo's unquoted status keys, `200:`, which its
// parser wants as strings and YAML reads as numbers): every mapping key
// becomes its text, scalars keep their YAML types, except timestamps,
// which stay the text written (as kin-openapi reads them). "" when the
// spec is not YAML.
func jsonCopy(spec, dir string) (string, error) {
	ext := strings.ToLower(filepath.Ext(spec))
	if ext != ".yaml" && ext != ".yml" {
		return "", nil
	}
	data, err := os.ReadFile(spec)
	if err != nil {
		return "", err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return "", err
	}
	v, err := yamlValue(&doc, 0)
	if err != nil {
		return "", err
	}
	out, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, "prism-"+strings.TrimSuffix(filepath.Base(spec), filepath.Ext(spec))+".json")
	return p, os.WriteFile(p, out, 0o644)
}

// yamlValue is a YAML node as a JSON value.
func yamlValue(n *yaml.Node, depth int) (any, error) {
	if depth > 512 {
		return nil, fmt.Errorf("line %d: nested too deep", n.Line)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return yamlValue(n.Content[0], depth+1)
	case yaml.AliasNode:
		return yamlValue(n.Alias, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := yamlValue(c, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			v, err := yamlValue(val, depth+1)
			if err != nil {
				return nil, err
			}
			if k.Value == "<<" && k.Tag == "!!merge" {
				// A merge key: the mapping's (or mappings') members, where
				// this mapping does not set them.
				ms := []any{v}
				if seq, ok := v.([]any); ok {
					ms = seq
				}
				for _, m := range ms {
					mm, ok := m.(map[string]any)
					if !ok {
						continue
					}
					for mk, mv := range mm {
						if _, set := out[mk]; !set {
							out[mk] = mv
						}
					}
				}
				continue
			}
			out[k.Value] = v
		}
		return out, nil
	case yaml.ScalarNode:
		if n.Tag == "!!timestamp" {
			return n.Value, nil
		}
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("line %d: %w", n.Line, err)
		}
		return v, nil
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node", n.Line)
}
