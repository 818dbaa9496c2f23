package com.smbhub.platform.security;

import com.smbhub.platform.grid.Tallies;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most {@code perWindow} attempts per key in a sliding window; beyond that the key waits until its
 * oldest attempt leaves the window. Counted across instances ({@link Tallies}).
 */
public final class RequestLimit {

    private final int perWindow;
    private final Duration window;
    private final Tallies attempts;

    /** {@code name} tells this limit's counts from others' on the data grid. */
    public RequestLimit(String name, int perWindow, Duration window) {
        this.perWindow = perWindow;
        this.window = window;
        this.attempts = new Tallies(name, window);
    }

    /** Counts an attempt for {@code key} now, or says how long it must wait (and counts nothing). */
    public Optional<Duration> attempt(String key, Instant now) {
        long at = now.toEpochMilli();
        long[] full = {-1}; // the oldest attempt when the window was full, as of the change that held
        attempts.change(key, times -> {
            long[] kept = Tallies.after(times, at - window.toMillis());
            full[0] = kept.length >= perWindow ? kept[0] : -1;
            return full[0] >= 0 ? kept : Tallies.plus(kept, at);
        });
        if (full[0] < 0) {
            return Optional.empty();
        }
        Duration wait = Duration.ofMillis(full[0] + window.toMillis() - at);
        return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }
}
