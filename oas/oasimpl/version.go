package oasimpl

// The runtime version guard, after protobuf-go's protoimpl.EnforceVersion.
// Every generated package declares, in its doc.gen.go,
//
//	const (
//		_ = oasimpl.GeneratedCodeTooOld_RegenerateIt(V - oasimpl.MinVersion)
//		_ = oasimpl.RuntimeTooOld_UpgradeOasgenInGoMod(oasimpl.MaxVersion - V)
//	)
//
// where V is the runtime version the generator wrote it for. Both types are
// unsigned, so a V outside [MinVersion, MaxVersion] is a negative constant
// that does not convert, and the build stops with the type's name as the
// message, e.g.
//
//	doc.gen.go:41:49: constant -1 overflows oasimpl.RuntimeTooOld_UpgradeOasgenInGoMod
//
// (the underscores are there so that the name reads as a sentence in that
// message). Nothing about it runs: the check costs nothing at run time.

// Version is the version of this package's API, the one the generator of the
// same module writes code for. It changes when generated code starts to call
// something new (MaxVersion moves with it) or stops calling something old
// (MinVersion may follow, and code generated before must be regenerated).
//
// 2: the page iterators (Paginate, Items, PageOptions, NextLink) and event
// streams (Events, EventOptions).
//
// 3: shared JSON helpers instead of code unrolled per field
// (DecodeOpt<Kind>, DecodeNullable<Kind>, DecodeStrings, FoldIndex,
// AppendSliceOf, AppendStrings); request bodies of any multipart subtype
// (NewMultipartOf), media ranges (CheckContentType), base64 content
// (EncodeContent) and text scalars (TextBody).
//
// 4: base64 response bodies decoded as they are read (DecodeContent).
//
// 5: MarshalJSON encodes into a pooled buffer (GetBuffer, Buffer);
// DecodeJSON guesses the next member by its name (Decoder.KeyIs).
//
// 6: DecodeJSON looks up a member name in a table (Fields) instead of a
// string switch per struct.
//
// 7: form bodies write a property in the style the spec's encoding gives it
// (EncodeForm's Params); a multipart part labelled as a form is one
// (Multipart.Form).
//
// 8: the literal query a spec writes into a path (/rest?method=x) is sent
// (Params.QueryLiteral).
//
// 9: generated methods wrap their errors with OpError instead of inlining
// fmt.Errorf.
//
// 10: ValidateInto reports a missing required member with one call
// (Validator.RequiredKey).
//
// 11: a plain scalar or time field is decoded with one call
// (DecodePlain<Kind>), which reports whether the member was null.
//
// 12: ParseWebhook tells webhooks that share a method apart by a member of
// the body (WebhookTag).
const Version = 12

// MinVersion is the oldest version of generated code this runtime still
// compiles with.
const MinVersion = 1

// MaxVersion is the newest version of generated code this runtime compiles
// with: code from a newer generator needs a newer runtime.
const MaxVersion = Version

// GeneratedCodeTooOld_RegenerateIt is the guard's first half: converting a
// negative constant to it fails, which happens when the code was generated
// for a runtime version older than MinVersion. Regenerate the package with
// the oasgen version your go.mod requires.
type GeneratedCodeTooOld_RegenerateIt uint

// RuntimeTooOld_UpgradeOasgenInGoMod is the guard's second half: converting
// a negative constant to it fails, which happens when the code was generated
// for a runtime version newer than MaxVersion. Require at least the oasgen
// version that generated the code in go.mod (go get
// github.com/oasgen/oasgen@<that version>).
type RuntimeTooOld_UpgradeOasgenInGoMod uint
