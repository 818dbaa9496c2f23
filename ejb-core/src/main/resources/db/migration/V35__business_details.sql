-- What a business prints on its invoices and quotes (issue 17): legal name, address, how to reach it, its tax
-- registration numbers (one per line, as the law wants them shown: "GST/HST 123456789 RT0001"), and the notes and
-- terms a new invoice or quote starts with.
alter table tenants
    add column legal_name text,
    add column address_line1 text,
    add column address_line2 text,
    add column city text,
    add column region text,
    add column postal_code text,
    add column phone text,
    add column email text,
    add column website text,
    add column tax_numbers text,
    add column default_notes text,
    add column default_terms text;
