package com.smbhub.money;

import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.persistence.EntityManager;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Document numbers per business ("INV-1001"): taken inside the document's own transaction from a
 * row that stays locked until it commits, so numbers are unique and, since a rolled-back
 * creation gives its number back, without gaps.
 */
public final class Numbering {

    public enum Kind {
        INVOICE("INV-"), QUOTE("Q-");

        final String defaultPrefix;

        Kind(String defaultPrefix) {
            this.defaultPrefix = defaultPrefix;
        }
    }

    private Numbering() {
    }

    /** The prefix and the number the next document of this kind gets. */
    public record Next(String prefix, long number) implements Serializable {
    }

    /** The next number, taken; the business's sequence row is made on its first document (one statement after that). */
    public static String next(EntityManager em, Kind kind) {
        String tenant = RequestContext.current().orElseThrow().tenantId();
        List<?> taken = take(em, tenant, kind);
        if (taken.isEmpty()) {
            ensure(em, kind);
            taken = take(em, tenant, kind);
        }
        Object[] row = (Object[]) taken.get(0);
        return row[0] + String.valueOf(((Number) row[1]).longValue());
    }

    private static List<?> take(EntityManager em, String tenant, Kind kind) {
        return NativeSql.query(em, "update document_sequences set next_number = next_number + 1,"
                        + " updated_at = now(), version = version + 1 where tenant_id = cast(?1 as uuid) and kind = ?2"
                        + " returning prefix, next_number - 1")
                .setParameter(1, tenant).setParameter(2, kind.name()).getResultList();
    }

    public static Next peek(EntityManager em, Kind kind) {
        String tenant = ensure(em, kind);
        Object[] row = (Object[]) NativeSql.query(em, "select prefix, next_number from document_sequences"
                + " where tenant_id = cast(?1 as uuid) and kind = ?2").setParameter(1, tenant).setParameter(2, kind.name())
                .getSingleResult();
        return new Next((String) row[0], ((Number) row[1]).longValue());
    }

    /**
     * Settings: a new prefix and next number. With the same prefix the number only moves forward; with
     * a new one it must stay clear of numbers already given with that prefix, so none is ever repeated.
     */
    public static Next change(EntityManager em, Kind kind, String prefix, long next, String field) {
        String tenant = ensure(em, kind);
        List<ValidationException.FieldError> errors = new ArrayList<>();
        String clean = prefix == null ? "" : prefix.trim();
        if (!clean.matches("[A-Za-z0-9][A-Za-z0-9/_.-]{0,11}")) {
            errors.add(new ValidationException.FieldError(field + ".prefix",
                    "1 to 12 letters, digits or / _ . -, e.g. INV-"));
        }
        if (next < 1 || next > 999_999_999L) {
            errors.add(new ValidationException.FieldError(field + ".next_number",
                    "A whole number from 1 to 999,999,999"));
        }
        Object[] row = (Object[]) NativeSql.query(em, "select prefix, next_number from document_sequences"
                        + " where tenant_id = cast(?1 as uuid) and kind = ?2 for update").setParameter(1, tenant)
                .setParameter(2, kind.name()).getSingleResult();
        if (errors.isEmpty()) {
            String table = kind == Kind.INVOICE ? "invoices" : "quotes";
            String column = kind == Kind.INVOICE ? "invoice_number" : "quote_number";
            long highest = NativeSql.query(em, "select " + column + " from " + table + " where tenant_id = cast(?1 as uuid)"
                            + " and left(" + column + ", ?2) = ?3").setParameter(1, tenant).setParameter(2, clean.length())
                    .setParameter(3, clean).getResultStream().map(n -> n.toString().substring(clean.length()))
                    .filter(n -> ((String) n).matches("\\d{1,18}")).mapToLong(n -> Long.parseLong((String) n)).max().orElse(0);
            if (next <= highest) {
                errors.add(new ValidationException.FieldError(field + ".next_number",
                        "At least " + (highest + 1) + ": " + clean + highest + " is already used"));
            }
        }
        ValidationException.throwIfAny(errors);
        NativeSql.query(em, "update document_sequences set prefix = ?3, next_number = ?4, updated_at = now(),"
                        + " version = version + 1 where tenant_id = cast(?1 as uuid) and kind = ?2")
                .setParameter(1, tenant).setParameter(2, kind.name()).setParameter(3, clean).setParameter(4, next)
                .executeUpdate();
        return new Next(clean, next);
    }

    private static String ensure(EntityManager em, Kind kind) {
        String tenant = RequestContext.current().orElseThrow().tenantId();
        NativeSql.query(em, "insert into document_sequences (id, tenant_id, kind, prefix, next_number, created_by)"
                        + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, 1001, 'system')"
                        + " on conflict (tenant_id, kind) do nothing")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tenant).setParameter(3, kind.name())
                .setParameter(4, kind.defaultPrefix).executeUpdate();
        return tenant;
    }
}
