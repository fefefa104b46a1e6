//go:build race

package errgen

// raceEnabled: the race detector is on, and timings mean nothing.
const raceEnabled = true
