package com.smbhub.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.tenancy.RequestContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BusinessClockTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private final String moved = UUID.randomUUID().toString();
    private final String other = UUID.randomUUID().toString();

    @AfterEach
    void realClockAgain() {
        BusinessClock.reset(moved);
    }

    @Test
    void aMovedBusinessSeesItsOwnDayAndTimeMovesOn() {
        BusinessClock.set(moved, Instant.parse("2027-01-15T03:30:00Z"));
        try (var scope = RequestContext.open(null, moved, "req_test", null, "test")) {
            assertEquals(LocalDate.parse("2027-01-14"), BusinessClock.today(TORONTO), "22:30 in Toronto is still the 14th");
            assertEquals(LocalDate.parse("2027-01-15"), BusinessClock.today(ZoneId.of("UTC")));
            assertEquals(Instant.parse("2027-01-14T05:00:00Z"), BusinessClock.startOfToday(TORONTO));
            Duration drift = Duration.between(Instant.parse("2027-01-15T03:30:00Z"), BusinessClock.now());
            assertTrue(!drift.isNegative() && drift.toSeconds() < 5, drift.toString());
        }
    }

    @Test
    void otherBusinessesAndCallsOutsideARequestKeepTheRealClock() {
        BusinessClock.set(moved, Instant.parse("2030-06-01T12:00:00Z"));
        try (var scope = RequestContext.open(null, other, "req_test", null, "test")) {
            assertTrue(Duration.between(Instant.now(), BusinessClock.now()).abs().toSeconds() < 5);
        }
        assertTrue(Duration.between(Instant.now(), BusinessClock.now()).abs().toSeconds() < 5);
    }

    @Test
    void resetPutsTheBusinessBackOnTheRealClock() {
        BusinessClock.set(moved, Instant.parse("2030-06-01T12:00:00Z"));
        BusinessClock.reset(moved);
        assertTrue(Duration.between(Instant.now(), BusinessClock.now(moved)).abs().toSeconds() < 5);
    }

    @Test
    void withoutTestSupportNothingCanMoveAClock() {
        TestSupport support = new TestSupport();
        assertThrows(NotFoundException.class, () -> support.setClock("northside", Instant.parse("2030-06-01T12:00:00Z")));
        assertThrows(NotFoundException.class, support::world);
    }
}
