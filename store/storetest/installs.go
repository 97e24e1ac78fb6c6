package storetest

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// installTests are the contract of the installations by OAuth and of a
// workspace's erasure. That EraseTenant leaves no key of the workspace
// and every key of another is proven on Redis by counting keys
// (store's TestEraseTenant).
var installTests = []contractTest{
	{"Installation", testInstallation},
	{"InstallationsByPlatform", testInstallationsByPlatform},
	{"EraseTenant", testEraseTenant},
	{"ForgetInstaller", testForgetInstaller},
}

// MustInstall saves an installation of tn at t0 with a token of bytes
// that are not text.
func MustInstall(tb testing.TB, s bot.InstallStore, tn bot.Tenant) bot.Installation {
	tb.Helper()
	in := bot.Installation{Tenant: tn, Enterprise: "E1", BotUser: "B1", Token: []byte{0, 0xff, 'x', '\n', 0},
		Scopes: "chat:write,commands", InstalledBy: "U1", InstalledAt: t0}
	MustOK(tb, s.SaveInstallation(ctx(), in))
	return in
}

func testInstallation(t *testing.T, s bot.Store, tn bot.Tenant) {
	_, err := s.Installation(ctx(), tn)
	MustCode(t, err, bot.ENOTFOUND)
	MustCode(t, s.Uninstall(ctx(), tn, t0), bot.ENOTFOUND)

	in := MustInstall(t, s, tn)
	got, err := s.Installation(ctx(), tn)
	MustOK(t, err)
	if !reflect.DeepEqual(got, in) || !got.Installed() {
		t.Fatalf("got %+v, want %+v, installed", got, in)
	}

	gone := t0.Add(time.Hour)
	MustOK(t, s.Uninstall(ctx(), tn, gone))
	MustOK(t, s.Uninstall(ctx(), tn, gone.Add(time.Hour))) // a second event: the first time stays
	got, err = s.Installation(ctx(), tn)
	MustOK(t, err)
	want := bot.Installation{Tenant: in.Tenant, InstalledAt: in.InstalledAt, UninstalledAt: gone}
	if !reflect.DeepEqual(got, want) || got.Installed() {
		t.Fatalf("got %+v after uninstalling, want %+v: the times alone, the first removal kept", got, want)
	}

	again := bot.Installation{Tenant: tn, BotUser: "B2", Token: []byte("new"), InstalledBy: "U2", InstalledAt: t0.Add(48 * time.Hour),
		UninstalledAt: gone} // a record read back and saved: saving is installing
	MustOK(t, s.SaveInstallation(ctx(), again))
	got, err = s.Installation(ctx(), tn)
	MustOK(t, err)
	want = again
	want.UninstalledAt = time.Time{}
	if !reflect.DeepEqual(got, want) || !got.Installed() {
		t.Fatalf("got %+v after reinstalling, want %+v: installed, the old record replaced", got, want)
	}
	// A late uninstall event of the earlier install (its time before the
	// reinstall, beyond the second's slack) changes nothing.
	MustCode(t, s.Uninstall(ctx(), tn, again.InstalledAt.Add(-time.Minute)), bot.ESTALE)
	if got, _ = s.Installation(ctx(), tn); !got.Installed() {
		t.Fatalf("got %+v after a late uninstall event, want still installed", got)
	}
	MustOK(t, s.Uninstall(ctx(), tn, again.InstalledAt.Add(-bot.UninstallSlack/2))) // within the slack: this install's
}

func testInstallationsByPlatform(t *testing.T, s bot.Store, tn bot.Tenant) {
	other := bot.Tenant{Platform: tn.Platform, Workspace: tn.Workspace + "b"}
	elsewhere := bot.Tenant{Platform: tn.Platform + "x", Workspace: tn.Workspace}
	a, b := MustInstall(t, s, tn), MustInstall(t, s, other)
	MustInstall(t, s, elsewhere)
	MustOK(t, s.Uninstall(ctx(), other, t0))
	b = bot.Installation{Tenant: b.Tenant, InstalledAt: b.InstalledAt, UninstalledAt: t0}
	all, err := s.Installations(ctx(), tn.Platform)
	MustOK(t, err)
	// Other tests' workspaces may share a Redis: look for these two only.
	found := map[bot.Tenant]bot.Installation{}
	for _, in := range all {
		if in.Tenant.Platform != tn.Platform {
			t.Fatalf("got %v among the installations of %s", in.Tenant, tn.Platform)
		}
		found[in.Tenant] = in
	}
	if !reflect.DeepEqual(found[tn], a) || !reflect.DeepEqual(found[other], b) {
		t.Fatalf("got %+v and %+v, want %+v and %+v (uninstalled, listed still)", found[tn], found[other], a, b)
	}
	if !slices.IsSortedFunc(all, func(x, y bot.Installation) int { return strings.Compare(x.Tenant.Workspace, y.Tenant.Workspace) }) {
		t.Errorf("got installations out of order, want them sorted by workspace")
	}
}

// testEraseTenant: a workspace with members, offers, requests, jobs and
// an installation is erased; another with the same is untouched.
func testEraseTenant(t *testing.T, s bot.Store, tn bot.Tenant) {
	MustOK(t, s.EraseTenant(ctx(), tn)) // nothing there: nothing to do
	other := bot.Tenant{Platform: tn.Platform, Workspace: tn.Workspace + "b"}
	for _, w := range []bot.Tenant{tn, other} {
		MustOK(t, s.SaveMember(ctx(), bot.Member{ID: w.Member("M"), Name: "Mia", Joined: t0}))
		mustOffer(t, s, w, "A", 2)
		mustRequest(t, s, w, "M", "r1")
		MustOK(t, s.ScheduleJobs(ctx(), w, false, bot.NewJob(t0, bot.JobTest, "M", "1")))
		MustInstall(t, s, w)
	}
	MustOK(t, s.EraseTenant(ctx(), tn))

	_, err := s.GetMember(ctx(), tn.Member("M"))
	MustCode(t, err, bot.ENOTFOUND)
	_, err = s.GetOffer(ctx(), tn.Member("A"))
	MustCode(t, err, bot.ENOTFOUND)
	_, err = s.GetRequest(ctx(), tn, "r1")
	MustCode(t, err, bot.ENOTFOUND)
	_, err = s.Installation(ctx(), tn)
	MustCode(t, err, bot.ENOTFOUND)
	if jobs, err := s.ClaimJobs(ctx(), tn, t0.Add(time.Hour), time.Minute, 10); err != nil || len(jobs) != 0 {
		t.Errorf("got jobs %v (%v) of the erased workspace, want none", jobs, err)
	}
	tenants, err := s.Tenants(ctx())
	MustOK(t, err)
	if slices.Contains(tenants, tn) || !slices.Contains(tenants, other) {
		t.Errorf("got tenants %v, want %v out and %v in", tenants, tn, other)
	}
	ins, err := s.Installations(ctx(), tn.Platform)
	MustOK(t, err)
	if i := slices.IndexFunc(ins, func(in bot.Installation) bool { return in.Tenant == tn }); i >= 0 {
		t.Errorf("got %v among the installations, want it erased", tn)
	}

	if m, err := s.GetMember(ctx(), other.Member("M")); err != nil || m.Name != "Mia" {
		t.Errorf("got %+v (%v), want the other workspace's member kept", m, err)
	}
	if _, err := s.GetOffer(ctx(), other.Member("A")); err != nil {
		t.Errorf("got %v, want the other workspace's offer kept", err)
	}
	if _, err := s.GetRequest(ctx(), other, "r1"); err != nil {
		t.Errorf("got %v, want the other workspace's request kept", err)
	}
	if in, err := s.Installation(ctx(), other); err != nil || !in.Installed() {
		t.Errorf("got %+v (%v), want the other workspace's installation kept", in, err)
	}
}

// testForgetInstaller: a member who installed the app and asks to be
// forgotten leaves the installation in place, without their ID.
func testForgetInstaller(t *testing.T, s bot.Store, tn bot.Tenant) {
	in := MustInstall(t, s, tn)
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: tn.Member("U2")}))
	if got, err := s.Installation(ctx(), tn); err != nil || got.InstalledBy != in.InstalledBy {
		t.Fatalf("got %+v (%v) after erasing another member, want the installer %s kept", got, err, in.InstalledBy)
	}
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: tn.Member(in.InstalledBy)}))
	got, err := s.Installation(ctx(), tn)
	MustOK(t, err)
	want := in
	want.InstalledBy = ""
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, want %+v: the installer's ID gone, the rest kept", got, want)
	}
}
