//go:build race

package openapi

// raceEnabled: the race detector makes kin-openapi's validation of the big
// real specs take minutes.
const raceEnabled = true
