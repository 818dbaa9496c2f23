-- What "Fill with sample data" (and the demo seed) made, so it can be told apart from the business's own
-- records (the onboarding checklist counts only its own) and removed again (issue 13).
create table sample_records (
    tenant_id uuid not null references tenants (id),
    entity_type text not null check (entity_type in ('contact', 'work_item', 'quote', 'invoice', 'payment')),
    entity_id uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, entity_type, entity_id)
);

alter table sample_records enable row level security;
alter table sample_records force row level security;
create policy tenant_rows on sample_records
    using ((tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid or current_setting('app.cross_tenant', true) = 'on'))
    with check ((tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid or current_setting('app.cross_tenant', true) = 'on'));
