#!/usr/bin/env bash
# Builds the example scheduler into ../../plugins/lifo.jar, where ./osim finds it:
#   examples/scheduler-plugin/build.sh && ./osim run fig-2-41 -s lifo
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
api="$root/api/target/osim-api-0.1.0-SNAPSHOT.jar"
[ -f "$api" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl api package)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac --release 17 -cp "$api" -d "$out" "$here"/src/ext/*.java
mkdir -p "$out/META-INF/services"
echo "ext.Lifo" > "$out/META-INF/services/org.osim.api.sched.SchedulerFactory"
mkdir -p "$root/plugins"
jar cf "$root/plugins/lifo.jar" -C "$out" .
echo "built $root/plugins/lifo.jar"
