//go:build race

package main

// raceEnabled: the race detector changes what a run takes, in memory and
// time, several fold.
const raceEnabled = true
