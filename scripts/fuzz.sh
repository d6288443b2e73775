#!/usr/bin/env bash
# Builds one libFuzzer target from Fuzz/<target>.swift and the library sources, and runs it.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer arguments...]
#   scripts/fuzz.sh TARGET --reproduce FILE...     run the target once on each FILE
#   scripts/fuzz.sh --list                         the targets
#
# Targets: loader, validate, sub, parameters, plan, state (Fuzz/*.swift). The modules are compiled with
# `swiftc -O -sanitize=fuzzer,address` into .build-fuzz/ (git-ignored), not through Package.swift,
# so normal builds are unaffected. The seed corpus is copied at run time from templates/, the
# test fixtures and the vendored corpus (Tests/Corpus); what the fuzzer adds stays in .build-fuzz/corpus/TARGET.
# A crash, timeout (-timeout=2), out-of-memory (-rss_limit_mb=2048), leak or invariant failure
# exits non-zero and prints the reproducing input (path and an escaped dump of up to 4 KB).
# The fuzzer is one process (libFuzzer's -jobs/-workers would fork another and hide its output in a log).
set -euo pipefail
caller="$PWD"
cd "$(dirname "$0")/.."
root="$PWD"
out="$root/.build-fuzz"

targets() { for file in Fuzz/*.swift; do basename "$file" .swift; done; }

usage() {
    echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer args...] | TARGET --reproduce FILE... | --list" >&2
    echo "targets: $(targets | tr '\n' ' ')" >&2
    exit 64
}

[ $# -ge 1 ] || usage
if [ "$1" = "--list" ]; then targets; exit 0; fi
[ $# -ge 2 ] || usage
target="$1"
shift
[ -f "Fuzz/$target.swift" ] || { echo "fuzz: no target '$target'" >&2; usage; }

# MARK: Build

# One build at a time in this checkout.
mkdir -p "$out"
exec 9>"$out/.lock"
flock 9

swiftc="${SWIFTC:-swiftc}"
common=(-O -g -swift-version 6 -parse-as-library -sanitize=fuzzer,address
        -module-cache-path "$out/module-cache" -I "$out/modules" -I Sources/CYAML)
mkdir -p "$out/modules" "$out/obj" "$out/bin" "$out/stamps"

# build_module NAME SOURCES...: compiles one library module to an object file and a .swiftmodule,
# again only when its sources, the compiler, the flags or a module built before it changed.
chain="$("$swiftc" --version 2>&1; echo "${common[*]}")"
build_module() {
    local name="$1"
    shift
    local stamp
    stamp="$( { echo "$chain"; cat "$@"; } | sha256sum | cut -d' ' -f1)"
    chain="$chain $stamp"
    if [ -f "$out/obj/$name.o" ] && [ "$(cat "$out/stamps/$name" 2>/dev/null)" = "$stamp" ]; then
        return
    fi
    echo "fuzz: compiling $name" >&2
    rm -f "$out/stamps/$name"
    "$swiftc" "${common[@]}" -wmo -module-name "$name" -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
        -emit-object -o "$out/obj/$name.o" "$@"
    echo "$stamp" > "$out/stamps/$name"
}

build_module CFNSchemas Sources/CFNSchemas/*.swift
build_module CFNLoader Sources/CFNLoader/*.swift
mapfile -t core < <(find Sources/CFNCore -name '*.swift' | sort)
build_module CFNCore "${core[@]}"
mapfile -t reporters < <(find Sources/CFNReporters -name '*.swift' | sort)
build_module CFNReporters "${reporters[@]}"

binary="$out/bin/$target"
target_sources=("Fuzz/$target.swift" Fuzz/Support/*.swift)
stamp="$( { echo "$chain"; cat "${target_sources[@]}"; } | sha256sum | cut -d' ' -f1)"
if [ ! -x "$binary" ] || [ "$(cat "$out/stamps/bin-$target" 2>/dev/null)" != "$stamp" ]; then
    echo "fuzz: linking $target" >&2
    rm -f "$out/stamps/bin-$target"
    "$swiftc" "${common[@]}" -use-ld=lld -module-name "Fuzz_$target" "${target_sources[@]}" \
        "$out/obj/CFNLoader.o" "$out/obj/CFNSchemas.o" "$out/obj/CFNCore.o" "$out/obj/CFNReporters.o" \
        -lyaml -o "$binary"
    echo "$stamp" > "$out/stamps/bin-$target"
fi
flock -u 9

# MARK: Run

# The Swift runtime's backtracer would run inside AddressSanitizer's crash handling; libFuzzer and
# ASan print the stack.
export SWIFT_BACKTRACE=enable=no
# Leaks are findings too, but for the toolchain's own (Fuzz/lsan-suppressions.txt).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/Fuzz/lsan-suppressions.txt}"

# print_input FILE: where it is and what it holds (at most 4 KB), escaped.
print_input() {
    local file="$1" size
    size=$(wc -c < "$file")
    echo "fuzz: reproducing input: $file ($size bytes)"
    echo "fuzz: reproduce with: scripts/fuzz.sh $target --reproduce $file"
    if command -v python3 > /dev/null; then
        python3 -c 'import sys; data = open(sys.argv[1], "rb").read(4096); print(repr(data)[2:-1])' "$file"
    else
        head -c 4096 "$file" | od -An -c
    fi
    [ "$size" -le 4096 ] || echo "fuzz: ... ($((size - 4096)) more bytes)"
}

if [ "$1" = "--reproduce" ]; then
    shift
    [ $# -ge 1 ] || usage
    files=()
    for file in "$@"; do
        case "$file" in /*) files+=("$file") ;; *) files+=("$caller/$file") ;; esac
    done
    "$binary" -timeout=2 -rss_limit_mb=2048 "${files[@]}"
    exit
fi

seconds="$1"
shift
case "$seconds" in '' | *[!0-9]*) usage ;; esac

corpus="$out/corpus/$target"
seeds="$out/seeds/$target"
artifacts="$out/artifacts/$target"
rm -rf "$seeds"
mkdir -p "$corpus" "$seeds" "$artifacts"
# Seeds: every template we have, copied (never committed twice); templates are parameter files'
# neighbours too, and their Fn::Sub strings are in them. Files are named by content.
seed_folders=(templates Tests)
if [ -d "Fuzz/seeds/$target" ]; then seed_folders+=("Fuzz/seeds/$target"); fi
seed_files() {
    find "${seed_folders[@]}" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' -o -path 'Fuzz/seeds/*' \)
}
if [ "$target" = sub ]; then
    # Fn::Sub strings are short: each line that has a `${` is a seed.
    seed_files | xargs grep -h -F '${' | sort -u | awk -v dir="$seeds" '{ file = dir "/line-" NR; printf "%s", $0 > file; close(file) }'
    fuzz_options=(-max_len=4096)
else
    seed_files | while read -r file; do cp "$file" "$seeds/$(sha1sum "$file" | cut -c1-40)"; done
    fuzz_options=()
fi
if [ "$target" = plan ]; then
    # The plan target splits its input at the first NUL byte into BASE and HEAD: each BASE/HEAD
    # example pair is a seed too.
    for base in templates/plan/*-base.yaml; do
        head="${base%-base.yaml}-head.yaml"
        [ -f "$head" ] || continue
        { cat "$base"; printf '\0'; cat "$head"; } > "$seeds/pair-$(basename "${base%-base.yaml}")"
    done
fi

started="$out/.started-$target"
touch "$started"
echo "fuzz: $target for $seconds s ($(ls "$seeds" | wc -l) seeds, $(ls "$corpus" | wc -l) in corpus)" >&2
status=0
"$binary" "$corpus" "$seeds" -dict=Fuzz/cloudformation.dict -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "${fuzz_options[@]}" "$@" || status=$?
if [ "$status" != 0 ]; then
    echo "fuzz: $target found a problem (exit $status)"
    found=0
    for file in $(find "$artifacts" -type f -newer "$started" | sort); do
        print_input "$file"
        found=1
    done
    [ "$found" = 1 ] || echo "fuzz: no input was saved (see libFuzzer's output above)"
    exit 1
fi
