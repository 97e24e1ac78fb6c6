package bot_test

import "testing"

// TestTopicsAcrossLanguages: in a bilingual network, a request typed in
// English reaches the mentor who offers the same topic under its French
// name, and the other way round: the built-in vocabulary knows the French
// names of its topics (« prise de parole » is "public speaking"), instead
// of telling the mentee that nobody offers it.
func TestTopicsAcrossLanguages(t *testing.T) {
	for _, tc := range []struct{ offer, request, want string }{
		{"offer prise de parole languages:en,fr", "request public speaking", "I've asked a mentor who fits your request on “public speaking”."},
		{"offer gestion de projets languages:en,fr", "request project management", "I've asked a mentor who fits your request on “project management”."},
		{"offer networks languages:en,fr", "demande réseaux", "j'ai sollicité un mentor qui correspond à votre demande sur «\u202fréseaux\u202f»."},
		{"offer data visualization languages:en,fr", "demande visualisation de données", "j'ai sollicité un mentor qui correspond à votre demande sur «\u202fvisualisation de données\u202f»."},
	} {
		t.Run(tc.request, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("bob", tc.offer)
			MustContain(t, h.Run("dave", tc.request), tc.want)
		})
	}
}
