package stackone_test

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestOperationPageLayout: the operation page has the vendor SDK's layout
// (title, receiver, overview, the list of operations, then per operation
// its example, parameters, response and errors), and each snippet on it
// is, qualifiers aside, the body of the Example function go test compiles.
func TestOperationPageLayout(t *testing.T) {
	page, err := os.ReadFile("docs/sdks/connectsessions/README.md")
	if err != nil {
		t.Fatal(err)
	}
	examples, err := os.ReadFile("examples.gen_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, l := range strings.Split(string(page), "\n") {
		if strings.HasPrefix(l, "#") {
			headings = append(headings, l)
		}
	}
	var want []string
	want = append(want, "# ConnectSessions", "## Overview", "### Available Operations")
	for _, op := range []string{"CreateConnectSession", "AuthenticateConnectSession"} {
		want = append(want, "## "+op, "### Example Usage", "### Parameters", "### Response", "### Errors")
	}
	if !reflect.DeepEqual(headings, want) {
		t.Errorf("headings\n%s\nwant\n%s", strings.Join(headings, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(string(page), "# ConnectSessions\n(*APIClient*)\n") {
		t.Error("the title is not followed by the receiver")
	}
	for _, row := range []string{
		"| `body` | [stackone.ConnectSessionCreate](../../models/connectsessioncreate.md) | :heavy_check_mark: |",
		"**\\*[stackone.ConnectSessionTokenAuthLink](../../models/connectsessiontokenauthlink.md), error**",
		"| stackone.BadRequestResponseError | 400 | application/json |",
		"| stackone.APIError | 4XX, 5XX | \\*/\\* |",
	} {
		if !strings.Contains(string(page), row) {
			t.Errorf("the page lacks %q", row)
		}
	}
	mains := regexp.MustCompile("(?s)func main\\(\\) \\{\n(.*?)\n\\}\n```").FindAllStringSubmatch(string(page), -1)
	funcs := regexp.MustCompile(`(?s)func (ExampleAPIClient_\w+)\(\) \{\n(.*?)\n\}\n`).FindAllStringSubmatch(string(examples), -1)
	if len(mains) != 2 || len(funcs) != 2 {
		t.Fatalf("%d snippets, %d Example functions; want 2 of each", len(mains), len(funcs))
	}
	for i := range mains {
		if got := strings.ReplaceAll(mains[i][1], "stackone.", ""); got != funcs[i][2] {
			t.Errorf("snippet %d differs from %s:\n%s\n---\n%s", i, funcs[i][1], got, funcs[i][2])
		}
	}
}
