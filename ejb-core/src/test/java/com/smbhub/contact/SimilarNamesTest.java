package com.smbhub.contact;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimilarNamesTest {

    @Test
    void theSamePersonWrittenAnotherWayIsSimilar() {
        assertTrue(SimilarNames.similar("Jane Doe", "jane doe"));
        assertTrue(SimilarNames.similar("Jane Doe", "Doe, Jane"));
        assertTrue(SimilarNames.similar("Jane Doe", "Jane M. Doe"));
        assertTrue(SimilarNames.similar("Zoë Lefèvre", "Zoe Lefevre"));
    }

    @Test
    void anotherPersonOnTheSameLineIsNot() {
        assertFalse(SimilarNames.similar("Jane Doe", "John Doe"), "a family's home phone");
        assertFalse(SimilarNames.similar("Jane Doe", "Reception"));
        assertFalse(SimilarNames.similar("Jane Doe", null));
        assertFalse(SimilarNames.similar("J.", "J."), "initials alone say nothing");
    }
}
