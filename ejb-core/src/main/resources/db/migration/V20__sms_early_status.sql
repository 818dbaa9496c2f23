-- A status callback can reach us before the transaction that sent the text has stored Twilio's sid
-- (issue 14, "status callbacks in any order"): it waits here and is applied when the sid is stored.
create table sms_early_statuses (
    tenant_id uuid not null references tenants (id),
    message_sid text not null,
    status text not null,
    error_code text,
    received_at timestamptz not null default now(),
    primary key (tenant_id, message_sid, status)
);

-- The row-level security every business table gets (as in V12): one function, so a new table is one line.
create function tenant_rows(tbl regclass) returns void language plpgsql as $$
declare
    rule text := '(tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid'
                 || ' or current_setting(''app.cross_tenant'', true) = ''on'')';
begin
    execute format('alter table %s enable row level security', tbl);
    execute format('alter table %s force row level security', tbl);
    execute format('create policy tenant_rows on %s using %s with check %s', tbl, rule, rule);
end $$;

select tenant_rows('sms_early_statuses');
