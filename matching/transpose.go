package matching

// The solver adds the nodes of one side one at a time, and a search ends
// at the first free node of the other side. When needs outnumber free
// slots, most needs end unmatched and each new need must search far to
// displace one; the round is then solved transposed: mentor slots are
// added one at a time, and their searches end at once at one of the many
// unmatched needs. The weights, hence the optimum, are the same.

// transposed is the table of a round seen from the mentor slots: slot s
// belongs to mentor owner[s]; the slots of a mentor share its arcs, which
// go to needs (the "mentor" field of arc holds the need) with the weights
// of the need-side table.
type transposed struct {
	t     arcTable
	w     []int64
	owner []int32
	first []int32 // first slot of each mentor; its slots are first[j]:first[j+1]
}

func transpose(t *arcTable, w []int64, mps []mentorProfile, nNeeds int) transposed {
	deg := make([]int32, len(mps))
	for _, a := range t.arcs {
		deg[a.mentor]++
	}
	// Arcs of each mentor, in need order, as offsets into a mentor CSR.
	mstart := make([]int32, len(mps)+1)
	tr := transposed{first: make([]int32, len(mps)+1)}
	for j := range mps {
		mstart[j+1] = mstart[j] + deg[j]
		slots := int32(0)
		if deg[j] > 0 {
			slots = int32(min(mps[j].slots(), nNeeds))
		}
		tr.first[j+1] = tr.first[j] + slots
	}
	marcs := make([]arc, len(t.arcs))
	mw := make([]int64, len(t.arcs))
	fill := append([]int32(nil), mstart[:len(mps)]...)
	for i := range nNeeds {
		for x := t.start[i]; x < t.end[i]; x++ {
			a := t.arcs[x]
			marcs[fill[a.mentor]] = arc{mentor: int32(i), met: a.met, key: a.key}
			mw[fill[a.mentor]] = w[x]
			fill[a.mentor]++
		}
	}
	nSlots := tr.first[len(mps)]
	tr.owner = make([]int32, nSlots)
	tr.t = arcTable{arcs: marcs, start: make([]int32, nSlots), end: make([]int32, nSlots)}
	tr.w = mw
	for j := range mps {
		for s := tr.first[j]; s < tr.first[j+1]; s++ {
			tr.owner[s] = int32(j)
			tr.t.start[s], tr.t.end[s] = mstart[j], mstart[j+1]
		}
	}
	return tr
}
