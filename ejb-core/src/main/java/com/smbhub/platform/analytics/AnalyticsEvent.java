package com.smbhub.platform.analytics;

import com.smbhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One product analytics event (PRD 4.1.3 base properties; the rest in properties). */
@Entity
@Table(name = "analytics_events")
public class AnalyticsEvent extends TenantOwned {

    @Column(name = "event_name")
    private String eventName;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "user_id")
    private String userId;
    private String role;
    @Column(name = "profile_id")
    private String profileId;
    private String platform;
    private String source;
    @Column(name = "session_id")
    private String sessionId;
    @Column(name = "request_id")
    private String requestId;
    private String properties = "{}";

    protected AnalyticsEvent() {
    }

    public AnalyticsEvent(String eventName, Instant occurredAt, String userId, String role, String profileId,
                          String platform, String source, String requestId, String properties) {
        this.eventName = eventName;
        this.occurredAt = occurredAt;
        this.userId = userId;
        this.role = role;
        this.profileId = profileId;
        this.platform = platform;
        this.source = source;
        this.requestId = requestId;
        this.properties = properties;
    }

    public String getEventName() { return eventName; }
    public String getProperties() { return properties; }
}
