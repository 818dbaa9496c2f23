package com.smbhub.web.document;

import static com.smbhub.web.Components.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.money.DocumentView;
import com.smbhub.money.LineItem;
import com.smbhub.money.TaxCode;
import com.smbhub.money.Totals;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sent document reads as the document: a stamp of its state, the lines with amounts, the totals — no form. */
class DocumentSheetTest {

    private static final List<TaxCode> HST = List.of(new TaxCode("HST", "HST 13%", new BigDecimal("13")));

    @Test
    void aPaidInvoiceShowsItsStampLinesAndTotals() {
        DocumentSheet sheet = new DocumentSheet(DocumentForm.Kind.INVOICE, "Invoice", document("PAID"), HST,
                "Amount due $0.00");
        Span stamp = byId(sheet, "inv-stamp", Span.class);
        assertEquals("PAID", stamp.getText());
        assertEquals("badge success", stamp.getElement().getAttribute("theme"));
        Div lines = byId(sheet, "inv-sheet-lines", Div.class);
        assertEquals(3, lines.getChildren().count(), "a heading row and two lines");
        assertTrue(lines.getElement().getTextRecursively().contains("Boiler service2$100.00$200.00"),
                lines.getElement().getTextRecursively());
        assertEquals("Subtotal $230.00\nHST 13% $29.90\nTotal $259.90\nAmount due $0.00",
                byId(sheet, "inv-totals", Span.class).getText());
        assertTrue(sheet.getChildren().anyMatch(c -> c instanceof Paragraph p && p.getText().contains("For Ada Client")));
    }

    @Test
    void aVoidInvoiceIsStampedVoidInGrey() {
        DocumentSheet sheet = new DocumentSheet(DocumentForm.Kind.INVOICE, "Invoice", document("VOID"), HST, null);
        assertEquals("VOID", byId(sheet, "inv-stamp", Span.class).getText());
        assertEquals("badge contrast", byId(sheet, "inv-stamp", Span.class).getElement().getAttribute("theme"));
    }

    private static DocumentView document(String status) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("number", "INV-1042");
        v.put("status", status);
        v.put("contactName", "Ada Client");
        v.put("issueDate", LocalDate.of(2026, 12, 1));
        v.put("endDate", LocalDate.of(2026, 12, 15));
        v.put("currency", "CAD");
        v.put("pricing", Totals.Pricing.TAX_EXCLUSIVE);
        v.put("lines", List.of(new LineItem("Boiler service", new BigDecimal("2"), new BigDecimal("100"), "HST"),
                new LineItem("Parts", BigDecimal.ONE, new BigDecimal("30"), "HST")));
        v.put("lineTotals", List.of(new Totals.Line(new BigDecimal("200.00"), BigDecimal.ZERO, new BigDecimal("26.00")),
                new Totals.Line(new BigDecimal("30.00"), BigDecimal.ZERO, new BigDecimal("3.90"))));
        v.put("subtotal", new BigDecimal("230.00"));
        v.put("discountTotal", BigDecimal.ZERO);
        v.put("taxes", Map.of("HST", new BigDecimal("29.90")));
        v.put("total", new BigDecimal("259.90"));
        return (DocumentView) Proxy.newProxyInstance(DocumentView.class.getClassLoader(), new Class<?>[] {DocumentView.class},
                (proxy, method, args) -> v.get(method.getName()));
    }
}
