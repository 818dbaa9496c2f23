package com.smbhub.web.work;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.Words;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An item's activity in words: "25 Nov 2026 14:02 · Sam Staff · changed status from New to In progress". */
public class ActivityList extends VerticalLayout {

    private static final Map<String, String> FIELD_WORDS = Map.of("title", "title", "status", "status",
            "priority", "priority", "due_at", "due date", "assigned_to", "assignee", "contact_id", "contact",
            "type", "type", "labels_json", "details");

    public ActivityList(List<AuditService.Entry> entries, ZoneId zone, Map<String, String> people) {
        setId("wi-activity");
        setPadding(false);
        setSpacing(false);
        if (entries.isEmpty()) {
            add(new Span("Nothing has happened yet."));
        }
        for (AuditService.Entry e : entries) {
            Span line = new Span(Dates.current().in(zone).dayTime(e.at()) + " · " + (e.actor() == null ? "System" : e.actor())
                    + " · " + describe(e, zone, people));
            line.addClassName("activity-line");
            add(line);
        }
    }

    static String describe(AuditService.Entry e, ZoneId zone, Map<String, String> people) {
        return switch (e.action()) {
            case "work_item.created" -> "created it";
            case "file.attached" -> "attached " + e.after().get("file_name");
            case "file.removed" -> "removed " + e.before().get("file_name");
            case "work_item.updated" -> changes(e, zone, people);
            default -> e.action().replace('_', ' ').replace('.', ' ');
        };
    }

    private static String changes(AuditService.Entry e, ZoneId zone, Map<String, String> people) {
        List<String> parts = new ArrayList<>();
        e.after().forEach((field, now) -> {
            String was = e.before().get(field);
            if (field.equals("version") || Objects.equals(was, now) || !FIELD_WORDS.containsKey(field)) {
                return;
            }
            String name = FIELD_WORDS.get(field);
            if (field.equals("labels_json") || field.equals("contact_id")) {
                parts.add("changed the " + name);
            } else {
                parts.add("changed " + name + " from " + value(field, was, zone, people) + " to " + value(field, now, zone, people));
            }
        });
        return parts.isEmpty() ? "saved without changes" : String.join("; ", parts);
    }

    private static String value(String field, String raw, ZoneId zone, Map<String, String> people) {
        if (raw == null) {
            return "none";
        }
        return switch (field) {
            case "due_at" -> {
                try {
                    yield Dates.current().in(zone).dayTime(Instant.parse(raw));
                } catch (RuntimeException ex) {
                    yield raw;
                }
            }
            case "assigned_to" -> people.getOrDefault(raw, "a former member");
            case "title" -> "“" + raw + "”";
            default -> Words.of(raw);
        };
    }
}
