package plan

// Which documented statuses are errors (x-speakeasy-errors): read at the
// document, paths, path-item and operation levels, each merging with or
// overriding (override: true) the levels above it, as Speakeasy documents
// the extension. Without it anywhere every non-2xx response is an error.

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// errorStatuses is an operation's x-speakeasy-errors: the codes ("404")
// and classes ("4XX") that are errors. A nil set means the extension is
// not used, so every non-2xx status is an error.
type errorStatuses map[string]bool

// matches reports whether a documented response's status is an error:
// "404" when the set holds 404 or 4XX, "4XX" when it holds 4XX; "default"
// always is (it stands for any status the spec does not list).
func (s errorStatuses) matches(status string) bool {
	if s == nil || status == "default" {
		return true
	}
	if s[status] {
		return true
	}
	return isCodeStatus(status) && s[status[:1]+"XX"]
}

// isCodeStatus reports whether status is one code rather than a class.
func isCodeStatus(status string) bool {
	_, err := strconv.Atoi(status)
	return err == nil
}

// operationErrors merges the x-speakeasy-errors of the document, the
// paths object, the path item and the operation, warning at each malformed
// value; nil when none of them has the extension.
func (p *planner) operationErrors(pth, method string, item *openapi3.PathItem, op *openapi3.Operation) errorStatuses {
	m := strings.ToLower(method)
	var paths map[string]any
	if p.spec.Doc.Paths != nil {
		paths = p.spec.Doc.Paths.Extensions
	}
	levels := []struct {
		ext  map[string]any
		path []string
	}{
		{p.spec.Doc.Extensions, nil},
		{paths, []string{"paths"}},
		{item.Extensions, []string{"paths", pth}},
		{op.Extensions, []string{"paths", pth, m}},
	}
	var set errorStatuses
	for _, l := range levels {
		raw, ok := l.ext["x-speakeasy-errors"]
		if !ok {
			continue
		}
		at := append(l.path, "x-speakeasy-errors")
		codes, override, ok := p.readErrorsExt(raw, at)
		if !ok {
			continue
		}
		if set == nil || override {
			set = errorStatuses{}
		}
		for _, c := range codes {
			set[c] = true
		}
	}
	return set
}

// readErrorsExt reads one x-speakeasy-errors value, {statusCodes: [...],
// override: bool}, warning at every part it cannot honour (and once per
// position: a document-level value is read for every operation). ok is
// false when the value is not an object.
func (p *planner) readErrorsExt(raw any, at []string) (codes []string, override, ok bool) {
	warn := func(path []string, format string, args ...any) {
		key := strings.Join(path, "\x00")
		if p.warnedErrors[key] {
			return
		}
		if p.warnedErrors == nil {
			p.warnedErrors = map[string]bool{}
		}
		p.warnedErrors[key] = true
		p.warn(p.spec.Pos(path...), strings.Join(path, "."), format, args...)
	}
	obj, isObj := raw.(map[string]any)
	if !isObj {
		warn(at, "x-speakeasy-errors is not an object ({statusCodes: [...], override: true|false}); ignored")
		return nil, false, false
	}
	if v, has := obj["override"]; has {
		b, isBool := v.(bool)
		if !isBool {
			warn(append(at, "override"), "x-speakeasy-errors.override is not a boolean; taken as false")
		}
		override = b
	}
	list, isList := obj["statusCodes"].([]any)
	if _, has := obj["statusCodes"]; has && !isList {
		warn(append(at, "statusCodes"), "x-speakeasy-errors.statusCodes is not a list of status codes; ignored")
	}
	for i, v := range list {
		var s string
		switch x := v.(type) {
		case string:
			s = strings.ToUpper(strings.TrimSpace(x))
		case float64:
			if x == float64(int(x)) {
				s = strconv.Itoa(int(x))
			}
		}
		n, err := strconv.Atoi(s)
		valid := err == nil && n >= 100 && n <= 599 ||
			len(s) == 3 && s[0] >= '1' && s[0] <= '5' && s[1:] == "XX"
		switch {
		case !valid:
			warn(append(at, "statusCodes", strconv.Itoa(i)), "x-speakeasy-errors: %v is not a status code (100 to 599) or class (4XX); ignored", v)
		case s[0] == '2':
			warn(append(at, "statusCodes", strconv.Itoa(i)), "x-speakeasy-errors: %s is a success status, which the client always returns as a result; ignored", s)
		default:
			codes = append(codes, s)
		}
	}
	return codes, override, true
}

// shadowedErrors marks the error responses a documented success class
// would take in the method's switch (x-speakeasy-errors lists 404, the
// spec documents 404 and a 4XX that is a result), and adds the listed
// codes the spec does not document but such a class covers, as errors
// without a body type. The result is in status order.
func shadowedErrors(o *Operation, errs errorStatuses) []*Response {
	classes := map[byte]bool{}
	for _, r := range o.Successes {
		if r.Status[0] != '2' && r.Status != "default" && !isCodeStatus(r.Status) {
			classes[r.Status[0]] = true
		}
	}
	if len(classes) == 0 {
		return o.Errors
	}
	out := o.Errors
	documented := map[string]bool{}
	for _, r := range out {
		documented[r.Status] = true
		r.Shadowed = isCodeStatus(r.Status) && classes[r.Status[0]]
	}
	for _, c := range slices.Sorted(maps.Keys(errs)) {
		if isCodeStatus(c) && classes[c[0]] && !documented[c] {
			out = append(out, &Response{Status: c, Kind: BodyNone, Shadowed: true,
				Description: "Listed by x-speakeasy-errors, not documented."})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return statusRank(out[i].Status) < statusRank(out[j].Status) })
	return out
}

// NonErrorStatuses are the documented non-2xx statuses the operation
// returns as results rather than errors (x-speakeasy-errors does not list
// them), in status order; nil without the extension.
func (o *Operation) NonErrorStatuses() []string {
	var out []string
	for _, r := range o.Successes {
		if r.Status[0] != '2' && r.Status != "default" {
			out = append(out, r.Status)
		}
	}
	return out
}
