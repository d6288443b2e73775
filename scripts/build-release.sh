#!/usr/bin/env bash
# Builds the release binary that runs anywhere on the same OS and architecture: the Swift runtime,
# Foundation, libyaml and zlib are linked in statically, the data files are compiled in, so only the C
# library stays dynamic. Prints the binary's path last.
#
#   scripts/build-release.sh [--scratch-path DIR]     (default .build-release)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-release
case "${1:-}" in
    --scratch-path) scratch="${2:?usage: scripts/build-release.sh [--scratch-path DIR]}" ;;
    '') ;;
    *) echo "usage: scripts/build-release.sh [--scratch-path DIR]" >&2; exit 64 ;;
esac

# The static archive of a pkg-config package: in its libdir, else in the usual folders.
#   static_archive PKG ARCHIVE DEBIAN-PACKAGE
static_archive() {
    local archive
    archive="$(pkg-config --variable=libdir "$1" 2>/dev/null)/$2"
    if [ ! -f "$archive" ]; then
        archive="$(find /usr/lib /usr/local/lib /opt/homebrew/lib -name "$2" 2>/dev/null | head -n 1)"
    fi
    if [ ! -f "$archive" ]; then
        echo "build-release: $2 not found (Debian/Ubuntu: apt-get install $3)" >&2
        return 69
    fi
    echo "$archive"
}

# libyaml.a ships in libyaml-dev beside libyaml.so. SwiftPM links what pkg-config's yaml-0.1 says:
# a copy of it whose library folder holds only the archive makes the linker's -lyaml take that.
archive="$(static_archive yaml-0.1 libyaml.a libyaml-dev)"
static_libs="$PWD/$scratch/static-libs"
mkdir -p "$static_libs"
ln -sf "$archive" "$static_libs/libyaml.a"
# The Swift runtime asks for -lstdc++ (and the compiler driver for libgcc_s): their archives from the
# same folder, so that they are not dynamic either.
stdcxx="$(clang -print-file-name=libstdc++.a 2>/dev/null || true)"
if [ ! -f "$stdcxx" ]; then
    echo "build-release: libstdc++.a not found (Debian/Ubuntu: apt-get install libstdc++-12-dev)" >&2
    exit 69
fi
ln -sf "$stdcxx" "$static_libs/libstdc++.a"
# zlib (the CLI's CZlib links -lz): its archive from the same folder, found before the shared one.
zlib="$(static_archive zlib libz.a zlib1g-dev)"
ln -sf "$zlib" "$static_libs/libz.a"
sed "s|^libdir=.*|libdir=$static_libs|" "$(pkg-config --variable=pcfiledir yaml-0.1)/yaml-0.1.pc" > "$static_libs/yaml-0.1.pc"
export PKG_CONFIG_PATH="$static_libs${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

flags=(-c release --product cfn-lambda --static-swift-stdlib --scratch-path "$scratch"
       -Xswiftc -Xclang-linker -Xswiftc -static-libgcc)
swift build "${flags[@]}" >&2
binary="$(swift build "${flags[@]}" --show-bin-path)/cfn-lambda"

# The point of this build: nothing but the C library and the loader may be loaded at run time.
if ! command -v ldd >/dev/null 2>&1; then
    echo "build-release: ldd not found (Debian: libc-bin): cannot check what $binary loads" >&2
    exit 69
fi
unexpected="$(ldd "$binary" | awk '{print $1}' | grep -Ev '^(linux-vdso\.so|/lib64/ld-linux|/lib/ld-linux|libc\.so|libm\.so|libpthread\.so|libdl\.so|librt\.so)' || true)"
if [ -n "$unexpected" ]; then
    echo "build-release: $binary links libraries a machine without Swift lacks:" >&2
    echo "$unexpected" >&2
    exit 1
fi
echo "$binary"
