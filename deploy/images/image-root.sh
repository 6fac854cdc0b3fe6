#!/usr/bin/env bash
# Builds the files the self-contained worker images put on top of the empty `scratch` base, so that
# `mvn -Pimages package` needs no registry: a jlink'ed Java runtime in /opt/java/openjdk (where the
# Temurin images keep theirs, so one PATH and one entrypoint serve both bases), the C libraries that
# runtime links against (copied from the build machine, glibc included), its CA certificates, and the
# few /etc and /tmp entries a JVM expects. Run by app/pom.xml's `images` profile, which then adds the
# health probe to the same directory.
#
# Usage: image-root.sh OUTPUT_DIR MODULES JDK_HOME
#   MODULES   comma-separated JDK modules for jlink (the profile's image.jlink.modules)
#   JDK_HOME  a JDK with jlink and jmods/ (the one running Maven)
set -euo pipefail

out=$1
modules=$2
jdk=$3
runtime=$out/opt/java/openjdk
stamp="$modules $jdk $(sha256sum "$0" | cut -d' ' -f1)"

# jlink takes a while; an output built from the same inputs is reused.
if [[ -f $out.stamp && $(<"$out.stamp") == "$stamp" ]]; then
  echo "image root in $out is up to date"
  exit 0
fi
[[ -d $jdk/jmods ]] || { echo "no $jdk/jmods: jlink needs a JDK with jmods (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }

rm -rf "$out" "$out.stamp"
mkdir -p "$(dirname "$runtime")"
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" --output "$runtime" \
  --strip-debug --no-man-pages --no-header-files --compress=2

# Distributions often link cacerts to a system store outside the JDK: the image needs the file itself.
if [[ -L $runtime/lib/security/cacerts || ! -s $runtime/lib/security/cacerts ]]; then
  rm -f "$runtime/lib/security/cacerts"
  cp -L "$jdk/lib/security/cacerts" "$runtime/lib/security/cacerts"
fi

# Every shared library the runtime's binaries load, and the dynamic loader, at the paths ldd reports.
mapfile -t elves < <(find "$runtime" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \))
mapfile -t libraries < <(ldd "${elves[@]}" 2>/dev/null | awk '
  /=> \// { print $3 }
  /^\t\// { print $1 }' | grep -v "^$runtime/" | sort -u)
missing=()
for name in $(ldd "${elves[@]}" 2>/dev/null | awk '/not found/ { print $1 }' | sort -u); do
  # The runtime's own libraries find each other through their RUNPATH, which ldd does not always follow.
  [[ -n $(find "$runtime" -name "$name" -print -quit) ]] || missing+=("$name")
done
for library in "${libraries[@]}"; do
  mkdir -p "$out$(dirname "$library")"
  cp -L "$library" "$out$library"
done
if ((${#missing[@]})); then
  # Only the AWT display libraries should land here; the workers run headless and never load them.
  echo "not on this machine, left out of the image: ${missing[*]}"
fi

mkdir -p "$out/etc" "$out/tmp" "$out/data" "$out/home/nonroot"
cat >"$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat >"$out/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
echo 'hosts: files dns' >"$out/etc/nsswitch.conf"

echo "$stamp" >"$out.stamp"
echo "image root in $out: $(du -sh "$out" | cut -f1), ${#libraries[@]} libraries from this machine: ${libraries[*]##*/}"
