-- The text of a message that went to the development mail server, so the back office's Sent mail page can show it
-- as sent (issue 17). Never kept for mail through a real server, nor for SMB Hub's own account mails.
alter table mail_log add column body text;
