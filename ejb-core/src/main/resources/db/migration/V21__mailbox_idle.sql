-- IMAP IDLE (issue 14): a mailbox whose server pushes new mail is watched over one open connection by one
-- instance (watched_by, renewed every few seconds until watch_until); while watched it is read when the
-- server says something arrived, and otherwise only every few minutes as a safety net.
alter table mailbox_sync add column watched_by text;
alter table mailbox_sync add column watch_until timestamptz;
