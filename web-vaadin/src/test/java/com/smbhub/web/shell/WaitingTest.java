package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.ValidationException;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Work off the request thread: the page polls while it runs and hands its answer, or its refusal, to the screen. */
class WaitingTest {

    private static void poll(UI ui) {
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    @Test
    void thePagePollsUntilTheWorkIsDoneThenHandsOverItsAnswer() {
        UI ui = new UI();
        CompletableFuture<String> work = new CompletableFuture<>();
        AtomicReference<String> done = new AtomicReference<>();
        Waiting.until(ui, work, done::set, e -> { throw new AssertionError(e); });
        assertTrue(ui.getPollInterval() > 0, "polling while the work runs");
        poll(ui);
        assertNull(done.get(), "not done yet");
        work.complete("read");
        poll(ui);
        assertEquals("read", done.get());
        assertEquals(-1, ui.getPollInterval(), "the page's own polling is back");
        done.set(null);
        poll(ui);
        assertNull(done.get(), "handed over once");
    }

    @Test
    void aRefusalComesOutAsTheServicesOwnException() {
        UI ui = new UI();
        ui.setPollInterval(5000);
        CompletableFuture<String> work = new CompletableFuture<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Waiting.until(ui, work, v -> { throw new AssertionError(v); }, failed::set);
        work.completeExceptionally(new ValidationException("file", "Not a receipt"));
        poll(ui);
        assertTrue(failed.get() instanceof ValidationException, String.valueOf(failed.get()));
        assertEquals("Not a receipt", Problems.say(failed.get()));
        assertEquals(5000, ui.getPollInterval(), "the inbox's slower polling is restored");
    }

    @Test
    void twoWaitsKeepPollingUntilBothAreDoneAndAStoppedOneNeverAnswers() {
        UI ui = new UI();
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        AtomicReference<String> seen = new AtomicReference<>("");
        Waiting.until(ui, first, v -> seen.set(seen.get() + v), e -> { });
        var stopped = Waiting.until(ui, second, v -> seen.set(seen.get() + v), e -> { });
        first.complete("a");
        poll(ui);
        assertTrue(ui.getPollInterval() > 0, "the second still runs");
        stopped.remove();
        assertEquals(-1, ui.getPollInterval());
        second.complete("b");
        poll(ui);
        assertEquals("a", seen.get());
    }
}
