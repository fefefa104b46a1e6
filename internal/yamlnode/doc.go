// Package yamlnode builds, reads and writes yaml.v3 node trees: the form in
// which errgen holds OpenAPI documents, because a node tree keeps member
// order and comments, where a decoded map or kin-openapi's types would sort
// keys and lose them.
//
// Nodes are built with explicit tags (Str, Int, Bool), so that no writer
// takes the string "1" or "yes" for a number or a boolean. FromJSON reads
// JSON into nodes; WriteJSON, Marshal (errgen's own trees, fast) and Encode
// (any tree, through yaml.v3) write them.
package yamlnode
