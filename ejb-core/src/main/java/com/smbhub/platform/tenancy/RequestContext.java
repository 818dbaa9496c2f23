package com.smbhub.platform.tenancy;

import java.util.Optional;

/**
 * Who is calling and for which business, for one unit of work on one thread. Set by the web edge
 * (back-office session, verified JWT) or by a job from its parameters; never from client input.
 */
public final class RequestContext {

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    private final String userId;
    private final String tenantId;
    private final String requestId;
    private final String ipAddress;
    private final String platform;
    private volatile String role;

    private RequestContext(String userId, String tenantId, String requestId, String ipAddress, String platform) {
        this.userId = userId;
        this.tenantId = tenantId;
        this.requestId = requestId;
        this.ipAddress = ipAddress;
        this.platform = platform;
    }

    /** Opens a context on this thread; close it (try-with-resources) when the unit of work ends. */
    public static Scope open(String userId, String tenantId, String requestId, String ipAddress, String platform) {
        RequestContext previous = CURRENT.get();
        CURRENT.set(new RequestContext(userId, tenantId, requestId, ipAddress, platform));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /**
     * Moves the rest of this request to another business, after the caller's membership there was
     * checked (business switcher). The scope opened for the request still restores what was before it.
     */
    public static void enterTenant(String tenantId) {
        RequestContext context = CURRENT.get();
        if (context == null) {
            throw new TenantMissingException();
        }
        CURRENT.set(new RequestContext(context.userId, tenantId, context.requestId, context.ipAddress, context.platform));
    }

    /** This caller in this business, to carry to a worker thread ({@link Handoff#open()} there). */
    public Handoff handoff() {
        return new Handoff(userId, tenantId, requestId, ipAddress, platform);
    }

    /** Who called, kept to continue their unit of work on another thread; the role is looked up again there. */
    public record Handoff(String userId, String tenantId, String requestId, String ipAddress, String platform) {

        public Scope open() {
            return RequestContext.open(userId, tenantId, requestId, ipAddress, platform);
        }
    }

    public static Optional<RequestContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public String userId() { return userId; }
    public String tenantId() { return tenantId; }
    public String requestId() { return requestId; }
    public String ipAddress() { return ipAddress; }
    public String platform() { return platform; }
    public String role() { return role; }

    /** Set only by the server after a membership look-up (interceptor, Access). */
    public void resolvedRole(String role) { this.role = role; }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
