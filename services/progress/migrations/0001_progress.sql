-- Exercise sessions patients logged, per exercise what they did, and the
-- request ids that make LogSession retries safe.

CREATE TABLE progress_sessions (
  id VARCHAR(63) NOT NULL,
  clinic_id BIGINT NOT NULL,
  patient_id VARCHAR(63) NOT NULL,
  plan_id VARCHAR(63) NOT NULL,
  plan_revision INT NOT NULL,
  performed_at DATETIME(6) NOT NULL,
  walking_minutes INT NOT NULL,
  -- NPRS 0..10; NULL when not reported.
  pain_before TINYINT NULL,
  worst_pain_during TINYINT NOT NULL,
  pain_after TINYINT NOT NULL,
  pain_after_24h TINYINT NULL,
  rpe TINYINT NULL,
  leg_pain_or_neuro TINYINT(1) NOT NULL,
  notes TEXT NOT NULL,
  -- The latest assessment's NPRS now when the session was logged: the
  -- baseline again when the 24 h pain arrives.
  assessment_nprs TINYINT NULL,
  -- corebalance.v1.Session.TrafficLight: 1 GREEN, 2 AMBER, 3 RED.
  traffic_light TINYINT NOT NULL,
  logged_by VARCHAR(100) NOT NULL,
  -- The etag.
  revision INT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  -- Lists and summaries read one patient's window of sessions.
  KEY ix_progress_sessions_patient (clinic_id, patient_id, performed_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE progress_session_exercises (
  session_id VARCHAR(63) NOT NULL,
  position INT NOT NULL,
  exercise_slug VARCHAR(63) NOT NULL,
  completed TINYINT(1) NOT NULL,
  skip_reason TEXT NOT NULL,
  sets INT NOT NULL,
  reps INT NOT NULL,
  hold_seconds INT NOT NULL,
  duration_minutes INT NOT NULL,
  PRIMARY KEY (session_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE progress_request_ids (
  clinic_id BIGINT NOT NULL,
  method VARCHAR(100) NOT NULL,
  request_id VARCHAR(100) NOT NULL,
  resource_name VARCHAR(200) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (clinic_id, method, request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
