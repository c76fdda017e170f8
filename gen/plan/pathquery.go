package plan

// Paths that carry more than a path. OpenAPI says a path key holds no query
// string, yet real specs write one: Flickr's operations are
// /rest?method=flickr.photos.search and the like (one path, told apart by
// the pair), Weatherbit's /alerts?lat={lat}&lon={lon} declares lat and lon
// "in: path". And APIs.guru's copies of AWS specs add a fragment to tell
// operations on one path apart (/#Action=RunInstances,
// /tags/{arn}#tagKeys), naming a parameter the operation declares. A client
// that sent the whole key as the path would put the pairs into the path
// (escaped) or, parsed as a URL, lose them: the server never sees them.

import (
	"net/url"
	"strings"

	"github.com/oasgen/oasgen/gen/diag"
)

// splitPathKey splits a path key into the path, the query after "?" and
// the fragment after "#" (each without its mark).
func splitPathKey(key string) (path, query, fragment string) {
	path, fragment, _ = strings.Cut(key, "#")
	path, query, _ = strings.Cut(path, "?")
	return path, query, fragment
}

// planPathQuery sets o.URLPath and o.QueryLiteral from o.Path: a pair
// after "?" whose value is a path parameter ({lat}) sends that parameter
// in the query under the pair's name (Param.QueryKey); the other pairs are
// sent as written (escaped where the spec did not). A fragment is not sent
// (HTTP requests carry none): a warning says so unless it names a
// parameter the operation declares, as AWS's do.
func (p *planner) planPathQuery(o *Operation, where string, pos diag.Pos) {
	path, query, fragment := splitPathKey(o.Path)
	o.URLPath = path
	if fragment != "" {
		name, _, _ := strings.Cut(fragment, "=")
		declared := false
		for _, pr := range o.Params {
			if strings.EqualFold(pr.Name, name) {
				declared = true
			}
		}
		if !declared {
			p.warn(pos, where, "the path's fragment %q is not sent: HTTP requests carry no fragment", "#"+fragment)
		}
	}
	if query == "" {
		return
	}
	pathParams := map[string]*Param{}
	for _, pr := range o.Params {
		if pr.In == "path" {
			pathParams[pr.Name] = pr
		}
	}
	var literal []string
	for pair := range strings.SplitSeq(query, "&") {
		if pair == "" {
			continue
		}
		k, v, hasValue := strings.Cut(pair, "=")
		if name, ok := strings.CutPrefix(v, "{"); ok && strings.HasSuffix(name, "}") && !strings.ContainsAny(name[:len(name)-1], "{}") {
			name = name[:len(name)-1]
			pr := pathParams[name]
			if pr == nil {
				// Not declared: a query parameter of the pair's name is
				// sent anyway, or oapiOperation takes it as a string
				// sent under the pair's name.
				continue
			}
			if pr.QueryKey != "" || strings.Contains(path, "{"+name+"}") {
				p.warn(pos, where, "the query %q in the path names %q, a path parameter the path or another pair uses already; the pair is not sent", "?"+query, "{"+name+"}")
				continue
			}
			pr.QueryKey = unescapeQuery(k)
			pr.Style, pr.Explode = "form", true
			continue
		}
		if strings.ContainsAny(pair, "{}") {
			p.warn(pos, where, "the query %q in the path has %q, which is neither a literal pair nor name={parameter}; it is not sent", "?"+query, pair)
			continue
		}
		lit := url.QueryEscape(unescapeQuery(k))
		if hasValue {
			lit += "=" + url.QueryEscape(unescapeQuery(v))
		}
		literal = append(literal, lit)
	}
	o.QueryLiteral = strings.Join(literal, "&")
}

// queryKeyOf is the name of the pair the path key's query gives {name}
// as its value (lat for ?lat={lat}), and whether there is one.
func queryKeyOf(key, name string) (string, bool) {
	_, query, _ := splitPathKey(key)
	for pair := range strings.SplitSeq(query, "&") {
		if k, v, _ := strings.Cut(pair, "="); v == "{"+name+"}" {
			return unescapeQuery(k), true
		}
	}
	return "", false
}

// declaredQuery reports whether o declares a query parameter name.
func declaredQuery(o *Operation, name string) bool {
	for _, pr := range o.Params {
		if pr.In == "query" && pr.Name == name {
			return true
		}
	}
	return false
}

// pathKeyName is what an operation without an ID is named after besides
// its method: its path key, with a query's name={parameter} pairs as
// their names (/alerts?lat={lat}&lon={lon} → /alerts?lat&lon: GetAlertsLatLon,
// not GetAlertsLatLatLonLon).
func pathKeyName(key string) string {
	path, query, _ := splitPathKey(key)
	if query == "" {
		return key
	}
	pairs := strings.Split(query, "&")
	for i, pair := range pairs {
		if k, v, _ := strings.Cut(pair, "="); strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}") {
			pairs[i] = k
		}
	}
	return path + "?" + strings.Join(pairs, "&")
}

// unescapeQuery undoes the query escaping s has, if any: the spec may
// write a pair escaped or not.
func unescapeQuery(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}
