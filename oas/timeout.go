package oas

// Timeouts: a bound on one call, retries and the waits between them
// included, set per client (Transport.Timeout) or per call (WithTimeout).
// A generated client whose user brings no http.Client uses DefaultTimeout,
// so a server that never answers cannot hang a call whose context has no
// deadline.

import (
	"context"
	"fmt"
	"time"
)

// DefaultTimeout bounds each call of a generated client built without an
// http.Client of the user's and without a timeout of its own.
const DefaultTimeout = 60 * time.Second

// WithTimeout bounds one call, retries included; d <= 0 takes the bound
// off (the context's deadline still applies).
func WithTimeout(d time.Duration) CallOption {
	return func(c *CallConfig) { c.Timeout, c.TimeoutSet = d, true }
}

// TimeoutError is a call that ran out of its timeout (After). It matches
// context.DeadlineExceeded under errors.Is, and is a net.Error-style
// timeout (Timeout() reports true).
type TimeoutError struct {
	After time.Duration
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("call timed out after %s", e.After)
}

// Is makes errors.Is(err, context.DeadlineExceeded) hold.
func (e *TimeoutError) Is(target error) bool { return target == context.DeadlineExceeded }

// Timeout reports true.
func (e *TimeoutError) Timeout() bool { return true }

// WithServerURL sends one call to server instead of the server the client
// chose for the operation (its own, its path's or the spec's): the
// operation's path and query go below server's path. server must be an
// absolute http(s) URL, checked as a generated client's Options.ServerURL
// is; otherwise the call fails without sending a request.
func WithServerURL(server string) CallOption {
	return func(c *CallConfig) { c.ServerURL = server }
}
