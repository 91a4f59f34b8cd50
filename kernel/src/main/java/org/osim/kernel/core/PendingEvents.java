package org.osim.kernel.core;

/**
 * What may still wake a thread or bring a new one: pending wake-ups (I/O, sleeps, time-outs, releases) and
 * arrivals (processes, messages). With none, no thread held and every CPU idle, the run is over — or, with
 * threads still blocked, deadlocked.
 */
final class PendingEvents {
    int wakeups;
    int arrivals;
}
