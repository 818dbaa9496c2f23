-- How a business maps a contacts file's columns (issue 17): chosen once in the import's column step, used the next
-- time a file has a column of that name. The key is the column's name normalised (lower case, "_" between words);
-- field null = the column is left out.
create table import_columns (
    tenant_id uuid not null references tenants (id),
    column_key text not null check (length(column_key) between 1 and 200),
    field text check (field in ('display_name', 'first_name', 'last_name', 'type', 'company_name', 'email', 'phone',
        'address_line1', 'address_line2', 'city', 'region', 'postal_code', 'country', 'tags', 'notes')),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, column_key)
);
select tenant_rows('import_columns');
