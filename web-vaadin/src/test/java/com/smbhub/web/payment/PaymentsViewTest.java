package com.smbhub.web.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.money.MoneyText;
import com.smbhub.payment.PaymentFilter;
import com.smbhub.payment.PaymentLine;
import com.smbhub.payment.PaymentService;
import com.smbhub.payment.PaymentStatus;
import com.smbhub.payment.PaymentView;
import com.smbhub.platform.db.Page;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payments screen as a plain object over a service that answers from memory. */
class PaymentsViewTest {

    private static final PaymentLine CASH = new PaymentLine(new PaymentView("p1", "i1", "CASH", "REFUNDED", new BigDecimal("50.00"),
            "CAD", Instant.parse("2026-04-01T03:30:00Z"), null, List.of()), new BigDecimal("50.00"), "INV-1001", "c1", "Jeanne Roy");
    private static final PaymentLine BANK = new PaymentLine(new PaymentView("p2", "i1", "BANK", "SUCCEEDED", new BigDecimal("100.00"),
            "CAD", Instant.parse("2026-03-10T17:00:00Z"), "Ref 42", List.of()), BigDecimal.ZERO, "INV-1001", "c1", "Jeanne Roy");

    private final List<PaymentFilter> asked = new ArrayList<>();

    private final PaymentService service = new PaymentService() {
        @Override
        public Page<PaymentLine> list(PaymentFilter filter, String afterKey, int limit) {
            asked.add(filter);
            return new Page<>(filter.method() == null ? List.of(CASH, BANK) : List.of(), null);
        }

        @Override
        public List<PaymentTotal> totals(PaymentFilter filter) {
            return filter.method() == null ? List.of(new PaymentTotal("CAD", new BigDecimal("150.00"), new BigDecimal("50.00")))
                    : List.of();
        }

        @Override
        public YearMonth currentMonth() {
            return YearMonth.of(2026, 3);
        }

        @Override
        public ZoneId zone() {
            return ZoneId.of("America/Toronto");
        }
    };

    private final UI ui = new UI(); // held here: the current UI is only weakly referenced

    @BeforeEach
    void page() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    private static <T extends Component> T byId(Component root, String id, Class<T> type) {
        return root.getChildren().flatMap(c -> c.getId().filter(id::equals).isPresent() ? java.util.stream.Stream.of(c)
                : c.getChildren().filter(g -> g.getId().filter(id::equals).isPresent())).map(type::cast).findFirst().orElseThrow();
    }

    private static String cad(String amount) {
        return MoneyText.format(new BigDecimal(amount), "CAD");
    }

    @Test
    void theMonthsPaymentsWithTheirTotalsAndTheFiltersAskedFor() {
        PaymentsView view = new PaymentsView();
        view.build(service);
        assertEquals(new PaymentFilter(YearMonth.of(2026, 3), null, null), asked.get(0), "this month, any method and status");
        assertEquals(List.of(CASH, BANK), view.grid.getDataProvider().fetch(new Query<>()).toList());
        assertEquals("Received " + cad("150") + " · refunded " + cad("50") + " · net " + cad("100"), view.totals.getText());
        assertEquals("31 Mar 2026", PaymentsView.day(CASH, ZoneId.of("America/Toronto")), "the day in Toronto");
        assertEquals("Bank transfer · Ref 42", PaymentsView.method(BANK));
        assertEquals("Cash", PaymentsView.method(CASH));
        assertEquals("Refunded", PaymentsView.badge(CASH).getText());
        assertTrue(PaymentsView.badge(BANK).getElement().getThemeList().contains("success"));
        assertEquals(cad("50") + " (" + cad("50") + " refunded)", PaymentsView.amount(CASH));
        assertEquals(cad("100"), PaymentsView.amount(BANK));
        assertFalse(byId(view, "payments-empty", Span.class).isVisible());

        view.method.setValue("STRIPE");
        view.status.setValue("FAILED");
        assertEquals(new PaymentFilter(YearMonth.of(2026, 3), "STRIPE", PaymentStatus.FAILED), asked.get(asked.size() - 1));
        Span empty = byId(view, "payments-empty", Span.class);
        assertTrue(empty.isVisible());
        assertEquals("No payments in March 2026 that match the filters.", empty.getText());
        assertEquals("", view.totals.getText());
        view.month.setValue(null);
        assertEquals(new PaymentFilter(null, "STRIPE", PaymentStatus.FAILED), asked.get(asked.size() - 1), "any month");
    }
}
