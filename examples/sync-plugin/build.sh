#!/usr/bin/env bash
# Builds the example kernel object into ../../plugins/latch.jar, where ./osim finds it:
#   examples/sync-plugin/build.sh && ./osim run examples/sync-plugin/latch.yaml -s rr:quantum=1ms
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
api="$root/api/target/osim-api-0.1.0-SNAPSHOT.jar"
[ -f "$api" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl api package)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac --release 17 -cp "$api" -d "$out" "$here"/src/ext/*.java
mkdir -p "$out/META-INF/services"
echo "ext.Latch" > "$out/META-INF/services/org.osim.api.object.KernelObjectFactory"
mkdir -p "$root/plugins"
jar cf "$root/plugins/latch.jar" -C "$out" .
echo "built $root/plugins/latch.jar"
