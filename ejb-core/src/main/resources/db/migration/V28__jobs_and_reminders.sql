-- Scheduled jobs (issue 16, docs/operations.md "Jobs"): each run of a job for one business, what it did and why
-- something failed; next to the batch runtime's own execution id.
create table job_runs (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    job text not null check (job in ('export', 'ar-reminders', 'pos-sync')),
    trigger text not null check (trigger in ('SCHEDULE', 'MANUAL')),
    status text not null check (status in ('STARTED', 'COMPLETED', 'FAILED')),
    execution_id bigint,
    started_by text,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    done integer not null default 0 check (done >= 0),
    skipped integer not null default 0 check (skipped >= 0),
    failed integer not null default 0 check (failed >= 0),
    errors text,
    created_at timestamptz not null default now()
);
create index job_runs_tenant_job_started_idx on job_runs (tenant_id, job, started_at desc);
select tenant_rows('job_runs');

-- Each payment reminder an invoice got, one per stage ever: claimed before the mail goes, so two runs, two
-- instances or a person's "Send reminder" the same minute send it once.
create table ar_reminders (
    tenant_id uuid not null references tenants (id),
    invoice_id uuid not null references invoices (id),
    stage text not null check (stage in ('REMINDER_1', 'REMINDER_2', 'FINAL')),
    automatic boolean not null,
    job_run_id uuid,
    sent_at timestamptz not null default now(),
    primary key (tenant_id, invoice_id, stage)
);
select tenant_rows('ar_reminders');

-- A scheduled slot of a job (platform bookkeeping, no business): the one instance that inserts it starts the run.
create table job_slots (
    job text not null,
    slot text not null,
    claimed_at timestamptz not null default now(),
    primary key (job, slot)
);
