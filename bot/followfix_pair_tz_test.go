package bot_test

import "testing"

// TestAdminPairTimezoneMinutes: a manager's pair beyond max-tz-hours is
// warned about with the exact distance, as the matcher's reasons say it:
// Kolkata and Tokyo are "3 hours 30 minutes apart" (4 h rounded, which
// max-tz-hours counts), never "4 hours apart".
func TestAdminPairTimezoneMinutes(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin settings max-tz-hours:3")
	h.Run("erin", "offer go tz:Asia/Kolkata")
	h.Run("kim", "request go tz:Asia/Tokyo")
	MustContain(t, h.Run("alice", "admin pair @erin @kim"),
		"• Erin and Kim are 3 hours 30 minutes apart, more than the 3 hours this workspace allows\n")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin pair @erin @kim"),
		"• Erin et Kim ont 3\u00a0h\u00a030 de décalage, plus que les 3\u00a0h que permet cet espace de travail\n")
}
