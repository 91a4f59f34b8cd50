package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.osim.api.result.SliceRecord;
import org.osim.schedulers.OstepMlfqScript.Job;
import org.osim.schedulers.OstepMlfqScript.Options;
import org.osim.schedulers.OstepMlfqScript.Outcome;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/**
 * {@code mlfq variant=ostep} against OSTEP's {@code mlfq.py}: the ch. 8 job lists with the script's numbers,
 * and seeded random job lists whose every tick must match a transcription of the script.
 */
class MlfqOstepVariantTest {
    private static final long MS = 1_000_000;

    @Test
    void fig83AShortJobArrivesWhileALongOneRuns() {
        // mlfq.py -l 0,200,0:100,20,0 -c
        assertScript(jobs("0,200,0:100,20,0"), options(10, 1, 0, 5, false, false), new int[] {0, 0}, new int[] {220, 20});
    }

    @Test
    void fig84AnInteractiveJobStaysOnTop() {
        // mlfq.py -l 0,175,0:50,25,1 -c: B runs one tick, then 5 of I/O; the script charges the slice across
        // the I/O (the final rule 4), so B sinks after 10 ticks; with -S (the book's first rules) it stays on top
        HarnessResult r = assertScript(jobs("0,175,0:50,25,1"), options(10, 1, 0, 5, false, false),
                new int[] {0, 0}, new int[] {197, 160});
        assertThat(r.process("J1").figure("level").orElseThrow().value()).isEqualTo(2);
        HarnessResult stay = assertScript(jobs("0,175,0:50,25,1"), options(10, 1, 0, 5, true, false),
                new int[] {0, 0}, new int[] {200, 145});
        assertThat(stay.process("J1").figure("level").orElseThrow().value()).isZero();
    }

    @Test
    void fig85TheBoostEndsStarvation() {
        // mlfq.py -l 0,200,0:100,50,5:100,50,5 -B 50 -c
        assertScript(jobs("0,200,0:100,50,5:100,50,5"), options(10, 1, 50, 5, false, false),
                new int[] {0, 10, 15}, new int[] {300, 165, 170});
    }

    @Test
    void fig86GamingWithStayAfterIo() {
        // mlfq.py -l 0,200,0:80,90,9 -i 1 -S -c: B gives up the CPU just before its slice ends and stays on top
        assertScript(jobs("0,200,0:80,90,9"), options(10, 1, 0, 1, true, false), new int[] {0, 0}, new int[] {290, 99});
        // without -S the allotment counts across the I/O and B sinks
        assertScript(jobs("0,200,0:80,90,9"), options(10, 1, 0, 1, false, false), new int[] {0, 0}, new int[] {272, 211});
    }

    @Test
    void fig87LongerSlicesLower() {
        // mlfq.py -l 0,140,0:0,140,0 -Q 10,20,40 -A 2,2,2 -c
        Options o = new Options(new int[] {10, 20, 40}, new int[] {2, 2, 2}, 0, 5, false, false);
        assertScript(jobs("0,140,0:0,140,0"), o, new int[] {0, 10}, new int[] {240, 280});
    }

    @Test
    void ioBumpPutsAJobBackFromIoAtTheHead() {
        // mlfq.py -l 0,50,5:0,50,5:0,50,0 -I -i 3 -c; the osim rules send it to the back and differ
        Options o = options(10, 1, 0, 3, false, true);
        assertScript(jobs("0,50,5:0,50,5:0,50,0"), o, new int[] {0, 5, 15}, new int[] {115, 125, 150});
        HarnessResult osim = SchedulerHarness.of(new MultiLevelFeedbackQueue()).param("ioToFront", "true")
                .workloadYaml(OstepMlfqScript.workloadYaml(jobs("0,50,5:0,50,5:0,50,0"), 3)).run();
        assertThat(osim.process("J1").turnaround().orElseThrow()).isEqualTo(120 * MS);
    }

    @Test
    void aPreemptedJobKeepsItsPlaceAndTheRestOfItsSlice() {
        // A and B sink to the middle queue; C arrives at 25, mid-way through A's slice there. A resumes first,
        // for the 5 ticks it had left; the osim rules put A behind B and give it a fresh slice.
        List<Job> j = jobs("0,100,0:0,100,0:25,10,0");
        HarnessResult r = assertScript(j, options(10, 1, 0, 5, false, false), new int[] {0, 10, 0}, new int[] {200, 210, 10});
        assertThat(r.schedule()).startsWith("J0 0-10 | J1 10-20 | J0 20-25 | J2 25-35 | J0 35-40 | J1 40-50 | J0 50-60");
        HarnessResult osim = SchedulerHarness.of(new MultiLevelFeedbackQueue()).workloadYaml(OstepMlfqScript.workloadYaml(j, 5)).run();
        assertThat(osim.schedule()).startsWith("J0 0-10 | J1 10-20 | J0 20-25 | J2 25-35 | J1 35-45 | J0 45-");
    }

    @Test
    void matchesTheScriptTickForTickOnRandomJobLists() {
        SplittableRandom rnd = new SplittableRandom(2026);
        for (int k = 0; k < 150; k++) {
            List<Job> list = new ArrayList<>();
            for (int j = 0, n = rnd.nextInt(1, 5); j < n; j++) {
                list.add(new Job(rnd.nextBoolean() ? 0 : rnd.nextInt(0, 61), rnd.nextInt(1, 81),
                        rnd.nextBoolean() ? 0 : rnd.nextInt(1, 13)));
            }
            int levels = rnd.nextInt(1, 5);
            int[] quantum = new int[levels];
            int[] allotment = new int[levels];
            for (int i = 0; i < levels; i++) {
                quantum[i] = rnd.nextInt(1, 21);
                allotment[i] = rnd.nextInt(1, 4);
            }
            Options o = new Options(quantum, allotment, rnd.nextBoolean() ? 0 : rnd.nextInt(5, 61), rnd.nextInt(1, 9),
                    rnd.nextBoolean(), rnd.nextBoolean());
            Outcome script = OstepMlfqScript.run(list, o);
            HarnessResult r = run(list, o);
            String what = "case " + k + ": " + list + " " + Arrays.toString(quantum) + " " + Arrays.toString(allotment)
                    + " boost " + o.boost() + " io " + o.ioTime() + " stay " + o.stay() + " bump " + o.ioBump();
            assertThat(ticks(r)).as(what).isEqualTo(trimIdle(script.ticks()));
        }
    }

    private static HarnessResult assertScript(List<Job> list, Options o, int[] response, int[] turnaround) {
        Outcome script = OstepMlfqScript.run(list, o);
        assertThat(script.response()).as("the script's response times").containsExactly(response);
        assertThat(script.turnaround()).as("the script's turnaround times").containsExactly(turnaround);
        HarnessResult r = run(list, o);
        for (int j = 0; j < list.size(); j++) {
            assertThat(r.process("J" + j).turnaround().orElseThrow()).as("J" + j + " turnaround").isEqualTo(turnaround[j] * MS);
            assertThat(r.process("J" + j).firstRun().orElseThrow() - r.process("J" + j).arrival())
                    .as("J" + j + " response").isEqualTo(response[j] * MS);
        }
        assertThat(ticks(r)).isEqualTo(trimIdle(script.ticks()));
        return r;
    }

    private static HarnessResult run(List<Job> list, Options o) {
        return SchedulerHarness.of(new MultiLevelFeedbackQueue())
                .param("variant", "ostep")
                .param("queues", String.valueOf(o.quantumHighFirst().length))
                .param("quantum", Arrays.stream(o.quantumHighFirst()).mapToObj(q -> q + "ms").collect(Collectors.joining("/")))
                .param("allotment", Arrays.stream(o.allotmentHighFirst()).mapToObj(String::valueOf).collect(Collectors.joining("/")))
                .param("boost", o.boost() + "ms")
                .param("keepOnIo", String.valueOf(o.stay()))
                .param("ioToFront", String.valueOf(o.ioBump()))
                .workloadYaml(OstepMlfqScript.workloadYaml(list, o.ioTime()))
                .run();
    }

    /** Who ran in each millisecond, -1 when idle, up to the last completion. */
    private static List<Integer> ticks(HarnessResult r) {
        List<Integer> out = new ArrayList<>();
        for (SliceRecord s : r.result().slices()) {
            while (out.size() < s.start() / MS) {
                out.add(-1);
            }
            for (long t = s.start(); t < s.end(); t += MS) {
                out.add(Integer.parseInt(s.task().substring(1)));
            }
        }
        return out;
    }

    private static List<Integer> trimIdle(List<Integer> ticks) {
        int end = ticks.size();
        while (end > 0 && ticks.get(end - 1) == -1) {
            end--;
        }
        return ticks.subList(0, end);
    }

    private static Options options(int quantum, int allotment, int boost, int ioTime, boolean stay, boolean ioBump) {
        return new Options(new int[] {quantum, quantum, quantum}, new int[] {allotment, allotment, allotment}, boost, ioTime,
                stay, ioBump);
    }

    /** The script's {@code -l} syntax: {@code start,run,ioFreq:start,run,ioFreq:...}. */
    private static List<Job> jobs(String list) {
        List<Job> out = new ArrayList<>();
        for (String job : list.split(":")) {
            String[] f = job.split(",");
            out.add(new Job(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])));
        }
        return out;
    }
}
