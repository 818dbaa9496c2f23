-- Row-level security, the second wall under the tenant discriminator (issue 12, docs/security.md).
-- Every table with a tenant_id, except the two technical ones that also hold platform rows (audit_log,
-- webhook_events), shows and accepts only the rows of the business named for the transaction
-- (app.tenant_id, set by the application with set_config(..., true) when it binds a tenant), or any
-- row inside the application's explicit cross-business scope (app.cross_tenant = 'on').
-- FORCE makes the policy hold for the tables' owner too; only superusers and BYPASSRLS roles pass.
do $$
declare
    t text;
    rule text := '(tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid'
                 || ' or current_setting(''app.cross_tenant'', true) = ''on'')';
begin
    for t in
        select c.table_name from information_schema.columns c
        join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
        where c.table_schema = current_schema() and c.column_name = 'tenant_id' and tb.table_type = 'BASE TABLE'
          and c.table_name not in ('audit_log', 'webhook_events')
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_rows on %I using %s with check %s', t, rule, rule);
    end loop;
end $$;

-- The application's role (${appRole}) reads and writes rows and owns nothing, so the policies hold for
-- it; migrations run as the owner. Granted only where that role exists (a database may use one role).
do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute format('grant usage on schema %I to %I', current_schema(), '${appRole}');
        execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), '${appRole}');
        execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), '${appRole}');
        execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                       current_schema(), '${appRole}');
        execute format('alter default privileges in schema %I grant usage, select on sequences to %I',
                       current_schema(), '${appRole}');
    end if;
end $$;
