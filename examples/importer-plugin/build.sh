#!/usr/bin/env bash
# Builds the example importer into ../../plugins/csv-jobs.jar, where ./osim finds it:
#   examples/importer-plugin/build.sh && ./osim list importers
# (javac against osim-api, one line in META-INF/services/org.osim.api.workload.WorkloadImporter, a jar)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../build-plugin.sh" "$here" csv-jobs.jar org.osim.api.workload.WorkloadImporter ext.CsvJobs
