-- The queue's first page (a department's cases, nearest deadline first) read in index order: with
-- case_queue (department, state, due_at) alone, PostgreSQL sorts every case of the department for
-- each page (bench/casework-queue: p99 240 ms at 100,000 open cases, the raw SQL alone).
CREATE INDEX case_queue_order ON casework.case_file (department, due_at, submitted_at, id);
