package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// parseFlags reads the command line: only -h or --help, which prints the
// help to w and reports help. A flag that does not exist is an error,
// after the help.
func parseFlags(args []string, w io.Writer) (help bool, err error) {
	fs := flag.NewFlagSet("mentorbot", flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() { printHelp(w) }
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return true, nil
		}
		return false, err
	}
	return false, nil
}

// printHelp writes what mentorbot is and every variable of envVars, with
// its default and meaning.
func printHelp(w io.Writer) {
	fmt.Fprint(w, `Usage: mentorbot [-h]

mentorbot runs mentoring programs on Slack, Discord, or, with no platform
token, in the terminal. Its configuration comes from environment
variables (docs/configuration.md):

`)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  VARIABLE\tDEFAULT\tMEANING")
	for _, v := range envVars {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", v.Name, strings.ReplaceAll(v.DefaultText(), "`", ""), v.Meaning)
	}
	tw.Flush()
}
