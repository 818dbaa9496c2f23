package com.smbhub.web.document;

import com.smbhub.money.DocumentView;
import com.smbhub.money.LineItem;
import com.smbhub.money.MoneyText;
import com.smbhub.money.TaxCode;
import com.smbhub.money.Totals;
import com.smbhub.web.shell.Badges;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.Words;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sent, paid or voided document as the client got it, not a greyed-out form: its number with a stamp of its state
 * (PAID, VOID, OVERDUE …), the client and dates, the lines with their amounts, the totals, notes and terms.
 */
public class DocumentSheet extends Div {

    public DocumentSheet(DocumentForm.Kind kind, String label, DocumentView d, List<TaxCode> taxCodes, String extraTotal) {
        String p = kind.prefix();
        setId(p + "-sheet");
        addClassName("doc-sheet");
        H3 title = new H3(label + " " + d.number());
        title.getStyle().set("margin", "0");
        Span stamp = Badges.of(kind.status(d.status()), Words.of(d.status()).toUpperCase());
        stamp.setId(p + "-stamp");
        stamp.addClassName("doc-stamp");
        Div top = new Div(title, stamp);
        top.addClassName("doc-sheet-top");
        add(top);
        Dates dates = Dates.current();
        add(new Paragraph((d.contactName() == null ? "" : "For " + d.contactName() + " · ") + "Issued "
                + dates.day(d.issueDate()) + (d.endDate() == null ? "" : " · " + kind.dateLabel() + " " + dates.day(d.endDate()))));
        Div lines = new Div();
        lines.setId(p + "-sheet-lines");
        lines.addClassName("doc-sheet-lines");
        lines.add(row("doc-sheet-head", "Description", "Qty", "Price", "Amount"));
        for (int i = 0; i < d.lines().size(); i++) {
            LineItem item = d.lines().get(i);
            BigDecimal amount = i < d.lineTotals().size() ? d.lineTotals().get(i).amount() : null;
            lines.add(row(null, item.name(), item.qty().stripTrailingZeros().toPlainString(),
                    MoneyText.format(item.rate(), d.currency()), amount == null ? "" : MoneyText.format(amount, d.currency())));
        }
        add(lines);
        Map<String, TaxCode> codes = new LinkedHashMap<>();
        taxCodes.forEach(c -> codes.put(c.code(), c));
        Span totals = new Span(DocumentForm.totalsText(d.subtotal(), d.discountTotal(), d.taxes(), d.total(), codes,
                d.pricing(), d.currency()) + (extraTotal == null ? "" : "\n" + extraTotal));
        totals.setId(p + "-totals");
        totals.addClassName("doc-sheet-totals");
        add(totals);
        if (d.notes() != null && !d.notes().isBlank()) {
            add(new Paragraph(d.notes()));
        }
        if (d.terms() != null && !d.terms().isBlank()) {
            Paragraph terms = new Paragraph(d.terms());
            terms.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(terms);
        }
    }

    private static Div row(String className, String name, String qty, String price, String amount) {
        Div row = new Div(cell(name, "doc-sheet-name"), cell(qty, "doc-sheet-num"), cell(price, "doc-sheet-num"),
                cell(amount, "doc-sheet-num"));
        row.addClassName("doc-sheet-row");
        if (className != null) {
            row.addClassName(className);
        }
        return row;
    }

    private static Span cell(String text, String className) {
        Span cell = new Span(text == null ? "" : text);
        cell.addClassName(className);
        return cell;
    }
}
