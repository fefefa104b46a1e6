//go:build race

package translate

// raceEnabled: the race detector makes the timed tests of large files take
// minutes.
const raceEnabled = true
