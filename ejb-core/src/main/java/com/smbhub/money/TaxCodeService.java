package com.smbhub.money;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.TenantScoped;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The business's taxes (Settings → Numbers): add one, retire one. A retired code stays on the documents
 * that name it and is never given to another rate, so a stored invoice always reads as it was issued.
 */
@Stateless
@TenantScoped
public class TaxCodeService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    /** The taxes new lines may use, by code. */
    public List<TaxCode> list() {
        access.require(Capability.MONEY_READ);
        return inUse(em);
    }

    static List<TaxCode> inUse(EntityManager em) {
        return em.createQuery("select t from BusinessTaxCode t where t.deletedAt is null order by t.code",
                BusinessTaxCode.class).getResultStream().map(BusinessTaxCode::view).toList();
    }

    /** Adds a tax: {@code code} (1–12 letters, digits, - or _; kept in capitals), a name, a rate from 0 to 100 %. */
    public TaxCode add(TaxCode wanted) {
        access.require(Capability.MANAGE_SETTINGS);
        List<FieldError> errors = new ArrayList<>();
        String code = wanted.code() == null ? "" : wanted.code().trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9][A-Z0-9_-]{0,11}")) {
            errors.add(new FieldError("code", "1 to 12 letters, digits, - or _, e.g. HST or VAT20"));
        } else {
            em.createQuery("select t from BusinessTaxCode t where t.code = :c", BusinessTaxCode.class).setParameter("c", code)
                    .getResultStream().findFirst().ifPresent(t -> errors.add(new FieldError("code", t.getDeletedAt() == null
                            ? code + " is already one of your taxes"
                            : code + " was used before and stays on the documents that name it; give this tax another code")));
        }
        String name = wanted.name() == null ? "" : wanted.name().trim();
        if (name.isEmpty() || name.length() > 60) {
            errors.add(new FieldError("name", "1 to 60 characters, e.g. HST 13% (Ontario)"));
        }
        BigDecimal rate = wanted.ratePercent();
        if (rate == null || rate.signum() < 0 || rate.compareTo(HUNDRED) > 0 || rate.stripTrailingZeros().scale() > 4) {
            errors.add(new FieldError("rate_percent", "A percentage from 0 to 100 with at most 4 decimals, e.g. 13 or 9.975"));
        }
        ValidationException.throwIfAny(errors);
        BusinessTaxCode added = new BusinessTaxCode(code, name, rate.stripTrailingZeros());
        em.persist(added);
        em.flush();
        audit.record("tax_code.added", "tax_code", added.getId(), null,
                Map.of("code", code, "name", name, "rate_percent", rate.toPlainString()));
        return added.view();
    }

    /** Retires a tax: no longer offered on new lines; documents that name it keep it. */
    public void retire(String code) {
        access.require(Capability.MANAGE_SETTINGS);
        String wanted = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        BusinessTaxCode tax = em.createQuery("select t from BusinessTaxCode t where t.code = :c and t.deletedAt is null",
                BusinessTaxCode.class).setParameter("c", wanted).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("tax code"));
        tax.setDeletedAt(Instant.now());
        em.flush();
        audit.record("tax_code.retired", "tax_code", tax.getId(), Map.of("code", wanted), Map.of("retired", "true"));
    }
}
