package store

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseCluster(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		o, err := parseCluster("redis", "h1:7000,h2:7001, h3:7002")
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"h1:7000", "h2:7001", "h3:7002"}; !reflect.DeepEqual(o.Addrs, want) || o.TLSConfig != nil {
			t.Fatalf("got %v (TLS %v), want %v without TLS", o.Addrs, o.TLSConfig != nil, want)
		}
	})
	t.Run("TLSPasswordOptions", func(t *testing.T) {
		o, err := parseCluster("rediss", "user:s3cret@h1:7000,h2:7001?dial_timeout=3s")
		if err != nil {
			t.Fatal(err)
		}
		if o.TLSConfig == nil || o.Username != "user" || o.Password != "s3cret" || o.DialTimeout != 3*time.Second || len(o.Addrs) != 2 {
			t.Fatalf("got %+v, want TLS, user, password, dial timeout 3s and two nodes", o)
		}
	})
	for name, rest := range map[string]string{"ErrNoNode": "", "ErrDatabase": "h1:7000/1", "ErrOption": "h1:7000?nope=1"} {
		t.Run(name, func(t *testing.T) {
			if _, err := parseCluster("redis", rest); err == nil {
				t.Fatalf("got no error for %q, want one", rest)
			}
		})
	}
}

func TestParseSentinel(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		o, err := parseSentinel("redis", ":s3cret@s1:26379,s2:26379/mymaster/2?sentinel_password=sp")
		if err != nil {
			t.Fatal(err)
		}
		if o.MasterName != "mymaster" || o.DB != 2 || o.Password != "s3cret" || o.SentinelPassword != "sp" ||
			!reflect.DeepEqual(o.SentinelAddrs, []string{"s1:26379", "s2:26379"}) {
			t.Fatalf("got %+v, want master mymaster, db 2, both passwords and two sentinels", o)
		}
	})
	t.Run("MasterInQuery", func(t *testing.T) {
		o, err := parseSentinel("redis", "s1:26379?master_name=m")
		if err != nil || o.MasterName != "m" || o.DB != 0 {
			t.Fatalf("got %+v, %v, want master m on db 0", o, err)
		}
	})
	t.Run("ErrNoMaster", func(t *testing.T) {
		if _, err := parseSentinel("redis", "s1:26379"); err == nil {
			t.Fatal("got no error, want one naming the missing master")
		}
	})
}

// TestOpenRedactsPassword: an error about a URL never shows its password.
func TestOpenRedactsPassword(t *testing.T) {
	for _, u := range []string{
		"redis://:s3cret@host:notaport/0",
		"redis+cluster://:s3cret@h1:6379,h2:notaport",
		"redis+cluster://user:s3cret@h1:6379/2",
		"redis+sentinel://:s3cret@s1:notaport/mymaster",
	} {
		_, err := Open(t.Context(), u)
		if err == nil || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%q): got %v, want an error without the password", u, err)
		}
	}
}
