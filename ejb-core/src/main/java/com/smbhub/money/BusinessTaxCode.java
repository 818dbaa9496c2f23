package com.smbhub.money;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A tax code of the business (tax_codes). */
@Entity
@Table(name = "tax_codes")
public class BusinessTaxCode extends TenantRecord {

    private String code;
    private String name;
    @Column(name = "rate_percent")
    private BigDecimal ratePercent;

    protected BusinessTaxCode() {
    }

    public BusinessTaxCode(String code, String name, BigDecimal ratePercent) {
        this.code = code;
        this.name = name;
        this.ratePercent = ratePercent;
    }

    public TaxCode view() {
        return new TaxCode(code, name, ratePercent);
    }
}
