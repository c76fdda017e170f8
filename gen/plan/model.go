// Package plan turns a loaded OpenAPI document into the one Go-facing model
// that every emitter reads.
//
// Every Go decision is made here, once, in a fixed order: type and field
// names, optional vs nullable, enum constants, defaults, constraints,
// operations, retries and error types. Emitters only read the model; they
// never look at the spec, check flags or invent names.
package plan

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
)

// RuntimePath is the import path of the runtime package generated code uses.
const RuntimePath = "github.com/oasgen/oasgen/oas"

// ImplPath is the import path of the runtime package for generated code only
// (decoder, appenders, validator, transport): package oasimpl.
const ImplPath = RuntimePath + "/oasimpl"

// RuntimeVersion is the oasimpl API version generated code is written for;
// each generated package checks at compile time that the runtime it builds
// with supports it (oasimpl.MinVersion..oasimpl.MaxVersion).
const RuntimeVersion = 12

// Model is the plan for one generated Go package.
type Model struct {
	Package  string // Go package name
	SpecPath string // the spec's path relative to the output directory, slash-separated
	Title    string
	Version  string // info.version
	// Toolchain is the generator's version (for the client's User-Agent);
	// it comes in through Options so emitters need not import the driver.
	Toolchain string
	Servers   []Server
	// Types are all named types, sorted by Go name.
	Types []*Type
	// Operations in path then method order.
	Operations []*Operation
	// Security schemes used by operations, by name.
	Security []*SecurityScheme
	// SecuritySets are the distinct Security lists of the operations, in
	// the order the operations first use them: the client builds each once,
	// into its APIClient field (Operation.SecurityField).
	SecuritySets []*SecuritySet
	// APIKeyEnv is the environment variable OptionsFromEnv reads the API
	// key from (STACKONE_API_KEY for the spec titled "StackOne"); "" when no
	// operation takes a key.
	APIKeyEnv string
	// Warnings found while planning, positioned.
	Warnings diag.List
	// OapiDoc is the document oapi-codegen is given: the operations with
	// plan names as operation IDs and every schema replaced by a stub naming
	// the plan's type (see oapidoc.go), so that the names it prints are the
	// plan's. It shares nothing mutable with the loaded document.
	OapiDoc *openapi3.T
	// ExcludeSchemas are the component schemas oapi-codegen must not declare
	// because our emitters do.
	ExcludeSchemas []string
	// Names are the package-level identifiers the production client
	// declares (APIClient, Options, ...): each is its usual name unless a
	// schema of the spec has it (see planClientNames).
	Names ClientNames
	// ImportPath is the model package's import path, which the raw
	// package imports for the model types ("" when it is not known: then
	// no raw package can be generated).
	ImportPath string
	// Raw is the package oapi-codegen's low-level client is generated into
	// (a subdirectory of the output), so that none of its identifiers
	// (<Op>Params, New<Op>Request, ClientWithResponses, ...) crowds the model
	// package.
	Raw RawPackage

	// Client says the production client (api.gen.go) is generated: asked
	// for, and the spec has operations. RawClient says oapi-codegen's raw
	// package is too (Client, and not turned off). Docs says every type
	// with Type.Docs gets a Markdown page.
	Client, RawClient, Docs bool

	// Usage is what the package doc comment's example uses.
	Usage Usage

	// OpGroups are the operation docs pages (docs/sdks/<group>/README.md)
	// and UsageOps the operations x-speakeasy-usage-example marks, by
	// position, whose snippets the package doc comment shows (opdocs.go).
	OpGroups []*OpGroup
	UsageOps []*OpDoc
	// Webhooks are the requests the API sends (3.1 webhooks, 3.0
	// callbacks), which the generated ParseWebhook reads (webhooks.go).
	Webhooks *Webhooks

	// SDK plans response metadata, timeouts, global parameters and server
	// selection (sdk.go).
	SDK SDK
}

// Usage picks the real names the package doc comment's example is written
// with, so that it reads like the code a user writes.
type Usage struct {
	// Op is the first operation whose body is a struct with a constructor,
	// else the first operation; nil when there is none.
	Op *Operation
	// Body is Op's body type when it has a constructor; without Op, the
	// first component struct that has one. nil when there is none.
	Body *Type
	// ErrorType is the first error type Op documents, "" if none.
	ErrorType string
	// SetField is the optional string field of Body the example sets
	// (nil: none), and ErrorVar the variable it holds an ErrorType in.
	SetField *Field
	ErrorVar string
}

// ClientNames are the package-level identifiers of the production client
// (api.gen.go), as planned.
type ClientNames struct {
	APIClient, NewAPIClient, Options, CallOption, RetryPolicy, APIError, DecodeError string
	WithRetries, WithoutRetries, UserAgent, EnvAPIKey, DefaultServerURL              string
	// The credentials, hooks and per-call options (see emit/auth.go).
	OptionsFromEnv, BasicAuth, BearerAuth, OAuth2, MissingCredentialsError, AuthError string
	ResponseTooLargeError, Hooks, HookContext, Response, RequestEditor                string
	WithHeader, WithQuery, WithRequestEditor                                          string
}

// Local is the package's name for the client identifier whose usual name
// is usual ("Hooks" → "Hooks2" when a schema is named Hooks); usual itself
// for a name the client does not declare.
func (n *ClientNames) Local(usual string) string {
	for _, c := range n.all() {
		if c.usual == usual {
			return *c.field
		}
	}
	return usual
}

type clientName struct {
	field *string
	usual string
}

// all lists every client identifier with its usual name, APIClient and
// its constructor first.
func (n *ClientNames) all() []clientName {
	return []clientName{
		{&n.APIClient, "APIClient"}, {&n.NewAPIClient, "NewAPIClient"}, {&n.Options, "Options"},
		{&n.CallOption, "CallOption"}, {&n.RetryPolicy, "RetryPolicy"}, {&n.APIError, "APIError"},
		{&n.DecodeError, "DecodeError"}, {&n.WithRetries, "WithRetries"}, {&n.WithoutRetries, "WithoutRetries"},
		{&n.UserAgent, "UserAgent"}, {&n.EnvAPIKey, "EnvAPIKey"}, {&n.DefaultServerURL, "DefaultServerURL"},
		{&n.OptionsFromEnv, "OptionsFromEnv"}, {&n.BasicAuth, "BasicAuth"}, {&n.BearerAuth, "BearerAuth"},
		{&n.OAuth2, "OAuth2"}, {&n.MissingCredentialsError, "MissingCredentialsError"}, {&n.AuthError, "AuthError"},
		{&n.ResponseTooLargeError, "ResponseTooLargeError"}, {&n.Hooks, "Hooks"}, {&n.HookContext, "HookContext"},
		{&n.Response, "Response"}, {&n.RequestEditor, "RequestEditor"}, {&n.WithHeader, "WithHeader"},
		{&n.WithQuery, "WithQuery"}, {&n.WithRequestEditor, "WithRequestEditor"},
	}
}

// RawPackage is where oapi-codegen's client goes.
type RawPackage struct {
	// Dir is its directory, relative to the output directory, and Package
	// its package name.
	Dir, Package string
	// ModelName is the name it imports the model package under, and
	// ModelDoc the document name its $refs to model types carry (mapped
	// to the model package by oapi-codegen's import-mapping).
	ModelName, ModelDoc string
}

// Server is one entry of `servers`.
type Server struct {
	URL         string
	Description string
	// Resolved is URL with every {variable} replaced by its default.
	Resolved string
	// Vars are the variables the URL uses, in name order (sdk.go), and
	// Const the constant naming its index (x-speakeasy-server-id), "" for
	// none.
	Vars  []ServerVarUse
	Const string
}

// TypeKind says what a named type is.
type TypeKind int

const (
	KindStruct TypeKind = iota // object with properties
	KindEnum                   // string/integer/number enum
	KindAlias                  // a defined type over another type: type Pets []Pet
	KindUnion                  // oneOf/anyOf
)

// Type is a named Go type.
type Type struct {
	Name          string // Go identifier
	SchemaName    string // component key, or "" for inline types
	Where         string // document path, e.g. components.schemas.Foo
	Pos           diag.Pos
	Doc           string
	Deprecated    bool
	DeprecatedMsg string
	Kind          TypeKind

	Fields []*Field // KindStruct, in JSON order (x-order, then name)
	// CtorFields (KindStruct) are the fields the constructor takes, its
	// parameters in this order: the RequestRequired ones in the order the
	// spec lists the properties (x-order first, as for Fields), so adding
	// or renaming another property never moves an argument.
	CtorFields []*Field
	// Extra holds additionalProperties values of a struct (nil: none kept).
	Extra *Ref
	// Absent (KindStruct) names the unexported field in which the decoder
	// records the required properties a document left out (and the
	// required readOnly ones it carried), one bit per Field.Bit,
	// AbsentBits of them; "" when no field needs one (see planPresence).
	// A value built in Go (constructor or literal) has no bit set: its
	// plain fields are always encoded, so always present, and its readOnly
	// ones only when not zero.
	Absent     string
	AbsentBits int

	Enum *Enum // KindEnum

	Elem *Ref // KindAlias: the underlying type
	// GoAlias (KindAlias) emits `type T = Elem` instead of a defined type:
	// a defined type drops the methods that make Elem's JSON right
	// (time.Time, json.RawMessage, oas.Nullable, unions, enums' IsKnown), so
	// T is the same type instead and has no methods of its own.
	GoAlias bool

	Union *Union // KindUnion

	// Ctor (KindStruct) and ValuesFunc (KindEnum) name the package-level
	// functions generated for the type: NewT and TValues, unless a schema
	// already took the name.
	Ctor       string
	ValuesFunc string

	// Docs marks types that get a Markdown page: every component schema and
	// every inline schema that became a named type (the vendor's pages link
	// inline enums such as ConnectSessionCreateCategories too).
	Docs bool
	// Example is the schema's example as JSON, if any.
	Example string
	// Patterns are the compiled patterns its validation uses (see
	// planPatterns), in expression order.
	Patterns []Pattern

	file, docFile string // set by planFiles
}

// HasValidate reports whether the type has a Validate method. Every type
// has one except a Go alias of a type from elsewhere (type Free =
// json.RawMessage), which cannot be given methods and has nothing to check.
func (t *Type) HasValidate() bool {
	if t.Kind != KindAlias || !t.GoAlias {
		return true
	}
	e := t.Elem
	return e.Kind == RefNamed && !e.Nullable && !e.Pointer && e.Named.HasValidate()
}

// File is the base name (without extension) of the files generated for a
// component type: model_<snake>, made unique and short enough by planFiles.
func (t *Type) File() string {
	if t.file != "" {
		return t.file
	}
	return goFileBase(t.Name)
}

// DocFile is the base name (without extension) of the type's Markdown page:
// its name in lower case, made unique and short enough by planFiles.
func (t *Type) DocFile() string {
	if t.docFile != "" {
		return t.docFile
	}
	return strings.ToLower(t.Name)
}

// Enum is the value set of an enum type.
type Enum struct {
	Base   Builtin // string, int64 or float64
	Values []EnumValue
	// Open enums accept values outside the list in Validate (the spec says
	// x-speakeasy-unknown-values: allow). Closed ones report them. Decoding
	// never rejects an unknown value: it is kept and IsKnown tells it apart.
	Open bool
}

// EnumValue is one constant.
type EnumValue struct {
	Name  string // Go constant name
	Value any    // string, int64 or float64
	Doc   string
}

// Union is a oneOf/anyOf type.
type Union struct {
	OneOf         bool // oneOf (exactly one) rather than anyOf
	Variants      []*Variant
	Discriminator string // property name, "" if none
}

// Variant is one member of a union.
type Variant struct {
	Name   string // Go method suffix: As<Name>
	From   string // the package-level constructor, <Union>From<Name>
	Type   *Ref
	Values []string // discriminator values that select this variant
	// TagField is the Go field of the variant's struct that holds the
	// discriminator when it is a free string (no enum or const to say
	// its value) and one value selects the variant: From sets it to
	// Values[0] when it is empty (unset when TagOptional), so that a
	// value built in Go says which variant it is. "" otherwise.
	TagField    string
	TagOptional bool
}

// Builtin names a predeclared or standard Go type.
type Builtin string

const (
	String   Builtin = "string"
	Int64    Builtin = "int64"
	Int32    Builtin = "int32"
	Uint32   Builtin = "uint32"
	Uint64   Builtin = "uint64"
	Float64  Builtin = "float64"
	Bool     Builtin = "bool"
	Time     Builtin = "time.Time"       // string, format date-time
	Bytes    Builtin = "[]byte"          // string, format byte (base64)
	RawJSON  Builtin = "json.RawMessage" // free-form value, kept verbatim
	NoneType Builtin = ""
)

// RefKind says how a Ref is built.
type RefKind int

const (
	RefBuiltin RefKind = iota
	RefNamed
	RefSlice
	RefMap
	RefExternal // a Go type the spec names with x-go-type
)

// Ref is a use of a type: a field's type, an array's items, a map's values.
type Ref struct {
	Kind    RefKind
	Builtin Builtin
	Named   *Type
	Elem    *Ref // RefSlice, RefMap
	// Go is the type a RefExternal names (x-go-type): with
	// x-go-type-import, the identifier and its package ("uuid.UUID" from
	// github.com/google/uuid is {UUID, github.com/google/uuid}); without,
	// the type as written, in the generated package's scope. GoText is
	// x-go-type as the spec writes it, which docs pages show.
	Go     GoIdent
	GoText string
	// Nullable is set when JSON null is a valid value here. For a field the
	// Field's wrapper carries it; for items and map values the element is
	// generated as oas.Nullable[Elem].
	Nullable bool
	// Pointer holds a named struct as *T: set on the fewest field uses
	// needed so that no struct contains itself by value (Go rejects that,
	// wrappers included). Slices and maps need none.
	Pointer bool
	C       Constraints
}

// Nilable reports whether nil is a value of r's Go type: slices, maps, raw
// JSON and bytes, pointers, and named types over them. A nullable Ref is an
// oas.Nullable[T], a struct.
func (r *Ref) Nilable() bool {
	if r.Nullable {
		return false
	}
	switch r.Kind {
	case RefSlice, RefMap:
		return true
	case RefBuiltin:
		return r.Builtin == RawJSON || r.Builtin == Bytes
	case RefNamed:
		return r.Pointer || r.Named.Kind == KindAlias && r.Named.Elem.Nilable()
	}
	return false
}

// Constraints are the validation keywords of the schema at a use site.
type Constraints struct {
	Format                     string
	Pattern                    string
	MinLength, MaxLength       int // -1 unset
	MinItems, MaxItems         int // -1 unset
	MinProps, MaxProps         int // -1 unset
	Min, Max                   *float64
	ExclusiveMin, ExclusiveMax bool
	MultipleOf                 *float64
	// IntMin, IntMax and IntMultipleOf are Min, Max and MultipleOf exactly,
	// set on integer values when the bound is a whole number of the Go
	// type: the check then compares integers (a float64 bound rounds beyond
	// 2^53). Min, Max and MultipleOf stay set.
	IntMin, IntMax, IntMultipleOf *int64
	UniqueItems                   bool
	Const                         any
	HasConst                      bool
	InlineEnum                    []any // enum on a type we could not name (rare)
}

// Empty reports whether nothing needs checking.
func (c Constraints) Empty() bool {
	return c.Format == "" && c.Pattern == "" && c.MinLength < 0 && c.MaxLength < 0 &&
		c.MinItems < 0 && c.MaxItems < 0 && c.MinProps < 0 && c.MaxProps < 0 &&
		c.Min == nil && c.Max == nil && c.MultipleOf == nil && !c.HasConst && len(c.InlineEnum) == 0
}

// Wrap says how a field holds its value.
type Wrap int

const (
	Plain        Wrap = iota // required, not nullable: T
	Optional                 // optional, not nullable: oas.Opt[T]
	NullableWrap             // nullable (optional or required): oas.Nullable[T]
	// OptionalPointer is an optional, not nullable property whose value
	// is one of the package's structs: *T (its Type says Pointer), nil
	// when absent (holdOptionalStructsByPointer).
	OptionalPointer
)

// wrapOf is the wrapper of a field (or parameter field) that is required
// and nullable as given.
func wrapOf(required, nullable bool) Wrap {
	switch {
	case nullable:
		return NullableWrap
	case required:
		return Plain
	}
	return Optional
}

// Field is one property of a struct.
type Field struct {
	Name     string // Go identifier
	JSONName string
	Type     *Ref
	Required bool
	// Wrap is how the field holds its value, and the one place that says
	// whether it may be null (NullableWrap): the field's Type is never
	// Nullable itself.
	Wrap    Wrap
	Doc     string
	Example string // JSON
	Default string // JSON, "" if none
	// DefaultValue is Default as a Go value of the field's type, and
	// DefaultGetter the method returning the field's value or that
	// default (<Name>OrDefault); nil and "" for required fields and
	// defaults Go cannot spell. Defaults are never sent unless asked for:
	// the constructor leaves optional fields absent, ApplyDefaults sets
	// them explicitly.
	DefaultValue  *Literal
	DefaultGetter string
	// Bit is the field's bit in its struct's Absent field, -1 for none
	// (only required plain fields without a null state have one). It is
	// set when the decoded document left the field out, or, when
	// BitCarried (a required readOnly field), when it carried it.
	Bit        int
	BitCarried bool
	Deprecated bool
	// DeprecatedMsg is x-speakeasy-deprecation-message, for a Deprecated
	// field, type, operation or parameter ("" for the usual text).
	DeprecatedMsg string
	ReadOnly      bool
	WriteOnly     bool
	Pos           diag.Pos
	// RequestRequired is Required without readOnly fields: what a request
	// must carry, so what the constructor takes and Validate checks. A
	// required readOnly field (an id the server assigns) is only promised
	// in responses.
	RequestRequired bool
	// Param is the constructor's parameter for a RequestRequired field:
	// lower camel case, unique, off keywords and the constructor's locals.
	Param string
	// OmitZero puts omitzero in the JSON tag: every wrapper (absent is
	// omitted), and plain readOnly and writeOnly values, which only one
	// direction carries (except a writeOnly one the decoder tracks, see
	// planPresence: a request must carry its zero).
	OmitZero bool
}

// Operation is one HTTP operation.
type Operation struct {
	ID   string // operationId as in the spec
	Name string // Go method name, e.g. CreateConnectSession
	// OapiName is the operation's ID in OapiDoc, from which oapi-codegen
	// derives every name it declares for it (<OapiName>Params,
	// New<OapiName>Request, ...): Name, unless one of those is already
	// a name of the package, then <Name>Op (see planOapiOperationIDs).
	OapiName string
	Method   string // upper case
	// Path is the operation's path as the spec writes it, the key of
	// paths; URLPath is the part of it the client sends as the path:
	// without what follows a "?" or "#" in it (see planPathQuery).
	Path    string
	URLPath string
	// QueryLiteral are the name=value pairs the spec writes into the path
	// after "?" (/rest?method=flickr.photos.search), escaped, sent as they
	// are before the query parameters; "" for none.
	QueryLiteral  string
	Summary       string
	Description   string
	Deprecated    bool
	DeprecatedMsg string
	Tags          []string
	Params        []*Param
	// Body is the request body as the method takes it; nil when there is
	// none (or none the client can send: see planBody).
	Body *RequestBody
	// Successes are the documented 2xx responses in status order, exact
	// codes before 2XX; when no 2xx is documented, the default response
	// (OpenAPI's "any other status") stands in for them. With
	// x-speakeasy-errors (errors.go) they also hold the documented non-2xx
	// responses it does not list, which the method returns as results
	// (ResultType is then always set, telling which status came).
	Successes []*Response
	// Result is the 2xx response whose body the method returns: every 2xx
	// with a body has this one's (a 2xx without one gives the zero value).
	// Nil when no 2xx has a body, or when their bodies differ (ResultType).
	Result *Response
	// ResultType names the <Op>Result struct returned when 2xx bodies
	// differ: StatusCode plus one field per 2xx with a body
	// (Response.Field), nil unless that status came. "" otherwise.
	ResultType string
	// Stream says some 2xx body is returned unread (BodyBinary): the call
	// leaves 2xx bodies open for the method to read, stream or close.
	Stream bool
	// Accept is the Accept header sent, "" for the runtime's default
	// (application/json): set when some documented response body, 2xx or
	// not, is not application/json, so that a server negotiating on it
	// may send any documented response (planAccept).
	Accept string
	// Errors are the documented non-2xx responses that are errors (all of
	// them without x-speakeasy-errors), by status ("4XX" and "default"
	// last), plus the codes x-speakeasy-errors lists that a documented
	// success class would take (Response.Shadowed).
	Errors []*Response
	Retry  *Retry
	// Security are the ways the operation accepts credentials:
	// alternatives, each a set of schemes sent together; nil means it needs
	// none. An empty alternative makes credentials optional.
	Security []SecurityRequirement
	// SecurityField is the APIClient field holding Security as the
	// client's authorizers use it ("" when the operation needs none).
	SecurityField string
	// CallVar is the package-level variable holding the fixed part of the
	// operation's call (method, names, Accept, the spec's retry policy):
	// static data, where building it in NewAPIClient cost code per
	// operation.
	CallVar string
	// Args is the struct holding the operation's query, header and cookie
	// parameters, so that a new optional parameter is a new field rather
	// than a new method argument. It is named <Op>Args (oapi-codegen
	// declares <Op>Params), is not in Types (no model file, JSON methods or
	// docs page) and is nil when there are no such parameters.
	Args *Type
	// ResultPointer says the method returns *T rather than T for a JSON
	// Result: only for structs (and unions), whose zero value would pass
	// for a response. Slices, maps, scalars and oas.Nullable[T] are
	// returned as values; on error they are nil or zero.
	ResultPointer bool
	// ResponseHeaders are the headers its 2xx responses declare, typed
	// (nil: none); Servers its own or its path's servers (nil: the
	// spec's). See sdk.go.
	ResponseHeaders *ResponseHeaders
	Servers         *OpServers
	// Group is the sub-client holding the method (x-speakeasy-group), nil
	// for APIClient itself; Recv names the method's receiver then.
	Group *Group
	Recv  string
	// Pagination is how the method's pages follow each other (see
	// pagination.go); nil when the operation is not paginated.
	Pagination *Pagination
	// Events is set when the 2xx body is a stream of server-sent events
	// (see events.go): the method then returns an iterator over them.
	Events *EventStream
}

// BodyKind says how a request or response body travels.
type BodyKind int

const (
	BodyNone      BodyKind = iota
	BodyJSON               // a Go value encoded or decoded as JSON
	BodyText               // a string (text/plain and other text/* media types)
	BodyBinary             // bytes as they are: an io.Reader sent, an *oas.Stream returned
	BodyForm               // application/x-www-form-urlencoded, from the body struct's JSON fields
	BodyMultipart          // multipart/form-data, from a generated parts struct
)

// RequestBody is an operation's request body.
type RequestBody struct {
	Kind BodyKind
	// MediaType is the Content-Type sent. For BodyBinary it is the default
	// when the caller passes none: "" when the spec's is a range with no
	// default inside it (image/*: the caller must say which), and
	// application/octet-stream for */* and application/*. For
	// BodyMultipart it is the multipart subtype the runtime writes
	// (multipart/form-data, multipart/related, multipart/mixed...), to which
	// it adds the boundary.
	MediaType string
	// FormatText (BodyText) says Type is a number, integer or boolean the
	// client writes as its text; otherwise a text body is a string sent
	// as it is.
	FormatText bool
	// Accepts (BodyBinary) are the media types and ranges the spec allows
	// for the body, as written: the caller's Content-Type must match one.
	// Nil when any type goes (the spec lists */* or
	// application/octet-stream, which names arbitrary bytes).
	Accepts []string
	// Encoding (BodyBinary) is the transfer encoding the spec declares for
	// the body's bytes, which the client applies to the caller's raw
	// bytes: "base64" for a string of format byte (OpenAPI 3.0) or
	// contentEncoding base64 (3.1), "base64url" for contentEncoding
	// base64url; "" sends the bytes as they are.
	Encoding string
	// Type is the body's Go type: the JSON or form struct, string for
	// text (or the scalar, see FormatText), the parts struct (Parts) for
	// multipart; nil for binary.
	Type     *Ref
	Required bool
	// Parts (BodyMultipart) is the <Op>Parts struct: one field per
	// property, files as oas.File. Like Args it is not in Types.
	Parts *Type
	// PartList says how each of Parts' fields is written, in field order.
	PartList []*Part
	// FormFields (BodyForm) are the properties written in a style, as a
	// query parameter of that style would be, or as JSON text
	// (planFormFields), in field order. The others are scalars and arrays
	// of scalars, written one field per value (style form, exploded).
	FormFields []*FormField
}

// FormField says how one property of a form body is written.
type FormField struct {
	Name          string // the property's name, as in the JSON encoding
	Style         string // form, spaceDelimited, pipeDelimited or deepObject
	Explode       bool
	AllowReserved bool
	JSON          bool // its JSON text, as one value; Style and Explode do not apply
}

// PartKind says how a multipart field is written.
type PartKind int

const (
	PartText PartKind = iota // one part per value, the value as text
	PartFile                 // oas.File: its bytes, with its file name
	PartJSON                 // the value as JSON, in one part
	PartForm                 // an object whose encoding says application/x-www-form-urlencoded: its form encoding, in one part
)

// Part is one property of a multipart body.
type Part struct {
	Field *Field
	Kind  PartKind
	// ContentType is the part's Content-Type: the encoding map's, or
	// OpenAPI's default for the kind (text/plain, application/json,
	// application/octet-stream). A file's own ContentType wins over it.
	ContentType string
	// Repeated sends one part per element of a slice (arrays of files or
	// scalars); otherwise the field is one part.
	Repeated bool
}

// HookName is how hooks and logs name the operation: its operationId, or
// the method name when it has none.
func (o *Operation) HookName() string {
	if o.ID != "" {
		return o.ID
	}
	return o.Name
}

// Param is a path, query, header or cookie parameter.
type Param struct {
	Name   string // as on the wire
	GoName string
	// Fixed is the value a required query, header or cookie parameter
	// always has, as its text, when its schema admits one value only (an
	// enum of one, or const: AWS's Action=RunInstances, Version=2016-11-15);
	// the parameter then has no Args field and the client sends Fixed
	// (IsFixed). See fixedParam.
	Fixed   string
	IsFixed bool
	// QueryKey is the name under which a path parameter is sent in the
	// query, when the spec's path puts it there (/alerts?lat={lat}): ""
	// for one in the path. Style and Explode are then form's.
	QueryKey string
	// Arg is a path parameter's name in the client method's signature:
	// unique in the operation, never a keyword or one of the method's own
	// names.
	Arg string
	// Field is the parameter's field in the operation's Args (query, header
	// and cookie parameters); nil for path parameters.
	Field *Field
	// OapiName is the parameter's Go name in oapi-codegen's client (the
	// x-go-name of its copy in OapiDoc): for query, header and cookie
	// parameters their Field's name, the field of <Op>Params; for path
	// parameters a name whose variable (first letters lowered) is unique
	// and none of the identifiers oapi-codegen's functions use. Without it
	// oapi-codegen would name every parameter after its wire name again,
	// and X-Account-Id in a header and x-account-id in the query would
	// both become XAccountID.
	OapiName      string
	Pos           diag.Pos
	In            string
	Required      bool
	Type          *Ref
	Doc           string
	Deprecated    bool
	DeprecatedMsg string
	// Style and Explode say how the value is serialized: the spec's, or
	// the defaults of In (form and exploded for query and cookie, simple
	// and not exploded for path and header), or a defined style where the
	// spec's is not (with a warning).
	Style   string
	Explode bool
	// AllowReserved sends RFC 3986 reserved characters of a query value
	// unescaped.
	AllowReserved bool
	// SendEmpty says an empty array or object value is sent as name=
	// rather than left out (as RFC 6570 would): the parameter is required
	// and goes in the query or a cookie.
	SendEmpty bool
	// JSON says the parameter is declared with content application/json:
	// its value is sent as JSON text and Style does not apply.
	JSON bool
	// Global is the client-wide value sent when the call sets none
	// (x-speakeasy-globals, sdk.go); nil for none. A path parameter with
	// one is a field of Args (Field), not a method argument; Arg is then
	// the local variable its value is resolved into.
	Global *Global
	// Hidden says only the client's value is sent
	// (x-speakeasy-globals-hidden): the parameter has no Args field and is
	// no method argument.
	Hidden bool
	// globalsHidden is the parameter's own x-speakeasy-globals-hidden
	// (nil when absent), which wins over the global definition's.
	globalsHidden *bool
}

// WireName is the name the parameter is sent under: QueryKey for a path
// parameter the path's query carries, else Name.
func (p *Param) WireName() string {
	if p.QueryKey != "" {
		return p.QueryKey
	}
	return p.Name
}

// MethodArg reports whether the parameter is an argument of the client
// method: a path parameter that is neither global nor hidden.
func (p *Param) MethodArg() bool { return p.In == "path" && p.Field == nil && !p.Hidden }

// Response is one documented response.
type Response struct {
	Status      string // "201", "4XX", "default"
	Description string
	// Kind is how the body is read: BodyJSON (Body is its type), BodyText,
	// BodyBinary, or BodyNone when the response declares no body.
	Kind      BodyKind
	MediaType string // the media type Kind was chosen from
	Body      *Ref   // JSON body, nil if none
	// Encoding (BodyBinary) is the transfer encoding the spec declares for
	// the body's bytes, which the client undoes as the caller reads the
	// stream: "base64" or "base64url" (see Body.Encoding), "" for none.
	Encoding string
	// ErrorType is the Go name of the error type generated for this
	// response (error responses only).
	ErrorType string
	// Shadowed says the switch over statuses must test this error
	// response itself (as an *oas.APIError when ErrorType is ""): a
	// success of its class (x-speakeasy-errors made "4XX" a result) would
	// otherwise take it.
	Shadowed bool
	// Field is this 2xx response's field in the operation's ResultType
	// (named from the status: Created, Accepted, Status2XX), "" when there
	// is no such struct or the response has no body. Pointer says the
	// field holds *T (structs, unions, scalars, text, streams) so that nil
	// tells the status did not come; slices, maps and oas.Nullable[T] say
	// it with their own zero value.
	Field   string
	Pointer bool
}

// Retry is an operation's retry policy (x-speakeasy-retries).
type Retry struct {
	StatusCodes      []int
	ConnectionErrors bool
	InitialInterval  int // ms
	MaxInterval      int // ms
	MaxElapsed       int // ms
	Exponent         float64
}

// SecuritySet is one list of credential requirements several operations
// share, held by the APIClient field Field.
type SecuritySet struct {
	Field    string
	Security []SecurityRequirement
}
