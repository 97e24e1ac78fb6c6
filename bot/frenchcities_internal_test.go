package bot

import (
	"testing"
	"time"
)

// TestFrenchCitiesLoad: every zone the French city names lead to is one
// the zone database has, and each name is written as cityKey folds it.
func TestFrenchCitiesLoad(t *testing.T) {
	for city, zone := range frenchCities {
		if _, err := time.LoadLocation(zone); err != nil {
			t.Errorf("%s: %s: %v", city, zone, err)
		}
		if cityKey(city) != city {
			t.Errorf("%q is not folded as cityKey folds it: %q", city, cityKey(city))
		}
	}
}
