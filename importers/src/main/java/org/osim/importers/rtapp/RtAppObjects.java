package org.osim.importers.rtapp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;
import org.osim.api.workload.ObjectSpec;
import org.osim.importers.rtapp.LenientJson.Obj;
import org.osim.importers.rtapp.RtAppTask.Event;

/**
 * The kernel objects an rt-app file uses, made from the names its events give (rt-app makes its resources on the
 * fly): a mutex per locked name, with the conditions waited on under it; a barrier per name, of as many parties as
 * the threads of the tasks that meet there; a semaphore per name, starting at 0; a manual-reset event per task that
 * suspends, pulsed by {@code resume}.
 */
final class RtAppObjects {
    private final boolean inherit;
    /** Each object's osim name and type, by rt-app name. */
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, Integer> parties = new HashMap<>();
    private final Map<String, String> mutexOfCondition = new HashMap<>();
    private final Map<String, Integer> timerThreads = new HashMap<>();
    int highestCpu = -1;

    RtAppObjects(boolean inherit) {
        this.inherit = inherit;
    }

    void collect(RtAppTask t) {
        t.cpus.forEach(c -> highestCpu = Math.max(highestCpu, c));
        for (RtAppTask.Phase p : t.phases) {
            for (Event e : p.events()) {
                switch (e.kind()) {
                    case "lock", "unlock" -> declare(name(t, e), "mutex", e);
                    case "wait", "sync" -> {
                        Obj w = RtAppImporter.object(e.value(), e.kind() + ": { ref: condition, mutex: name }");
                        String mutex = w.get("mutex").map(v -> RtAppImporter.string(v, "a mutex name")).orElseThrow(
                                () -> OsimException.badInput(e.value().at(), "task " + t.name + ": " + e.key() + " needs its mutex"));
                        String cond = w.get("ref").map(v -> RtAppImporter.string(v, "a condition name")).orElseThrow(
                                () -> OsimException.badInput(e.value().at(), "task " + t.name + ": " + e.key() + " needs its ref"));
                        declare(mutex, "mutex", e);
                        String before = mutexOfCondition.putIfAbsent(cond, mutex);
                        if (before != null && !before.equals(mutex)) {
                            throw OsimException.badInput(e.value().at(), "condition '" + cond + "' is waited on under mutex '" + before
                                    + "' and '" + mutex + "': a condition belongs to one mutex");
                        }
                    }
                    case "barrier" -> {
                        declare(name(t, e), "barrier", e);
                        parties.merge(name(t, e), Math.max(1, t.instance), Integer::sum);
                    }
                    case "sem_post", "sem_wait" -> declare(name(t, e), "semaphore", e);
                    case "suspend" -> declare("suspend-" + t.name, "event", e);
                    case "resume" -> declare("suspend-" + osim(name(t, e)), "event", e);
                    default -> { }
                }
            }
        }
    }

    /** The osim instruction of event {@code e} of task {@code t} ("" for none), its objects already collected. */
    String instruction(RtAppTask t, Event e) {
        return switch (e.kind()) {
            case "run" -> micros(t, e, "cpu");
            case "sleep" -> micros(t, e, "sleep");
            case "lock" -> "call " + osim(name(t, e)) + ".lock";
            case "unlock" -> "call " + osim(name(t, e)) + ".unlock";
            case "wait", "sync" -> {
                Obj w = RtAppImporter.object(e.value(), "{ ref, mutex }");
                String m = osim(RtAppImporter.string(w.get("mutex").orElseThrow(), "a mutex name"));
                String c = osim(RtAppImporter.string(w.get("ref").orElseThrow(), "a condition name"));
                yield (e.kind().equals("sync") ? "call " + m + ".signal " + c + "; " : "") + "call " + m + ".wait " + c;
            }
            case "signal", "broad" -> {
                String cond = name(t, e);
                String m = mutexOfCondition.get(cond);
                if (m == null) {
                    throw OsimException.badInput(e.value().at(), "task " + t.name + ": " + e.key() + " '" + cond + "': no wait "
                            + "names the mutex of this condition, so osim cannot tell which mutex it belongs to");
                }
                yield "call " + osim(m) + (e.kind().equals("signal") ? ".signal " : ".broadcast ") + osim(cond);
            }
            case "barrier" -> "call " + osim(name(t, e)) + ".wait";
            case "sem_post" -> "call " + osim(name(t, e)) + ".up";
            case "sem_wait" -> "call " + osim(name(t, e)) + ".down";
            case "suspend" -> "waitfor suspend-" + t.name;
            case "resume" -> "call suspend-" + osim(name(t, e)) + ".pulse";
            case "yield" -> "yield";
            case "fork" -> "spawn " + osim(name(t, e));
            case "timer" -> "";
            default -> throw new IllegalStateException(e.kind());
        };
    }

    /** A timer shared by several threads advances one expiry for all: only a thread's own timer is its period. */
    void timerUsed(String ref, int threads, SourceLocation at) {
        int n = timerThreads.merge(ref, threads, Integer::sum);
        if (n > 1 && !ref.startsWith("unique")) {
            throw OsimException.badInput(at, "timer '" + ref + "' is shared by " + n + " threads, which advance one expiry "
                    + "together; osim imports a timer as its thread's period: name it unique (or unique_…)");
        }
    }

    List<ObjectSpec> specs() {
        List<ObjectSpec> out = new ArrayList<>();
        types.forEach((name, type) -> {
            Map<String, String> params = new LinkedHashMap<>();
            switch (type) {
                case "mutex" -> {
                    if (inherit) {
                        params.put("inherit", "true");
                    }
                }
                case "barrier" -> params.put("parties", String.valueOf(parties.get(name)));
                case "event" -> params.put("reset", "manual");
                default -> { }
            }
            out.add(RtAppImporter.objectSpec(osim(name), type, params));
        });
        return out;
    }

    private void declare(String name, String type, Event e) {
        String before = types.putIfAbsent(name, type);
        if (before != null && !before.equals(type)) {
            throw OsimException.badInput(e.value().at(), "'" + name + "' names a " + before + " and a " + type
                    + ": osim's kernel objects have one name each");
        }
    }

    private static String name(RtAppTask t, Event e) {
        return RtAppImporter.string(e.value(), e.key() + ": a name");
    }

    /** rt-app names are any text; osim's are a letter, then letters, digits, _ and -. */
    static String osim(String name) {
        String n = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return n.isEmpty() || !Character.isLetter(n.charAt(0)) ? "r_" + n : n;
    }

    private static String micros(RtAppTask t, Event e, String instruction) {
        long us = RtAppImporter.integer(e.value(), e.key() + ": µs");
        if (us < 0) {
            throw OsimException.badInput(e.value().at(), "task " + t.name + ": " + e.key() + ": expected µs of 0 or more, got " + us);
        }
        return us == 0 ? "" : instruction + " " + us + "us";
    }
}
