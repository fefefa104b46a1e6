//go:build race

package augment

// raceEnabled: the race detector makes kin-openapi's validation of the big
// real specs take minutes.
const raceEnabled = true
