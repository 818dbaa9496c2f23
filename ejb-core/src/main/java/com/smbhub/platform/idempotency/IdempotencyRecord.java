package com.smbhub.platform.idempotency;

import com.smbhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A create the API already did for an Idempotency-Key: (business, endpoint, key) → object. */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyRecord extends TenantOwned {

    private String endpoint;
    @Column(name = "idem_key")
    private String key;
    @Column(name = "request_hash")
    private String requestHash;
    @Column(name = "object_id")
    private String objectId;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(String endpoint, String key, String requestHash, String objectId) {
        this.endpoint = endpoint;
        this.key = key;
        this.requestHash = requestHash;
        this.objectId = objectId;
    }

    public String getEndpoint() { return endpoint; }
    public String getKey() { return key; }
    public String getRequestHash() { return requestHash; }
    public String getObjectId() { return objectId; }
}
