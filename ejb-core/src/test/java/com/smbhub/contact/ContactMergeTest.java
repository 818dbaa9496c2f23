package com.smbhub.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A merge's field rule on the entity: blanks filled, tags joined, notes appended, the other deleted. */
class ContactMergeTest {

    private static Contact contact(String name, String email, String phone, String city, List<String> tags, String notes) {
        Contact c = new Contact(name, email, phone);
        c.apply(new ContactDraft("CUSTOMER", name, null, email, phone, null, null, city, null, null, null, tags, notes));
        return c;
    }

    @Test
    void theKeptContactKeepsItsValuesAndTakesTheOthersWhereItHasNone() {
        Contact keep = contact("Ann Lee", "ann@x.test", null, null, List.of("vip", "plumbing"), "Gate code 12");
        Contact other = contact("A. Lee", "lee@x.test", "+14165550101", "Toronto", List.of("plumbing", "north"), "Dog");
        Instant at = Instant.parse("2026-12-02T10:00:00Z");
        keep.absorb(other, at);
        assertEquals("Ann Lee", keep.getDisplayName());
        assertEquals("ann@x.test", keep.getEmail());
        assertEquals("+14165550101", keep.getPhone());
        assertEquals("Toronto", keep.getCity());
        assertEquals(List.of("vip", "plumbing", "north"), keep.getTags());
        assertEquals("Gate code 12\n\nDog", keep.getNotes());
        assertEquals(at, other.getDeletedAt());
    }

    @Test
    void joinedTagsAndNotesStayWithinTheirLimits() {
        List<String> many = IntStream.range(0, 25).mapToObj(i -> "a" + i).toList();
        List<String> more = IntStream.range(0, 25).mapToObj(i -> "b" + i).toList();
        Contact keep = contact("K", null, null, null, many, "x".repeat(9_000));
        keep.absorb(contact("O", null, null, null, more, "y".repeat(9_000)), Instant.EPOCH);
        assertEquals(30, keep.getTags().size());
        assertEquals(10_000, keep.getNotes().length());
    }
}
