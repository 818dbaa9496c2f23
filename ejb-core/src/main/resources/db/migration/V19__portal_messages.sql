-- Portal messages (issue 14): "Message <business>" on a client's invoice or quote page opens a WEB_PORTAL
-- conversation about that document; the document it is about is kept on the conversation.
alter table conversations add column document_type text check (document_type in ('INVOICE', 'QUOTE'));
alter table conversations add column document_id uuid;
create index conversations_tenant_document_idx on conversations (tenant_id, document_type, document_id)
    where document_id is not null;
