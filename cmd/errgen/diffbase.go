package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// noRevision explains a --base that git cannot resolve in dir's repository:
// "no revision REF" with the branch checked out, the usual cause being a
// default branch named otherwise (main, master) or a CI clone that did not
// fetch it. Outside a repository, git's own words say so.
func noRevision(dir, rev string, err error) error {
	if _, gitErr := git(dir, "rev-parse", "--git-dir"); gitErr != nil {
		return fmt.Errorf("--base %s: %v", rev, gitErr)
	}
	msg := fmt.Sprintf("--base %s: no revision %s", rev, rev)
	if start, commits, ok := historyOf(dir, rev); ok {
		return fmt.Errorf("%s: the history of %s has %s%s", msg, start, plural(commits, "commit"), shallowHint(dir, rev))
	}
	if out, err := git(dir, "symbolic-ref", "--quiet", "--short", "HEAD"); err == nil {
		msg += fmt.Sprintf("; the current branch is %s", strings.TrimSpace(string(out)))
	} else if out, err := git(dir, "rev-parse", "--short", "HEAD"); err == nil {
		msg += fmt.Sprintf("; HEAD is detached at %s", strings.TrimSpace(string(out)))
	}
	if out, err := git(dir, "for-each-ref", "--format=%(refname:short)", "--count=10", "refs/heads", "refs/remotes"); err == nil {
		if refs := strings.Fields(string(out)); len(refs) > 0 {
			msg += fmt.Sprintf(" (branches: %s)", strings.Join(refs, ", "))
		}
	}
	return fmt.Errorf("%s%s", msg, shallowHint(dir, rev))
}

// historyOf is, for a rev that goes back from a revision git knows
// (HEAD~1, main^), that revision and how many commits its history holds:
// rev went past the first of them, as HEAD~1 does in a new repository.
func historyOf(dir, rev string) (start string, commits int, ok bool) {
	i := strings.IndexAny(rev, "~^")
	if i <= 0 {
		return "", 0, false
	}
	start = rev[:i]
	out, err := gitLine(dir, "rev-list", "--count", "--end-of-options", start, "--")
	if err != nil {
		return "", 0, false
	}
	commits, err = strconv.Atoi(out)
	return start, commits, err == nil
}

// shallowHint is what to do when dir's clone is shallow, as CI checkouts
// are by default (actions/checkout fetches one commit of one branch): the
// base is then most likely there, only not fetched.
func shallowHint(dir, rev string) string {
	if out, err := git(dir, "rev-parse", "--is-shallow-repository"); err != nil || strings.TrimSpace(string(out)) != "true" {
		return ""
	}
	const whole = "or fetch the whole history (git fetch --unshallow; actions/checkout: fetch-depth: 0)"
	if remote, branch, ok := strings.Cut(rev, "/"); ok && branch != "" && isRemote(dir, remote) && !strings.ContainsAny(rev, "~^:@") {
		return fmt.Sprintf("; this clone is shallow and never fetched it: fetch it first (git fetch --depth=1 %s %s:refs/remotes/%s), %s", remote, branch, rev, whole)
	}
	return "; this clone is shallow and may lack it: fetch it first, " + whole
}

// isRemote reports whether name is one of the remotes of dir's repository:
// feature/foo names a branch, not the branch foo of a remote feature.
func isRemote(dir, name string) bool {
	out, err := git(dir, "remote")
	return err == nil && name != "" && slices.Contains(strings.Fields(string(out)), name)
}
