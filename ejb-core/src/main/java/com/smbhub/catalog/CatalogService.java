package com.smbhub.catalog;

import com.smbhub.money.TaxCodeService;
import com.smbhub.platform.Ids;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.Like;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.TenantScoped;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business's products and services: found by name or description while writing a line, added from a line or in
 * Settings → Catalog, changed, removed. Whoever drafts invoices and quotes may; every change is audited. A document's
 * line is a copy: the catalog changing never changes a document.
 */
@Stateless
@TenantScoped
public class CatalogService {

    private static final int MAX = 50;

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @EJB TaxCodeService taxes;

    /** Items whose name or description contains {@code text} (all for blank), by name; at most 50. */
    public List<CatalogEntry> search(String text) {
        access.require(Capability.MONEY_READ);
        String q = text == null ? "" : text.replace("\u0000", "").trim().toLowerCase();
        return em.createQuery("select c from CatalogItem c where c.deletedAt is null and (:q = '' or lower(c.name) like :like"
                        + " or lower(c.description) like :like) order by lower(c.name)", CatalogItem.class)
                .setParameter("q", q).setParameter("like", Like.contains(q))
                .setMaxResults(MAX).getResultStream().map(CatalogItem::view).toList();
    }

    public CatalogEntry get(String id) {
        access.require(Capability.MONEY_READ);
        return find(id).view();
    }

    /** Adds an item; a name already in the catalog is refused at "name". */
    public CatalogEntry add(CatalogEntry wanted) {
        access.require(Capability.MONEY_DRAFT);
        CatalogEntry clean = check(wanted, null);
        CatalogItem item = new CatalogItem(clean);
        em.persist(item);
        em.flush();
        audit.record("catalog.added", "catalog_item", item.getId(), null, fields(clean));
        return item.view();
    }

    /** Changes an item as it was at {@code wanted.version()}. */
    public CatalogEntry update(CatalogEntry wanted) {
        access.require(Capability.MONEY_DRAFT);
        CatalogItem item = find(wanted.id());
        ConflictException.checkVersion(item.getVersion(), wanted.version(), "Someone changed this item meanwhile",
                item::view);
        CatalogEntry clean = check(wanted, item.getId());
        Map<String, Object> was = fields(item.view());
        item.change(clean);
        em.flush();
        audit.recordChanges("catalog.changed", "catalog_item", item.getId(), was, fields(item.view()));
        return item.view();
    }

    /** Removes an item from the catalog (documents that used it keep their lines). */
    public void remove(String id) {
        access.require(Capability.MONEY_DRAFT);
        CatalogItem item = find(id);
        item.remove();
        em.flush();
        audit.record("catalog.removed", "catalog_item", id, fields(item.view()), Map.of("removed", "true"));
    }

    private CatalogItem find(String id) {
        CatalogItem item = Ids.isId(id) ? em.find(CatalogItem.class, id) : null;
        if (item == null || item.getDeletedAt() != null) {
            throw new NotFoundException("catalog item");
        }
        return item;
    }

    private CatalogEntry check(CatalogEntry wanted, String self) {
        CatalogEntry clean = wanted.checked();
        if (clean.taxCode() != null && taxes.list().stream().noneMatch(t -> t.code().equals(clean.taxCode()))) {
            throw new ValidationException("tax_code", "Not one of your taxes; choose one from the list or none");
        }
        boolean taken = em.createQuery("select c from CatalogItem c where c.deletedAt is null and lower(c.name) = :n",
                CatalogItem.class).setParameter("n", clean.name().toLowerCase()).getResultStream()
                .anyMatch(c -> !c.getId().equals(self));
        if (taken) {
            throw new ValidationException("name", clean.name() + " is already in your catalog");
        }
        return clean;
    }

    private static Map<String, Object> fields(CatalogEntry e) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", e.name());
        values.put("description", e.description());
        values.put("unit_price", e.unitPrice().toPlainString());
        values.put("tax_code", e.taxCode());
        values.put("unit", e.unit());
        values.put("version", e.version());
        return values;
    }
}
