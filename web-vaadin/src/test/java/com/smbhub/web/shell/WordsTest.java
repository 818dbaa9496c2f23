package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void theTimeToFirstValueReadsInTheLargestUnitsThatMatter() {
        assertEquals("1 min", Words.took(Duration.ofSeconds(20)));
        assertEquals("42 min", Words.took(Duration.ofMinutes(42).plusSeconds(30)));
        assertEquals("3 h 5 min", Words.took(Duration.ofMinutes(185)));
        assertEquals("1 day 2 h", Words.took(Duration.ofHours(26).plusMinutes(59)));
        assertEquals("12 days 0 h", Words.took(Duration.ofDays(12)));
    }
}
