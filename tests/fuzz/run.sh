#!/bin/sh
# make fuzz: build every fuzz target with clang's libFuzzer, ASan and UBSan
# (the library's sources too, for coverage) into fuzz-build/, run each for
# FUZZ_SECONDS (default 60) on a working copy of its corpus, and print the
# executions per target.  New inputs stay in fuzz-build/corpus/TARGET; a
# crash is saved as fuzz-build/crashes/TARGET-crash-* and fails the run:
# copy it into tests/fuzz/corpus/TARGET once fixed, so make check replays
# it from then on.  Without clang's libFuzzer it says so and exits 77.
set -u
: "${FUZZ_TARGETS:?run through make fuzz}"
secs=${FUZZ_SECONDS:-60}
cc=${CC_FUZZ:-clang}
out=fuzz-build
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
mkdir -p "$out/obj" "$out/corpus" "$out/crashes"
# The paths the build compiles in, as a header: quotes do not survive
# being passed through make and the shell as flags.
printf '#define PKGDATADIR "%s"\n#define BUILD_SHARE_DIR "%s"\n#define BUILD_BIN_DIR "%s"\n' \
	"$FUZZ_PKGDATADIR" "$FUZZ_SHARE" "$FUZZ_BINDIR" > "$out/paths.h"
flags="-g -O1 $san -include $out/paths.h $FUZZ_CPPFLAGS $FUZZ_CFLAGS"
printf 'int LLVMFuzzerTestOneInput(const char *d, long n)\n{ return 0; }\n' \
	> "$out/probe.c"
if ! "$cc" -fsanitize=fuzzer "$out/probe.c" -o "$out/probe" 2>/dev/null; then
	echo "fuzz: $cc cannot build with -fsanitize=fuzzer (install clang);" \
	    "make check replays the corpora without it"
	exit 77
fi

echo "fuzz: building the library with $cc (coverage, ASan, UBSan)"
objs=
for s in $FUZZ_SOURCES; do
	o="$out/obj/$(basename "$s" .c).o"
	if [ ! -f "$o" ] || [ "$s" -nt "$o" ]; then
		"$cc" $flags -fsanitize=fuzzer-no-link -c "$s" -o "$o" || exit 1
	fi
	objs="$objs $o"
done

# One seeded, trained store for every target to copy (training the
# classifier under coverage instrumentation would outlast -timeout).
rm -f "$out/store.db" "$out/store.db-history"
SHOPDESK_SHARE=$FUZZ_SHARE ./shopdesk -q --db "$out/store.db" train \
	> "$out/store.log" 2>&1 || { cat "$out/store.log"; exit 1; }
SHOPDESK_FUZZ_DB=$(pwd)/$out/store.db
export SHOPDESK_FUZZ_DB

status=0
printf '%-22s %12s %10s %8s\n' target executions exec/s corpus
for t in $FUZZ_TARGETS; do
	name=$(basename "$t")
	case $name in
	fuzz-ingest-*)
		src=fuzz-ingest.c
		def="-DFUZZ_EXT=\".${name#fuzz-ingest-}\"" ;;
	*)	src=$name.c; def= ;;
	esac
	"$cc" $flags $def -fsanitize=fuzzer \
	    "$top_srcdir/tests/fuzz/$src" "$top_srcdir/tests/fuzz/fuzz-lib.c" \
	    $objs $FUZZ_LIBS -lm -o "$out/$name" || exit 1
	mkdir -p "$out/corpus/$name"
	"./$out/$name" -max_total_time="$secs" -print_final_stats=1 \
	    -timeout=10 -rss_limit_mb=4096 \
	    -artifact_prefix="$out/crashes/$name-" \
	    "$out/corpus/$name" "$top_srcdir/tests/fuzz/corpus/$name" \
	    > "$out/$name.log" 2>&1
	s=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$name.log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/$name.log")
	n=$(ls "$out/corpus/$name" | wc -l)
	printf '%-22s %12s %10s %8s\n' "$name" "${runs:-?}" "${rate:-?}" "$n"
	if [ $s -ne 0 ]; then
		echo "fuzz: $name failed (exit $s); see $out/$name.log and" \
		    "$out/crashes/"
		status=1
	fi
done
exit $status
