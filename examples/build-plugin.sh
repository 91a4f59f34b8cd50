#!/usr/bin/env bash
# Builds one example plugin into plugins/JAR at the repository root, where ./osim finds it: compiles
# DIR/src/ext/*.java against osim-api alone, adds the one services line naming CLASS as an
# implementation of SERVICE, and packs a jar. Each example's build.sh calls it:
#   examples/build-plugin.sh DIR JAR SERVICE CLASS
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 DIR JAR SERVICE CLASS" >&2; exit 2; }
dir="$(cd "$1" && pwd)"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
api="$root/api/target/osim-api-0.1.0-SNAPSHOT.jar"
[ -f "$api" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl api package)
out="$(mktemp -d)"
mf="$(mktemp)"
trap 'rm -rf "$out" "$mf"' EXIT
javac --release 17 -cp "$api" -d "$out" "$dir"/src/ext/*.java
mkdir -p "$out/META-INF/services"
echo "$4" > "$out/META-INF/services/$3"
mkdir -p "$root/plugins"
# The manifest says which osim-api the plugin was built against: osim refuses a build it cannot run, naming both.
printf 'Osim-Api-Version: %s\n' "$(unzip -p "$api" org/osim/api/osim-api.properties | sed -n 's/^version=//p')" > "$mf"
jar cfm "$root/plugins/$2" "$mf" -C "$out" .
echo "built $root/plugins/$2"
