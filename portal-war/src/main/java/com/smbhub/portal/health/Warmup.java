package com.smbhub.portal.health;

import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.security.TokenIssuer;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Warms the JIT and the database's caches at deployment, before the instance says it is ready: signs in as
 * {@code smbhub.warmup.login} (a member of a business whose lists may be read; unset: no warm-up) and reads the
 * list pages through this instance's own HTTP listener {@code smbhub.warmup.requests} times, so the first
 * users after a restart or a deployment get the pages as fast as later ones. Reads only.
 */
@ApplicationScoped
public class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class.getName());
    /** Marks the warm-up's own requests (not counted as anyone's views); known only inside this process. */
    private static final String HEADER = "X-SMBHub-Warm-Up";
    private static final String MARK = UUID.randomUUID().toString();
    /**
     * The list pages, each read being one request; the search looks for a word no one has (the search's code and
     * index, not a scan of every contact).
     */
    private static final List<String> PAGES = List.of(
            "/api/v1/work-items?limit=20&status=NEW&priority=HIGH", "/api/v1/work-items?limit=20",
            "/api/v1/contacts?limit=20&q=zqxj", "/api/v1/contacts?limit=20", "/api/v1/invoices?limit=20",
            "/api/v1/quotes?limit=20", "/api/v1/payments?limit=20");

    @Inject @ConfigProperty(name = "smbhub.warmup.login") Optional<String> login;

    @Inject @ConfigProperty(name = "smbhub.warmup.requests", defaultValue = "3000") int requests;

    /** This instance's HTTP port when the server has no HTTP_LISTENER_PORT property (the admin server). */
    @Inject @ConfigProperty(name = "smbhub.warmup.port", defaultValue = "8080") int port;

    @EJB IdentityService identity;

    @Inject TokenIssuer tokens;

    @Resource ManagedExecutorService executor;

    private volatile State state = new State(false, 0, 0, "waiting");

    /** Where the warm-up is: {@code done} once it finished, gave up or had nothing to do. */
    public record State(boolean done, int requests, long millis, String detail) {
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (login.isEmpty() || login.get().isBlank() || requests <= 0) {
            state = new State(true, 0, 0, "off");
            return;
        }
        executor.submit(this::run);
    }

    /** Whether a request is one of this instance's warm-up reads. */
    public static boolean isWarmUp(HttpServletRequest request) {
        return MARK.equals(request.getHeader(HEADER));
    }

    public State state() {
        return state;
    }

    private void run() {
        long began = System.nanoTime();
        int done = 0;
        try {
            String token = token();
            String base = "http://127.0.0.1:" + System.getProperty("HTTP_LISTENER_PORT", String.valueOf(port));
            waitForApi(base, token);
            for (; done < requests; done++) {
                read(base + PAGES.get(done % PAGES.size()), token);
            }
            state = new State(true, done, (System.nanoTime() - began) / 1_000_000, "done");
            LOG.info("Warmed up with " + done + " requests in " + state.millis() + " ms");
        } catch (Exception e) {
            state = new State(true, done, (System.nanoTime() - began) / 1_000_000, "stopped: " + e.getMessage());
            LOG.log(Level.WARNING, "The warm-up stopped after " + done + " requests; the instance is ready all the same", e);
        }
    }

    private String token() {
        IdentityService.Person person = identity.personByEmail(login.get())
                .orElseThrow(() -> new IllegalStateException("smbhub.warmup.login " + login.get() + " has no account"));
        Membership.View membership = identity.memberships(person.userId()).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException(login.get() + " is in no business"));
        return tokens.issue(person.userId(), person.email(), membership.orgId()).token();
    }

    /** Until the API answers here: the warm-up starts with the application, before the listener serves it. */
    private static void waitForApi(String base, String token) throws Exception {
        Exception last = null;
        for (int i = 0; i < 600; i++) {
            try {
                read(base + PAGES.get(0), token);
                return;
            } catch (java.io.IOException | IllegalStateException notYet) {
                last = notYet;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    private static void read(String url, String token) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
            connection.setRequestProperty(HEADER, MARK);
        }
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        if (status != 200) {
            throw new IllegalStateException(url + " answered " + status);
        }
    }
}
