-- Templates v1: besides its wording of the shipped e-mails (name = kind), a business keeps named
-- e-mail templates of each kind; the profile's "templates" names the default of each kind.
alter table templates add column kind text;
update templates set kind = name where type = 'MESSAGE';
drop index templates_tenant_message_name_uq;
create unique index templates_tenant_kind_name_uq on templates (tenant_id, kind, lower(name))
    where type = 'MESSAGE' and deleted_at is null;
