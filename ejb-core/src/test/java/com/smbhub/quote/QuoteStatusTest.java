package com.smbhub.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.money.LifecycleTable;
import com.smbhub.quote.QuoteStatus.Action;
import java.util.EnumSet;
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
        LifecycleTable.assertRow(status, Action.values(), status::allows, update, send, shareLink, approve, reject, convert);
    }

    @Test
    void everyStateAndActionHasItsCell() {
        LifecycleTable.assertComplete(QuoteStatusTest.class, QuoteStatus.class, Action.class);
    }

    @Test
    void onlyASentQuotePastItsDateIsExpired() {
        LifecycleTable.assertDerived(QuoteStatus.class, QuoteStatus.EXPIRED, EnumSet.of(QuoteStatus.SENT),
                QuoteStatus::effective);
        assertEquals(QuoteStatus.SENT, QuoteStatus.DRAFT.afterSend());
        assertEquals(QuoteStatus.SENT, QuoteStatus.SENT.afterSend());
    }
}
