package catalog_test

// yamlCases are small documents on the edges of what fastYAML reads.
var yamlCases = []string{
	"a: 1\n", "a: 1", "a: b\nc: d\n", "a:\n  b: c\n", "a:\n- x\n- y\nb: z\n", "a:\n  - x\n  - y\n",
	"a:\n  - b: 1\n    c: 2\n  - d: 3\n", "a: [x, y]\n", "a: {b: c, d: [e, f]}\n", "a: []\nb: {}\n",
	"a: 'it''s'\n", "a: \"q\\\"\\n\\t\"\n", "a: x y  \n", "a: -1\n", "a: 007\n", "a: 1.5\n", "a: true\nb: ~\nc: null\n",
	"a: yes\n", "a: b\n  c\n", "a: b # c\n", "# c\na: b\n", "a: b\n# c\n", "a: b:c\n", "a: b: c\n", "a:\n", "a:\nb: c\n",
	"- a\n- b\n", "a: http://x.example/#y\n", "a: {b: http://x}\n", "a: {b: c d, e: 'f'}\n", "a:\n  -\n    b: c\n",
	"a:\n  - - b\n", "a: [x,y]\n", "a: {b: c,}\n", "\n\na: b\n\n\n", "  a: b\n", "a:   b\n", "a: b\n  \nc: d\n",
	"a: [\n  b]\n", "a: \"x\ny\"\n", "a: '<<'\n", "<<: x\n", "a: 12345678901234567890\n", "a: 0\n", "a: -0\n",
	"a: 1_000\n", "a: 0x1f\n", "a: 2024-01-02\n", "a: .5\n", "a: +1\n", "a: True\nb: FALSE\n", "a: Null\n",
	"\"a\": b\n'c': d\n", "a: b\n---\nc: d\n", "---\na: b\n", "a: &x b\n", "a: !!str b\n", "a: |\n  b\n",
	"a:\n  b: c\n  d:\n    - e\n    - {f: g}\nh: i\n", "a: {b: [c, {d: e}]}\n", "a: b\n c: d\n", "a:\n  - b\n  c: d\n",
	"a: \"\\u00e9\"\n", "a: \"\\x41\"\n", "a: 'b' c\n", "a: [b, 'c', \"d\"]\n", "a b: c\n", "a : b\n",
	// comments
	"a: b #c\n", "a: b#c\n", "a: 'b' #c\n", "a: 'b'#c\n", "a: \"b\" # c\n", "a: [b] # c\n", "a: # c\n  b: c\n",
	"a:\n  # c\n  b: c\n", "a:\n# c\n  b: c\n", "a:\n  - b # c\n  # d\n  - e\n", "- # c\n  a: b\n", "a: b\n   # c\nd: e\n",
	"# c\n\n# d\na: b # e\n\n# f\n", "a: [b # c\n  ]\n", "a: {b: c} #d\n", "a:\n  - b\n# c\n  - d\n", "a: b\n  # c\n  d\n",
	// block scalars
	"a: |\n  b\n  c\n", "a: >\n  b\n  c\n", "a: |-\n  b\n", "a: |+\n  b\n\n\nc: d\n", "a: >-\n  b\n\n  c\n", "a: >+\n  b\n",
	"a: |\n  b\n    c\n  d\n", "a: >\n  b\n    c\n  d\n", "a: >\n\n  b\n", "a: |\n\n   \n  b\n", "a: |\n    \n  b\n",
	"a: |\n  b\n  \n  c\n", "a: >\n  b\n   \n  c\n", "a: | # c\n  b\n", "a: |2\n  b\n", "a: |\nb: c\n", "a: |\n", "a: |",
	"a: |\n  b", "a: |\n  b\n c: d\n", "a:\n  - |\n    b\n  - >-\n    c\n    d\n", "- a: |\n    b\n  c: d\n",
	"a: |\n  # not a comment\n  b\n", "a: |\n  b\n# c\nd: e\n", "a: |x\n  b\n", "a: | x\n  b\n", "a: >\n  b\n\n\n  c\n   d\n",
	"a: |-\n  b\n\n", "a: >+\n\n", "a:\n  b: |\n   x\n  c: d\n", "a: |\n  b\n   \n", "a: >\n   b\n  c\n",
	// text
	"a: é\n", "é: ü\n", "a: 'é''s'\n", "a: \"é\\u00e9\\U0001F600\"\n", "a: \"\\ud800\"\n", "a: \"\\N\\_\\L\\P\"\n",
	"a: 😀 b\nc: [é, ü]\n", "a: b\u00a0c\n", "a: \u2028\n", "a: \ufeff\n", "\ufeffa: b\n", "a: \"\\/\"\n", "a: \"\\'\"\n",
	"a: \"\\x\"\n", "a: \"\\xZZ\"\n", "a:\tb\n", "a: b\r\n", "é: [ü, {ö: ä}]\n  \n", "a: {é: b}\n", "ab: é: c\n",
	// resolution
	"a: 2024-1-2\n", "a: 2024-01-02T10:00:00Z\n", "a: 2024-01-02 10:00:00\n", "a: 2024-13-45\n", "a: 1234-x\n",
	"a: 0o17\n", "a: -0o17\n", "a: 0b101\n", "a: -0b101\n", "a: 1e3\n", "a: +.5\n", "a: .inf\n", "a: -.Inf\n",
	"a: .NaN\n", "a: 1__0\n", "a: 0x_1f\n", "a: 9223372036854775808\n", "a: 18446744073709551616\n", "a: 1.\n",
	"a: ...\n", "...: b\n", "... : b\n", "a: ---\n", "a: [a:b, c]\n", "a: {b:c}\n", "a: [a:, b]\n",
}
