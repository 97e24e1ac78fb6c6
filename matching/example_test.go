package matching_test

import (
	"fmt"

	"github.com/mentorbot/mentorbot/matching"
)

func ExampleRank() {
	need := matching.Need{
		ID: "req-1", MenteeID: "ana", Topic: "K8s", Kind: matching.OneToOne,
		Languages: []string{"fr", "en"}, UTCOffset: 1 * 3600, Years: 2,
	}
	mentors := []matching.Mentor{
		{ID: "bob", Topics: []string{"Kubernetes operators"}, Languages: []string{"en"}, UTCOffset: -5 * 3600, Years: 9, Capacity: 2},
		{ID: "chloe", Topics: []string{"kubernetes"}, Languages: []string{"fr"}, UTCOffset: 2 * 3600, Years: 6, Capacity: 1},
		{ID: "dan", Topics: []string{"rust"}, Languages: []string{"en"}, Capacity: 3},
	}
	for _, c := range matching.Rank(need, mentors, matching.DefaultOptions()) {
		fmt.Printf("%s %.3f\n", c.MentorID, c.Score.Total)
		for _, r := range c.Reasons {
			fmt.Printf("  %+v\n", r)
		}
	}
	fmt.Printf("%+v\n", matching.Explain(need, mentors, matching.DefaultOptions()))
	// Output:
	// chloe 0.983
	//   {Code:topic Detail:kubernetes Hours:0 Years:0 Exact:true Days:0 MenteeYears:0}
	//   {Code:language Detail:fr Hours:0 Years:0 Exact:false Days:0 MenteeYears:0}
	//   {Code:timezone Detail: Hours:1 Years:0 Exact:false Days:0 MenteeYears:0}
	//   {Code:kind Detail:one-to-one Hours:0 Years:0 Exact:false Days:0 MenteeYears:0}
	//   {Code:experience Detail:senior Hours:0 Years:6 Exact:false Days:0 MenteeYears:0}
	// bob 0.700
	//   {Code:topic Detail:Kubernetes operators Hours:0 Years:0 Exact:false Days:0 MenteeYears:0}
	//   {Code:language Detail:en Hours:0 Years:0 Exact:false Days:0 MenteeYears:0}
	//   {Code:timezone Detail: Hours:6 Years:0 Exact:false Days:0 MenteeYears:0}
	//   {Code:kind Detail:one-to-one Hours:0 Years:0 Exact:false Days:0 MenteeYears:0}
	//   {Code:experience Detail:senior Hours:0 Years:9 Exact:false Days:0 MenteeYears:0}
	// {Eligible:2 NoTopic:1 Self:0 Excluded:0 NotAgain:0 Paired:0 Paused:0 NoLanguage:0 KindMismatch:0 NotLessSenior:0 NoCapacity:0 TooFar:0 OtherProgram:0}
}

func ExampleAssign() {
	needs := []matching.Need{
		{ID: "req-1", MenteeID: "ana", Topic: "go"},
		{ID: "req-2", MenteeID: "ben", Topic: "rust"},
	}
	mentors := []matching.Mentor{
		{ID: "xavier", Topics: []string{"go", "rust"}, Capacity: 1},
		{ID: "yuko", Topics: []string{"golang"}, Capacity: 1, UTCOffset: 2 * 3600},
	}
	for _, a := range matching.Assign(needs, mentors, matching.DefaultOptions()) {
		fmt.Println(a.NeedID, "->", a.Candidate.MentorID)
	}
	// Output:
	// req-1 -> yuko
	// req-2 -> xavier
}
