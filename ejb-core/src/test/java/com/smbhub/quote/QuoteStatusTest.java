package com.smbhub.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.quote.QuoteStatus.Action;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every (state, action) pair of the quote lifecycle, written out again. Y = allowed, - = refused. */
class QuoteStatusTest {

    @ParameterizedTest(name = "{0}: UPDATE={1} SEND={2} SHARE_LINK={3} APPROVE={4} REJECT={5} CONVERT={6}")
    @CsvSource({
            "DRAFT,     Y, Y, Y, -, -, -",
            "SENT,      -, Y, Y, Y, Y, -",
            "APPROVED,  -, -, -, -, -, Y",
            "REJECTED,  -, -, -, -, -, -",
            "CONVERTED, -, -, -, -, -, Y",
            "EXPIRED,   -, -, -, -, -, -",
    })
    void eachStateAllowsExactlyItsActions(QuoteStatus status, String update, String send, String shareLink, String approve,
                                          String reject, String convert) {
        String[] expected = {update, send, shareLink, approve, reject, convert};
        for (Action action : Action.values()) {
            assertEquals("Y".equals(expected[action.ordinal()]), status.allows(action), status + " " + action);
        }
    }

    @Test
    void everyStateAndActionHasItsCell() throws Exception {
        String[] rows = QuoteStatusTest.class.getDeclaredMethod("eachStateAllowsExactlyItsActions", QuoteStatus.class,
                String.class, String.class, String.class, String.class, String.class, String.class)
                .getAnnotation(CsvSource.class).value();
        Set<QuoteStatus> covered = Arrays.stream(rows).map(r -> QuoteStatus.valueOf(r.split(",")[0].trim()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(QuoteStatus.class)));
        assertEquals(EnumSet.allOf(QuoteStatus.class), covered);
        assertEquals(6, Action.values().length, "a new action needs a column above");
    }

    @Test
    void onlyASentQuotePastItsDateIsExpired() {
        LocalDate today = LocalDate.of(2027, 1, 14);
        for (QuoteStatus status : QuoteStatus.values()) {
            QuoteStatus expected = status == QuoteStatus.SENT ? QuoteStatus.EXPIRED : status;
            assertEquals(expected, status.effective(today.minusDays(1), today), status.name());
            assertEquals(status, status.effective(today, today), "valid through its expiry date");
            assertEquals(status, status.effective(null, today), "no expiry date, never expired");
        }
        assertEquals(QuoteStatus.SENT, QuoteStatus.DRAFT.afterSend());
        assertEquals(QuoteStatus.SENT, QuoteStatus.SENT.afterSend());
    }
}
