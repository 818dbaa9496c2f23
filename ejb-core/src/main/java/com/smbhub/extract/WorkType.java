package com.smbhub.extract;

/**
 * The work-item types a draft can have: the universal types of {@code WorkItemService.TYPES}, typed here so the
 * extractor compares values, not words ({@code WorkTypeTest} keeps the lists the same, priorities too).
 */
enum WorkType {
    REQUEST, ORDER, JOB, SUPPORT, ADMIN, COLLECTION, BOOKKEEPING;

    /** A work item's priorities ({@code WorkItemService.PRIORITIES}), lowest first. */
    enum Priority {
        LOW, NORMAL, HIGH, URGENT
    }
}
