package org.osim.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceTest {
    @Test
    void servesRequestsFirstComeFirstServedOneAtATime() {
        Engine engine = new Engine();
        Machine machine = new Machine(engine, 1, CostProfile.TEXTBOOK, 0);
        Device disk = machine.device("disk");
        List<String> done = new ArrayList<>();
        engine.at(0, EventRank.ARRIVAL, () -> {
            disk.submit(10, () -> done.add("a@" + engine.now()));
            disk.submit(5, () -> done.add("b@" + engine.now()));
        });
        engine.at(3, EventRank.ARRIVAL, () -> disk.submit(1, () -> done.add("c@" + engine.now())));
        engine.run();
        assertThat(done).containsExactly("a@10", "b@15", "c@16");
        assertThat(disk.busyNanos()).isEqualTo(16);
        assertThat(disk.requests()).isEqualTo(3);
        assertThat(disk.maxQueueLength()).isEqualTo(2);
        assertThat(machine.device("disk")).isSameAs(disk);
    }

    @Test
    void aCancelledRequestIsSkipped() {
        Engine engine = new Engine();
        Device disk = new Device("disk", engine);
        List<String> done = new ArrayList<>();
        engine.at(0, EventRank.ARRIVAL, () -> {
            disk.submit(10, () -> done.add("a@" + engine.now()));
            disk.submit(5, () -> done.add("b@" + engine.now())).cancel();
            disk.submit(2, () -> done.add("c@" + engine.now()));
        });
        engine.run();
        assertThat(done).containsExactly("a@10", "c@12");
    }

    @Test
    void overheadIsChargedApartFromWork() {
        Cpu cpu = new Cpu(0);
        assertThat(cpu.chargeOverhead(100, 3)).isEqualTo(103);
        assertThat(cpu.chargeOverhead(101, 2)).isEqualTo(105);
        assertThat(cpu.freeAt(200)).isEqualTo(200);
        cpu.addBusy(50);
        assertThat(cpu.overheadNanos()).isEqualTo(5);
        assertThat(cpu.busyNanos()).isEqualTo(50);
        assertThat(CostProfile.named("modern").processSwitch()).isEqualTo(3_000);
        assertThat(CostProfile.TEXTBOOK.free()).isTrue();
    }
}
