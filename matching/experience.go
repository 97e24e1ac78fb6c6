package matching

// Experience descriptions used in ReasonExperience.Detail.
const (
	ExperienceSimilar = "similar" // years within 2 (peer) or equal
	ExperienceJunior  = "junior"  // the mentor has fewer years than the mentee
	ExperienceSenior  = "senior"  // the mentor has more years than the mentee
)

// kindFit scores how the mentor's and mentee's years of experience suit
// the kind; years <= 0 are unknown.
//
//   - Peer: |diff| <= 2 → 1, <= 5 → .6, else .2; unknown → .5.
//   - Reverse: mentor less senior → 1; unknown → .5 (a mentor who is not
//     less senior is rejected by reverseAllowed before scoring).
//   - Flash, OneToOne and any other kind: mentor more senior → 1,
//     equal or less → .5; unknown → .7.
func kindFit(k Kind, mentorYears, menteeYears int) float64 {
	known := mentorYears > 0 && menteeYears > 0
	diff := mentorYears - menteeYears
	switch k {
	case Peer:
		switch {
		case !known:
			return 0.5
		case abs(diff) <= 2:
			return 1
		case abs(diff) <= 5:
			return 0.6
		}
		return 0.2
	case Reverse:
		if !known {
			return 0.5
		}
		return 1
	}
	switch {
	case !known:
		return 0.7
	case diff > 0:
		return 1
	}
	return 0.5
}

// reverseAllowed reports whether the experience rule of the kind lets the
// mentor in: for Reverse, a mentor with known years must have fewer than a
// mentee with known years.
func reverseAllowed(k Kind, mentorYears, menteeYears int) bool {
	if k != Reverse || mentorYears <= 0 || menteeYears <= 0 {
		return true
	}
	return mentorYears < menteeYears
}

// experienceDetail describes the mentor's experience relative to the
// mentee's; ok is false when either is unknown.
func experienceDetail(k Kind, mentorYears, menteeYears int) (detail string, ok bool) {
	if mentorYears <= 0 || menteeYears <= 0 {
		return "", false
	}
	diff := mentorYears - menteeYears
	switch {
	case k == Peer && abs(diff) <= 2, diff == 0:
		return ExperienceSimilar, true
	case diff < 0:
		return ExperienceJunior, true
	}
	return ExperienceSenior, true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
