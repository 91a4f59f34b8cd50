package org.osim.api.result;

import static java.util.Objects.requireNonNull;

/** One stretch of the schedule as it ran: {@code task} ran on {@code cpu} from {@code start} to {@code end}. */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record SliceRecord(int cpu, String task, long start, long end) {
    public SliceRecord {
        requireNonNull(task, "task is null");
    }
}
