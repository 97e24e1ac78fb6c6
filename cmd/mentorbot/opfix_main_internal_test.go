package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// mainChild marks the copy of the test binary in which TestMainChild runs
// main, so that a test sees its exit status and what it prints.
const mainChild = "MENTORBOT_TEST_MAIN_CHILD"

// mainArgs carries the command-line arguments of main in the copy, one
// a line (runMainArgs).
const mainArgs = "MENTORBOT_TEST_MAIN_ARGS"

// TestMainChild runs main in a copy of the test binary started by runMain;
// elsewhere it does nothing.
func TestMainChild(t *testing.T) {
	if os.Getenv(mainChild) == "" {
		return
	}
	os.Args = []string{"mentorbot"}
	if a := os.Getenv(mainArgs); a != "" {
		os.Args = append(os.Args, strings.Split(a, "\n")...)
	}
	main()
	os.Exit(0)
}

// runMain runs main with only env set (and PATH, HOME), with stdin as
// its input (nil: the null device, as in a container), and returns what
// it printed and its exit status.
func runMain(t *testing.T, stdin io.Reader, env ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runMainArgs(t, nil, stdin, env...)
}

// runMainArgs is runMain with args on main's command line.
func runMainArgs(t *testing.T, args []string, stdin io.Reader, env ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestMainChild$", "-test.count=1")
	cmd.Env = append([]string{mainChild + "=1", "PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), "MENTORBOT_HTTP_ADDR=127.0.0.1:0"}, env...)
	if len(args) > 0 {
		cmd.Env = append(cmd.Env, mainArgs+"="+strings.Join(args, "\n"))
	}
	cmd.Stdin = stdin
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// TestMainRefusals: main refuses a configuration it cannot run with, in
// the documented form "mentorbot: NAME: want …" and status 2, before
// anything starts (no "shutting down" or "stopped", and with Redis down,
// the variable at fault rather than Redis); a Redis that cannot be reached
// is status 1, without "shutting down" either.
func TestMainRefusals(t *testing.T) {
	const down = "redis://127.0.0.1:1/0"
	for _, tt := range []struct {
		name string
		env  []string
		code int
		want string
	}{
		{"ProgramLength", []string{"MENTORBOT_PROGRAM_LENGTH=180m"}, 2, "mentorbot: MENTORBOT_PROGRAM_LENGTH: want a duration from 1d to 730d"},
		{"CheckinReminder", []string{"MENTORBOT_CHECKIN_REMINDER=1ns"}, 2, "mentorbot: MENTORBOT_CHECKIN_REMINDER: want "},
		{"EscalateAfter", []string{"MENTORBOT_ESCALATE_AFTER=5000d"}, 2, "mentorbot: MENTORBOT_ESCALATE_AFTER: want "},
		{"RedisScheme", []string{"REDIS_URL=http://127.0.0.1:1/", "MENTORBOT_SHELL=1"}, 2, "mentorbot: REDIS_URL: want a URL such as redis://host:6379/0"},
		{"SlackBotToken", []string{"REDIS_URL=" + down, "SLACK_BOT_TOKEN=notatoken", "SLACK_SIGNING_SECRET=s"}, 2, "mentorbot: SLACK_BOT_TOKEN: want a bot token"},
		{"SlackSigningSecretRedisDown", []string{"REDIS_URL=" + down, "SLACK_BOT_TOKEN=xoxb-1"}, 2, "mentorbot: SLACK_SIGNING_SECRET: want "},
		{"DiscordPublicKey", []string{"REDIS_URL=" + down, "DISCORD_BOT_TOKEN=x", "DISCORD_APP_ID=123", "DISCORD_PUBLIC_KEY=zz"}, 2, "mentorbot: DISCORD_PUBLIC_KEY: want "},
		{"DiscordAppID", []string{"REDIS_URL=" + down, "DISCORD_BOT_TOKEN=x"}, 2, "mentorbot: DISCORD_APP_ID: want the application ID"},
		{"Managers", []string{"MENTORBOT_MANAGERS=T1:UCAROL, T1:UDAVE,T1:UEVE:extra"}, 2, "mentorbot: MENTORBOT_MANAGERS: want "},
		{"ComposeUnfilled", []string{"REDIS_URL=redis://redis:6379/0", "SLACK_BOT_TOKEN=", "DISCORD_BOT_TOKEN=", "MENTORBOT_DEFAULT_LANG=en"}, 2, "mentorbot: SLACK_BOT_TOKEN or DISCORD_BOT_TOKEN: want "},
		{"RedisDown", []string{"REDIS_URL=" + down, "MENTORBOT_SHELL=1"}, 1, "mentorbot: redis: unavailable"},
		{"ContainerNoRedis", nil, 2, "mentorbot: SLACK_BOT_TOKEN or DISCORD_BOT_TOKEN: want "},
		{"SentinelAdvice", []string{"REDIS_URL=redis+sentinel://127.0.0.1:6411"}, 2, "mentorbot: REDIS_URL: want redis+sentinel://host1:26379/mymaster"},
		{"ClusterAddrsAdvice", []string{"REDIS_URL=" + down, "REDIS_CLUSTER_ADDRS=127.0.0.1:1"}, 2, "redis+cluster://:password@host1:port,host2:port"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runMain(t, nil, tt.env...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Fatalf("got status %d and:\n%s\nwant status %d and %q", code, stderr, tt.code, tt.want)
			}
			if strings.Contains(stderr, "shutting down") || strings.Contains(stderr, "stopped") {
				t.Fatalf("got:\n%s\nwant nothing said of a shutdown: the bot never started", stderr)
			}
		})
	}
}

// TestMainShellInput: the README's ways of trying the bot still run the
// shell: input piped in without REDIS_URL, and with REDIS_URL and
// MENTORBOT_SHELL=1.
func TestMainShellInput(t *testing.T) {
	stdout, stderr, code := runMain(t, strings.NewReader("help\n"))
	if code != 0 || !strings.Contains(stdout, "starting the terminal (shell) adapter") || !strings.Contains(stdout, "as NAME") {
		t.Fatalf("printf 'help\\n' | mentorbot: got status %d, stdout:\n%s\nstderr:\n%s\nwant the shell's help", code, stdout, stderr)
	}
}

// TestMainJSON: with LOG_FORMAT=json every line on standard error is one
// JSON object with no key twice (go-redis's text is "detail", not a second
// "msg"), the refusals and the exit reason included.
func TestMainJSON(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  []string
		code int
		want string
	}{
		{"Refused", []string{"LOG_FORMAT=json", "MENTORBOT_TICK=1ns"}, 2, `"msg":"configuration refused"`},
		{"RedisDown", []string{"LOG_FORMAT=json", "REDIS_URL=redis://127.0.0.1:1/0", "MENTORBOT_SHELL=1"}, 1, `"msg":"exiting"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runMain(t, nil, tt.env...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Fatalf("got status %d and:\n%s\nwant status %d and %s", code, stderr, tt.code, tt.want)
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if err := uniqueKeys(line); err != nil {
					t.Errorf("got line %q: %v, want one JSON object with each key once", line, err)
				}
			}
		})
	}
}

// uniqueKeys checks that line is one JSON object whose top-level keys
// appear once each.
func uniqueKeys(line string) error {
	d := json.NewDecoder(strings.NewReader(line))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("not a JSON object (%v)", err)
	}
	seen := map[string]bool{}
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		key := tok.(string)
		if seen[key] {
			return fmt.Errorf("key %q twice", key)
		}
		seen[key] = true
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return err
		}
	}
	return nil
}

// TestLoggerKeysAndDurations: an attribute named like a key the handler
// writes (the store's go-redis bridge passes its text as "msg") is
// renamed, and a duration is written as text in both formats, as
// "stopped took=…" always was.
func TestLoggerKeysAndDurations(t *testing.T) {
	for _, format := range []string{"json", "text"} {
		var buf bytes.Buffer
		log := newLogger("info", format, &buf)
		log.Warn("redis", "msg", "redis: connection pool: failed to dial")
		log.With("level", "x").Info("slack: directory read", "took", 6*time.Millisecond)
		got := buf.String()
		if strings.Count(got, "msg") != 2 || !strings.Contains(got, "detail") || !strings.Contains(got, "severity") {
			t.Errorf("%s: got\n%s\nwant one msg a line, go-redis's text under detail", format, got)
		}
		if !strings.Contains(got, `"took":"6ms"`) && !strings.Contains(got, "took=6ms") {
			t.Errorf("%s: got\n%s\nwant took as 6ms", format, got)
		}
		if format == "json" {
			for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
				if err := uniqueKeys(line); err != nil {
					t.Errorf("got line %q: %v", line, err)
				}
			}
		}
	}
}

// TestRedactKeepsAdvice: the redactor leaves whole the URLs the bot
// writes to show what it wants (placeholder hosts), and a REST API's
// base; a real URL's password and path still go.
func TestRedactKeepsAdvice(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"want redis+sentinel://host1:26379/mymaster: the URL names no master", "want redis+sentinel://host1:26379/mymaster: the URL names no master"},
		{"a cluster with a password goes in REDIS_URL alone: redis+cluster://:password@host1:port,host2:port)", "a cluster with a password goes in REDIS_URL alone: redis+cluster://:password@host1:port,host2:port)"},
		{"want redis+sentinel://host1:26379,host2:26379/mymaster: none", "want redis+sentinel://host1:26379,host2:26379/mymaster: none"},
		{"dial redis+sentinel://:SECRET@s1:26379/mymaster", "dial redis+sentinel://[redacted]@s1:26379/[redacted]"},
		{"dial redis+cluster://:SECRET@host1:6379,host2:6379", "dial redis+cluster://[redacted]@host1:6379,host2:6379"},
		{"dial redis+sentinel://host1:26379/m?sentinel_password=SECRET", "dial redis+sentinel://host1:26379/[redacted]"},
		{"register at http://127.0.0.1:1/api/v9/: refused", "register at http://127.0.0.1:1/api/v9/: refused"},
		{"Patch https://discord.com/api/v9/webhooks/1/SECRET/messages/@original", "Patch https://discord.com/[redacted]"},
		// The bot's own example, on a documentation host, comma and all.
		{`SLACK_REDIRECT_URL: want an absolute http or https URL such as https://mentorbot.example.com/slack/oauth_redirect, got "x"`, `SLACK_REDIRECT_URL: want an absolute http or https URL such as https://mentorbot.example.com/slack/oauth_redirect, got "x"`},
		{"dial https://example.com.evil.net/SECRET", "dial https://example.com.evil.net/[redacted]"},
	} {
		if got := redact(tt.in); got != tt.want {
			t.Errorf("redact(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
