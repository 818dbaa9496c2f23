package com.smbhub.tenant;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A business's connection to an outside service (its own SMTP server, …): settings as JSON, the secret encrypted. */
@Entity
@Table(name = "integration_connections")
public class IntegrationConnection extends TenantRecord {

    private String provider;
    private String status = "ACTIVE";
    @Column(name = "config_json")
    private String configJson = "{}";
    @Column(name = "credentials_ref")
    private String credentialsRef;

    protected IntegrationConnection() {
    }

    public IntegrationConnection(String provider) {
        this.provider = provider;
    }

    public void set(String configJson, String credentialsRef) {
        this.configJson = configJson;
        this.credentialsRef = credentialsRef;
        this.status = "ACTIVE";
    }

    public String getProvider() { return provider; }
    public String getStatus() { return status; }
    public String getConfigJson() { return configJson; }
    public String getCredentialsRef() { return credentialsRef; }
}
