-- A run's progress as the back office shows it (issue 16, export): how many items there are in all; done counts up.
alter table job_runs add column total integer check (total >= 0);
