package matching

import (
	"fmt"
	"sync"
	"testing"
)

// TestFoldedTopicsCache: from many goroutines at once, each topic folds
// as NormalizeTopic does, a topic looked up often ends up in the map read
// without a lock, and the cache never holds more than maxFoldedTopics.
func TestFoldedTopicsCache(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 3000 {
				raw := fmt.Sprintf("Développement %d", (i*7+g)%500)
				if got, want := foldedTopic(raw), newTopic(raw); got != want {
					t.Errorf("foldedTopic(%q) = %+v, want %+v", raw, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	for range 2000 {
		foldedTopic("Développement 1")
	}
	if m := foldedTopics.read.Load(); m == nil {
		t.Fatal("nothing published")
	} else if _, ok := (*m)["Développement 1"]; !ok {
		t.Fatal("a topic looked up 2,000 times is still not in the map read without a lock")
	}
	for i := range maxFoldedTopics + 5000 {
		foldedTopic(fmt.Sprintf("topic %d", i))
	}
	foldedTopics.mu.Lock()
	n := len(*foldedTopics.read.Load()) + len(foldedTopics.dirty)
	foldedTopics.mu.Unlock()
	if n > maxFoldedTopics+maxFoldedTopics/16+1 {
		t.Fatalf("the cache holds %d topics, want about %d at most", n, maxFoldedTopics)
	}
}
