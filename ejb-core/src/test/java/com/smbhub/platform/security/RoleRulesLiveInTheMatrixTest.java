package com.smbhub.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who may do what is decided only by {@link Permissions} (through {@link Access}, so a denial is
 * audited): no main code outside this package compares the caller's role with a named role.
 */
class RoleRulesLiveInTheMatrixTest {

    private static final String NAMED = "((\\w+\\.)*Role\\.(OWNER|ADMIN|STAFF|AGENT|VIEWER)|\"(OWNER|ADMIN|STAFF|AGENT|VIEWER)\")";
    /** A named role next to ==, !=, equals( or contains( on the same line. */
    static final Pattern COMPARISON = Pattern.compile(NAMED + "\\s*(==|!=|\\)?\\.equals\\()"
            + "|(==|!=)\\s*" + NAMED + "|\\.equals\\(\\s*" + NAMED + "|List\\.of\\([^)]*" + NAMED + "[^)]*\\)\\.contains\\(");
    private static final Path SECURITY = Path.of("com", "smbhub", "platform", "security");

    @Test
    void noCodeOutsideTheMatrixComparesRoles() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String module : List.of("ejb-core", "portal-war", "web-vaadin", "batch-jobs")) {
            Path sources = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(sources)) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    if (sources.relativize(file).startsWith(SECURITY)) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (COMPARISON.matcher(lines.get(i)).find()) {
                            found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "read the sources (" + files + " files)");
        assertEquals(List.of(), found, "role rules belong in Permissions (a Capability row), checked through Access");
    }

    @Test
    void thePatternCatchesTheShapesItIsFor() {
        for (String line : List.of("if (role != Role.OWNER && role != Role.ADMIN) {", "Access.resolved() == Role.OWNER",
                "List.of(Role.OWNER, Role.ADMIN).contains(access.role())", "\"ADMIN\".equals(role)",
                "role.equals(\"OWNER\")", "if (Role.VIEWER == role)", "role != com.smbhub.platform.security.Role.OWNER")) {
            assertTrue(COMPARISON.matcher(line).find(), line);
        }
        for (String line : List.of("select.setValue(Role.STAFF);", ".setParameter(\"owner\", Role.OWNER)",
                "Set.of(\"REQUEST\", \"ADMIN\")", "if (member.getRole().isOwner())")) {
            assertTrue(!COMPARISON.matcher(line).find(), line);
        }
    }
}
