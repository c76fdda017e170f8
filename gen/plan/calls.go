package plan

import (
	"strconv"
	"strings"
)

// planCalls names each call's package-level template (after the event
// openers got their method names) and shares the operations' credential
// requirements among those that have the same.
func (p *planner) planCalls() {
	sets := map[string]*SecuritySet{}
	each := func(o *Operation) {
		o.CallVar = "op" + o.Name
		if len(o.Security) == 0 {
			return
		}
		key := securityKey(o.Security)
		s := sets[key]
		if s == nil {
			s = &SecuritySet{Field: "sec" + strconv.Itoa(len(p.m.SecuritySets)+1), Security: o.Security}
			sets[key] = s
			p.m.SecuritySets = append(p.m.SecuritySets, s)
		}
		o.SecurityField = s.Field
	}
	for _, o := range p.m.Operations {
		each(o)
		if o.Events != nil && o.Events.Opener != nil {
			each(o.Events.Opener)
		}
	}
}

// securityKey identifies a list of requirements: its schemes and scopes,
// in order.
func securityKey(reqs []SecurityRequirement) string {
	var b strings.Builder
	for _, r := range reqs {
		b.WriteString("|")
		for _, u := range r {
			b.WriteString(u.Scheme.Name + "\x00" + strings.Join(u.Scopes, "\x00") + "\x01")
		}
	}
	return b.String()
}
