package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/internal/conformance/driver"
)

const (
	statusRan         = "ran"
	statusGenFailed   = "does not generate"
	statusBuildFailed = "build failed"
	statusRefused     = "refused"
	statusNotRun      = "not run"
)

// Defect classes: what the client did wrong.
const (
	classRequest    = "request violation"
	classAuth       = "unauthenticated"
	classDecode     = "decode error"
	classLoss       = "round-trip loss"
	classNoResult   = "body not returned"
	classStatus     = "unexpected status"
	classTransport  = "transport error"
	classExample    = "example round trip"
	classNotCalled  = "not called"
	classCallFailed = "call failed"
	classVet        = "go vet"
)

// classPrismRefused is Prism not loading a spec (its own finding).
const classPrismRefused = "prism: refuses the spec"

// specResult is one spec's outcome; saved as JSON in the results
// directory (results.go), from which the report is assembled.
type specResult struct {
	Spec   string
	Status string
	Detail string `json:",omitempty"`
	// Commit is the oasgen commit the run was built from ("+dirty" when
	// the working tree had changes), Date when it ran (UTC).
	Commit string
	Date   string
	Time   time.Duration
	Ops    int // operations in the package
	Called int // operations planned (without Prefer repeats)
	// MaxOps is the -max-ops cap the run had (0: none). It is kept apart
	// from Detail, which is the generator's or the build's error text.
	MaxOps int `json:",omitempty"`
	Modes  []modeResult
	// ExamplesChecked counts the examples decoded and re-encoded;
	// ExampleDefects are those that did not round-trip.
	// Vet is what go vet said about the generated package (a defect).
	Vet             string `json:",omitempty"`
	ExamplesChecked int
	ExampleDefects  []finding `json:",omitempty"`
	InvalidExamples []string  `json:",omitempty"`
}

type modeResult struct {
	Mode        string
	PrismFailed string `json:",omitempty"`
	// PrismRefused is Prism's reason for not loading a spec oasgen's
	// loader read (its parser refusing the YAML): no call was made, and
	// it is listed with Prism's own, not as a defect.
	PrismRefused string `json:",omitempty"`
	Calls        int
	Skipped      []finding `json:",omitempty"`
	Defects      []finding `json:",omitempty"`
	PrismOwn     []finding `json:",omitempty"` // Prism's generated response broke the spec
	// SpecOwn are Prism's findings in requests the spec itself makes
	// impossible to get right (a required property it never declares,
	// so the generated type has no field for it): the spec's mistakes.
	SpecOwn []finding `json:",omitempty"`
	// Warnings are Prism's non-error findings about a request (such as a
	// deprecated parameter being sent): listed, not counted.
	Warnings []finding `json:",omitempty"`
	// Undeclared are properties of a response that its schema does not
	// declare (Prism -d invents them where additionalProperties is not
	// given): the typed model does not keep them, by design.
	Undeclared []finding `json:",omitempty"`
}

type finding struct {
	Class, Op, Detail string
}

func (f finding) String() string {
	return fmt.Sprintf("%s: %s: %s", f.Class, f.Op, f.Detail)
}

// writeByClass writes one line per class of fs, with its count and its
// first finding, classes in order of first appearance.
func writeByClass(b *strings.Builder, fs []finding) {
	var order []string
	byClass := map[string][]finding{}
	for _, f := range fs {
		if _, ok := byClass[f.Class]; !ok {
			order = append(order, f.Class)
		}
		byClass[f.Class] = append(byClass[f.Class], f)
	}
	for _, c := range order {
		f := byClass[c][0]
		fmt.Fprintf(b, "  - %s: %d, e.g. %s\n", c, len(byClass[c]), cell(f.Op+": "+f.Detail))
	}
}

// classify sorts a driver report's calls into defects, Prism's own
// mistakes and skips.
func (mr *modeResult) classify(rep *driver.Report, ix *schemaIndex) {
	for _, c := range rep.Calls {
		op := c.Op + " (" + c.Method + " " + c.Path + ")"
		if c.Prefer != "" {
			op += " Prefer " + c.Prefer
		}
		if c.Skip != "" {
			mr.Skipped = append(mr.Skipped, finding{classNotCalled, op, c.Skip})
			continue
		}
		mr.Calls++
		prismOwn := false
		var last *driver.Exchange
		for i := range c.Exchanges {
			e := &c.Exchanges[i]
			last = e
			readOnlyInUnion := ix != nil && prismReadOnlyInUnion(e, ix.ops[c.Op])
			for _, v := range e.Violations {
				loc := strings.Join(v.Location, ".")
				if len(v.Location) > 0 && v.Location[0] == "response" {
					prismOwn = true
					mr.PrismOwn = append(mr.PrismOwn, finding{"response violation", op, loc + ": " + v.Message})
					continue
				}
				if !strings.EqualFold(v.Severity, "error") && v.Severity != "" {
					mr.Warnings = append(mr.Warnings, finding{"request " + strings.ToLower(v.Severity), op, loc + ": " + v.Message})
					continue
				}
				if len(v.Location) > 1 && v.Location[1] != "body" && strings.Contains(v.Message, "must match exactly one schema in oneOf") {
					// A parameter's text ("1") can satisfy several members of
					// a oneOf (integer and string): ambiguous by nature, and
					// Prism refuses what any server parsing it would accept.
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: ambiguous oneOf parameter", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if prismNullableParam(v) {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: splits a parameter into an array or object only when its type is exactly that (a nullable one's is [array, null])", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if prismReservedPart(v, e) {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: checks a multipart part for reserved characters (allowReserved, which OpenAPI applies to form-urlencoded bodies only)", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if ix != nil && prismFormComposed(v, e, ix.ops[c.Op]) {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: decodes a form body by its schema's own properties, so one only an allOf/oneOf/anyOf member declares is not read (the body carries it)", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if ix != nil {
					if members := oneOfNotExclusive(v, e, ix.ops[c.Op]); members != "" {
						mr.SpecOwn = append(mr.SpecOwn, finding{"oneOf members not exclusive: the value matches several (" + members + "), so none can match exactly one", op, loc + ": " + v.Message + "; sent " + sent(e)})
						continue
					}
				}
				if prismFormArray(v, e) {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: form array (stoplightio/prism#2473)", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if ix != nil && noConsumes(v, ix.ops[c.Op]) {
					mr.SpecOwn = append(mr.SpecOwn, finding{"a body parameter with no consumes (Swagger 2.0): Prism accepts no body, the client sends JSON", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				hdr := violatedHeader(v)
				if hdr == "content-length" || hdr == "transfer-encoding" || hdr == "trailer" || hdr == "host" {
					mr.SpecOwn = append(mr.SpecOwn, finding{"a header parameter Go's HTTP client writes itself (Content-Length, Transfer-Encoding, Trailer, Host; the client leaves it out, with a warning)", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if hdr == "content-type" || hdr == "accept" {
					// OpenAPI says a header parameter named Content-Type or
					// Accept is ignored (the client leaves it out, with a
					// warning); Prism checks it anyway. Docker's /build
					// declares Content-type: application/x-tar for an
					// application/octet-stream body, which no request can meet.
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism checks a header parameter OpenAPI ignores", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if ix != nil && len(v.Location) > 1 && v.Location[0] == "request" && ix.twins[c.Op] != "" {
					// Prism took the request for the twin's operation and
					// checks its path, parameters and body against that one.
					mr.SpecOwn = append(mr.SpecOwn, finding{"paths that differ only in template names (OpenAPI: MUST NOT exist), routed to " + ix.twins[c.Op], op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if ix != nil && len(v.Location) > 1 && v.Location[0] == "request" && ix.fragmentTwins[c.Op] != "" {
					// The fragment is not sent: Prism took the request for the
					// twin's operation, as any router must take one of them.
					mr.SpecOwn = append(mr.SpecOwn, finding{"paths that differ only by a #fragment, which no request carries (one URL for both), routed to " + ix.fragmentTwins[c.Op], op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if ix != nil && prismUnionArrayParam(v, ix.ops[c.Op], e.Request) {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: reads one value of a query array as an array only when the schema's type is array, not inside anyOf/oneOf ([array, null])", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if ix != nil && untemplatedPathParam(v, ix.ops[c.Op], c.Path) {
					mr.SpecOwn = append(mr.SpecOwn, finding{"a path parameter the path template does not name (OpenAPI: each MUST be in it)", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if ix != nil && undeclaredRequired(v, ix.ops[c.Op]) {
					mr.SpecOwn = append(mr.SpecOwn, finding{"required property the spec never declares", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if ix != nil && prismFormObject(v, ix.ops[c.Op]) {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: reads an exploded form object parameter only when its schema says type: object, and only the members its properties name", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if readOnlyInUnion && len(v.Location) > 1 && v.Location[1] == "body" {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: requires readOnly properties in requests inside oneOf/anyOf alternatives (it strips them only outside; kin-openapi accepts the body)", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if ix != nil && prismUntypedEnumParam(v, ix.ops[c.Op], e.Request) {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: reads query text as a number or boolean only by the schema's type, so an enum that names none never matches", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if strings.Contains(v.Message, "9007199254740991") {
					// An int64 beyond 2^53 (an example of the spec's): valid
					// for the format, but Prism checks it as a JavaScript
					// number, whose safe integers end there.
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: bounds an int64 by JavaScript's safe integers (2^53-1)", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if prismNullBody(v, e) {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: takes a JSON body of null for no body, so a required body that is null never passes", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if prismJSONPart(v, e) {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: checks a multipart application/json part as its text (it parses parts only for an encoding style)", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if why := prismRawBody(v, e); why != "" {
					if spec, ok := strings.CutPrefix(why, "spec: "); ok {
						mr.SpecOwn = append(mr.SpecOwn, finding{spec, op, loc + ": " + v.Message + "; sent " + sent(e)})
						continue
					}
					mr.PrismOwn = append(mr.PrismOwn, finding{why, op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if prismEncodedName(v.Message, e.Request) {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism: looks a query parameter up by its percent-encoded name", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				if prismFoldsCase(v.Message, e.Request) {
					mr.PrismOwn = append(mr.PrismOwn, finding{"prism case-folds a parameter name", op, loc + ": " + v.Message + "; sent " + sent(e)})
					continue
				}
				class := classRequest
				if strings.Contains(v.Message, "security") {
					class = classAuth // Prism: "Invalid security scheme used"
				}
				mr.Defects = append(mr.Defects, finding{class, op, loc + ": " + v.Message + "; sent " + sent(e)})
			}
			if strings.Contains(e.TransportE, "gzip: invalid header") {
				// The spec documents a Content-Encoding: gzip response
				// header and Prism mocks it over a body it did not compress.
				prismOwn = true
				mr.PrismOwn = append(mr.PrismOwn, finding{"prism: mocked Content-Encoding", op, e.TransportE})
			} else if strings.Contains(e.TransportE, "unsupported transfer encoding") {
				// The spec documents a Transfer-Encoding response header and
				// Prism mocks it with a made-up value no HTTP client takes.
				prismOwn = true
				mr.PrismOwn = append(mr.PrismOwn, finding{"prism: mocked Transfer-Encoding", op, e.TransportE})
			} else if e.TransportE != "" && i > 0 && offMockRedirect(c.Exchanges[i-1], c.Exchanges[0], *e) {
				// The client followed a 3xx Prism mocked, to the Location
				// its example or schema gives (LGTM's 303 to a download
				// URL): a host that is not the mock.
				prismOwn = true
				mr.PrismOwn = append(mr.PrismOwn, finding{"prism: a mocked redirect leads off the mock", op, e.Request + ": " + e.TransportE})
			} else if e.WaitedOut && c.Retried != "" {
				// The request was sent in full, twice, and Prism had not
				// answered when the deadline passed (-d drawing a response
				// for a deep schema): the client did its part.
				prismOwn = true
				mr.PrismOwn = append(mr.PrismOwn, finding{"prism: slow: no answer before the deadline, twice, to a request sent in full", op, c.Retried + "; again: " + e.TransportE})
			} else if e.TransportE != "" {
				mr.Defects = append(mr.Defects, finding{classTransport, op, e.TransportE})
			}
		}
		if last != nil && last.TransportE != "" {
			continue // no status: the transport error above says it all
		}
		if last == nil {
			if c.Err != "" && ix != nil && noMediaType(ix.ops[c.Op]) && strings.Contains(c.Err, "the spec names none") {
				// content: {"": ...} (Spoonacular): the spec gives no media
				// type to send, and the client says so.
				mr.SpecOwn = append(mr.SpecOwn, finding{"request body content key \"\" is not a media type: nothing says what to send", op, c.Err})
				continue
			}
			if c.Err != "" {
				mr.Defects = append(mr.Defects, finding{classCallFailed, op, "nothing sent: " + c.Err})
			}
			continue
		}
		requestFault := false
		for _, v := range last.Violations {
			if (len(v.Location) == 0 || v.Location[0] != "response") && (v.Severity == "" || strings.EqualFold(v.Severity, "error")) {
				requestFault = true
			}
		}
		switch {
		case last.Status/100 == 2:
			bucket := &mr.Defects
			if prismOwn {
				bucket = &mr.PrismOwn
			}
			if unsignedNegative.MatchString(c.Err) {
				// The schema's format is uint32/uint64 without a minimum;
				// Prism -d ignores the format and draws a negative number,
				// which no unsigned value holds (the Go type the format asks for).
				mr.PrismOwn = append(mr.PrismOwn, finding{"prism: negative value for an unsigned format", op, excerpt(c.Err)})
				continue
			}
			if c.Err != "" || len(c.Losses) > 0 {
				if why := ix.invalidResponse(c.Op, last.Status, last.RespBody); why != "" {
					// One finding for the response, with what the client made of it.
					what := c.Err
					if what == "" {
						what = strings.Join(c.Losses, "; ")
					}
					mr.PrismOwn = append(mr.PrismOwn, finding{"response breaks the spec's schema", op, why + "; the client: " + excerpt(what)})
					continue
				}
			}
			if c.Err != "" {
				*bucket = append(*bucket, finding{classDecode, op, fmt.Sprintf("%d %s: %s", last.Status, last.RespType, c.Err)})
			}
			for _, l := range c.Losses {
				if path, ok := lostPath(l); ok {
					if !ix.declared(c.Op, last.Status, path) {
						mr.Undeclared = append(mr.Undeclared, finding{"undeclared property", op, l})
						continue
					}
				}
				*bucket = append(*bucket, finding{classLoss, op, l})
			}
			if c.NoResult {
				mr.Defects = append(mr.Defects, finding{classNoResult, op, fmt.Sprintf("%d %s body: %s", last.Status, last.RespType, excerpt(last.RespBody))})
			}
		case requestFault:
			// counted above, with what Prism said
		case (last.Status == 401 || last.Status == 403) && ix != nil && ix.documentsNo2xx(c.Op) &&
			ix.documented(c.Op, last.Status) && credentialSent(last, ix.security[c.Op]):
			// The credential was sent, and the operation documents no
			// success: the status it documents is the answer Prism mocks.
		case last.Status == 401 || last.Status == 403:
			mr.Defects = append(mr.Defects, finding{classAuth, op, fmt.Sprintf("%d: %s", last.Status, excerpt(last.RespBody))})
		case c.Prefer != "" && c.Prefer == strconv.Itoa(last.Status):
		case ix.documented(c.Op, last.Status) && c.Err != "":
			// a documented non-2xx status (a 302 the spec lists, say),
			// returned as the error the method documents
		case ix != nil && prismNoMediaBody(last, ix.ops[c.Op]):
			mr.PrismOwn = append(mr.PrismOwn, finding{"prism: refuses any body where a Swagger 2.0 body parameter has no consumes (its conversion gives the body no media type; OpenAPI's is JSON)", op, fmt.Sprintf("%d for %s", last.Status, sent(last))})
		case last.Status == 500 && strings.Contains(last.RespBody, "NO_RESPONSE_RESPONSE_DEFINED"):
			mr.PrismOwn = append(mr.PrismOwn, finding{"cannot mock", op, "the spec defines no response Prism can send"})
		case last.Status == 500 && strings.Contains(last.RespBody, "Invalid character in header content"):
			// The spec's response header example holds a line break
			// (Velo Payments' Location), which no HTTP response carries.
			mr.PrismOwn = append(mr.PrismOwn, finding{"cannot mock", op, "a response header value no HTTP response can carry: " + excerpt(last.RespBody)})
		case last.Status == 500 && strings.Contains(last.RespBody, "stoplight.io/prism/errors#"):
			mr.PrismOwn = append(mr.PrismOwn, finding{"cannot mock", op, excerpt(last.RespBody)})
		case last.Status == 406 && strings.Contains(last.RespBody, "NOT_ACCEPTABLE") && ix != nil && onlyAnyMedia(ix.ops[c.Op]):
			// Every response of the operation is */* (taggun.io): any
			// Accept header is acceptable, yet Prism negotiates as if
			// */* were a media type of its own.
			mr.PrismOwn = append(mr.PrismOwn, finding{"prism: answers 406 to any Accept when the responses' media type is */*", op, fmt.Sprintf("%d for %s", last.Status, sent(last))})
		case (last.Status == 404 || last.Status == 405) && strings.ContainsAny(c.Path, "?#") &&
			(strings.Contains(last.RespBody, "NO_PATH_MATCHED_ERROR") || strings.Contains(last.RespBody, "NO_METHOD_MATCHED_ERROR")):
			// The spec's path key carries a query or a fragment
			// (/rest?method=x, APIs.guru's AWS /#Action=Y), which the
			// client sends as a query or leaves out; Prism matches the key
			// as written, which no request URL can.
			mr.PrismOwn = append(mr.PrismOwn, finding{"prism: matches a path key with a query or fragment as written, so no request reaches it", op, fmt.Sprintf("%d for %s", last.Status, sent(last))})
		case last.Status == 404 && strings.Contains(last.RespBody, "prism/errors#NOT_FOUND") && ix != nil && ix.routedElsewhere(c.Op, last.Request) != "":
			// Asked for a status (Prefer) the operation documents, Prism
			// answered for the other path the URL also matches, which does
			// not document it.
			mr.SpecOwn = append(mr.SpecOwn, finding{"two path templates match the URL (OpenAPI leaves the choice to the tool); Prism took " + ix.routedElsewhere(c.Op, last.Request), op, fmt.Sprintf("%d for %s", last.Status, sent(last))})
		default:
			mr.Defects = append(mr.Defects, finding{classStatus, op, fmt.Sprintf("%d for %s: %s", last.Status, sent(last), excerpt(last.RespBody))})
		}
	}
}

// onlyAnyMedia reports whether every response of op that declares content
// declares it as */* only.
func onlyAnyMedia(op *openapi3.Operation) bool {
	if op == nil || op.Responses == nil {
		return false
	}
	seen := false
	for _, r := range op.Responses.Map() {
		if r == nil || r.Value == nil {
			continue
		}
		for mt := range r.Value.Content {
			if mt != "*/*" {
				return false
			}
			seen = true
		}
	}
	return seen
}

// lostPath is the JSON path of a "lost" difference.
func lostPath(diff string) (string, bool) {
	i := strings.Index(diff, ": lost (was ")
	if i < 0 {
		return "", false
	}
	return diff[:i], true
}

func sent(e *driver.Exchange) string {
	s := e.Request
	if e.Body != "" {
		s += " " + excerpt(e.Body)
	}
	return s
}

func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 160 {
		return s[:157] + "..."
	}
	return s
}

// vetFinding is go vet's first finding: its output without the
// "# package" lines.
func vetFinding(out string) string {
	for _, l := range strings.Split(out, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			return l
		}
	}
	return firstLine(out)
}

// exampleDefects are the examples that did not round-trip.
func (r *specResult) exampleDefects() []finding { return r.ExampleDefects }

// checkExamples records the examples' outcome: those that did not
// round-trip are defects, except for losing a property their schema does
// not declare.
func (r *specResult) checkExamples(examples []driver.ExampleResult, ix *schemaIndex) {
	r.ExamplesChecked = len(examples)
	var out []finding
	for _, e := range examples {
		if e.Err != "" {
			out = append(out, finding{classExample, e.Where, e.Type + ": " + e.Err})
		}
		for _, l := range e.Losses {
			if path, ok := lostPath(l); ok && ix != nil && !ix.exampleDeclared(e.Where, path) {
				continue // a property the schema does not declare: not kept, by design
			}
			out = append(out, finding{classExample, e.Where, e.Type + ": " + l})
		}
	}
	r.ExampleDefects = out
}

func (r *specResult) defectCount() int {
	n := len(r.exampleDefects())
	// A spec that does not generate is listed with its positioned error
	// and counted apart: it has no client to judge. A generated package
	// that does not build is the generator's defect.
	if r.Status == statusBuildFailed {
		n++
	}
	if r.Vet != "" {
		n++
	}
	for _, m := range r.Modes {
		n += len(m.Defects)
		if m.PrismFailed != "" {
			n++
		}
	}
	return n
}

// allDefects lists up to max defects, with their mode.
func (r *specResult) allDefects(max int) []string {
	var out []string
	if r.Status == statusGenFailed || r.Status == statusBuildFailed {
		out = append(out, r.Status+": "+firstLine(r.Detail))
	}
	if r.Vet != "" {
		out = append(out, classVet+": "+vetFinding(r.Vet))
	}
	for _, m := range r.Modes {
		if m.PrismFailed != "" {
			out = append(out, m.Mode+": prism: "+firstLine(m.PrismFailed))
		}
		for _, d := range m.Defects {
			out = append(out, m.Mode+": "+d.String())
		}
	}
	for _, d := range r.exampleDefects() {
		out = append(out, d.String())
	}
	if len(out) > max {
		out = append(out[:max], fmt.Sprintf("… and %d more", len(out)-max))
	}
	return out
}

func (r *specResult) summaryLine() string {
	return fmt.Sprintf("%-64s %-18s %6.1fs  ops %d  defects %d", r.Spec, r.Status, r.Time.Seconds(), r.Called, r.defectCount())
}

// opsCell is the operations called, "80 of 120" when -max-ops left some
// out.
func (r *specResult) opsCell() string {
	if r.MaxOps > 0 && r.Ops > r.Called {
		return fmt.Sprintf("%d of %d", r.Called, r.Ops)
	}
	return strconv.Itoa(r.Called)
}

// count is the number of findings of each mode, "static / dynamic".
func (r *specResult) count(get func(*modeResult) int) string {
	var parts []string
	for i := range r.Modes {
		if r.Modes[i].PrismFailed != "" || r.Modes[i].PrismRefused != "" {
			parts = append(parts, "–")
			continue
		}
		parts = append(parts, strconv.Itoa(get(&r.Modes[i])))
	}
	return strings.Join(parts, " / ")
}

func countClass(fs []finding, classes ...string) int {
	n := 0
	for _, f := range fs {
		for _, c := range classes {
			if f.Class == c {
				n++
			}
		}
	}
	return n
}

func renderReport(rs []*specResult) string {
	var b strings.Builder
	b.WriteString("# Conformance run\n\n")
	b.WriteString("Generated by `go run ./internal/conformance` from the per-spec results saved in\n")
	b.WriteString("`internal/conformance/results/` (each row names the commit it ran at; `-assemble` rewrites this file\n")
	b.WriteString("from them, `-run REGEXP` reruns some specs and replaces their rows). For every spec of\n")
	b.WriteString("`../shared/specs` that generates, the run builds a driver that calls **every operation** through\n")
	b.WriteString("`APIClient` against [Prism](https://github.com/stoplightio/prism) 5.16.0 mocking the same spec, in\n")
	fmt.Fprintf(&b, "modes %s (static: the spec's examples; dynamic, `-d`: responses generated from the schemas).\n", strings.Join(modesOf(rs), ", "))
	b.WriteString("Request values are synthesized from the schemas (every parameter, required and optional\n")
	b.WriteString("properties, enums, formats, patterns, bounds) or taken from the spec's examples when they satisfy\n")
	b.WriteString("the schema; each is checked with kin-openapi's validator before it is sent. Counts are\n")
	b.WriteString("*static / dynamic*. A spec run with `-max-ops N` shows its operations as \"N of M\".\n")
	b.WriteString("\n")
	b.WriteString("- **Request violations**: what Prism found wrong in a request the client sent (`sl-violations`).\n")
	b.WriteString("- **Auth**: Prism answered 401/403: the operation's security was not sent (not counted when the\n")
	b.WriteString("  credential was sent and the operation documents that status and no 2xx: it is the answer Prism mocks).\n")
	b.WriteString("- **Decode**: the client returned an error for a 2xx response Prism did not flag.\n")
	b.WriteString("- **Losses**: the raw 2xx body and the re-encoded result differ as JSON values. Normalisations:\n")
	b.WriteString("  numbers compare by value (`1.0` = `1`), two RFC 3339 timestamps compare as instants, two base64\n")
	b.WriteString("  texts of the same bytes are equal (a `format: byte` value with non-zero pad bits, RFC 4648 §3.5,\n")
	b.WriteString("  comes back canonical), and a member\n")
	b.WriteString("  sent under a name that differs in case from its declared property is compared with that property\n")
	b.WriteString("  (the decoder matches names as encoding/json does). A body that breaks its own response schema\n")
	b.WriteString("  (a vendor example, a value Prism -d draws against the format) is Prism's/the spec's, listed apart.\n")
	b.WriteString("  A member the response schema does not declare, in an object that does not declare\n")
	b.WriteString("  additionalProperties, is not kept by the generated struct, by design (as in encoding/json); where\n")
	b.WriteString("  several allOf members declare a property, a member is declared when one of them names it. Such\n")
	b.WriteString("  members (Prism -d invents them; some vendor examples carry them) are counted apart as *undeclared*.\n")
	b.WriteString("- **Other**: an unexpected status (e.g. Prism found no route for the URL), a transport error, a\n")
	b.WriteString("  2xx body the method does not return. A call that cannot connect because Prism died (its exit is\n")
	b.WriteString("  waited for, a few seconds) is Prism's crash: Prism is restarted and the calls after it go on. A\n")
	b.WriteString("  call whose request was sent in full and whose deadline passed waiting for Prism's answer is made\n")
	b.WriteString("  again with three times the deadline; when that waits out too it is Prism's own (slow).\n")
	b.WriteString("  `go vet` runs on the generated package; what it finds is a defect (listed under *Defects*).\n")
	b.WriteString("- **Examples**: every request, response, webhook/callback request and component-schema example that satisfies its own\n")
	b.WriteString("  schema, decoded into the generated type and re-encoded, compared as above. Examples that break\n")
	b.WriteString("  their own schema (kin-openapi's validation, plus the object or array type a schema implies\n")
	b.WriteString("  by its properties or items) are listed under *The spec's own mistakes*, not checked.\n")
	b.WriteString("- **Prism's own**: Prism's generated response broke the spec, Prism misread a request the\n")
	b.WriteString("  spec allows (each class says how; listed apart, never a pass), Prism crashed on a request or\n")
	b.WriteString("  did not answer in time twice, or\n")
	b.WriteString("  Prism refused to load a spec oasgen reads (its message kept; a YAML spec it refuses is run\n")
	b.WriteString("  again from a JSON copy of the same document, and the refusal listed).\n")
	b.WriteString("- **The spec's own mistakes**: examples that break their schema, and requests no value of the\n")
	b.WriteString("  generated types can get right (a required property the schema never declares; two paths\n")
	b.WriteString("  that differ only in template names, which OpenAPI forbids and a router cannot tell apart, or\n")
	b.WriteString("  only by a `#fragment`, which no request carries;\n")
	b.WriteString("  two path templates that both match the URL sent, between which OpenAPI lets the router\n")
	b.WriteString("  choose; oneOf members that the value sent matches several of, each checked alone without the\n")
	b.WriteString("  discriminator, so that none can match exactly one); listed with why, never a pass. Examples are\n")
	b.WriteString("  also checked against the formats Prism checks and kin-openapi does not (duration, json-pointer,\n")
	b.WriteString("  relative-json-pointer, uri-template, regex): one that breaks its format is not sent.\n")
	b.WriteString("\n")

	total := map[string]int{}
	ran, notGen, notRun := 0, 0, 0
	commits := map[string]int{}
	var took time.Duration
	for _, r := range rs {
		switch r.Status {
		case statusRan:
			ran++
		case statusGenFailed, statusRefused:
			notGen++
		case statusNotRun:
			notRun++
			continue
		}
		commits[r.Commit]++
		took += r.Time
		for _, m := range r.Modes {
			total["calls"] += m.Calls
			total["defects"] += len(m.Defects)
			total["prism"] += len(m.PrismOwn)
			total["skipped"] += len(m.Skipped)
			total["undeclared"] += len(m.Undeclared)
		}
		total["examples"] += r.ExamplesChecked
		total["exampleDefects"] += len(r.exampleDefects())
		total["ops"] += r.Called
		total["all"] += r.defectCount()
		total["badExamples"] += len(r.InvalidExamples)
		for _, m := range r.Modes {
			total["specOwn"] += len(m.SpecOwn)
		}
	}
	fmt.Fprintf(&b, "**%d specs, %d driven, %d do not generate, %d not run; %d operations, %d calls; %d defects** (%d in calls, %d in examples of %d checked); %d findings of Prism's own; the spec's own mistakes: %d examples that break their own schema, %d requests no value can get right; %d undeclared members not kept; %d calls not made.\n\n",
		len(rs), ran, notGen, notRun, total["ops"], total["calls"], total["all"], total["defects"], total["exampleDefects"], total["examples"], total["prism"], total["badExamples"], total["specOwn"], total["undeclared"], total["skipped"])
	keys := make([]string, 0, len(commits))
	for c := range commits {
		keys = append(keys, c)
	}
	sort.Strings(keys)
	var at []string
	for _, c := range keys {
		at = append(at, fmt.Sprintf("`%s` (%d specs)", c, commits[c]))
	}
	fmt.Fprintf(&b, "Run at %s; %s of running in all.\n\n", strings.Join(at, ", "), took.Round(time.Second))

	b.WriteString("| Spec | Status | Ops | Calls | Request violations | Auth | Decode | Losses | Other | Examples (bad/checked) | Prism's own | Not called |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rs {
		if r.Status != statusRan {
			fmt.Fprintf(&b, "| `%s` | %s | | | | | | | | | | |\n", r.Spec, r.Status)
			continue
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %d/%d | %s | %s |\n", r.Spec, r.Status, r.opsCell(),
			r.count(func(m *modeResult) int { return m.Calls }),
			r.count(func(m *modeResult) int { return countClass(m.Defects, classRequest) }),
			r.count(func(m *modeResult) int { return countClass(m.Defects, classAuth) }),
			r.count(func(m *modeResult) int { return countClass(m.Defects, classDecode) }),
			r.count(func(m *modeResult) int { return countClass(m.Defects, classLoss) }),
			r.count(func(m *modeResult) int {
				return countClass(m.Defects, classStatus, classTransport, classNoResult, classCallFailed)
			}),
			len(r.exampleDefects()), r.ExamplesChecked,
			r.count(func(m *modeResult) int { return len(m.PrismOwn) }),
			r.count(func(m *modeResult) int { return len(m.Skipped) }))
	}

	b.WriteString("\n## Does not generate\n\nSpecs the generator refuses, with its positioned error.\n\n")
	for _, r := range rs {
		if r.Status == statusGenFailed || r.Status == statusRefused {
			fmt.Fprintf(&b, "- `%s` (%s): %s\n", r.Spec, r.Status, cell(firstLines(r.Detail, 3)))
		}
	}
	var missing []string
	for _, r := range rs {
		if r.Status == statusNotRun {
			missing = append(missing, "`"+r.Spec+"`")
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(&b, "\nNo saved result (not run): %s.\n", strings.Join(missing, ", "))
	}

	b.WriteString("\n## Defects\n\nAt most 12 per spec and mode, grouped by class.\n")
	for _, r := range rs {
		if r.defectCount() == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### `%s`\n\n", r.Spec)
		if r.Status == statusGenFailed || r.Status == statusBuildFailed {
			fmt.Fprintf(&b, "- %s:\n\n```\n%s\n```\n", r.Status, firstLines(r.Detail, 20))
		}
		if r.Vet != "" {
			fmt.Fprintf(&b, "- %s on the generated package:\n\n```\n%s\n```\n", classVet, firstLines(r.Vet, 20))
		}
		for _, m := range r.Modes {
			if m.PrismFailed != "" {
				fmt.Fprintf(&b, "- %s: Prism could not run: `%s`\n", m.Mode, firstLine(m.PrismFailed))
			}
			writeFindings(&b, m.Mode, m.Defects, 12)
		}
		writeFindings(&b, "examples", r.exampleDefects(), 12)
	}

	b.WriteString("\n## Prism's own mistakes\n\nPrism's generated or example responses that break the spec, and requests Prism misreads; the client is not judged on them. Per spec and mode, by class, each with its first finding.\n\n")
	for _, r := range rs {
		for _, m := range r.Modes {
			if len(m.PrismOwn) > 0 {
				fmt.Fprintf(&b, "- `%s` (%s): %d\n", r.Spec, m.Mode, len(m.PrismOwn))
				writeByClass(&b, m.PrismOwn)
			}
		}
	}

	b.WriteString("\n## Undeclared members\n\nMembers of responses that their schema does not declare, which the generated structs do not keep (see Losses above).\n\n")
	for _, r := range rs {
		for _, m := range r.Modes {
			if len(m.Undeclared) > 0 {
				fmt.Fprintf(&b, "- `%s` (%s): %d, e.g. %s\n", r.Spec, m.Mode, len(m.Undeclared), cell(m.Undeclared[0].String()))
			}
		}
	}

	b.WriteString("\n## Not called\n\nOperations the run could not call, and why.\n\n")
	for _, r := range rs {
		if len(r.Modes) == 0 {
			continue
		}
		m := r.Modes[0]
		for i, s := range m.Skipped {
			if i == 5 {
				fmt.Fprintf(&b, "- `%s`: … and %d more\n", r.Spec, len(m.Skipped)-5)
				break
			}
			fmt.Fprintf(&b, "- `%s`: %s\n", r.Spec, cell(s.Op+": "+s.Detail))
		}
	}

	bad := 0
	for _, r := range rs {
		bad += len(r.InvalidExamples)
	}
	fmt.Fprintf(&b, "\n## The spec's own mistakes\n\n### Examples that break their own schema: %d\n\n", bad)
	b.WriteString("Each example is validated against its schema with kin-openapi, and against the type the schema\n" +
		"implies without declaring it (properties make an object, items an array, as the generated type\n" +
		"reads them; JSON Schema alone would let a string through). An example that breaks it is the\n" +
		"spec's mistake: it is not round-tripped, never counted as a pass, and when Prism serves it as a\n" +
		"response the client's failure to decode it is listed with Prism's own above, not as a defect.\n\n")
	for _, r := range rs {
		if len(r.InvalidExamples) == 0 {
			continue
		}
		fmt.Fprintf(&b, "- `%s`: %d\n", r.Spec, len(r.InvalidExamples))
		for _, e := range head(r.InvalidExamples, 4) {
			fmt.Fprintf(&b, "  - %s\n", cell(excerpt(e)))
		}
	}
	fmt.Fprintf(&b, "\n### Requests no value of the generated types can get right: %d\n\n", total["specOwn"])
	b.WriteString("Prism's findings in requests whose schema requires a property it never declares (the generator\n" +
		"warns that it ignores the name, and its types have no field for it): the spec's to fix.\n\n")
	for _, r := range rs {
		for _, m := range r.Modes {
			if len(m.SpecOwn) > 0 {
				fmt.Fprintf(&b, "- `%s` (%s): %d, e.g. %s\n", r.Spec, m.Mode, len(m.SpecOwn), cell(excerpt(m.SpecOwn[0].String())))
			}
		}
	}
	return b.String()
}

// modesOf lists the Prism modes the results ran in, in first-seen order.
func modesOf(rs []*specResult) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range rs {
		for _, m := range r.Modes {
			if !seen[m.Mode] {
				seen[m.Mode] = true
				out = append(out, m.Mode)
			}
		}
	}
	return out
}

func writeFindings(b *strings.Builder, label string, fs []finding, max int) {
	if len(fs) == 0 {
		return
	}
	sorted := append([]finding(nil), fs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Class < sorted[j].Class })
	fmt.Fprintf(b, "- %s: %d\n", label, len(fs))
	for i, f := range sorted {
		if i == max {
			fmt.Fprintf(b, "  - … and %d more\n", len(fs)-max)
			break
		}
		fmt.Fprintf(b, "  - %s\n", cell(f.String()))
	}
}

// cell makes text safe in a Markdown list or table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	s = strings.ReplaceAll(s, "\n", " ")
	return "`" + strings.ReplaceAll(s, "`", "'") + "`"
}

func head(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], fmt.Sprintf("… %d more", len(s)-n))
	}
	return s
}

func firstLines(s string, n int) string {
	ls := strings.Split(s, "\n")
	if len(ls) > n {
		ls = append(ls[:n], fmt.Sprintf("… (%d more lines)", len(ls)-n))
	}
	return strings.Join(ls, "\n")
}
