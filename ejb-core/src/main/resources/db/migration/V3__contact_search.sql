-- Contact search by name / e-mail / phone fragment (issue 3): trigram indexes, and the keyset order of the list.
create extension if not exists pg_trgm;
create index contacts_name_trgm_idx on contacts using gin (lower(display_name) gin_trgm_ops);
create index contacts_email_trgm_idx on contacts using gin (lower(email) gin_trgm_ops);
create index contacts_phone_trgm_idx on contacts using gin (phone gin_trgm_ops);
create index contacts_tenant_sort_idx on contacts (tenant_id, lower(display_name), id) where deleted_at is null;
create index idempotency_keys_created_idx on idempotency_keys (created_at);
