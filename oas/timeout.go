package oas

// Timeouts: a bound on one call, retries and the waits between them
// included, set per client (Transport.Timeout) or per call (WithTimeout).
// A generated client whose user brings no http.Client uses DefaultTimeout,
// so a server that never answers cannot hang a call whose context has no
// deadline.

import (
	"context"
	"fmt"
	"io"
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

// withTimeout bounds ctx by d (no bound when d <= 0). The call runs under
// the returned context; done must be called with the call's response (nil
// when none) once Do has it. A call's deadline is visible to Do (a retry
// whose wait would pass it is not waited for), except for a call that may
// stream its 2xx: that one is bound until the response's head arrived,
// from then on only by the caller's context, and closing the streamed body
// releases the context.
func withTimeout(ctx context.Context, d time.Duration, stream bool) (context.Context, func(*Response)) {
	if d <= 0 {
		return ctx, func(*Response) {}
	}
	if !stream {
		ctx, cancel := context.WithTimeoutCause(ctx, d, &TimeoutError{After: d})
		return ctx, func(*Response) { cancel() }
	}
	ctx, cancel := context.WithCancelCause(ctx)
	timer := time.AfterFunc(d, func() { cancel(&TimeoutError{After: d}) })
	return ctx, func(r *Response) {
		timer.Stop()
		if r != nil && r.stream != nil {
			r.stream = &cancelOnClose{ReadCloser: r.stream, cancel: func() { cancel(nil) }}
			return
		}
		cancel(nil)
	}
}

// cancelOnClose releases a call's context when its streamed body closes.
type cancelOnClose struct {
	io.ReadCloser
	cancel func()
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}
