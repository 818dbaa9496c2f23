package com.smbhub.money;

import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.persistence.EntityManager;
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

    public static String next(EntityManager em, Kind kind) {
        String tenant = RequestContext.current().orElseThrow().tenantId();
        NativeSql.query(em, "insert into document_sequences (id, tenant_id, kind, prefix, next_number, created_by)"
                        + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, 1001, 'system')"
                        + " on conflict (tenant_id, kind) do nothing")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tenant).setParameter(3, kind.name())
                .setParameter(4, kind.defaultPrefix).executeUpdate();
        Object[] row = (Object[]) NativeSql.query(em, "update document_sequences set next_number = next_number + 1,"
                        + " updated_at = now(), version = version + 1 where tenant_id = cast(?1 as uuid) and kind = ?2"
                        + " returning prefix, next_number - 1")
                .setParameter(1, tenant).setParameter(2, kind.name()).getSingleResult();
        return row[0] + String.valueOf(((Number) row[1]).longValue());
    }
}
