package main

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestConfigDocs: docs/configuration.md lists every variable of envVars
// with the default the code has, and no variable that does not exist.
func TestConfigDocs(t *testing.T) {
	doc, err := os.ReadFile("../../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]envVar{}
	for _, v := range envVars {
		vars[v.Name] = v
	}
	listed := map[string]bool{}
	for _, line := range strings.Split(string(doc), "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		name := strings.Trim(strings.TrimSpace(cells[0]), "`")
		v, ok := vars[name]
		if !ok {
			t.Errorf("docs/configuration.md: got %s, a variable mentorbot does not read", name)
			continue
		}
		listed[name] = true
		if got, want := strings.TrimSpace(cells[1]), v.DefaultText(); got != want {
			t.Errorf("docs/configuration.md: got default %q for %s, want %q", got, name, want)
		}
	}
	for _, v := range envVars {
		if !listed[v.Name] {
			t.Errorf("docs/configuration.md: got no row for %s, want one with default %q", v.Name, v.DefaultText())
		}
	}
}

// TestEnvVarDefaults: setting a variable to the default shown for it
// changes nothing, so that --help and the docs show the real default.
func TestEnvVarDefaults(t *testing.T) {
	for _, v := range envVars {
		if v.Default == nil {
			continue
		}
		def := v.Default(DefaultConfig())
		c := DefaultConfig()
		if err := v.Set(&c, def); err != nil {
			t.Errorf("%s=%s: got %v, want the default accepted", v.Name, def, err)
			continue
		}
		if v.AdapterDefault {
			// Config holds zero, the adapter applies the default.
			if got := v.Default(c); got != def {
				t.Errorf("%s=%s: got %s shown, want %s", v.Name, def, got, def)
			}
			continue
		}
		if !reflect.DeepEqual(c, DefaultConfig()) {
			t.Errorf("%s=%s: got %+v, want DefaultConfig unchanged", v.Name, def, c)
		}
	}
}

// TestHelp: --help prints every variable with its default, and a flag
// that does not exist is refused.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "--help"} {
		var out bytes.Buffer
		inv, err := parseArgs([]string{arg}, &out)
		if !inv.help || err != nil {
			t.Fatalf("%s: got %+v, %v; want help", arg, inv, err)
		}
		lines := map[string]string{}
		for _, line := range strings.Split(out.String(), "\n") {
			if f := strings.Fields(line); len(f) > 0 {
				lines[f[0]] = line
			}
		}
		for _, v := range envVars {
			line, ok := lines[v.Name]
			def := strings.ReplaceAll(v.DefaultText(), "`", "")
			if !ok || !strings.Contains(line, "  "+def+"  ") || !strings.Contains(line, v.Meaning) {
				t.Errorf("%s: got %q for %s, want its default %q and meaning", arg, line, v.Name, def)
			}
		}
	}
	// An operator's command asked for help gets the usage, not an ID
	// refused.
	for _, args := range [][]string{{"export", "--help"}, {"forget", "-h"}} {
		var out bytes.Buffer
		if inv, err := parseArgs(args, &out); !inv.help || err != nil || !strings.Contains(out.String(), "mentorbot export MEMBER") {
			t.Errorf("%q: got %+v, %v, %q; want the help", args, inv, err, out.String())
		}
	}
	if inv, err := parseArgs(nil, &bytes.Buffer{}); inv != (invocation{}) || err != nil {
		t.Fatalf("no flag: got %+v, %v; want the bot to start", inv, err)
	}
	if inv, err := parseArgs([]string{"--nope"}, &bytes.Buffer{}); inv.help || err == nil {
		t.Fatalf("--nope: got %+v, %v; want an error", inv, err)
	}
}
