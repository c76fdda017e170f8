package patch

// Run against the generated package by gen's TestEndToEnd: requests carry
// only what the caller set, defaults are read without being sent, and the
// decoder reports required members a response left out.

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

// server answers with reply and records the bodies it received.
func server(t *testing.T, status int, reply string) (*APIClient, *[]string) {
	t.Helper()
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, r.Method+" "+r.URL.Path+" "+string(b))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, reply)
	}))
	t.Cleanup(srv.Close)
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c, &bodies
}

// TestPatchSendsOnlyWhatWasSet: updating the description of a repository
// must not reset the eleven settings that have defaults.
func TestPatchSendsOnlyWhatWasSet(t *testing.T) {
	c, bodies := server(t, 200, `{"id":1,"name":"r","private":true,"stars":0,"description":"new"}`)
	body := NewRepoUpdate()
	body.Description.Set("new")
	repo, err := c.UpdateRepo(context.Background(), "o", "r", body)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{`PATCH /repos/o/r {"description":"new"}`}; !reflect.DeepEqual(*bodies, want) {
		t.Errorf("sent %q\nwant %q", *bodies, want)
	}
	// Decoding leaves absent fields absent; the getter gives the default.
	if repo.HasIssues.IsSet() || !repo.HasIssuesOrDefault() {
		t.Errorf("has_issues = %+v, default %v", repo.HasIssues, repo.HasIssuesOrDefault())
	}
}

// TestPostSendsRequiredOnly: a constructor takes the required fields in the
// order the spec lists them (owner, name, auto_init) and sets nothing else;
// false and "" are values and are sent.
func TestPostSendsRequiredOnly(t *testing.T) {
	c, bodies := server(t, 201, `{"id":1,"name":"","private":false,"stars":0}`)
	if _, err := c.CreateRepo(context.Background(), NewRepoCreate("o", "", false)); err != nil {
		t.Fatal(err)
	}
	if want := []string{`POST /repos {"auto_init":false,"name":"","owner":"o"}`}; !reflect.DeepEqual(*bodies, want) {
		t.Errorf("sent %q\nwant %q", *bodies, want)
	}
}

// TestApplyDefaults: the defaults are sent when asked for, and each getter
// returns the default until the field is set.
func TestApplyDefaults(t *testing.T) {
	u := NewRepoUpdate()
	if u.VisibilityOrDefault() != VisibilityPublic || u.DefaultBranchOrDefault() != "main" || !u.HasWikiOrDefault() ||
		!reflect.DeepEqual(u.TopicsOrDefault(), []string{"go", "api"}) ||
		!reflect.DeepEqual(u.MergeWeightsOrDefault(), map[string]int64{"squash": 2, "merge": 1}) ||
		!u.ArchivedAtOrDefault().Equal(time.Date(2024, 1, 2, 2, 4, 5, 0, time.UTC)) ||
		string(u.SeedOrDefault()) != "hi" || u.RatioOrDefault() != 0.5 {
		t.Errorf("getters: %v %q %v %v %v %v %q %v", u.VisibilityOrDefault(), u.DefaultBranchOrDefault(), u.HasWikiOrDefault(),
			u.TopicsOrDefault(), u.MergeWeightsOrDefault(), u.ArchivedAtOrDefault(), u.SeedOrDefault(), u.RatioOrDefault())
	}
	u.HasWiki.Set(false)
	u.Ratio.SetNull()
	if u.HasWikiOrDefault() {
		t.Error("HasWikiOrDefault ignores the value set")
	}
	u.ApplyDefaults()
	out, _ := json.Marshal(u)
	want := `{"private":false,"visibility":"public","has_issues":true,"has_projects":true,"has_wiki":false,"is_template":false,` +
		`"default_branch":"main","allow_squash_merge":true,"allow_merge_commit":true,"delete_branch_on_merge":false,` +
		`"topics":["go","api"],"merge_weights":{"merge":1,"squash":2},"archived_at":"2024-01-02T02:04:05Z","seed":"aGk=","ratio":null}`
	var got, exp map[string]any
	if json.Unmarshal(out, &got) != nil || json.Unmarshal([]byte(want), &exp) != nil || !reflect.DeepEqual(got, exp) {
		t.Errorf("after ApplyDefaults\n got %s\nwant %s", out, want)
	}
}

// TestRequiredMeansPresent: a response that leaves out required members is
// reported by Validate; one with "", 0 and false is valid.
func TestRequiredMeansPresent(t *testing.T) {
	var r Repo
	if err := json.Unmarshal([]byte(`{"id":0,"name":"","private":false,"stars":0}`), &r); err != nil {
		t.Fatal(err)
	}
	if err := r.Validate(); err != nil {
		t.Errorf("zero values are values: %v", err)
	}
	// Left out, or null where the field cannot hold it: missing.
	var fresh Repo
	if err := json.Unmarshal([]byte(`{"id":1,"private":null}`), &fresh); err != nil {
		t.Fatal(err)
	}
	var verr *oas.ValidationError
	if err := fresh.Validate(); !errors.As(err, &verr) || err.Error() != "Repo is invalid: name: required; private: required; stars: required" {
		t.Errorf("Validate() = %v", err)
	}
	// Set since: no longer missing.
	fresh.Name, fresh.Private, fresh.Stars = "n", true, 3
	if err := fresh.Validate(); err != nil {
		t.Errorf("Validate() after setting = %v", err)
	}
}
