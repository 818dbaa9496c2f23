-- POS sync with Square (issue 16, docs/operations.md "POS sync"). A business's Square account lives in integration_connections
-- (provider SQUARE, the access token encrypted, the merchant and location in config_json); what was synced is keyed
-- in external_entity_map and how far each feed got in sync_cursors (both from V1, under row-level security).

-- Square's webhooks name the merchant: one business per Square merchant.
create unique index integration_connections_square_merchant_uq on integration_connections ((config_json ->> 'merchant_id'))
    where provider = 'SQUARE';

-- A signed Square webhook starts an incremental sync of its business.
alter table job_runs drop constraint job_runs_trigger_check;
alter table job_runs add constraint job_runs_trigger_check check (trigger in ('SCHEDULE', 'MANUAL', 'WEBHOOK'));

