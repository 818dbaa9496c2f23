package com.smbhub.profile;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A business's own changes on top of its profile (merge-patched by owners and admins). */
@Entity
@Table(name = "tenant_profile_overrides")
public class TenantProfileOverride extends TenantRecord {

    private String overrides = "{}";

    protected TenantProfileOverride() {
    }

    public TenantProfileOverride(String overrides) {
        this.overrides = overrides;
    }

    public String getOverrides() { return overrides; }
    public void setOverrides(String overrides) { this.overrides = overrides; }
}
