package plan

import (
	"go/build"
	"os"
	"path/filepath"
	"testing"
)

func TestGoName(t *testing.T) {
	for in, want := range map[string]string{
		"account_id":       "AccountID",
		"auth_link_url":    "AuthLinkURL",
		"origin_owner_id":  "OriginOwnerID",
		"statusCode":       "StatusCode",
		"HTTPServer":       "HTTPServer",
		"x-account-id":     "XAccountID",
		"2fa-code":         "X2faCode",
		"ids":              "IDs",
		"api_urls":         "APIURLs",
		"ConnectSession":   "ConnectSession",
		"hris-legacy":      "HrisLegacy",
		"already_JSON_api": "AlreadyJSONAPI",
		"日本":               "X日本",
		"":                 "",
		"--":               "",
		"+1":               "Plus1",
		"-1":               "Minus1",
		"-1_day":           "Minus1Day",
		"-foo":             "Foo",
		"+":                "",
	} {
		if got := GoName(in); got != want {
			t.Errorf("GoName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSnake(t *testing.T) {
	for in, want := range map[string]string{
		"ConnectSessionTokenAuthLink": "connect_session_token_auth_link",
		"AuthLinkURL":                 "auth_link_url",
		"HTTPServer2":                 "http_server2",
	} {
		if got := snake(in); got != want {
			t.Errorf("snake(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGoFileBaseEveryPlatform asks go/build itself whether the files of
// types named after every GOOS and GOARCH word are compiled on two
// platforms that differ in both: a name read as a constraint fails one.
func TestGoFileBaseEveryPlatform(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for _, m := range []map[string]bool{knownOS, knownArch} {
		for w := range m {
			names = append(names, "Thing_"+w, "Thing_"+w+"_test", "Linux_"+w)
		}
	}
	names = append(names, "Os_js_wasm", "Billable_windows", "Plan9", "Thing_test", "windows")
	for _, n := range names {
		f := goFileBase(n) + ".gen.go"
		if err := os.WriteFile(filepath.Join(dir, f), []byte("package p\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, p := range [][2]string{{"linux", "amd64"}, {"windows", "arm64"}} {
			ctx := build.Default
			ctx.GOOS, ctx.GOARCH = p[0], p[1]
			ok, err := ctx.MatchFile(dir, f)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				t.Errorf("type %s: file %s is not compiled on %s/%s", n, f, p[0], p[1])
			}
		}
	}
}
