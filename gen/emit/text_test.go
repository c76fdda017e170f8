package emit

import "testing"

func TestDocComment(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"OriginUsername", "The origin username", "OriginUsername is the origin username"},
		{"ExpiresIn", "How long the session should be valid for in seconds", "ExpiresIn is how long the session should be valid for in seconds"},
		{"LogoURL", "URL of the square logo", "LogoURL is URL of the square logo"},
		{"Provider", "StackOne provider key", "Provider is StackOne provider key"},
		{"Name", "Name of the pet.", "Name of the pet."},
		{"Order", "An order", "Order is an order"},
		{"X", "  ", ""},
		{"X", "line one\nline two", "X is line one\nline two"},
		{"X", "tab\there\u2028sep\x00", "X is tab here sep"},
	} {
		if got := docComment(tt.name, tt.text); got != tt.want {
			t.Errorf("docComment(%q, %q) = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestExampleCell(t *testing.T) {
	for js, want := range map[string]string{
		``:                    ``,
		`"hibob"`:             `hibob`,
		`["ats","hris"]`:      `["ats","hris"]`,
		`"a|b"`:               `a\|b`,
		`{"k":"line\nbreak"}`: `{"k":"line\nbreak"}`,
		`1800`:                `1800`,
		`"two\nlines"`:        `two lines`,
	} {
		if got := exampleCell(js); got != want {
			t.Errorf("exampleCell(%s) = %q, want %q", js, got, want)
		}
	}
}

func TestArticle(t *testing.T) {
	for w, want := range map[string]string{
		"anyOf": "an", "oneOf": "a", "allOf": "an", "object": "an", "Owner": "an", "Error": "an",
		"OSJsWasm": "an", "HTTPHeader": "an", "SDKConfig": "an", "XMLDoc": "an", "User": "a", "UserID": "a",
		"URL": "a", "UUIDValue": "a", "Pet": "a", "Item": "an", "Uniform": "a", "Order": "an", "Hour": "an",
		"OneTimeCode": "a", "ConnectSession": "a", "Umbrella": "an", "X": "a", "": "a",
	} {
		if got := article(w); got != want {
			t.Errorf("article(%q) = %q, want %q", w, got, want)
		}
	}
}
