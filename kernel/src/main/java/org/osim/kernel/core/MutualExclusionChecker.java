package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.SimTime;
import org.osim.api.result.Violation;
import org.osim.api.sched.ThreadState;
import org.osim.hardware.Engine;

/**
 * The four conditions of Tanenbaum §2.3.2, checked as programs run: mutual exclusion (two threads inside a
 * critical region at once), progress (condition 3), and starvation — priority inversion with busy waiting,
 * and livelock — with per-region statistics of entries and waits.
 */
final class MutualExclusionChecker {
    private final Engine engine;
    private final ProcessTable table;
    private final List<Violation> violations;
    private final InterleavingLog interleavings;
    /** How long a thread may spin or keep trying to enter a region: then it is starvation (100,000 instruction times). */
    private final long starvationBound;
    private int livelockProbe;

    MutualExclusionChecker(Engine engine, ProcessTable table, List<Violation> violations, InterleavingLog interleavings,
                           long instructionTime) {
        this.engine = engine;
        this.table = table;
        this.violations = violations;
        this.interleavings = interleavings;
        this.starvationBound = 100_000 * instructionTime;
    }

    /**
     * {@code t} has run one instruction while it wants a region. The checks are skipped when they have nothing
     * to do — nobody inside, several trying, no clock running — but looked at every 1,024th instruction even
     * then, for a livelock of several threads on one region.
     */
    void afterInstruction(ThreadControlBlock t) {
        CriticalRegion w = t.wantsRegion;
        if (w != null && (!w.inside.isEmpty() || w.wanting.size() == 1 || w.aloneSince >= 0 || w.stuckSince >= 0
                || (++livelockProbe & 1023) == 0)) {
            checkProgress(t);
        }
    }

    /** A thread ends: it leaves the regions it is in or wants. */
    void threadEnded(ThreadControlBlock t) {
        if (!regionStates.isEmpty()) {
            regionStates.values().forEach(r -> {
                r.inside.remove(t);
                r.wanting.remove(t);
            });
        }
    }

    /** How long a thread may spin for a region whose holders are ready but kept off the CPU: then it is starvation. */
    /**
     * Priority inversion with busy waiting (§2.3.3): {@code t} spins to enter a region whose holders are
     * runnable but never get the CPU — under strict priorities they never will, and the run would spin for
     * ever. Past the starvation bound it is reported, naming both, and the run ends.
     */
    void checkStarvation(ThreadControlBlock t, CriticalRegion r) {
        for (int i = 0; i < r.inside.size(); i++) { // no iterator: this runs for every instruction of a spin
            if (r.inside.get(i).state != ThreadState.READY) {
                r.stuckSince = -1;
                return;
            }
        }
        long now = engine.now();
        if (r.stuckSince < 0) {
            r.stuckSince = now;
            return;
        }
        if (now - r.stuckSince >= starvationBound) {
            List<String> who = new ArrayList<>();
            who.add(t.name);
            r.inside.forEach(x -> who.add(x.name));
            String holders = String.join(" and ", r.inside.stream().map(x -> x.name).toList());
            violations.add(new Violation("starvation", now, who, t.name + " has spun for " + SimTime.formatMillis(now - r.stuckSince)
                    + " ms to enter critical region '" + t.wants + "', held by " + holders + ", which is ready but does not "
                    + "get the CPU while " + t.name + " spins (priority inversion with busy waiting, Tanenbaum §2.3.3); "
                    + "the run stops here", ""));
            engine.stop();
        }
    }

    private final java.util.Map<String, CriticalRegion> regionStates = new java.util.LinkedHashMap<>();

    /** The regions' statistics, in the order they were first named. */
    List<org.osim.api.result.RegionResult> regionResults() {
        List<org.osim.api.result.RegionResult> out = new ArrayList<>();
        regionStates.forEach((name, r) -> out.add(new org.osim.api.result.RegionResult(name, r.entries, r.waits, r.totalWait,
                r.worstWait)));
        return out;
    }

    CriticalRegion regionState(String name) {
        return regionStates.computeIfAbsent(name, k -> new CriticalRegion());
    }

    /**
     * How many instructions a thread may execute kept out of a free region that nobody else wants: then it is
     * a progress violation. Counted in its own instructions, not in time, so that a thread that polls and
     * sleeps between polls is not taken for one spinning.
     */
    private static final int PROGRESS_STEPS = 1000;

    /**
     * Starvation with nobody inside: {@code t} has wanted region {@code r} for the starvation bound and nobody
     * has entered it since — every try fails though the region is free, as when philosophers take a fork,
     * find the other taken, put it back and try again in step (a livelock). Reported once, and the run stops,
     * since it would otherwise go on for ever. Returns whether it was reported.
     */
    boolean checkLivelock(ThreadControlBlock t, CriticalRegion r) {
        long now = engine.now();
        long since = Math.max(t.wantSince, r.lastEnter);
        if (now - since < starvationBound || engine.isStopped()) {
            return false;
        }
        List<String> who = new ArrayList<>();
        who.add(t.name);
        List<String> others = new ArrayList<>();
        for (ThreadControlBlock x : table.threads()) {
            if (x != t && x.wants != null && x.state != ThreadState.TERMINATED) {
                others.add(x.name);
                who.add(x.name);
            }
        }
        violations.add(new Violation("starvation", now, who, t.name + " has tried to enter critical region '" + t.wants + "' for "
                + SimTime.formatMillis(now - since) + " ms and nobody has been in it"
                + (others.isEmpty() ? "" : "; " + String.join(", ", others) + (others.size() == 1 ? " is" : " are")
                + " trying too, and every try fails: a livelock")
                + "; the run stops here", ""));
        engine.stop();
        return true;
    }

    /**
     * Condition 3 of §2.3.2: no process running outside its critical region may block another. {@code t}
     * is in its entry protocol; if the region has been empty, with nobody else trying to enter, for the
     * progress bound, whoever keeps it out is outside its critical region: a progress violation.
     */
    void checkProgress(ThreadControlBlock t) {
        CriticalRegion r = t.wantsRegion;
        if (!r.inside.isEmpty()) {
            checkStarvation(t, r);
        } else {
            r.stuckSince = -1;
            if (checkLivelock(t, r)) {
                return;
            }
        }
        if (!r.inside.isEmpty() || r.wanting.size() != 1) {
            r.aloneSince = -1;
            r.aloneSteps = 0;
            return;
        }
        long now = engine.now();
        if (r.aloneSince < 0) {
            r.aloneSince = now;
            r.aloneSteps = 0;
        } else if (++r.aloneSteps >= PROGRESS_STEPS && !r.reported && violations.size() < 100) {
            r.reported = true; // once per region: the point is made
            List<String> who = new ArrayList<>();
            who.add(t.name);
            List<String> outside = new ArrayList<>();
            for (ThreadControlBlock x : table.threads()) {
                if (x != t && x.state != ThreadState.TERMINATED && !x.carrier()) {
                    outside.add(x.name);
                    who.add(x.name);
                }
            }
            violations.add(new Violation("progress", now, who, t.name + " has been kept out of critical region '" + t.wants
                    + "' for " + SimTime.formatMillis(now - r.aloneSince) + " ms though nobody was in it or trying to enter"
                    + (outside.isEmpty() ? "" : ": " + String.join(", ", outside) + ", outside " + (outside.size() == 1 ? "its" : "their")
                    + " critical region, " + (outside.size() == 1 ? "keeps" : "keep") + " it out")
                    + " (condition 3 of Tanenbaum §2.3.2)", interleavings.scheduleSoFar()));
        }
    }

    /** {@code enter}/{@code leave}: a second thread inside a region is a mutual-exclusion violation. */
    void region(ThreadControlBlock t, String name, CriticalRegion state, boolean enter) {
        List<ThreadControlBlock> inside = state.inside;
        if (!enter) {
            inside.remove(t);
            return;
        }
        state.lastEnter = engine.now();
        state.entries++;
        if (t.wantsRegion == state) {
            long wait = engine.now() - t.wantSince;
            state.waits++;
            state.totalWait += wait;
            state.worstWait = Math.max(state.worstWait, wait);
        }
        if (t.wants != null) {
            CriticalRegion wanted = t.wantsRegion;
            wanted.wanting.remove(t);
            wanted.aloneSince = -1;
            t.wants = null;
            t.wantsRegion = null;
        }
        if (!inside.isEmpty() && violations.size() < 100) {
            List<String> who = new ArrayList<>();
            inside.forEach(x -> who.add(x.name));
            who.add(t.name);
            violations.add(new Violation("mutual-exclusion", engine.now(), who, String.join(" and ", who)
                    + " are in critical region '" + name + "' at once", interleavings.scheduleSoFar()));
        }
        inside.add(t);
    }
}
