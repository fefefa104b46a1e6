#!/bin/sh
# docs/perf.sh measures the generated package's compile cost and hot path
# (issue 26), keeps the raw go test -bench output and benchstat's summaries
# under docs/perf/, and rewrites the section of docs/performance.md between
# its "perf.sh" markers from them. Run it from anywhere in the repository,
# on a machine as quiet as you can find: every figure it writes is a ratio
# of runs made in turn, in the same process, so a busy machine shifts them
# less than it shifts times. It takes 10 to 20 minutes on 2 cores.
#
#   PERF_ROUNDS=10          rounds of the hot-path pairs (-count)
#   PERF_COMPILE_ROUNDS=6   rounds of the compile triples (-count; benchstat wants 6)
#   PERF_GENERATE_ROUNDS=11 rounds of the generation pairs (-count)
#   PERF_GC_ROUNDS=6        rounds of the collector-setting pairs (-count)
#   PERF_REPORT_ONLY=1      measure nothing: rewrite the section from docs/perf/
set -eu
cd "$(git rev-parse --show-toplevel)"
out=docs/perf
rounds=${PERF_ROUNDS:-10}
compile_rounds=${PERF_COMPILE_ROUNDS:-6}
generate_rounds=${PERF_GENERATE_ROUNDS:-11}
gc_rounds=${PERF_GC_ROUNDS:-6}
base_rev=a3826fd # errgen as of issue 26: the package every compile ratio is against
# errgen the moment before translations reached the Go output (bc414d4): issue
# 22's request ids already made for requests without one, no Accept-Language
pre_translations_rev=2532ec5
benchstat="go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da"
mkdir -p "$out"

measure() {
	base=$(mktemp -d)
	trap 'rm -rf "$base"' EXIT
	git archive "$base_rev" | tar -x -C "$base"
	(cd "$base" && go build -o errgen ./cmd/errgen)

	{
		echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
		echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ' (with changes)')"
		echo "go: $(go version)"
		echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //') ($(nproc 2>/dev/null) cores)"
		echo "load before: $(uptime)"
	} >"$out/machine.txt"

	go test -run '^$' -bench VersusJSON -benchtime 300x -count "$rounds" ./generated/apierrors >"$out/versus.txt"
	go test -run '^$' -bench ErrorsIsFloor -benchtime 300x -count "$rounds" ./generated/apierrors >"$out/isfloor.txt"
	go test -run '^$' -bench WriteFloor -benchtime 300x -count "$rounds" ./generated/apierrors >"$out/writefloor.txt"
	go test -run '^$' -bench '^Benchmark(Write[A-Za-z]*|MarshalJSON(Baseline)?|Parse(Baseline)?|ErrorsIs(Baseline)?)$' -benchmem -benchtime 200ms -count 6 ./generated/apierrors >"$out/hot.txt"
	requests
	ERRGEN_BASE="$base/errgen" go test -run '^$' -bench Compile -benchtime 1x -count "$compile_rounds" -timeout 3h ./internal/golang >"$out/compile.txt"
	ERRGEN_BASE="$base/errgen" go test -run '^$' -bench GenerateVersusBase -benchtime 1x -count "$generate_rounds" -timeout 1h ./cmd/errgen >"$out/generate.txt"
	go test -run '^$' -bench GCPercent -benchtime 1x -count "$gc_rounds" -timeout 1h ./cmd/errgen >"$out/gc.txt"
	echo "load after: $(uptime)" >>"$out/machine.txt"

	$benchstat "$out/versus.txt" >"$out/versus.benchstat.txt"
	$benchstat "$out/writefloor.txt" >"$out/writefloor.benchstat.txt"
	$benchstat "$out/hot.txt" >"$out/hot.benchstat.txt"
	$benchstat "$out/compile.txt" >"$out/compile.benchstat.txt"
	$benchstat "$out/generate.txt" >"$out/generate.benchstat.txt"
	$benchstat "$out/gc.txt" >"$out/gc.benchstat.txt"
	$benchstat base="$out/requests.base.txt" pre-translations="$out/requests.pre.txt" now="$out/requests.now.txt" >"$out/requests.benchstat.txt"
}

# requests runs BenchmarkStaticWriteRequests against the packages of
# $base_rev and $pre_translations_rev too (the benchmark is copied into each:
# it uses nothing newer), the three test binaries in turn, round after round,
# on the same requests.
requests() {
	pre=$(mktemp -d)
	trap 'rm -rf "$base" "$pre"' EXIT
	git archive "$pre_translations_rev" | tar -x -C "$pre"
	go test -c -o "$base/now.test" ./generated/apierrors
	cp generated/apierrors/requests_test.go "$base/generated/apierrors/"
	cp generated/apierrors/requests_test.go "$pre/generated/apierrors/"
	(cd "$base" && go test -c -o base.test ./generated/apierrors)
	(cd "$pre" && go test -c -o "$base/pre.test" ./generated/apierrors)
	for way in now base pre; do
		: >"$out/requests.$way.txt"
	done
	for _ in $(seq "$rounds"); do
		for way in now base pre; do
			"$base/$way.test" -test.run '^$' -test.bench StaticWriteRequests -test.benchmem \
				-test.benchtime 200ms | grep '^Benchmark' >>"$out/requests.$way.txt"
		done
	done
}

if [ -z "${PERF_REPORT_ONLY:-}" ]; then
	measure
fi

# summary prints, for each benchmark of a go test -bench output and the
# metrics named, the median, the lowest and the highest value over rounds.
summary() {
	awk -v metrics="$2" '
	BEGIN { n = split(metrics, want, " ") }
	/^Benchmark/ {
		name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark[A-Za-z]+\//, "", name)
		if (!(name in seen)) { seen[name] = 1; order[++names] = name }
		for (i = 3; i < NF; i += 2) vals[name, $(i + 1), ++count[name, $(i + 1)]] = $i
	}
	END {
		for (k = 1; k <= names; k++) {
			name = order[k]
			for (m = 1; m <= n; m++) {
				c = count[name, want[m]]
				if (c == 0) continue
				for (i = 1; i <= c; i++) v[i] = vals[name, want[m], i] + 0
				for (i = 2; i <= c; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
				med = c % 2 ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2
				printf "%s %s %s %s %s %d\n", name, want[m], num(med), num(v[1]), num(v[c]), c
			}
		}
	}
	function num(x) { return x >= 100 ? sprintf("%.0f", x) : sprintf("%.3g", x) }' "$1"
}

target() {
	case "$1" in
	n=10000/build | n=10000/vet | n=10000+de/build | n=10000+de/vet) echo "≤ 0.5" ;;
	n=1000/build | n=1000+de/build) echo "≤ 0.7" ;;
	WriteStatic) echo "≥ 5" ;;
	WriteDetails) echo "≥ 3, worst round ≥ 2" ;;
	MarshalJSON) echo "≥ 3" ;;
	Parse) echo "≥ 2.5" ;;
	ErrorsIs) echo "≥ 0.9 (within 10%)" ;;
	*) echo "" ;;
	esac
}

section=$(mktemp)
{
	echo "<!-- docs/perf.sh writes this section: edit the script, not the section -->"
	echo
	echo "Measured by \`docs/perf.sh\` ($(sed -n 's/^date: //p' "$out/machine.txt"), $(sed -n 's/^go: go version //p' "$out/machine.txt"),"
	echo "$(sed -n 's/^cpu: //p' "$out/machine.txt")). The machine's load (\`uptime\`) before and after:"
	echo
	echo '```text'
	sed -n 's/^load \(before\|after\): */\1: /p' "$out/machine.txt"
	echo '```'
	echo
	echo "**Compile cost**, against the package errgen $base_rev generates for the same catalog"
	echo "(\`BenchmarkCompile\`, $compile_rounds rounds; now/base is wall time, now/base-cpu the CPU time of"
	echo "\`go build\` and \`go vet\` and their children; literal is this errgen with the definitions table"
	echo "as a Go composite literal, the plain path; \`+de\` is the catalog in English and German against"
	echo "$base_rev's package of it in English, since the figures must hold for two languages):"
	echo
	echo "| work | now/base median (lowest–highest) | CPU | target | now/literal (CPU) |"
	echo "|---|---|---|---|---|"
	summary "$out/compile.txt" "now/base now/base-cpu now/literal now/literal-cpu" | awk '
		{ v[$1, $2] = $3; lo[$1, $2] = $4; hi[$1, $2] = $5; if (!($1 in s)) { s[$1] = 1; o[++n] = $1 } }
		END { for (k = 1; k <= n; k++) { x = o[k]
			printf "%s|%.2f (%.2f–%.2f)|%.2f|%s|%.2f (%.2f)\n", x, v[x, "now/base"], lo[x, "now/base"], hi[x, "now/base"], v[x, "now/base-cpu"], "", v[x, "now/literal"], v[x, "now/literal-cpu"] } }' |
		while IFS='|' read -r name ratio cpu _ literal; do
			echo "| \`$name\` | $ratio | $cpu | $(target "$name") | $literal |"
		done
	echo
	echo "**Generation**, whole errgen processes against errgen $base_rev on the scale catalogs"
	echo "(\`BenchmarkGenerateVersusBase\`, $generate_rounds rounds, each the two in turn, each where its outputs"
	echo "already are, so it computes and compares every output and writes none; CPU is the processes' user"
	echo "and system time):"
	echo
	echo "| catalog/outputs | now/base CPU median (lowest–highest) | now/base wall | target | wall base → now | peak RSS base → now |"
	echo "|---|---|---|---|---|---|"
	summary "$out/generate.txt" "now/base now/base-cpu base-s/op now-s/op base-peak-MB now-peak-MB" | awk '
		{ v[$1, $2] = $3; lo[$1, $2] = $4; hi[$1, $2] = $5; if (!($1 in s)) { s[$1] = 1; o[++n] = $1 } }
		END { for (k = 1; k <= n; k++) { x = o[k]
			printf "| `%s` | %.2f (%.2f–%.2f) | %.2f | ≤ 0.4 | %.3f → %.3f s | %.0f → %.0f MB |\n", x, v[x, "now/base-cpu"], lo[x, "now/base-cpu"], hi[x, "now/base-cpu"], v[x, "now/base"], v[x, "base-s/op"], v[x, "now-s/op"], v[x, "base-peak-MB"], v[x, "now-peak-MB"] } }'
	echo
	echo "**The collector's setting**, errgen's own (\`GOGC\` 200 and the memory limit) against Go's defaults"
	echo "(\`GOGC=100\`, no limit), whole processes of this errgen in turn (\`BenchmarkGCPercent\`, $gc_rounds rounds):"
	echo
	echo "| catalog | own/default CPU median (lowest–highest) | peak RSS default → own |"
	echo "|---|---|---|"
	summary "$out/gc.txt" "own/default-cpu default-peak-MB own-peak-MB" | awk '
		{ v[$1, $2] = $3; lo[$1, $2] = $4; hi[$1, $2] = $5; if (!($1 in s)) { s[$1] = 1; o[++n] = $1 } }
		END { for (k = 1; k <= n; k++) { x = o[k]
			printf "| `%s` | %.2f (%.2f–%.2f) | %.0f → %.0f MB |\n", x, v[x, "own/default-cpu"], lo[x, "own/default-cpu"], hi[x, "own/default-cpu"], v[x, "default-peak-MB"], v[x, "own-peak-MB"] } }'
	echo
	echo "**Hot path**, speed-up over the encoding/json baseline (\`BenchmarkVersusJSON\`: json/errgen,"
	echo "$rounds rounds of interleaved batches; the lowest is the worst round):"
	echo
	echo "| operation | speed-up median | worst round | best round | target |"
	echo "|---|---|---|---|---|"
	summary "$out/versus.txt" "json/errgen" | while read -r name _ med lo hi _; do
		echo "| \`$name\` | $med | $lo | $hi | $(target "$name") |"
	done
	echo
	summary "$out/isfloor.txt" "json/floor json/errgen" | awk '{ v[$2] = $3 } END {
		printf "`errors.Is` has a floor: for an error built by a constructor it calls the error'"'"'s `Is`\n"
		printf "method through an interface, where for the baseline'"'"'s sentinel it compares two pointers.\n"
		printf "`BenchmarkErrorsIsFloor` measures the least such a method costs (an error type whose `Is`\n"
		printf "only compares codes) beside errgen'"'"'s, in turn: json/floor %s, json/errgen %s (medians).\n\n", v["json/floor"], v["json/errgen"] }'
	echo "**What the headers leave to \`Write\`**: any \`Write\` must do the header map's work issues 22"
	echo "and 28 ask for (read the request id and \`Accept-Language\`; set \`Content-Type\`, the id,"
	echo "\`Content-Language\`, \`Vary\`, and \`Retry-After\` for the 429), where the baseline sets"
	echo "\`Content-Type\` alone. \`BenchmarkWriteFloor\` runs, in"
	echo "turn, the baseline, that work alone with every value made beforehand (the floor: no body, and"
	echo "for details one allocation holding the error and its details), and errgen's \`Write\`; json/floor"
	echo "is the most any \`Write\` sending these headers could gain over the baseline ($rounds rounds,"
	echo "median (lowest–highest)):"
	echo
	echo "| operation | json/floor: the most possible | json/errgen | target |"
	echo "|---|---|---|---|"
	summary "$out/writefloor.txt" "json/floor json/errgen" | awk '
		{ v[$1, $2] = sprintf("%s (%s–%s)", $3, $4, $5); if (!($1 in s)) { s[$1] = 1; o[++n] = $1 } }
		END { for (k = 1; k <= n; k++) printf "%s|%s|%s\n", o[k], v[o[k], "json/floor"], v[o[k], "json/errgen"] }' |
		while IFS='|' read -r name floor errgen; do
			echo "| \`$name\` | $floor | $errgen | $(target "$name") |"
		done
	echo
	echo "**Static \`Write\` across versions**: the same requests to this package, to the one errgen"
	echo "$base_rev generated (issue 26's base, before issue 22's request ids and translations) and to the one"
	echo "errgen $pre_translations_rev generated, the moment before translations reached the Go output, with issue 22's"
	echo "request ids (\`BenchmarkStaticWriteRequests\`, $rounds rounds, each the three packages in turn; issue 28"
	echo "asks a request with \`Accept-Language\` to stay within 1.5× of the static \`Write\` of the day):"
	echo
	echo "| request | $base_rev ns/op | $pre_translations_rev ns/op | now ns/op | now/$base_rev | now/$pre_translations_rev | allocs $base_rev, $pre_translations_rev → now |"
	echo "|---|---|---|---|---|---|---|"
	{
		summary "$out/requests.base.txt" "ns/op allocs/op" | sed 's/^/base /'
		summary "$out/requests.pre.txt" "ns/op allocs/op" | sed 's/^/pre /'
		summary "$out/requests.now.txt" "ns/op allocs/op" | sed 's/^/now /'
	} | awk '
		{ v[$1, $2, $3] = $4; if ($1 == "now" && !(($2) in s)) { s[$2] = 1; o[++n] = $2 } }
		END { for (k = 1; k <= n; k++) { x = o[k]
			printf "| `%s` | %s | %s | %s | %.2f | %.2f | %s, %s → %s |\n", x, v["base", x, "ns/op"], v["pre", x, "ns/op"], v["now", x, "ns/op"], v["now", x, "ns/op"] / v["base", x, "ns/op"], v["now", x, "ns/op"] / v["pre", x, "ns/op"], v["base", x, "allocs/op"], v["pre", x, "allocs/op"], v["now", x, "allocs/op"] } }'
	echo
	echo "**Allocations** (\`go test -bench -benchmem\`, 6 runs; their times, taken one benchmark"
	echo "after the other, are in [docs/perf/hot.txt](perf/hot.txt) but compare only in pairs, above):"
	echo
	echo "| benchmark | B/op | allocs/op |"
	echo "|---|---|---|"
	summary "$out/hot.txt" "B/op allocs/op" | awk '
		{ v[$1, $2] = $3; if (!($1 in s)) { s[$1] = 1; o[++n] = $1 } }
		END { for (k = 1; k <= n; k++) printf "| `%s` | %s | %s |\n", o[k], v[o[k], "B/op"], v[o[k], "allocs/op"] }'
	echo
	echo "The raw output and benchstat's summaries: [docs/perf/](perf/)."
} >"$section"

awk -v section="$section" '
	/^<!-- perf.sh begin -->$/ { print; while ((getline line < section) > 0) print line; skip = 1; next }
	/^<!-- perf.sh end -->$/ { skip = 0 }
	!skip { print }
' docs/performance.md >"$section.md"
mv "$section.md" docs/performance.md
rm -f "$section"
