-- Text messages (issue 14): a business's Twilio account and number live in integration_connections
-- (provider TWILIO, the auth token encrypted); numbers that texted STOP are in sms_opt_outs.

-- An incoming text names the number it was sent to; each number belongs to one business.
create unique index integration_connections_twilio_number_uq on integration_connections ((config_json ->> 'number'))
    where provider = 'TWILIO';

create table sms_opt_outs (
    tenant_id uuid not null references tenants (id),
    phone text not null,
    keyword text not null,
    opted_out_at timestamptz not null default now(),
    primary key (tenant_id, phone)
);

do $$
declare
    rule text := '(tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid'
                 || ' or current_setting(''app.cross_tenant'', true) = ''on'')';
begin
    execute 'alter table sms_opt_outs enable row level security';
    execute 'alter table sms_opt_outs force row level security';
    execute format('create policy tenant_rows on sms_opt_outs using %s with check %s', rule, rule);
end $$;
