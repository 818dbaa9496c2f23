package com.smbhub.contact;

import com.smbhub.contact.ContactService.ImportRow;
import com.smbhub.platform.errors.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What an import does with each row, decided before anything is written: READY, ERROR (with its
 * field errors) or DUPLICATE (of an existing contact, or of an earlier row: the same e-mail, or the same phone and a
 * similar name). A duplicate the person chose to import anyway is READY and still says what it duplicates.
 */
final class ImportPlan {

    static final String READY = "READY";
    static final String ERROR = "ERROR";
    static final String DUPLICATE = "DUPLICATE";

    private final List<ImportRow> rows = new ArrayList<>();
    private final List<ContactDraft> ready = new ArrayList<>();

    private ImportPlan() {
    }

    /**
     * {@code check}: a row as a new contact, cleaned, or a {@link ValidationException};
     * {@code existing}: the name of a contact it duplicates, if any; {@code anyway}: the lines of duplicates to import.
     */
    static ImportPlan of(List<ContactCsv.Row> sheet, Function<ContactDraft, ContactDraft> check,
                         Function<ContactDraft, Optional<String>> existing, Set<Long> anyway) {
        ImportPlan plan = new ImportPlan();
        Map<String, Long> byEmail = new HashMap<>();
        Map<String, List<Seen>> byPhone = new HashMap<>();
        for (ContactCsv.Row row : sheet) {
            ContactDraft d = row.draft();
            ContactDraft clean;
            try {
                clean = check.apply(d);
            } catch (ValidationException e) {
                plan.rows.add(new ImportRow(row.line(), d.displayName(), d.email(), d.phone(), ERROR, e.errors(), null));
                continue;
            }
            String duplicateOf = existing.apply(clean).or(() -> earlier(clean, byEmail, byPhone).map(line -> "line " + line))
                    .orElse(null);
            boolean ready = duplicateOf == null || anyway.contains(row.line());
            if (ready) {
                if (clean.email() != null) {
                    byEmail.putIfAbsent(clean.email(), row.line());
                }
                if (clean.phone() != null) {
                    byPhone.computeIfAbsent(clean.phone(), p -> new ArrayList<>()).add(new Seen(row.line(), clean.displayName()));
                }
                plan.ready.add(clean);
            }
            plan.rows.add(new ImportRow(row.line(), clean.displayName(), clean.email(), clean.phone(),
                    ready ? READY : DUPLICATE, List.of(), duplicateOf));
        }
        return plan;
    }

    /** A ready row of the file: its line and name. */
    private record Seen(long line, String name) {
    }

    /** The line of an earlier ready row this one repeats: the same e-mail, or the same phone and a similar name. */
    private static Optional<Long> earlier(ContactDraft d, Map<String, Long> byEmail, Map<String, List<Seen>> byPhone) {
        if (d.email() != null && byEmail.containsKey(d.email())) {
            return Optional.of(byEmail.get(d.email()));
        }
        return byPhone.getOrDefault(d.phone(), List.of()).stream().filter(s -> SimilarNames.similar(s.name(), d.displayName()))
                .map(Seen::line).findFirst();
    }

    List<ImportRow> rows() {
        return rows;
    }

    /** The cleaned drafts of the READY rows, in sheet order. */
    List<ContactDraft> ready() {
        return ready;
    }

    int count(String outcome) {
        return (int) rows.stream().filter(r -> r.outcome().equals(outcome)).count();
    }
}
