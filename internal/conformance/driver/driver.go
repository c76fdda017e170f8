// Package driver is the runtime of the conformance run's per-spec driver
// program. The run (internal/conformance) generates a package from a spec,
// plans one call per operation with request values synthesized from the
// schemas, and writes a tiny main that hands this package the generated
// APIClient and the package's named types. Main then:
//
//   - calls every planned operation through the client's own method (found
//     by reflection, so the driver needs no code per operation) against a
//     Prism mock of the same spec, recording each exchange on the wire;
//   - re-encodes each successful result and compares it, as a JSON value,
//     with the raw response body (a round trip that loses or invents a
//     value is a defect);
//   - decodes and re-encodes every example the spec gives, into the type
//     the generated code uses for it.
//
// It prints one JSON Report on stdout. It judges nothing about Prism's own
// responses: violations Prism reports against itself are passed through
// for the run to list separately.
package driver

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Plan is what the run asks the driver to do; it is read from the file
// named by the first argument.
type Plan struct {
	ServerURL string `json:"server_url"`
	Calls     []Call `json:"calls"`
	// Examples are component-schema examples: type name → example values.
	Examples []Example `json:"examples"`
	// Timeout bounds each call.
	TimeoutMS int `json:"timeout_ms"`
}

// Call is one planned operation call.
type Call struct {
	Op     string `json:"op"` // the APIClient method
	Method string `json:"method"`
	Path   string `json:"path"`
	// PathArgs are the path parameters' values, in the method's order.
	PathArgs []json.RawMessage `json:"path_args,omitempty"`
	// HasParams says the method takes an <Op>Args struct; Params sets its
	// fields (Go field name → value of the field's inner type).
	HasParams bool                       `json:"has_params,omitempty"`
	Params    map[string]json.RawMessage `json:"params,omitempty"`
	// HasBody says the method takes a body; Body is its value. A binary
	// body (BodyBinary) is an io.Reader of Body's string followed by
	// ContentType ("": the method's default); a multipart body is built
	// from Parts (Go field name → value; {"$file": text} is an oas.File).
	HasBody     bool                       `json:"has_body,omitempty"`
	Body        json.RawMessage            `json:"body,omitempty"`
	BodyBinary  bool                       `json:"body_binary,omitempty"`
	ContentType string                     `json:"content_type,omitempty"`
	Parts       map[string]json.RawMessage `json:"parts,omitempty"`
	// ResultFields, for a method returning an <Op>Result, names the field
	// each 2xx status fills.
	ResultFields map[string]string `json:"result_fields,omitempty"`
	// StreamEncodings are the transfer encodings the plan gives binary 2xx
	// responses, by status ("200", "2XX"): the stream yields the bytes the
	// body's base64 text carries, not the text.
	StreamEncodings map[string]string `json:"stream_encodings,omitempty"`
	// Prefer asks Prism for one documented status (Prefer: code=N).
	Prefer string `json:"prefer,omitempty"`
	// BodyExamples and ResultExamples are the spec's media-type examples
	// for the request body and the success response, round-tripped through
	// the method's body and result types.
	BodyExamples   []Example `json:"body_examples,omitempty"`
	ResultExamples []Example `json:"result_examples,omitempty"`
	// Skip, when set, says why the run could not call the operation.
	Skip string `json:"skip,omitempty"`
}

// Example is one example value and where the spec gives it.
type Example struct {
	Type string `json:"type,omitempty"` // component type (Plan.Examples)
	// Field, when set, is the field of Type whose type the value is
	// decoded into: a webhook event's Body, the payload.
	Field string          `json:"field,omitempty"`
	Where string          `json:"where"`
	Value json.RawMessage `json:"value"`
}

// Report is what the driver found.
type Report struct {
	Calls    []CallResult    `json:"calls"`
	Examples []ExampleResult `json:"examples"`
}

// CallResult is one call's outcome.
type CallResult struct {
	Op     string `json:"op"`
	Method string `json:"method"`
	Path   string `json:"path"`
	Prefer string `json:"prefer,omitempty"`
	Skip   string `json:"skip,omitempty"`
	// Exchanges are the requests the call sent (one, retries being off).
	Exchanges []Exchange `json:"exchanges,omitempty"`
	// Err is the error the method returned, "" if none.
	Err string `json:"err,omitempty"`
	// Losses are the differences between the raw 2xx body and the
	// re-encoded result.
	Losses []string `json:"losses,omitempty"`
	// NoResult says a 2xx response had a body the method does not return.
	NoResult bool `json:"no_result,omitempty"`
	// Retried says the first call's request was sent in full and its
	// deadline passed waiting for the answer, so the call was made again
	// with a longer one (slowFactor times); the result is the second's.
	Retried string `json:"retried,omitempty"`
}

// slowFactor is how much longer the deadline of a call made again is,
// after the first one's request was sent and no answer came in time
// (Prism -d drawing a response for a deep schema can take that long).
const slowFactor = 3

// Exchange is one request and its response as seen on the wire.
type Exchange struct {
	Request    string      `json:"request"` // method and URL
	Header     http.Header `json:"header,omitempty"`
	Body       string      `json:"body,omitempty"`
	Status     int         `json:"status"`
	RespType   string      `json:"resp_type,omitempty"`
	RespBody   string      `json:"resp_body,omitempty"`
	Violations []Violation `json:"violations,omitempty"`
	TransportE string      `json:"transport_err,omitempty"`
	// WaitedOut says the request was written in full and the call's
	// deadline passed waiting for the response: the server was slow,
	// the client had done its part.
	WaitedOut bool `json:"waited_out,omitempty"`
}

// Violation is one entry of Prism's sl-violations header.
type Violation struct {
	Location []string `json:"location"`
	Severity string   `json:"severity,omitempty"`
	Code     any      `json:"code,omitempty"`
	Message  string   `json:"message"`
}

// ExampleResult is one example's round trip.
type ExampleResult struct {
	Where  string   `json:"where"`
	Type   string   `json:"type,omitempty"`
	Err    string   `json:"err,omitempty"`
	Losses []string `json:"losses,omitempty"`
}

// Client makes the generated APIClient for a server URL and HTTP client.
type Client func(serverURL string, hc *http.Client) (any, error)

// Main runs the plan named by os.Args[1] with the given client constructor
// and named types, and prints the report.
func Main(newClient Client, types map[string]reflect.Type) {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: driver PLAN.json")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var p Plan
	if err := json.Unmarshal(data, &p); err != nil {
		fmt.Fprintln(os.Stderr, "plan:", err)
		os.Exit(2)
	}
	rep, err := Run(&p, newClient, types)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	out, _ := json.Marshal(rep)
	os.Stdout.Write(out)
}

// Run carries out a plan.
func Run(p *Plan, newClient Client, types map[string]reflect.Type) (*Report, error) {
	rec := &recorder{}
	var cv reflect.Value
	if newClient != nil {
		client, err := newClient(p.ServerURL, &http.Client{Transport: rec})
		if err != nil {
			return nil, fmt.Errorf("NewAPIClient: %w", err)
		}
		cv = reflect.ValueOf(client)
	}
	timeout := time.Duration(p.TimeoutMS) * time.Millisecond
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	rep := &Report{}
	for i := range p.Calls {
		c := &p.Calls[i]
		res := CallResult{Op: c.Op, Method: c.Method, Path: c.Path, Prefer: c.Prefer, Skip: c.Skip}
		if c.Skip == "" && !cv.IsValid() {
			res.Skip = "the package has no client"
		} else if c.Skip == "" {
			m := cv.MethodByName(c.Op)
			if !m.IsValid() {
				res.Skip = "APIClient has no method " + c.Op
			} else {
				call(m, c, rec, timeout, &res)
				if n := len(res.Exchanges); n > 0 && res.Exchanges[n-1].WaitedOut {
					again := CallResult{Op: c.Op, Method: c.Method, Path: c.Path, Prefer: c.Prefer,
						Retried: fmt.Sprintf("no answer within %s after the request was sent; called again with %s", timeout, slowFactor*timeout)}
					call(m, c, rec, slowFactor*timeout, &again)
					res = again
				}
				rep.Examples = append(rep.Examples, methodExamples(m, c)...)
			}
		}
		rep.Calls = append(rep.Calls, res)
	}
	for _, ex := range p.Examples {
		t, ok := types[ex.Type]
		if !ok {
			rep.Examples = append(rep.Examples, ExampleResult{Where: ex.Where, Type: ex.Type, Err: "no generated type " + ex.Type})
			continue
		}
		if ex.Field != "" {
			f, ok := t.FieldByName(ex.Field)
			if !ok || t.Kind() != reflect.Struct {
				rep.Examples = append(rep.Examples, ExampleResult{Where: ex.Where, Type: ex.Type, Err: "no field " + ex.Field + " in " + ex.Type})
				continue
			}
			t = f.Type
		}
		rep.Examples = append(rep.Examples, roundTrip(ex, t))
	}
	return rep, nil
}

var (
	ctxType    = reflect.TypeFor[context.Context]()
	readerType = reflect.TypeFor[io.Reader]()
)

// inputs are a method's parameters after ctx and before the variadic
// CallOptions.
func inputs(mt reflect.Type) []reflect.Type {
	var in []reflect.Type
	for i := 0; i < mt.NumIn(); i++ {
		t := mt.In(i)
		if (i == 0 && t == ctxType) || (mt.IsVariadic() && i == mt.NumIn()-1) {
			continue
		}
		in = append(in, t)
	}
	return in
}

// call builds the method's arguments from c, calls it and checks the
// result against the raw response.
func call(m reflect.Value, c *Call, rec *recorder, timeout time.Duration, res *CallResult) {
	in := inputs(m.Type())
	want := len(c.PathArgs)
	if c.HasParams {
		want++
	}
	if c.HasBody {
		want++
	}
	if c.BodyBinary {
		want++ // the content type
	}
	if len(in) != want {
		res.Skip = fmt.Sprintf("method takes %d arguments, the plan has %d", len(in), want)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	args := []reflect.Value{reflect.ValueOf(ctx)}
	k := 0
	for _, raw := range c.PathArgs {
		v, err := decodeInto(in[k], raw)
		if err != nil {
			res.Skip = fmt.Sprintf("path argument %d: %v", k, err)
			return
		}
		args = append(args, v)
		k++
	}
	if c.HasParams {
		v, err := paramsValue(in[k], c.Params)
		if err != nil {
			res.Skip = "params: " + err.Error()
			return
		}
		args = append(args, v)
		k++
	}
	if c.HasBody {
		var v reflect.Value
		var err error
		if c.Parts != nil {
			v, err = partsValue(in[k], c.Parts)
		} else {
			v, err = decodeInto(in[k], c.Body)
		}
		if err != nil {
			res.Skip = "body: " + err.Error()
			return
		}
		args = append(args, v)
		if c.BodyBinary {
			args = append(args, reflect.ValueOf(c.ContentType))
		}
	}
	rec.start(c.Prefer)
	out := m.Call(args)
	if len(out) == 1 && out[0].Kind() == reflect.Func {
		// An iterator (server-sent events): the request goes out when the
		// loop starts; the first error it yields is the call's.
		if err := drain(out[0]); err != nil {
			res.Err = err.Error()
		}
		res.Exchanges = rec.stop()
		return
	}
	res.Exchanges = rec.stop()
	if e := out[len(out)-1]; !e.IsNil() {
		res.Err = e.Interface().(error).Error()
		return
	}
	if len(res.Exchanges) == 0 {
		return
	}
	last := res.Exchanges[len(res.Exchanges)-1]
	if last.Status/100 != 2 {
		return
	}
	if len(out) == 1 {
		res.NoResult = strings.TrimSpace(last.RespBody) != ""
		return
	}
	result := out[0]
	if len(c.ResultFields) > 0 {
		// An <Op>Result: the field of the status that came.
		rv := reflect.Indirect(result)
		field := c.ResultFields[fmt.Sprint(last.Status)]
		if field == "" || !rv.IsValid() {
			res.NoResult = strings.TrimSpace(last.RespBody) != ""
			return
		}
		result = rv.FieldByName(field)
		if !result.IsValid() || (result.Kind() == reflect.Pointer && result.IsNil()) {
			res.NoResult = strings.TrimSpace(last.RespBody) != ""
			return
		}
	}
	if rc, ok := result.Interface().(io.ReadCloser); ok {
		// A stream: its bytes are the body's.
		b, err := io.ReadAll(rc)
		rc.Close()
		want, werr := []byte(last.RespBody), error(nil)
		if enc := c.encodingOf(last.Status); enc != "" {
			want, werr = decodeContent(last.RespBody, enc)
		}
		switch {
		case werr != nil && err == nil:
			res.Err = fmt.Sprintf("the stream read a body that is not %s text: %v", c.encodingOf(last.Status), werr)
		case werr != nil:
			// Not base64: the client's read failed as it should; the
			// body breaks the spec (Prism's, or the spec's example).
		case err != nil:
			res.Err = "reading the stream: " + err.Error()
		case !bytes.Equal(b, want):
			res.Losses = []string{fmt.Sprintf("$: stream gave %d bytes, the body carries %d", len(b), len(want))}
		}
		return
	}
	if s, ok := result.Interface().(string); ok && !isJSON(last.RespType) {
		if s != last.RespBody {
			res.Losses = []string{fmt.Sprintf("$: text result %q, body %q", short(s), short(last.RespBody))}
		}
		return
	}
	if !isJSON(last.RespType) || strings.TrimSpace(last.RespBody) == "" {
		return
	}
	got, err := json.Marshal(result.Interface())
	if err != nil {
		res.Err = "re-encoding the result: " + err.Error()
		return
	}
	res.Losses = Compare([]byte(last.RespBody), got)
}

// methodExamples round-trips the call's body and result examples through
// the method's body and result types.
func methodExamples(m reflect.Value, c *Call) []ExampleResult {
	mt := m.Type()
	var out []ExampleResult
	if c.HasBody {
		in := inputs(mt)
		for _, ex := range c.BodyExamples {
			out = append(out, roundTrip(ex, in[len(in)-1]))
		}
	}
	if mt.NumOut() == 2 {
		for _, ex := range c.ResultExamples {
			out = append(out, roundTrip(ex, mt.Out(0)))
		}
	}
	return out
}

// roundTrip decodes an example into t and compares its re-encoding.
func roundTrip(ex Example, t reflect.Type) ExampleResult {
	r := ExampleResult{Where: ex.Where, Type: t.String()}
	if t == readerType || t.Kind() == reflect.Interface {
		return r
	}
	v, err := decodeInto(t, ex.Value)
	if err != nil {
		r.Err = "decode: " + err.Error()
		return r
	}
	got, err := json.Marshal(v.Interface())
	if err != nil {
		r.Err = "encode: " + err.Error()
		return r
	}
	r.Losses = Compare(ex.Value, got)
	return r
}

// decodeInto decodes raw into a new value of type t (through its pointer
// element when t is a pointer).
func decodeInto(t reflect.Type, raw json.RawMessage) (reflect.Value, error) {
	if t == readerType {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			s = string(raw)
		}
		return reflect.ValueOf(io.Reader(strings.NewReader(s))), nil
	}
	if t.Kind() == reflect.Pointer {
		p := reflect.New(t.Elem())
		if err := json.Unmarshal(raw, p.Interface()); err != nil {
			return reflect.Value{}, err
		}
		return p, nil
	}
	p := reflect.New(t)
	if err := json.Unmarshal(raw, p.Interface()); err != nil {
		if t.Kind() == reflect.String && len(raw) > 0 && raw[0] != '"' {
			// A parameter sent as JSON text (content: application/json)
			// that the package takes as a string.
			p.Elem().SetString(string(raw))
			return p.Elem(), nil
		}
		return reflect.Value{}, err
	}
	return p.Elem(), nil
}

// paramsValue builds an <Op>Args value: a plain field is decoded into, a
// wrapper (oas.Opt, oas.Nullable) is Set with its decoded inner value.
func paramsValue(t reflect.Type, fields map[string]json.RawMessage) (reflect.Value, error) {
	if t.Kind() != reflect.Struct {
		return reflect.Value{}, fmt.Errorf("%s is not a struct", t)
	}
	v := reflect.New(t).Elem()
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		raw := fields[name]
		f := v.FieldByName(name)
		if !f.IsValid() {
			return reflect.Value{}, fmt.Errorf("%s has no field %s", t, name)
		}
		if set := f.Addr().MethodByName("Set"); set.IsValid() && set.Type().NumIn() == 1 {
			inner, err := decodeInto(set.Type().In(0), raw)
			if err != nil {
				return reflect.Value{}, fmt.Errorf("%s: %w", name, err)
			}
			set.Call([]reflect.Value{inner})
			continue
		}
		if err := json.Unmarshal(raw, f.Addr().Interface()); err != nil {
			return reflect.Value{}, fmt.Errorf("%s: %w", name, err)
		}
	}
	return v, nil
}

// partsValue builds a multipart parts struct: each field is decoded from
// its JSON value (through Set for a wrapper), and {"$file": text} is an
// oas.File (a struct with Name and an io.Reader Body), or a list of one.
func partsValue(t reflect.Type, parts map[string]json.RawMessage) (reflect.Value, error) {
	v := reflect.New(t).Elem()
	for name, raw := range parts {
		f := v.FieldByName(name)
		if !f.IsValid() {
			return reflect.Value{}, fmt.Errorf("%s has no field %s", t, name)
		}
		var file struct {
			Text *string `json:"$file"`
		}
		if json.Unmarshal(raw, &file) == nil && file.Text != nil {
			if err := setFile(f, *file.Text); err != nil {
				return reflect.Value{}, fmt.Errorf("%s: %w", name, err)
			}
			continue
		}
		if set := f.Addr().MethodByName("Set"); set.IsValid() && set.Type().NumIn() == 1 {
			inner, err := decodeInto(set.Type().In(0), raw)
			if err != nil {
				return reflect.Value{}, fmt.Errorf("%s: %w", name, err)
			}
			set.Call([]reflect.Value{inner})
			continue
		}
		if err := json.Unmarshal(raw, f.Addr().Interface()); err != nil {
			return reflect.Value{}, fmt.Errorf("%s: %w", name, err)
		}
	}
	return v, nil
}

// setFile stores a file with the given content in f: an oas.File, a list
// of them, or a wrapper of either.
func setFile(f reflect.Value, text string) error {
	if set := f.Addr().MethodByName("Set"); set.IsValid() && set.Type().NumIn() == 1 {
		inner := reflect.New(set.Type().In(0)).Elem()
		if err := setFile(inner, text); err != nil {
			return err
		}
		set.Call([]reflect.Value{inner})
		return nil
	}
	switch f.Kind() {
	case reflect.Slice:
		e := reflect.New(f.Type().Elem()).Elem()
		if err := setFile(e, text); err != nil {
			return err
		}
		f.Set(reflect.Append(f, e))
		return nil
	case reflect.Struct:
		body, name := f.FieldByName("Body"), f.FieldByName("Name")
		if !body.IsValid() || body.Type() != readerType || !name.IsValid() {
			return fmt.Errorf("%s is not a file", f.Type())
		}
		body.Set(reflect.ValueOf(io.Reader(strings.NewReader(text))))
		name.SetString("conformance.txt")
		return nil
	}
	return fmt.Errorf("%s is not a file", f.Type())
}

func isJSON(contentType string) bool {
	ct := strings.ToLower(contentType)
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	ct = strings.TrimSpace(ct)
	return ct == "application/json" || strings.HasSuffix(ct, "+json")
}

// recorder is the client's transport: it sends through
// http.DefaultTransport and keeps every exchange of the current call.
type recorder struct {
	mu     sync.Mutex
	prefer string
	ex     []Exchange
}

func (r *recorder) start(prefer string) {
	r.mu.Lock()
	r.prefer, r.ex = prefer, nil
	r.mu.Unlock()
}

func (r *recorder) stop() []Exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	ex := r.ex
	r.ex = nil
	return ex
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	e := Exchange{Request: req.Method + " " + req.URL.String(), Header: req.Header.Clone()}
	e.Header.Del("User-Agent")
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		e.Body = string(b)
		req = req.Clone(req.Context())
		req.Body = io.NopCloser(bytes.NewReader(b))
	}
	r.mu.Lock()
	prefer := r.prefer
	r.mu.Unlock()
	if prefer != "" {
		req = req.Clone(req.Context())
		req.Header.Set("Prefer", "code="+prefer)
	}
	var wrote atomic.Bool
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
		WroteRequest: func(i httptrace.WroteRequestInfo) { wrote.Store(i.Err == nil) },
	}))
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		e.TransportE = err.Error()
		e.WaitedOut = wrote.Load() && errors.Is(err, context.DeadlineExceeded)
		r.add(e)
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		e.TransportE = err.Error()
		e.WaitedOut = errors.Is(err, context.DeadlineExceeded) || req.Context().Err() == context.DeadlineExceeded
		r.add(e)
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	e.Status = resp.StatusCode
	e.RespType = resp.Header.Get("Content-Type")
	e.RespBody = string(body)
	if h := resp.Header.Get("sl-violations"); h != "" {
		e.Violations = ParseViolations(h)
	} else if resp.StatusCode == 422 || resp.StatusCode == 400 {
		// Prism refusing a request with no response of its own in the spec
		// to answer with: the violations are in its problem+json body.
		var problem struct {
			Validation []Violation `json:"validation"`
		}
		if json.Unmarshal(body, &problem) == nil {
			for _, v := range problem.Validation {
				v.Location = append([]string{"request"}, v.Location...)
				e.Violations = append(e.Violations, v)
			}
		}
	}
	r.add(e)
	return resp, nil
}

func (r *recorder) add(e Exchange) {
	r.mu.Lock()
	r.ex = append(r.ex, e)
	r.mu.Unlock()
}

// drain ranges over seq, an iter.Seq2[T, error], to its end and returns
// the first error it yields.
func drain(seq reflect.Value) error {
	var first error
	yield := reflect.MakeFunc(seq.Type().In(0), func(in []reflect.Value) []reflect.Value {
		if e := in[1]; !e.IsNil() && first == nil {
			first = e.Interface().(error)
		}
		return []reflect.Value{reflect.ValueOf(true)}
	})
	seq.Call([]reflect.Value{yield})
	return first
}

// prismCut is how Prism 5.16 starts an sl-violations header whose JSON is
// over 8 KiB: the prefix, then the JSON array cut at 8,092 bytes
// (prism-http-server's addViolationHeader).
const prismCut = "Too many violations! "

// Unparsable starts the one violation that stands for an sl-violations
// header ParseViolations could not read; the header's text follows.
const Unparsable = "unparsable sl-violations: "

// ParseViolations reads Prism's sl-violations header. A cut header keeps
// every violation that is whole before the cut; Prism lists the request's
// violations before the response's, so those are the ones a cut can lose.
// What cannot be read at all is one violation saying so.
func ParseViolations(h string) []Violation {
	var vs []Violation
	if json.Unmarshal([]byte(h), &vs) == nil {
		return vs
	}
	bad := []Violation{{Location: []string{"unknown"}, Message: Unparsable + h}}
	rest, ok := strings.CutPrefix(h, prismCut)
	if !ok {
		return bad
	}
	dec := json.NewDecoder(strings.NewReader(rest))
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return bad
	}
	for dec.More() {
		var v Violation
		if dec.Decode(&v) != nil {
			break
		}
		vs = append(vs, v)
	}
	if len(vs) == 0 {
		return bad
	}
	return vs
}

// encodingOf is the transfer encoding of the response of status code
// (its exact status, else its class).
func (c *Call) encodingOf(code int) string {
	if e, ok := c.StreamEncodings[fmt.Sprint(code)]; ok {
		return e
	}
	return c.StreamEncodings[fmt.Sprintf("%dXX", code/100)]
}

// decodeContent is the bytes base64 (or base64url) text carries, line
// breaks skipped as MIME writes them. Written with encoding/base64 here
// rather than through oasimpl.DecodeContent: the check must not judge the
// client's decoding by the client's own code.
func decodeContent(text, encoding string) ([]byte, error) {
	enc := base64.StdEncoding
	if encoding == "base64url" {
		enc = base64.URLEncoding
	}
	return io.ReadAll(base64.NewDecoder(enc, strings.NewReader(text)))
}
