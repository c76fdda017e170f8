package gen

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"golang.org/x/mod/modfile"

	"github.com/oasgen/oasgen/gen/diag"
)

// The raw package (<out>/raw, oapi-codegen's client) imports the model
// package for its types, so generating it needs the model package's import
// path. It is the module path of the nearest go.mod at or above the output
// directory joined with the directory's path below it, as the go command
// sees it; Job.ImportPath (the config's import-path, -import-path) sets it
// when the output is not inside a module yet, or lives in a GOPATH-style
// layout.

// withImportPath fills in j.ImportPath from the module around j.Output when
// the client is generated and none is set. The error says why it could not;
// j is returned unchanged then.
func withImportPath(j Job) (Job, error) {
	if !j.Client || j.ImportPath != "" {
		return j, nil
	}
	p, err := moduleImportPath(j.Output)
	if err != nil {
		return j, err
	}
	j.ImportPath = p
	return j, nil
}

// moduleImportPath is the import path of the package in dir, from the
// nearest go.mod at or above it.
func moduleImportPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	var rel []string
	for d := abs; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		switch {
		case err == nil:
			mod := modfile.ModulePath(data)
			if mod == "" {
				return "", diag.Errorf(diag.Pos{File: filepath.Join(d, "go.mod")}, "", "no module directive, so the import path of %s is unknown (set import-path in the config, or -import-path)", dir)
			}
			for i := len(rel) - 1; i >= 0; i-- {
				mod = path.Join(mod, rel[i])
			}
			return mod, nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("finding the module of %s: %w", dir, err)
		}
		if filepath.Dir(d) == d {
			return "", diag.Errorf(diag.Pos{File: dir}, "",
				"no go.mod in this directory or any parent, so its import path, which the client in raw/ and the usage examples in docs/ import the package by, is unknown: generate inside a Go module, or set import-path in the config (-import-path with -spec)")
		}
		rel = append(rel, filepath.Base(d))
	}
}
