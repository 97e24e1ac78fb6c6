package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/mentorbot/mentorbot/store"
)

// The bot under test runs, by default, in a process of its own: this
// program started again with -bot-child, so that its peak RSS is
// mentorbot's alone and not the load generator's or the fake Slack's
// (whose directory holds hundreds of thousands of users).

// childConfig is what the parent passes to the bot's process.
type childConfig struct {
	RedisURL   string
	APIURL     string // the fake Slack's Web API, served by the parent
	Inline     time.Duration
	Directory  bool
	CPUProfile string // the bot process's CPU profile, if any
	MemProfile string // its heap profile at its peak RSS, if any
	// MemLimit, if set, is the process's GOMEMLIMIT (a soft limit the
	// garbage collector works to keep the heap under), as an operator
	// would set it for mentorbot.
	MemLimit string
}

func (c childConfig) args() []string {
	args := []string{"-bot-child", c.APIURL, "-redis", c.RedisURL, "-inline", c.Inline.String(),
		"-bot-directory=" + strconv.FormatBool(c.Directory)}
	if c.CPUProfile != "" {
		args = append(args, "-cpuprofile", c.CPUProfile)
	}
	if c.MemProfile != "" {
		args = append(args, "-memprofile", c.MemProfile)
	}
	return args
}

// botProcess is mentorbot running in the child process.
type botProcess struct {
	server
	pid int
	// measure tells the process the measures begin: its CPU profile
	// starts.
	measure func()
}

// startBotProcess starts the bot's process and waits for the URL it
// serves on. Closing the child's stdin stops it (and so does the parent's
// death): close waits for it to write its profiles and exit.
func startBotProcess(c childConfig) (botProcess, error) {
	exe, err := os.Executable()
	if err != nil {
		return botProcess{}, err
	}
	cmd := exec.Command(exe, c.args()...)
	cmd.Stderr = os.Stderr
	if c.MemLimit != "" {
		cmd.Env = append(os.Environ(), "GOMEMLIMIT="+c.MemLimit)
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return botProcess{}, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return botProcess{}, err
	}
	if err := cmd.Start(); err != nil {
		return botProcess{}, err
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		stdin.Close()
		_ = cmd.Wait()
		return botProcess{}, fmt.Errorf("the bot's process did not start: %w", err)
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	stop := func() {
		stdin.Close()
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	}
	measure := func() { _, _ = io.WriteString(stdin, "measure\n") }
	return botProcess{server: server{url: strings.TrimSpace(line), close: stop}, pid: cmd.Process.Pid, measure: measure}, nil
}

// runBotChild is the bot's process: mentorbot on Redis in front of the
// parent's fake Slack. It prints the URL it serves on, then runs until its
// stdin closes or it is interrupted. Its CPU profile starts when the
// parent writes "measure" (after the pool is filled), so that it covers
// the measured commands only; its heap profile is the live heap when its
// resident set last grew by 5 % past its earlier peak.
func runBotChild(c childConfig) error {
	if c.MemProfile != "" {
		runtime.MemProfileRate = 64 << 10
		go heapAtPeak(c.MemProfile)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := store.Open(ctx, c.RedisURL)
	if err != nil {
		return fmt.Errorf("redis at %s: %w", c.RedisURL, err)
	}
	defer st.Close()
	mb, err := startMentorbot(ctx, st, c.APIURL, c.Inline, c.Directory)
	if err != nil {
		return err
	}
	defer mb.close()
	fmt.Println(mb.url)
	profiling := false
	go func() {
		in := bufio.NewScanner(os.Stdin)
		for in.Scan() {
			if in.Text() == "measure" && c.CPUProfile != "" && !profiling {
				f, err := os.Create(c.CPUProfile)
				if err == nil {
					err = pprof.StartCPUProfile(f)
				}
				if err != nil {
					fmt.Fprintln(os.Stderr, "slackload: the bot's CPU profile:", err)
					continue
				}
				profiling = true
			}
		}
		stop()
	}()
	<-ctx.Done()
	if profiling {
		pprof.StopCPUProfile()
	}
	return nil
}

// heapAtPeak writes the live heap's profile to path each time the
// process's resident set grows 5 % past the peak it was last written at.
func heapAtPeak(path string) {
	peak := 0
	for range time.Tick(50 * time.Millisecond) {
		rss := rssOf("self", "VmRSS:")
		if rss*100 <= peak*105 {
			continue
		}
		peak = rss
		f, err := os.Create(path)
		if err == nil {
			err = pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "slackload: the bot's heap profile:", err)
			return
		}
	}
}

// peakRSSOf is the peak resident set (VmHWM) in MiB of the process pid
// ("self" for this one), or -1 where /proc does not tell.
func peakRSSOf(pid string) int { return rssOf(pid, "VmHWM:") }

// rssOf reads a field of /proc/<pid>/status, in MiB.
func rssOf(pid, field string) int {
	b, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return -1
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			if err == nil {
				return kb / 1024
			}
		}
	}
	return -1
}
