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
	if history, ok := historyOf(dir, rev); ok {
		return fmt.Errorf("%s: %s%s", msg, history, shallowHint(dir, rev))
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

// historyOf says, for a rev that walks first parents back from a revision
// git knows (HEAD~1, main^, @~2~1) and went past the first of them, as
// HEAD~1 does in a new repository, how many commits that walk could take.
// Any other rev (main^2, a merge's second parent; HEAD^{tree}~1;
// HEAD~1:path), or one within the history, fails for another reason than
// its length: false.
func historyOf(dir, rev string) (string, bool) {
	i := strings.IndexAny(rev, "~^")
	if i <= 0 {
		return "", false
	}
	start := rev[:i]
	steps, ok := firstParentSteps(rev[i:])
	if !ok {
		return "", false
	}
	count := func(args ...string) (int, bool) {
		out, err := gitLine(dir, append(append([]string{"rev-list", "--count"}, args...), "--end-of-options", start, "--")...)
		n, convErr := strconv.Atoi(out)
		return n, err == nil && convErr == nil
	}
	firstParents, ok := count("--first-parent")
	if !ok || steps < firstParents {
		return "", false
	}
	history := fmt.Sprintf("the history of %s has %s", start, plural(firstParents, "commit"))
	if all, ok := count(); ok && all != firstParents { // merges: git log lists more than ~ walks
		history = fmt.Sprintf("the history of %s has %s along first parents, which ~ and ^ follow", start, plural(firstParents, "commit"))
	}
	return history, true
}

// firstParentSteps is how many first parents back suffix goes (~3 and
// ^^^ are 3; ^0 is none): false for a suffix that does anything else (a
// second parent, ^2; a peel, ^{tree}; a path, :catalog.yaml).
func firstParentSteps(suffix string) (int, bool) {
	steps := 0
	for suffix != "" {
		op := suffix[0]
		if op != '~' && op != '^' {
			return 0, false
		}
		digits := len(suffix[1:]) - len(strings.TrimLeft(suffix[1:], "0123456789"))
		n := 1
		if digits > 0 {
			var err error
			if n, err = strconv.Atoi(suffix[1 : 1+digits]); err != nil {
				return 0, false
			}
		}
		if op == '^' && n > 1 {
			return 0, false
		}
		steps += n
		suffix = suffix[1+digits:]
	}
	return steps, true
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
