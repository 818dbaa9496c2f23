package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stack a test class runs for itself with {@code ./smbhub} (as a user would: the run profile), in
 * {@code var}, on {@code portBase}+ with its database on {@code dbPort}, and none of the test run's
 * own settings — so what it does never touches the shared system-test stack.
 */
record OwnStack(Path var, int portBase, int dbPort) {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** {@code ./smbhub args…} with extra environment, its output appended to {@code log}; its exit code. */
    int smbhub(Path log, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("smbhub").toString()));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process.environment().keySet().removeIf(name -> name.startsWith("SMBHUB_") || name.startsWith("MP_JWT"));
        process.environment().putAll(Map.of("SMBHUB_VAR", var.toString(), "SMBHUB_PORT_BASE", String.valueOf(portBase),
                "SMBHUB_DB_PORT", String.valueOf(dbPort)));
        process.environment().putAll(env);
        Process started = process.start();
        if (!started.waitFor(10, TimeUnit.MINUTES)) {
            // where it hangs: the commands still running under it (names and arguments of our scripts only)
            String waiting = started.descendants().map(p -> p.info().commandLine().orElse("?"))
                    .map(c -> c.length() > 200 ? c.substring(0, 200) : c).reduce("", (a, b) -> a + "\n  " + b);
            started.destroyForcibly();
            throw new AssertionError("./smbhub " + String.join(" ", args) + " took over 10 minutes, still running:" + waiting
                    + "\n" + Files.readString(log));
        }
        return started.exitValue();
    }

    void ok(Path log, Map<String, String> env, String... args) throws Exception {
        assertEquals(0, smbhub(log, env, args), "./smbhub " + String.join(" ", args) + ":\n" + Files.readString(log));
    }

    /** What {@code ./smbhub} said when it refused, as it must. */
    String refused(Path log, String... args) throws Exception {
        assertTrue(smbhub(log, Map.of(), args) != 0, "./smbhub " + String.join(" ", args) + " should have failed:\n"
                + Files.readString(log));
        return Files.readString(log);
    }

    /** Removes a folder or file the test made (if it made it). */
    static void delete(Path path) throws IOException {
        try (var paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (NoSuchFileException e) {
            // not made
        }
    }
}
