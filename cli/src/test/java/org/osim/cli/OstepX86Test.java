package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osim ostep x86}: x86.py's programs, flags and trace. The expected traces are the ones OSTEP's threads-intro
 * homework publishes for its questions, and, for the rules the homework does not show, worked out by hand.
 */
class OstepX86Test {
    @TempDir
    static Path dir;
    static String loop;
    static String race;
    static String flag;
    static String stack;

    @BeforeAll
    static void programs() throws IOException {
        // Written for these tests in the homework's own shapes: a countdown, an unlocked counter, a flag "lock".
        loop = write("loop.s", """
                .main
                .top
                sub  $1,%dx
                test $0,%dx
                jgte .top
                halt
                """);
        race = write("race.s", """
                .main
                .top
                mov 2000, %ax   # the shared counter
                add $1, %ax
                mov %ax, 2000
                sub  $1, %bx    # one turn less
                test $0, %bx
                jgt .top
                halt
                """);
        flag = write("flag.s", """
                .var flag
                .var count
                .main
                .top
                .acquire
                mov  flag, %ax
                test $0, %ax
                jne  .acquire
                mov  $1, flag
                mov  count, %ax
                add  $1, %ax
                mov  %ax, count
                mov  $0, flag
                sub  $1, %bx
                test $0, %bx
                jgt .top
                halt
                """);
        stack = write("stack.s", """
                .main
                mov $3, %cx
                mov $7, 0(%cx,%cx,4)
                mov 0(%cx,%cx,4), %dx
                lea 100(%cx), %ax
                push %ax
                push 8(%bp)
                call .f
                pop %bx
                pop
                neg %bx
                mul $2, %bx
                halt
                .f
                mov $5, %ax
                ret
                """);
    }

    private static String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    private static String arguments(String program, String... rest) {
        return "ARG seed 0\nARG numthreads " + rest[0] + "\nARG program " + program + "\n" + String.join("\n", rest).substring(
                rest[0].length() + 1) + "\n\n";
    }

    private static String run(String... args) {
        Cli c = Cli.run(args);
        assertThat(c.exit()).as(c.err()).isZero();
        return c.out();
    }

    @Test
    void twoThreadsCountDownTheirOwnRegisters() {
        // threads-intro question 2: x86.py -p loop.s -t 2 -i 100 -a dx=3,dx=3 -R dx -c
        assertThat(run("ostep", "x86-intro", "-p", loop, "-t", "2", "-i", "100", "-a", "dx=3,dx=3", "-R", "dx", "-c", "--as-ostep"))
                .isEqualTo(arguments(loop, "2", "ARG interrupt frequency 100", "ARG interrupt randomness False", "ARG argv dx=3,dx=3",
                        "ARG load address 1000", "ARG memsize 128", "ARG memtrace ", "ARG regtrace dx", "ARG cctrace False",
                        "ARG printstats False", "ARG verbose False") + """
                           dx          Thread 0                Thread 1        \s
                            3  \s
                            2   1000 sub  $1,%dx
                            2   1001 test $0,%dx
                            2   1002 jgte .top
                            1   1000 sub  $1,%dx
                            1   1001 test $0,%dx
                            1   1002 jgte .top
                            0   1000 sub  $1,%dx
                            0   1001 test $0,%dx
                            0   1002 jgte .top
                           -1   1000 sub  $1,%dx
                           -1   1001 test $0,%dx
                           -1   1002 jgte .top
                           -1   1003 halt
                            3   ----- Halt;Switch -----  ----- Halt;Switch ----- \s
                            2                            1000 sub  $1,%dx
                            2                            1001 test $0,%dx
                            2                            1002 jgte .top
                            1                            1000 sub  $1,%dx
                            1                            1001 test $0,%dx
                            1                            1002 jgte .top
                            0                            1000 sub  $1,%dx
                            0                            1001 test $0,%dx
                            0                            1002 jgte .top
                           -1                            1000 sub  $1,%dx
                           -1                            1001 test $0,%dx
                           -1                            1002 jgte .top
                           -1                            1003 halt
                        """);
    }

    @Test
    void anInterruptEveryTwoInstructionsInterleavesTheUpdate() {
        // threads-intro question 5: x86.py -p looping-race-nolock.s -t 2 -a bx=1 -M 2000 -i 2 (without -c: ? for values)
        String out = run("ostep", "x86-intro", "-p", race, "-t", "2", "-a", "bx=1", "-M", "2000", "-i", "2", "--as-ostep");
        assertThat(out.substring(out.indexOf(" 2000 "))).isEqualTo("""
                 2000          Thread 0                Thread 1        \s
                    ?  \s
                    ?   1000 mov 2000, %ax
                    ?   1001 add $1, %ax
                    ?   ------ Interrupt ------  ------ Interrupt ------ \s
                    ?                            1000 mov 2000, %ax
                    ?                            1001 add $1, %ax
                    ?   ------ Interrupt ------  ------ Interrupt ------ \s
                    ?   1002 mov %ax, 2000
                    ?   1003 sub  $1, %bx
                    ?   ------ Interrupt ------  ------ Interrupt ------ \s
                    ?                            1002 mov %ax, 2000
                    ?                            1003 sub  $1, %bx
                    ?   ------ Interrupt ------  ------ Interrupt ------ \s
                    ?   1004 test $0, %bx
                    ?   1005 jgt .top
                    ?   ------ Interrupt ------  ------ Interrupt ------ \s
                    ?                            1004 test $0, %bx
                    ?                            1005 jgt .top
                    ?   ------ Interrupt ------  ------ Interrupt ------ \s
                    ?   1006 halt
                    ?   ----- Halt;Switch -----  ----- Halt;Switch ----- \s
                    ?                            1006 halt
                """);
        // osim's own report of the same run: the update lost, the counter at 1 of 2.
        assertThat(run("ostep", "x86-intro", "-p", race, "-t", "2", "-a", "bx=1", "-M", "2000", "-i", "2"))
                .contains("memory at the end: memory {2000: 1} (131071 other elements 0)");
    }

    @Test
    void randomInterruptsDrawAsTheScriptDoes() {
        // threads-intro question 3, -s 0: CPython's random.seed(0) draws counts 3, 3, 2, 1, 2, 2, 3, 1, 2, ...
        String out = run("ostep", "x86-intro", "-p", loop, "-t", "2", "-i", "3", "-r", "-a", "dx=3,dx=3", "-R", "dx", "-c",
                "--as-ostep");
        assertThat(out).contains("ARG interrupt randomness True\n");
        assertThat(out.substring(out.indexOf("   dx "))).startsWith("""
                   dx          Thread 0                Thread 1        \s
                    3  \s
                    2   1000 sub  $1,%dx
                    2   1001 test $0,%dx
                    2   1002 jgte .top
                    3   ------ Interrupt ------  ------ Interrupt ------ \s
                    2                            1000 sub  $1,%dx
                    2                            1001 test $0,%dx
                    2                            1002 jgte .top
                    2   ------ Interrupt ------  ------ Interrupt ------ \s
                    1   1000 sub  $1,%dx
                    1   1001 test $0,%dx
                    2   ------ Interrupt ------  ------ Interrupt ------ \s
                    1                            1000 sub  $1,%dx
                    1   ------ Interrupt ------  ------ Interrupt ------ \s
                """).endsWith("""
                   -1   1003 halt
                    0   ----- Halt;Switch -----  ----- Halt;Switch ----- \s
                   -1                            1000 sub  $1,%dx
                   -1                            1001 test $0,%dx
                   -1   ------ Interrupt ------  ------ Interrupt ------ \s
                   -1                            1002 jgte .top
                   -1                            1003 halt
                """);
    }

    @Test
    void aHaltThatUsesTheCountUpSwitchesTwice() {
        // Four instructions a thread, an interrupt every four: each halt hands a count of 0 on, so the next thread is
        // passed over at once (thread 1 runs last).
        String out = run("ostep", "x86-intro", "-p", loop, "-t", "3", "-i", "4", "-R", "dx", "-c", "--as-ostep");
        String h = "----- Halt;Switch -----  ".repeat(3);
        String i = "------ Interrupt ------  ".repeat(3);
        assertThat(out.substring(out.indexOf("   dx "))).isEqualTo("   dx          Thread 0                Thread 1        "
                + "        Thread 2         \n    0   \n" + rows("   -1   ", "") + "    0   " + h + "\n    0   " + i + "\n"
                + rows("   -1   ", " ".repeat(50)) + "    0   " + h + "\n    0   " + i + "\n" + rows("   -1   ", " ".repeat(25)));
    }

    private static String rows(String value, String column) {
        return value + column + "1000 sub  $1,%dx\n" + value + column + "1001 test $0,%dx\n" + value + column + "1002 jgte .top\n"
                + value + column + "1003 halt\n";
    }

    @Test
    void theLocksVersionFollowsAScheduleAndCountsInstructions() {
        // -P 0011: two instructions each in turn; a halt moves on twice, so thread 1 finishes without an Interrupt row.
        String out = run("ostep", "x86", "-p", flag, "-t", "2", "-a", "bx=1", "-M", "flag,count", "-R", "ax,bx", "-C", "-c",
                "-P", "0011", "-S", "--as-ostep");
        assertThat(out).contains("ARG procsched 0011\nARG argv bx=1\n");
        String trace = out.substring(out.indexOf("icount"));
        assertThat(trace).startsWith("""
                icount  flag count      ax    bx   >= >  <= <  != ==        Thread 0                Thread 1        \s

                     0     0     0       0     1   0  0  0  0  0  0 \s
                     0     0     0       0     1   0  0  0  0  0  0  1000 mov  flag, %ax
                     1     0     0       0     1   1  0  1  0  0  1  1001 test $0, %ax
                     2     0     0       0     1   0  0  0  0  0  0  ------ Interrupt ------  ------ Interrupt ------ \s
                     2     0     0       0     1   0  0  0  0  0  0                           1000 mov  flag, %ax
                """);
        assertThat(trace).endsWith("""
                    20     0     1       1     0   1  0  1  0  0  1  1010 jgt .top
                    21     0     1       1     0   1  0  1  0  0  1  1011 halt
                    22     0     1       1     0   1  0  1  0  0  1  ----- Halt;Switch -----  ----- Halt;Switch ----- \s
                    22     0     1       1     0   1  0  1  0  0  1                           1010 jgt .top
                    23     0     1       1     0   1  0  1  0  0  1                           1011 halt

                STATS:: Instructions    24
                """);
        // Both threads took the flag: it is no lock. The count ends at 1 of 2.
        assertThat(trace).contains("    12     1     1       1     1   1  0  1  0  0  1  1006 mov  %ax, count\n");
    }

    @Test
    void theStackCallsAndTwoRegisterOperandsWorkInFlatMemory() {
        String out = run("ostep", "x86", "-p", stack, "-t", "1", "-a", "bp=200", "-M", "15,127996,127992,127988",
                "-R", "ax,bx,sp", "-c", "--as-ostep");
        assertThat(out.substring(out.indexOf("   15 "))).isEqualTo("""
                   15 127996 127992 127988      ax    bx    sp          Thread 0        \s

                    0     0     0     0       0     0 128000  \s
                    0     0     0     0       0     0 128000   1000 mov $3, %cx
                    7     0     0     0       0     0 128000   1001 mov $7, 0(%cx,%cx,4)
                    7     0     0     0       0     0 128000   1002 mov 0(%cx,%cx,4), %dx
                    7     0     0     0     103     0 128000   1003 lea 100(%cx), %ax
                    7   103     0     0     103     0 127996   1004 push %ax
                    7   103   208     0     103     0 127992   1005 push 8(%bp)
                    7   103   208  1007     103     0 127988   1006 call .f
                    7   103   208  1007       5     0 127988   1012 mov $5, %ax
                    7   103   208  1007       5     0 127992   1013 ret
                    7   103   208  1007       5   208 127996   1007 pop %bx
                    7   103   208  1007       5   208 128000   1008 pop
                    7   103   208  1007       5  -208 128000   1009 neg %bx
                    7   103   208  1007       5  -416 128000   1010 mul $2, %bx
                    7   103   208  1007       5  -416 128000   1011 halt
                """);
    }

    @Test
    void badFlagsAndProgramsAreClearErrors() {
        Cli noFile = Cli.run("ostep", "x86", "-t", "2");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).isEqualTo("osim: x86.py: Program file must be specified (-p FILE.s)\n");
        assertThat(Cli.run("ostep", "x86", "-p", loop, "-i", "0").err()).isEqualTo("osim: x86.py: Interrupt frequency must be greater than 0\n");
        assertThat(Cli.run("ostep", "x86", "-p", loop, "-t", "3", "-a", "dx=1,dx=2").err())
                .isEqualTo("osim: x86.py: argv: must be one per-thread or just one set of values for all threads\n");
        assertThat(Cli.run("ostep", "x86", "-p", loop, "-P", "0002").err())
                .isEqualTo("osim: x86.py: bad schedule: cannot include a thread that does not exist (2)\n");
        assertThat(Cli.run("ostep", "x86", "-p", loop, "-P", "000").err())
                .isEqualTo("osim: x86.py: bad schedule: does not include ALL threads (1 is missing from 000)\n");
        assertThat(Cli.run("ostep", "x86-intro", "-p", loop, "-P", "01").err()).startsWith("osim: x86.py: no such option: -P");
        assertThat(Cli.run("ostep", "x86", "-p", loop, "-R", "gx").err())
                .isEqualTo("osim: x86.py: Register gx cannot be traced because it does not exist\n");
        assertThat(Cli.run("ostep", "x86", "-p", loop, "-M", "nothere").err())
                .isEqualTo("osim: x86.py: -M: nothere is neither an address below 131072 nor a declared .var\n");
    }

    @Test
    void theShippedExamplesLoseUpdatesOrKeepThemAsTheirLocksDeserve() {
        // The count at the end: race.s and flag.s lose updates; the atomic exchange and Peterson never do, whatever
        // the interrupts.
        assertThat(run("ostep", "x86", "-p", "../examples/ostep/race.s", "-t", "2", "-a", "bx=3", "-M", "2000", "-i", "2"))
                .contains("memory at the end: memory {2000: 3}");
        assertThat(run("ostep", "x86", "-p", "../examples/ostep/flag.s", "-t", "2", "-a", "bx=3", "-M", "flag,count", "-P", "0011"))
                .contains("memory at the end: memory {104: 3}");
        for (int seed = 0; seed < 20; seed++) {
            assertThat(run("ostep", "x86", "-p", "../examples/ostep/test-and-set.s", "-t", "2", "-a", "bx=5", "-i", "3", "-r",
                    "-s", String.valueOf(seed))).as("seed " + seed).contains("memory at the end: memory {104: 10}");
            assertThat(run("ostep", "x86", "-p", "../examples/ostep/peterson.s", "-t", "2", "-a", "bx=0:dx=5,bx=1:dx=5", "-i", "4",
                    "-r", "-s", String.valueOf(seed))).as("seed " + seed).contains("112: 10}");
        }
    }

    @Test
    void theLocksVersionsCountAndHeaderRowsFallWhereTheScriptPutsThem() {
        // -S alone: the first row is only the count, and it has no line of its own (no trace groups to end it).
        assertThat(run("ostep", "x86", "-p", loop, "-t", "1", "-S", "--as-ostep")).endsWith("""
                icount        Thread 0        \s

                     0      0 1000 sub  $1,%dx
                     1 1001 test $0,%dx
                     2 1002 jgte .top
                     3 1003 halt

                STATS:: Instructions    4
                """);
        // -H 3: the header again before every third instruction, then the values as they stand.
        assertThat(run("ostep", "x86", "-p", loop, "-t", "2", "-a", "dx=1", "-R", "dx", "-H", "3", "-c", "--as-ostep"))
                .contains("""
                           -1   1002 jgte .top

                           dx          Thread 0                Thread 1        \s

                           -1  \s
                           -1   1003 halt
                            1   ----- Halt;Switch -----  ----- Halt;Switch ----- \s
                        """);
    }

    @Test
    void rdumpAndMdumpPrintAsTheyRun() throws IOException {
        String dump = write("dump.s", ".main\nmov $5, %ax\nmov %ax, 2000\nrdump\nmdump 2000\nhalt\n");
        // threads-locks: six registers and no newline, so the row goes on on the same line; mdump: the cell and its value.
        assertThat(run("ostep", "x86", "-p", dump, "-t", "1", "-R", "ax", "-c", "--as-ostep")).endsWith("""
                    5   1001 mov %ax, 2000
                REGISTERS:: ax: 5 bx: 0 cx: 0 dx: 0 ex: 0 fx: 0     5   1002 rdump
                m[2000]  5
                    5   1003 mdump 2000
                    5   1004 halt
                """);
        // threads-intro: four registers, and a line of their own.
        assertThat(run("ostep", "x86-intro", "-p", dump, "-t", "1", "-c", "--as-ostep"))
                .endsWith("REGISTERS:: ax: 5 bx: 0 cx: 0 dx: 0\n1002 rdump\nm[2000]  5\n1003 mdump 2000\n1004 halt\n");
    }
}
