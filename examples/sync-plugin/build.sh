#!/usr/bin/env bash
# Builds the example kernel object into ../../plugins/latch.jar, where ./osim finds it:
#   examples/sync-plugin/build.sh && ./osim run examples/sync-plugin/latch.yaml -s rr:quantum=1ms
# (javac against osim-api, one line in META-INF/services/org.osim.api.object.KernelObjectFactory, a jar)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../build-plugin.sh" "$here" latch.jar org.osim.api.object.KernelObjectFactory ext.Latch
