package plan

// Operation groups (x-speakeasy-group): sub-clients reached from APIClient
// (c.Accounts.List(ctx, …)), a dotted group nesting them
// (c.Accounts.Users.List). Without the extension nothing changes: every
// method stays on APIClient.

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
)

// Group is one sub-client.
type Group struct {
	Key string // the dotted group as the spec writes it, up to this level
	// Type is its Go type (<Path>Client), Field its field on the parent
	// (APIClient or the parent group), Parent nil for a top-level group.
	Type, Field string
	Parent      *Group
	// Ops are the operations whose methods it holds, in operation order;
	// Children its nested groups, in first appearance.
	Ops      []*Operation
	Children []*Group

	// pos and where are the x-speakeasy-group (or tag) that first named
	// it, for warnings about its names.
	pos   diag.Pos
	where string
}

// Selector is how a caller reaches the group from an APIClient value c:
// "Accounts.Users".
func (g *Group) Selector() string {
	if g.Parent == nil {
		return g.Field
	}
	return g.Parent.Selector() + "." + g.Field
}

// Selector is how a caller reaches the operation's method from an
// APIClient: "ListAccounts", or "Accounts.Users.List" in a group.
func (o *Operation) Selector() string {
	if o.Group == nil {
		return o.Name
	}
	return o.Group.Selector() + "." + o.Name
}

// planGroups reads x-speakeasy-group on each operation (dots nest), names
// each group's type and field, and the receiver of its methods.
func (p *planner) planGroups() {
	byKey := map[string]*Group{}
	var ensure func(key string) *Group
	ensure = func(key string) *Group {
		if g := byKey[key]; g != nil {
			return g
		}
		g := &Group{Key: key}
		parentKey, last := "", key
		if i := strings.LastIndex(key, "."); i >= 0 {
			parentKey, last = key[:i], key[i+1:]
			g.Parent = ensure(parentKey)
			g.Parent.Children = append(g.Parent.Children, g)
		} else {
			p.m.SDK.TopGroups = append(p.m.SDK.TopGroups, g)
		}
		g.Field = GoName(last)
		if g.Field == "" {
			g.Field = "Group"
		}
		byKey[key] = g
		p.m.SDK.Groups = append(p.m.SDK.Groups, g)
		return g
	}
	i := 0
	p.eachOperation(func(pth, method string, _ *openapi3.PathItem, op *openapi3.Operation) {
		o := p.m.Operations[i]
		i++
		v, ok := op.Extensions["x-speakeasy-group"].(string)
		if !ok && p.groupByTags && len(op.Tags) > 0 {
			// A tag is one group, whatever dots it holds.
			v, ok = strings.ReplaceAll(op.Tags[0], ".", " "), true
		}
		key := strings.Trim(v, ".")
		if !ok {
			return
		}
		where := "paths." + pth + "." + strings.ToLower(method) + ".x-speakeasy-group"
		pos := p.spec.Pos("paths", pth, strings.ToLower(method), "x-speakeasy-group")
		if key == "" || strings.Contains(key, "..") {
			p.warn(pos, where, "group %q names no group; %s stays a method of the client", v, o.Name)
			return
		}
		o.Group = ensure(key)
		for g := o.Group; g != nil && g.where == ""; g = g.Parent {
			g.pos, g.where = pos, where
		}
		o.Group.Ops = append(o.Group.Ops, o)
		o.Recv = "grp"
		for taken := true; taken; {
			taken = false
			for _, pr := range o.Params {
				if pr.Arg == o.Recv {
					o.Recv += "_"
					taken = true
				}
			}
		}
	})
	if len(p.m.SDK.Groups) == 0 {
		return
	}
	// A group's field differs from the methods and other groups of its
	// parent (Go refuses a field and a method of one name).
	parents := map[*Group]*namer{}
	namerOf := func(g *Group) *namer {
		if parents[g] == nil {
			parents[g] = newNamer()
			for _, o := range p.m.Operations {
				if o.Group == g {
					parents[g].claim(o.Name, "method")
				}
			}
		}
		return parents[g]
	}
	for _, g := range p.m.SDK.Groups {
		want := g.Field
		var renamed bool
		g.Field, renamed = namerOf(g.Parent).claim(want, "group "+g.Key)
		if renamed {
			p.warn(g.pos, g.where, "group %q: %s is already a method or group of its parent; the field is %s", g.Key, want, g.Field)
		}
		wantType := strings.ReplaceAll(g.Selector(), ".", "") + "Client"
		if g.Type, renamed = p.names.claim(wantType, "the client of group "+g.Key); renamed {
			p.warn(g.pos, g.where, "type name %s is already used; the client of group %q is %s", wantType, g.Key, g.Type)
		}
	}
}
