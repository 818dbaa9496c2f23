package com.smbhub.catalog;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A product or service of the business (catalog_items). */
@Entity
@Table(name = "catalog_items")
public class CatalogItem extends TenantRecord {

    private String name;
    private String description;
    @Column(name = "unit_price")
    private BigDecimal unitPrice;
    @Column(name = "tax_code")
    private String taxCode;
    private String unit;

    protected CatalogItem() {
    }

    public CatalogItem(CatalogEntry entry) {
        change(entry);
    }

    void change(CatalogEntry entry) {
        name = entry.name();
        description = entry.description();
        unitPrice = entry.unitPrice();
        taxCode = entry.taxCode();
        unit = entry.unit();
    }

    void remove() {
        setDeletedAt(Instant.now());
    }

    public CatalogEntry view() {
        return new CatalogEntry(getId(), name, description, plain(unitPrice), taxCode, unit, getVersion());
    }

    /** 145.0000 as 145, 89.5000 as 89.5 (the column keeps four decimals). */
    static BigDecimal plain(BigDecimal price) {
        BigDecimal stripped = price.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
