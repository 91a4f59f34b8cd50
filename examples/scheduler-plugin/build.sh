#!/usr/bin/env bash
# Builds the example scheduler into ../../plugins/lifo.jar, where ./osim finds it:
#   examples/scheduler-plugin/build.sh && ./osim run fig-2-41 -s lifo
# (javac against osim-api, one line in META-INF/services/org.osim.api.sched.SchedulerFactory, a jar)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../build-plugin.sh" "$here" lifo.jar org.osim.api.sched.SchedulerFactory ext.Lifo
