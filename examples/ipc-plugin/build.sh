#!/usr/bin/env bash
# Builds the example IPC mechanism into ../../plugins/pmq.jar, where ./osim finds it:
#   examples/ipc-plugin/build.sh && ./osim run examples/ipc-plugin/pmq.yaml -s fcfs
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
api="$root/api/target/osim-api-0.1.0-SNAPSHOT.jar"
[ -f "$api" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl api package)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac --release 17 -cp "$api" -d "$out" "$here"/src/ext/*.java
mkdir -p "$out/META-INF/services"
echo "ext.PriorityMessageQueue" > "$out/META-INF/services/org.osim.api.object.KernelObjectFactory"
mkdir -p "$root/plugins"
jar cf "$root/plugins/pmq.jar" -C "$out" .
echo "built $root/plugins/pmq.jar"
