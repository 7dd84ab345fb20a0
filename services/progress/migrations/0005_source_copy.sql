-- Progress's copy of what it reads from intake and prescription (README
-- "Progress keeps a copy of what it reads"), fed by their domain events and
-- backfilled from their snapshots. Bodies are base64 of the resource's
-- binary protobuf, as the event carried it.

-- Per source ("intake", "prescription") and clinic: the last event applied.
CREATE TABLE progress_copy_cursors (
  source VARCHAR(32) NOT NULL,
  clinic_id BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (source, clinic_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE progress_copy_patients (
  clinic_id BIGINT NOT NULL,
  patient_id VARCHAR(63) NOT NULL,
  -- The patient's update_time in microseconds: what orders its changes.
  update_micros BIGINT NOT NULL,
  -- corebalance.v1.Patient.State
  state TINYINT NOT NULL,
  PRIMARY KEY (clinic_id, patient_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Immutable once submitted, as in intake.
CREATE TABLE progress_copy_assessments (
  clinic_id BIGINT NOT NULL,
  patient_id VARCHAR(63) NOT NULL,
  assessment_id VARCHAR(63) NOT NULL,
  -- corebalance.v1.Assessment.Kind
  kind TINYINT NOT NULL,
  -- The assessment's date as yyyymmdd, for intake's order.
  assessment_day INT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  body MEDIUMTEXT CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (clinic_id, patient_id, assessment_id),
  KEY ix_progress_copy_assessments_order
    (clinic_id, patient_id, assessment_day, create_time, assessment_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Each plan at its latest revision.
CREATE TABLE progress_copy_plans (
  clinic_id BIGINT NOT NULL,
  patient_id VARCHAR(63) NOT NULL,
  plan_id VARCHAR(63) NOT NULL,
  revision INT NOT NULL,
  -- corebalance.v1.Plan.State
  state TINYINT NOT NULL,
  body MEDIUMTEXT CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (clinic_id, patient_id, plan_id),
  KEY ix_progress_copy_plans_state (clinic_id, patient_id, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every revision of each plan: when it was ACTIVE and at what frequency.
CREATE TABLE progress_copy_plan_revisions (
  clinic_id BIGINT NOT NULL,
  patient_id VARCHAR(63) NOT NULL,
  plan_id VARCHAR(63) NOT NULL,
  revision INT NOT NULL,
  body MEDIUMTEXT CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (clinic_id, patient_id, plan_id, revision)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The exercises and plan templates each clinic sees (prescription's own and
-- the clinic's), for summaries' names, progressions and next phases.
CREATE TABLE progress_copy_catalogue (
  clinic_id BIGINT NOT NULL,
  -- `exercises/{slug}` or `planTemplates/{slug}`.
  name VARCHAR(120) NOT NULL,
  -- The entry's update_time in microseconds: what orders its changes.
  update_micros BIGINT NOT NULL,
  body MEDIUMTEXT CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (clinic_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
