package oas

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestFrontDoor keeps this package the users' API: every exported name is
// listed here, so that adding one is a decision. A helper only generated
// code calls belongs in oasimpl, which makes no compatibility promise.
func TestFrontDoor(t *testing.T) {
	want := []string{
		// wrappers
		"Null", "Nullable", "Opt", "Some", "Value",
		// errors
		"APIError", "AuthError", "DecodeError", "JSONError", "MaxErrorBody", "MaxSuccessBody", "Message",
		"MissingCredentialsError", "ResponseError", "ResponseTooLargeError", "ValidationError", "Violation",
		"MaxWebhookBytes", "WebhookError",
		// retries and per-call options, hooks
		"CallConfig", "CallOption", "DefaultMaxAttempts", "HookContext", "Hooks", "RequestEditor",
		"Response", "RetryPolicy", "WithHeader", "WithQuery", "WithRequestEditor", "WithRetries", "WithoutRetries",
		// credentials
		"BasicAuth", "BearerAuth", "OAuth2",
		// bodies and streams; server-sent events
		"File", "Stream",
		// response metadata and timeouts (meta.go, timeout.go)
		"DefaultTimeout", "HTTPMeta", "HeaderDecoder", "TimeoutError", "WithHTTPMeta", "WithResponseHeaders", "WithTimeout", "WithServerURL",
		"DefaultMaxEventLine", "ErrEventLineTooLong", "Event", "EventDecodeError", "EventReader", "EventStreamError",
		"NewEventReader", "RawEvent",
	}
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					got = append(got, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							got = append(got, s.Name.Name)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								got = append(got, n.Name)
							}
						}
					}
				}
			}
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	for _, n := range got {
		if !slices.Contains(want, n) {
			t.Errorf("oas exports %s, which is not in the list: a user-facing name goes in the list (and the package doc), a helper for generated code in oasimpl", n)
		}
	}
	for _, n := range want {
		if !slices.Contains(got, n) {
			t.Errorf("oas no longer exports %s: users' code that names it breaks", n)
		}
	}
}
