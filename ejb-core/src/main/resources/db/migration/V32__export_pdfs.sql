-- An export run's choice (issue 16): whether invoice and quote PDFs go into the ZIP (null for other jobs).
alter table job_runs add column with_pdfs boolean;
