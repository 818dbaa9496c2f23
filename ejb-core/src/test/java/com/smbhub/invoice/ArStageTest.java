package com.smbhub.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which reminder is due on a day: the latest whose day after the due date has come, never several. */
class ArStageTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 1);

    @Test
    void theStageDueIsTheLatestWhoseDayHasCome() {
        List<Integer> days = List.of(3, 7, 14);
        assertEquals(ArStage.NONE, ArStage.dueOn(DUE, DUE.plusDays(2), days));
        assertEquals(ArStage.REMINDER_1, ArStage.dueOn(DUE, DUE.plusDays(3), days));
        assertEquals(ArStage.REMINDER_1, ArStage.dueOn(DUE, DUE.plusDays(6), days));
        assertEquals(ArStage.REMINDER_2, ArStage.dueOn(DUE, DUE.plusDays(7), days));
        assertEquals(ArStage.FINAL, ArStage.dueOn(DUE, DUE.plusDays(40), days), "after a pause: the stage due now");
        assertEquals(ArStage.FINAL, ArStage.dueOn(DUE, DUE.plusDays(14), List.of(14, 3, 7)), "days in any order");
    }

    @Test
    void withFewerDaysTheLastOneIsTheFinalReminder() {
        assertEquals(ArStage.REMINDER_1, ArStage.dueOn(DUE, DUE.plusDays(5), List.of(5, 10)));
        assertEquals(ArStage.FINAL, ArStage.dueOn(DUE, DUE.plusDays(10), List.of(5, 10)));
        assertEquals(ArStage.FINAL, ArStage.dueOn(DUE, DUE.plusDays(30), List.of(30)));
        assertEquals(ArStage.NONE, ArStage.dueOn(DUE, DUE.plusDays(30), List.of()));
    }

    @Test
    void eachReminderMovesOnByOne() {
        assertEquals(ArStage.REMINDER_1, ArStage.NONE.next());
        assertEquals(ArStage.FINAL, ArStage.REMINDER_2.next());
        assertEquals(ArStage.FINAL, ArStage.FINAL.next());
        assertEquals(ArStage.NONE, ArStage.of(null));
    }
}
