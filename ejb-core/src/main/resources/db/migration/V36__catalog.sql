-- Products and services a business sells (issue 17): picked into invoice and quote lines with search, saved from a
-- line in one click. A line keeps its own copy of name, price and tax; changing the catalog never changes a document.
create table catalog_items (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    name text not null check (length(name) between 1 and 200),
    description text check (length(description) <= 1000),
    unit_price numeric(14, 4) not null check (unit_price >= 0),
    tax_code text,
    unit text check (length(unit) <= 20),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);
-- one live item per name (in any case) in a business
create unique index catalog_items_tenant_name_uq on catalog_items (tenant_id, lower(name)) where deleted_at is null;
select tenant_rows('catalog_items');
