package com.smbhub.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import java.io.IOException;
import java.util.Optional;

/** A business's connection to an outside service (its own SMTP server, …): settings as JSON, the secret encrypted. */
@Entity
@Table(name = "integration_connections")
public class IntegrationConnection extends TenantRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** The current business's active connection to this provider (SMTP, IMAP, TWILIO), if it made one. */
    public static Optional<IntegrationConnection> active(EntityManager em, String provider) {
        return em.createQuery("select c from IntegrationConnection c where c.provider = :p and c.status = 'ACTIVE'"
                + " and c.deletedAt is null", IntegrationConnection.class).setParameter("p", provider)
                .getResultStream().findFirst();
    }

    /** The settings; an empty object when there are none or they cannot be read. */
    public JsonNode config() {
        return config(configJson);
    }

    public static JsonNode config(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    public String getProvider() { return provider; }
    public String getStatus() { return status; }
    public String getConfigJson() { return configJson; }
    public String getCredentialsRef() { return credentialsRef; }
}
