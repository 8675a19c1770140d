-- The department a notice belongs to (its author's at publication): only its publishers may
-- withdraw it. Notices published before have none and stay their author's alone.
ALTER TABLE alerts.notice ADD COLUMN department VARCHAR(100);
