// Package oasimpl is the part of the oasgen runtime that only generated code
// calls. It is not for use by hand, and it makes no compatibility promise:
// any name here may change in any release, together with the generator
// that writes the calls. Programs use package
// [github.com/oasgen/oasgen/oas] and the generated package instead.
//
// Generated method signatures mention a few of these types (a model's
// DecodeJSON(*Decoder) and ValidateInto(*Validator, *Path)); they are there
// so that generated packages can call each other's code, not to be called.
//
// # Version guard
//
// Every generated package declares, in its doc.gen.go, a constant that
// converts its runtime version minus [MinVersion], and [MaxVersion] minus
// it, to unsigned types. Code generated for a version this runtime does not
// support fails to compile, and the message names what to do:
//
//	constant -1 overflows oasimpl.RuntimeTooOld_UpgradeOasgenInGoMod
//	constant -1 overflows oasimpl.GeneratedCodeTooOld_RegenerateIt
//
// [Version] is the version the generator of this module writes.
//
// # JSON
//
// Generated models encode and decode without reflection. [Decoder] reads
// one document in a single pass (objects, arrays, scalars, times, base64,
// raw values kept verbatim) and reports the first error as an
// *oas.JSONError with its offset and path; [FoldKey] and [FoldName] fold a
// member name as encoding/json matches names case-insensitively;
// [Discriminator] reads a union's discriminator without decoding the rest.
// The Append functions ([AppendString], [AppendInt], [AppendFloat64],
// [AppendTime], [AppendRaw], ...) write the bytes encoding/json would, and
// [ErrUnsupportedFloat] is NaN or an infinity.
//
// # Validation
//
// A model's ValidateInto records every broken constraint in a [Validator]
// at a [Path] built on the stack, so a valid value allocates nothing; the
// generic helpers ([IntMinimum], [IntMaximum], [IntMultipleOf],
// [UniqueItems]) and [FormatOK], [ValidOK], [SortedKeys] serve it, and
// Validator.Err turns what was recorded into an *oas.ValidationError.
//
// # Calls
//
// A generated client holds a [Transport] (the HTTP client, user agent,
// hooks, body limit) and one [Call] per operation (method, security,
// retry policy), filled in per call with the URL ([JoinURL], [Params] with
// each [Param]'s [Style]) and the body ([Encode], [EncodeForm],
// [Multipart]). Transport.Do sends it, with the hooks, credentials and
// retries the oas package describes, and returns a [Response]; the method
// then decodes it ([DecodeJSON], [DecodeValue], [DecodeText], [StreamOf])
// or builds the documented error ([DecodeErrorResponse], [NewAPIError]).
//
// # Credentials
//
// NewAPIClient builds one [Authorizer] per security scheme from the
// Options field named after it ([AuthBasic], [AuthBearer], [AuthHTTP],
// [AuthAPIKey], [AuthOAuth2] with the scheme's [OAuth2Spec]); each Call
// lists its alternatives as [Requirement] values of [AuthUse].
//
// # Webhooks
//
// [ReadWebhook] reads and checks the body of a request a generated
// ParseWebhook received (capped at oas.MaxWebhookBytes, JSON media types
// only), [WebhookPayloadError] and [UnknownWebhook] make its
// *oas.WebhookError, and [ServeWebhook] is the body of the generated
// webhook handler.
package oasimpl
