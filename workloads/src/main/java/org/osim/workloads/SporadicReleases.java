package org.osim.workloads;

import static org.osim.workloads.Nodes.*;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.OsimException;

/** A sporadic task's {@code releases: [0ms, 25ms, 40ms]}: every release listed (a SimSo task's activation dates). */
final class SporadicReleases {
    private SporadicReleases() {}

    /** The releases, relative to the first (which is 0), never decreasing. */
    static List<Long> listed(Node.Mapping rt, Node given, java.util.OptionalInt jobs) {
        if (rt.fields().containsKey("extra") || jobs.isPresent()) {
            throw OsimException.badInput(rt.fields().get("releases").keyAt(), "'releases' lists every release: give it without extra or jobs");
        }
        List<Long> listed = new ArrayList<>();
        for (Node r : sequence(given, "a list of release times, e.g. [0ms, 25ms, 40ms]").items()) {
            long at = duration(r, false);
            if (!listed.isEmpty() && at < listed.get(listed.size() - 1)) {
                throw OsimException.badInput(r.at(), "release times must not decrease");
            }
            listed.add(at);
        }
        if (listed.isEmpty() || listed.get(0) != 0) {
            throw OsimException.badInput(given.at(), "releases are relative to the first, which is 0 (move the task with offset)");
        }
        return listed;
    }
}
