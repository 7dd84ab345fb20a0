-- When the adherence scan must next look at each ACTIVE plan (README "The
-- adherence scan"): the earliest time NON_ADHERENCE or LOW_ADHERENCE could
-- fire, moved sooner by a session logged or a change of the plan. A scan
-- claims the due rows with FOR UPDATE SKIP LOCKED, so replicas share them.
CREATE TABLE progress_adherence_due (
  clinic_id BIGINT NOT NULL,
  patient_id VARCHAR(63) NOT NULL,
  plan_id VARCHAR(63) NOT NULL,
  due_at DATETIME(6) NOT NULL,
  PRIMARY KEY (clinic_id, patient_id, plan_id),
  KEY ix_progress_adherence_due_at (due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The plans copied before this table: due at once, the scan reschedules.
INSERT INTO progress_adherence_due (clinic_id, patient_id, plan_id, due_at)
  SELECT clinic_id, patient_id, plan_id, '1970-01-01 00:00:00'
  FROM progress_copy_plans WHERE state = 1;  -- STATE_ACTIVE
