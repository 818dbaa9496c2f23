-- A business's logo (Settings → Business), printed on its invoices and quotes (issue 13). Small by rule
-- (at most 512 KB, checked by the application), so it lives with the business and in every backup.
alter table tenants add column logo bytea,
    add column logo_type text check (logo_type in ('image/png', 'image/jpeg')),
    add check ((logo is null) = (logo_type is null));
