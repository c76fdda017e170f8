// Command connect-session creates a StackOne connect session with the
// generated client and prints its auth link URL.
//
//	STACKONE_API_KEY=... go run ./examples/connect-session -server URL [-owner-id ID] [-owner-name NAME]
//
// Without -server it talks to the spec's server (https://api.stackone.com).
// Exit codes: 0 ok, 1 the call failed, 2 bad flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/oasgen/oasgen/generated/stackone"
	"github.com/oasgen/oasgen/oas"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("connect-session", flag.ContinueOnError)
	fs.SetOutput(stderr)
	server := fs.String("server", stackone.DefaultServerURL, "API base URL")
	ownerID := fs.String("owner-id", "example-owner", "origin owner identifier (your customer's id)")
	ownerName := fs.String("owner-name", "Example Inc", "origin owner name")
	provider := fs.String("provider", "", "provider to connect to (optional)")
	timeout := fs.Duration("timeout", 30*time.Second, "give up after this long, retries included")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: connect-session [flags]\n\nCreates a connect session and prints its auth link URL.\nThe API key is read from $%s.\n\n", stackone.EnvAPIKey)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "connect-session: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	// The spec allows "" (it sets no minLength), so Validate would let an
	// empty owner through; an empty customer id is still a mistake here.
	if *ownerID == "" || *ownerName == "" {
		fmt.Fprintln(stderr, "connect-session: -owner-id and -owner-name must not be empty")
		return 2
	}
	// The credentials come from the environment, which the client reads
	// only because we ask it to here.
	opts := stackone.OptionsFromEnv()
	opts.ServerURL = *server
	client, err := stackone.NewAPIClient(opts)
	if err != nil {
		fmt.Fprintln(stderr, "connect-session:", err)
		return 2
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()

	req := stackone.NewConnectSessionCreate(*ownerID, *ownerName)
	if *provider != "" {
		req.Provider.Set(*provider)
	}
	session, err := client.CreateConnectSession(ctx, req)
	if err != nil {
		fmt.Fprintln(stderr, "connect-session:", describe(err))
		return 1
	}
	fmt.Fprintln(stdout, session.AuthLinkURL)
	return 0
}

// describe adds what the typed errors know to the message.
func describe(err error) string {
	var (
		verr    *oas.ValidationError
		unauth  *stackone.UnauthorizedResponseError
		missing *stackone.MissingCredentialsError
		api     *stackone.APIError
	)
	switch {
	case errors.As(err, &verr):
		return "invalid request: " + err.Error()
	case errors.As(err, &missing):
		return fmt.Sprintf("no API key: set $%s", stackone.EnvAPIKey)
	case errors.As(err, &unauth):
		return fmt.Sprintf("%v (is $%s set to a valid API key?)", err, stackone.EnvAPIKey)
	case errors.As(err, &api):
		return fmt.Sprintf("%v [HTTP %d]", err, api.StatusCode)
	}
	return err.Error()
}
