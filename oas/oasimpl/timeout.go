package oasimpl

// A call's timeout (oas.WithTimeout, Transport.Timeout) as Do applies it.

import (
	"context"
	"io"
	"time"

	"github.com/oasgen/oasgen/oas"
)

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
		ctx, cancel := context.WithTimeoutCause(ctx, d, &oas.TimeoutError{After: d})
		return ctx, func(*Response) { cancel() }
	}
	ctx, cancel := context.WithCancelCause(ctx)
	timer := time.AfterFunc(d, func() { cancel(&oas.TimeoutError{After: d}) })
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
