package com.smbhub.portal.pages;

import com.smbhub.platform.grid.Tallies;
import java.time.Duration;

/**
 * Failed link look-ups per client address in a sliding window (smbhub.portal.lookups-per-window,
 * default 30, in smbhub.portal.lookup-window-seconds, default 60): beyond it the address waits. A
 * link that opened from an address keeps working from there for the window, so a client behind the
 * same address as a guesser is not stopped mid-payment. Valid look-ups never count. Counted across
 * instances ({@link Tallies}).
 */
final class PortalRateLimit {

    private final int perWindow;
    private final long windowMs;
    /** Times of failed look-ups per address, oldest first. */
    private final Tallies failures;
    /** When a link last opened from an address. */
    private final Tallies opened;

    PortalRateLimit(int perWindow, long windowSeconds) {
        this.perWindow = perWindow;
        this.windowMs = windowSeconds * 1000;
        this.failures = new Tallies("portal-failed-lookups", Duration.ofMillis(windowMs));
        this.opened = new Tallies("portal-opened-links", Duration.ofMillis(windowMs));
    }

    /** Whether the address had its window's worth of failed look-ups. */
    boolean blocked(String address) {
        return Tallies.after(failures.get(address), System.currentTimeMillis() - windowMs).length >= perWindow;
    }

    void failed(String address) {
        long now = System.currentTimeMillis();
        failures.change(address, times -> {
            long[] kept = Tallies.after(times, now - windowMs);
            return kept.length >= perWindow ? kept : Tallies.plus(kept, now);
        });
    }

    /** This link opened from this address now. */
    void remember(String address, String token) {
        long now = System.currentTimeMillis();
        opened.change(address + ' ' + token, at -> new long[] {now});
    }

    /** Whether this link opened from this address within the window. */
    boolean opened(String address, String token) {
        long[] at = opened.get(address + ' ' + token);
        return at != null && at[0] >= System.currentTimeMillis() - windowMs;
    }
}
