package com.smbhub.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks that a lifecycle test's written-out table has a row for every state and a cell for every action. */
public final class LifecycleTable {

    private LifecycleTable() {
    }

    /** One row of the table: {@code cells[i]} is Y (allowed) or - (refused) for the i-th action. */
    public static <A extends Enum<A>> void assertRow(Object state, A[] actions, Predicate<A> allows, String... cells) {
        assertEquals(actions.length, cells.length, "one cell per action");
        for (A action : actions) {
            assertEquals("Y".equals(cells[action.ordinal()]), allows.test(action), state + " " + action);
        }
    }

    /** How a state is read on a day: {@code (stored, its date, today) -> shown}. */
    public interface Effective<S> {
        S on(S stored, LocalDate date, LocalDate today);
    }

    /**
     * A derived state: {@code derived} for the states in {@code from} once their date has passed in the
     * business's day, never on the date itself, never without a date; every other state reads as itself.
     */
    public static <S extends Enum<S>> void assertDerived(Class<S> states, S derived, Set<S> from, Effective<S> effective) {
        LocalDate today = LocalDate.of(2027, 1, 14);
        for (S status : states.getEnumConstants()) {
            assertEquals(from.contains(status) ? derived : status, effective.on(status, today.minusDays(1), today), status.name());
            assertEquals(status, effective.on(status, today, today), "not yet on its date");
            assertEquals(status, effective.on(status, null, today), "no date, never " + derived);
        }
    }

    /** {@code test}'s one {@code @CsvSource} table: first column a state of {@code states}, then one per action. */
    public static <S extends Enum<S>> void assertComplete(Class<?> test, Class<S> states, Class<? extends Enum<?>> actions) {
        Method table = Arrays.stream(test.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(CsvSource.class))
                .findFirst().orElseThrow();
        Set<S> covered = EnumSet.noneOf(states);
        for (String row : table.getAnnotation(CsvSource.class).value()) {
            String[] cells = row.split(",");
            assertEquals(actions.getEnumConstants().length + 1, cells.length, "a new action needs a column: " + row);
            covered.add(Enum.valueOf(states, cells[0].trim()));
        }
        assertEquals(EnumSet.allOf(states), covered, "a new state needs a row");
    }
}
