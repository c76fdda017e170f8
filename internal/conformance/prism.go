package main

import (
	"bufio"
	"bytes"
	"context"
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
		return nil, fmt.Errorf("prism exited before listening: %v\n%s", err, lastLines(p.log(), 15))
	case <-time.After(wait):
		p.stop()
		if p.log() == "" {
			return nil, fmt.Errorf("%w within %s", errPrismSilent, wait)
		}
		return nil, fmt.Errorf("prism did not listen within %s\n%s", wait, lastLines(p.log(), 15))
	}
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
