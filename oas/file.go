package oas

import "io"

// File is a file sent as one part of a multipart body.
type File struct {
	// Name is the file name sent with the part; "" sends the part's name.
	Name string
	// ContentType is the part's Content-Type; "" uses the spec's for the
	// field, or application/octet-stream.
	ContentType string
	// Body is the file's content, read once when the call is made (the
	// whole body is built in memory so that retries replay it).
	Body io.Reader
}
