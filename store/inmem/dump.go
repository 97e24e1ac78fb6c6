package inmem

import (
	"fmt"
	"reflect"
	"sort"
)

// Dump returns everything the store holds, one line per entry ("<tenant>
// <field> <key>: <value>"), sorted. It is for tests: a test proves that an
// erased member is nowhere by finding none of their IDs or names in it.
// It walks every field of a workspace's data by reflection, so a field
// added later is dumped too.
func (s *Store) Dump() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for t := range s.known {
		out = append(out, fmt.Sprintf("tenants: %v", t))
	}
	for name, exp := range s.locks {
		out = append(out, fmt.Sprintf("locks %s: %v", name, exp))
	}
	for t, sp := range s.spaces {
		v := reflect.ValueOf(sp).Elem()
		for i := range v.NumField() {
			f, name := v.Field(i), v.Type().Field(i).Name
			if f.Kind() != reflect.Map {
				out = append(out, fmt.Sprintf("%v %s: %+v", t, name, f))
				continue
			}
			for it := f.MapRange(); it.Next(); {
				out = append(out, fmt.Sprintf("%v %s %v: %+v", t, name, it.Key(), it.Value()))
			}
		}
	}
	sort.Strings(out)
	return out
}
