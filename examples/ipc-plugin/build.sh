#!/usr/bin/env bash
# Builds the example IPC mechanism into ../../plugins/pmq.jar, where ./osim finds it:
#   examples/ipc-plugin/build.sh && ./osim run examples/ipc-plugin/pmq.yaml -s fcfs
# (javac against osim-api, one line in META-INF/services/org.osim.api.object.KernelObjectFactory, a jar)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../build-plugin.sh" "$here" pmq.jar org.osim.api.object.KernelObjectFactory ext.PriorityMessageQueue
