package org.osim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every public type of osim-api says how far it may be relied on; the SPI a plugin implements is stable. */
class ApiTest {
    @Test
    void everyPublicTypeCarriesItsStatus() throws Exception {
        Path classes = Path.of(Api.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name);
                if (Modifier.isPublic(c.getModifiers()) && !name.endsWith("package-info")) {
                    checked++;
                    if (!c.isAnnotationPresent(Api.class)) {
                        missing.add(name);
                    }
                }
            }
        }
        assertThat(missing).as("public types without @Api").isEmpty();
        assertThat(checked).isGreaterThan(70);
        for (Class<?> spi : List.of(org.osim.api.sched.Scheduler.class, org.osim.api.sched.SchedulerFactory.class,
                org.osim.api.sched.Task.class, org.osim.api.object.KernelObject.class, org.osim.api.object.KernelObjectFactory.class,
                org.osim.api.object.ObjectContext.class, org.osim.api.sched.SchedulerPlugin.class)) {
            assertThat(spi.getAnnotation(Api.class).value()).as(spi.getName()).isEqualTo(Api.Status.STABLE);
        }
    }
}
