package com.smbhub.platform.analytics;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;

/** Records an analytics event in the caller's transaction, with the base properties of PRD 4.1.3. */
public final class Analytics {

    private Analytics() {
    }

    public static void record(EntityManager em, String eventName, String profileId, String source, Map<String, ?> properties) {
        RequestContext context = RequestContext.current().orElseThrow();
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        properties.forEach((key, value) -> {
            if (value == null) {
                json.addNull(key);
            } else if (value instanceof Number n) {
                json.add(key, n.toString());
            } else {
                json.add(key, value.toString());
            }
        });
        em.persist(new AnalyticsEvent(eventName, Instant.now(), context.userId(), context.role(), profileId,
                context.platform(), source, context.requestId(), json.build().toString()));
    }
}
