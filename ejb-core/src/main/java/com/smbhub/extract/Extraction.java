package com.smbhub.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What was read from a message: the draft a careful person would make (the output contract of
 * {@code shared/benchmarks/README.md}), each field with how sure the reading is (0..1, by field name as in
 * {@code work_item.due_date}), and the intents next in line.
 */
public record Extraction(Intent intent, WorkItem workItem, List<Line> lineItems, BigDecimal total, String currency,
        Expense expense, String invoiceRef, Contact contact, double confidence, Map<String, Double> fieldConfidence,
        List<Intent> alternatives) {

    public enum Intent {
        CREATE_WORK_ITEM, DRAFT_QUOTE, DRAFT_INVOICE, DRAFT_EXPENSE, DRAFT_AR_MESSAGE, NONE
    }

    public record WorkItem(String type, String title, LocalDate dueDate, String priority, String serviceAddress,
            String externalOrderId) {
    }

    public record Line(String name, BigDecimal qty, BigDecimal rate) {
    }

    public record Expense(String vendor, BigDecimal amount, LocalDate date, String category) {
    }

    public record Contact(String name, String email, String phone) {
    }

    /** The same reading made into another kind of draft (a person's choice in "Turn into…"). */
    public Extraction as(Intent other) {
        return new Extraction(other, workItem, lineItems, total, currency, expense, invoiceRef, contact, confidence,
                fieldConfidence, alternatives);
    }

    /** A person's edit keeps how sure the machine's reading was: {@code read}'s confidences and runners-up. */
    public Extraction withConfidence(Extraction read) {
        return new Extraction(intent, workItem, lineItems, total, currency, expense, invoiceRef, contact, read.confidence,
                read.fieldConfidence, read.alternatives);
    }

    /** High (≥ 0.8), Med (≥ 0.5) or Low, as the draft panel shows a confidence. */
    public static String band(double confidence) {
        return confidence >= 0.8 ? "HIGH" : confidence >= 0.5 ? "MED" : "LOW";
    }
}
