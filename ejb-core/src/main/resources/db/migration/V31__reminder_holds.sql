-- Automatic payment reminders held for one invoice (issue 16): the client disputes it, or asked for no reminders.
-- A person's "Send reminder" still goes; the daily run skips the invoice until the hold is lifted.
alter table invoices add column reminder_hold text check (reminder_hold in ('DISPUTED', 'OPTED_OUT'));
alter table invoices add column reminder_hold_note text check (length(reminder_hold_note) <= 500);
