package com.smbhub.web.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.aidraft.ChatReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What an owner is told about who reads their business's messages. */
class AutomationPanelTest {

    @Test
    void withoutAModelNothingLeavesTheServer() {
        assertEquals("Messages are read on this server by SMB Hub's own rules; no message is sent anywhere to be read.",
                AutomationPanel.reader(new ChatReader.Usage(null, null, BigDecimal.ZERO, 0, 0)));
    }

    @Test
    void withAModelTheMonthsReadingsAndCostAgainstTheBudget() {
        assertEquals("Messages are read by the AI model small-model this server is set up with: 1 message this month, costing"
                + " US$0.02 of the US$5.00 monthly budget.",
                AutomationPanel.reader(new ChatReader.Usage("small-model", new BigDecimal("5"), new BigDecimal("0.02"), 1, 0)));
        assertEquals("Messages are read by the AI model m this server is set up with: 40 messages this month, costing US$5.01"
                + " of the US$5.00 monthly budget; 3 read by the rules instead (over the budget or the rate, or the model did"
                + " not answer).", AutomationPanel.reader(new ChatReader.Usage("m", new BigDecimal("5.00"), new BigDecimal("5.01"), 40, 3)));
    }
}
