-- A business's own SMTP server lives in integration_connections (provider SMTP; the password
-- encrypted in credentials_ref); its e-mail wording in templates (type MESSAGE).
alter table integration_connections add column deleted_at timestamptz;
create unique index templates_tenant_message_name_uq on templates (tenant_id, name) where type = 'MESSAGE' and deleted_at is null;
