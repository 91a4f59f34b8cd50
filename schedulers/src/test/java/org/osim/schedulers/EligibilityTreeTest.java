package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EligibilityTreeTest {
    private record Entry(TicketTreeTest.RunQueuesTask task, double v, double d, int order) {}

    /** The tree must pick what a scan picks: among entries with v ≤ V, the earliest deadline, then the earliest added. */
    @Test
    void picksWhatABruteForceScanPicks() {
        SplittableRandom r = new SplittableRandom(9);
        EligibilityTree tree = new EligibilityTree();
        List<Entry> present = new ArrayList<>();
        int order = 0;
        for (int step = 0; step < 20_000; step++) {
            int op = r.nextInt(10);
            if (op < 5 || present.isEmpty()) {
                var t = new TicketTreeTest.RunQueuesTask("t" + step, 1);
                double v = r.nextInt(100);
                double d = v + r.nextInt(50);
                tree.add(t, v, d);
                present.add(new Entry(t, v, d, order++));
            } else if (op < 9) {
                double bound = r.nextInt(120);
                Entry expected = null;
                for (Entry e : present) {
                    if (e.v() <= bound && (expected == null || e.d() < expected.d()
                            || (e.d() == expected.d() && e.order() < expected.order()))) {
                        expected = e;
                    }
                }
                var got = tree.pollEligible(bound);
                if (expected == null) {
                    assertThat(got).isNull();
                } else {
                    assertThat(got).isSameAs(expected.task());
                    present.remove(expected);
                }
            } else {
                Entry gone = present.remove(r.nextInt(present.size()));
                assertThat(tree.remove(gone.task())).isTrue();
            }
            assertThat(tree.size()).isEqualTo(present.size());
        }
    }
}
