package bot

import (
	"testing"
	"time"
)

// TestFrenchCitiesLoad: every zone the French city names, and the big
// cities no zone is named after, lead to is one the zone database has,
// each name is written as cityKey folds it, and no big city is one the
// database names already (which would be read first).
func TestFrenchCitiesLoad(t *testing.T) {
	for _, set := range []struct {
		cities map[string]string
		big    bool
	}{{frenchCities, false}, {bigCities, true}} {
		for city, zone := range set.cities {
			if _, err := time.LoadLocation(zone); err != nil {
				t.Errorf("%s: %s: %v", city, zone, err)
			}
			if cityKey(city) != city {
				t.Errorf("%q is not folded as cityKey folds it: %q", city, cityKey(city))
			}
			if zones := cityZones()[city]; set.big && len(zones) > 0 {
				t.Errorf("%q names %v in the database already", city, zones)
			}
		}
	}
}
