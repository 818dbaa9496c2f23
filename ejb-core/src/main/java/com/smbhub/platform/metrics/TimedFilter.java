package com.smbhub.platform.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/** A filter that times each request it passes on, whatever happens there, and hands the time to {@link #record}. */
public abstract class TimedFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, response.getStatus(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** One request done: its answer's status and the time it took. */
    protected abstract void record(HttpServletRequest request, int status, Duration took);
}
