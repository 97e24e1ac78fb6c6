package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"text/tabwriter"
)

// usage is the command line mentorbot takes, as --help and a refusal
// print it.
const usage = "mentorbot [-h] [-version] | mentorbot export MEMBER | mentorbot forget MEMBER | mentorbot workspaces | mentorbot erase-workspace WORKSPACE | mentorbot healthcheck"

// invocation is what the command line asks for: the help, an operator's
// command for one member (op "export" or "forget", operator.go) or for
// the workspaces ("workspaces", "erase-workspace": member is then the
// workspace), or, when both are zero, the bot.
type invocation struct {
	help       bool // also -version, which printed the version
	op, member string
}

// errFlag is a flag that does not exist: the flag package printed it,
// with the help.
var errFlag = errors.New("flag refused")

// parseArgs reads the command line: -h or --help prints the help to w;
// "export MEMBER" and "forget MEMBER" are an operator's commands;
// "healthcheck" checks the bot beside it and exits, 0 or 1
// (healthcheck.go), as -version prints and is done. A flag
// that does not exist is errFlag, after the help; any other argument is
// refused with the usage, rather than ignored (mentorbot erase would
// otherwise start the bot).
func parseArgs(args []string, w io.Writer) (invocation, error) {
	fs := flag.NewFlagSet("mentorbot", flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() { printHelp(w) }
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return invocation{help: true}, nil
		}
		return invocation{}, errFlag
	}
	if *showVersion && len(fs.Args()) > 0 {
		return invocation{}, fmt.Errorf("-version takes no argument, got %s: usage: %s", quoteArg(fs.Args()[0]), usage)
	}
	if *showVersion {
		v, goVersion := buildVersion()
		fmt.Fprintf(w, "mentorbot %s (%s)\n", v, goVersion)
		return invocation{help: true}, nil
	}
	rest := fs.Args()
	switch {
	case len(rest) == 0:
		return invocation{}, nil
	case rest[0] == "healthcheck" && len(rest) > 1:
		return invocation{}, fmt.Errorf("healthcheck takes no argument, got %s: usage: %s", quoteArg(rest[1]), usage)
	case rest[0] == "healthcheck":
		if code := healthcheck(osGetenv, os.Stderr); code != 0 {
			exitProcess(code)
		}
		return invocation{help: true}, nil
	case rest[0] != "export" && rest[0] != "forget" && rest[0] != "workspaces" && rest[0] != "erase-workspace":
		return invocation{}, fmt.Errorf("unknown argument %s: usage: %s", quoteArg(rest[0]), usage)
	case len(rest) == 2 && (rest[1] == "-h" || rest[1] == "-help" || rest[1] == "--help"):
		printHelp(w) // "mentorbot export --help": the usage, not an ID refused
		return invocation{help: true}, nil
	case rest[0] == "workspaces" && len(rest) > 1:
		return invocation{}, fmt.Errorf("workspaces takes no argument, got %s: usage: %s", quoteArg(rest[1]), usage)
	case rest[0] == "workspaces":
		return invocation{op: rest[0]}, nil
	case rest[0] == "erase-workspace" && len(rest) == 1:
		return invocation{}, fmt.Errorf("erase-workspace: want the workspace, as mentorbot workspaces lists it (slack:T123, discord:<server>): usage: %s", usage)
	case len(rest) == 1:
		return invocation{}, fmt.Errorf("%s: want the member's ID, as the log prints it (slack:T123:U456, discord:<server>:<user>, shell:local:<name>): usage: %s", rest[0], usage)
	case len(rest) > 2:
		return invocation{}, fmt.Errorf("%s: want one member, got %d arguments: usage: %s", rest[0], len(rest)-1, usage)
	}
	return invocation{op: rest[0], member: rest[1]}, nil
}

// plainArg is an argument fit to be quoted back: a word, not a secret
// pasted on the command line by mistake.
var plainArg = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,32}$`)

func quoteArg(s string) string {
	if plainArg.MatchString(s) {
		return fmt.Sprintf("%q", s)
	}
	return "(not shown)"
}

// printHelp writes what mentorbot is and every variable of envVars, with
// its default and meaning.
func printHelp(w io.Writer) {
	fmt.Fprint(w, `Usage: `+usage+`

mentorbot runs mentoring programs on Slack, Discord, or, with no platform
token, in the terminal. Its configuration comes from environment
variables (docs/configuration.md).

For one member's data-protection request, on the Redis at REDIS_URL and
with no platform token (docs/privacy.md):

  mentorbot export MEMBER   writes everything kept about the member as
                            JSON to standard output, as /mentor export-me
  mentorbot forget MEMBER   erases the member, as /mentor forget; the
                            others involved are told by the running bot

MEMBER is the ID the log prints: slack:T123:U456, discord:<server>:<user>,
shell:local:<name>.

For the workspaces (docs/operations.md):

  mentorbot workspaces      lists the workspaces kept in Redis, whether
                            each has the app, and when a removed one is
                            erased
  mentorbot erase-workspace WORKSPACE
                            erases everything kept for a workspace that
                            removed the app (slack:T123, discord:<server>),
                            before its retention ends
Exit status: 0 done (forget: or nothing to erase), 1 Redis failed,
2 refused (erase-workspace: a workspace that has the app), 3 export of a
member, or erase-workspace of a workspace, the bot keeps nothing about.

For Docker's HEALTHCHECK, in an image without curl:

  mentorbot healthcheck     GETs /healthz from the bot running at
                            MENTORBOT_HTTP_ADDR (on 127.0.0.1 unless it
                            names a host), within 2 s: exits 0 when it
                            answers 200, 1 otherwise

`)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  VARIABLE\tDEFAULT\tMEANING")
	for _, v := range envVars {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", v.Name, strings.ReplaceAll(v.DefaultText(), "`", ""), v.Meaning)
	}
	tw.Flush()
}
