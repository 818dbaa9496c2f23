-- Expenses (issue 15, PRD 3.12): the vendor as read or typed until approval links it to a contact, the work item
-- it was spent on, what the receipt scan suggested (fields with their confidence) and how the scan went, and
-- the submit / review trail.
alter table expenses
    add column vendor_name text check (vendor_name is null or length(vendor_name) <= 200),
    add column work_item_id uuid references work_items (id),
    add column suggested jsonb,
    add column scan_status text check (scan_status is null
        or scan_status in ('READ', 'NO_TEXT', 'OCR_UNAVAILABLE', 'UNSUPPORTED', 'UNREADABLE')),
    add column submitted_at timestamptz,
    add column submitted_by uuid references users (id),
    add column reviewed_by uuid references users (id),
    add column reviewed_at timestamptz,
    add column review_notes text check (review_notes is null or length(review_notes) <= 2000),
    add constraint expenses_amount_positive check (amount is null or amount > 0),
    add constraint expenses_tax_not_negative check (tax_total is null or tax_total >= 0);

create index expenses_tenant_work_item_idx on expenses (tenant_id, work_item_id);
