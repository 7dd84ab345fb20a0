-- PrescriptionService's tables: the exercise catalogue, plan templates,
-- assigned plans with their revision history, and idempotency keys.
-- Catalogue rows with clinic_id 0 are the seeded, global ones; others belong
-- to one clinic. Times are UTC DATETIME(6).
CREATE TABLE prescription_exercises (
  clinic_id BIGINT NOT NULL,
  slug VARCHAR(63) COLLATE utf8mb4_bin NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  -- corebalance.v1.Exercise.Level
  level TINYINT NOT NULL,
  body_region VARCHAR(200) NOT NULL,
  -- Comma-separated lower-case items (FIND_IN_SET); empty when none.
  equipment VARCHAR(500) NOT NULL,
  instructions TEXT NOT NULL,
  sets INT NOT NULL,
  reps INT NOT NULL,
  hold_seconds INT NOT NULL,
  rest_seconds INT NOT NULL,
  duration_minutes INT NOT NULL,
  frequency_per_week INT NOT NULL,
  per_side TINYINT(1) NOT NULL,
  regression_slug VARCHAR(63) COLLATE utf8mb4_bin NULL,
  progression_slug VARCHAR(63) COLLATE utf8mb4_bin NULL,
  -- Bumped on every update; the etag.
  revision INT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (clinic_id, slug),
  KEY ix_prescription_exercises_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE prescription_plan_templates (
  clinic_id BIGINT NOT NULL,
  slug VARCHAR(63) COLLATE utf8mb4_bin NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  description TEXT NOT NULL,
  phase INT NOT NULL,
  first_week INT NOT NULL,
  last_week INT NOT NULL,
  revision INT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (clinic_id, slug),
  KEY ix_prescription_templates_page (phase, slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A template's exercises in order. exercise_slug names an exercise visible
-- to the template's clinic (global or its own).
CREATE TABLE prescription_template_exercises (
  clinic_id BIGINT NOT NULL,
  template_slug VARCHAR(63) NOT NULL,
  position INT NOT NULL,
  exercise_slug VARCHAR(63) NOT NULL,
  sets INT NOT NULL,
  reps INT NOT NULL,
  hold_seconds INT NOT NULL,
  rest_seconds INT NOT NULL,
  duration_minutes INT NOT NULL,
  frequency_per_week INT NOT NULL,
  per_side TINYINT(1) NOT NULL,
  PRIMARY KEY (clinic_id, template_slug, position),
  CONSTRAINT fk_prescription_template_exercises_template
    FOREIGN KEY (clinic_id, template_slug)
    REFERENCES prescription_plan_templates (clinic_id, slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE prescription_plans (
  id VARCHAR(63) NOT NULL,
  clinic_id BIGINT NOT NULL,
  patient_id VARCHAR(63) NOT NULL,
  -- patient_id while the plan is ACTIVE or PAUSED, else NULL: the unique key
  -- below allows one open plan per patient whatever the code does.
  open_patient_id VARCHAR(63) NULL,
  -- corebalance.v1.Plan.State: 1 ACTIVE, 2 PAUSED, 3 COMPLETED, 4 CANCELLED
  state TINYINT NOT NULL,
  template_slug VARCHAR(63) NOT NULL,
  -- corebalance.v1.DoseLevel
  dose_level TINYINT NOT NULL,
  assessment VARCHAR(200) NOT NULL,
  override_reason TEXT NULL,
  assigned_by VARCHAR(100) NOT NULL,
  -- The latest revision's number; the etag.
  revision INT NOT NULL,
  state_reason TEXT NOT NULL,
  superseded_by VARCHAR(63) NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  adjust_time DATETIME(6) NOT NULL,
  end_time DATETIME(6) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_prescription_plans_open (clinic_id, open_patient_id),
  KEY ix_prescription_plans_patient (clinic_id, patient_id, create_time, id),
  KEY ix_prescription_plans_clinic (clinic_id, create_time, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every change of a plan: who, what, why, and the plan as it was after it.
CREATE TABLE prescription_plan_revisions (
  plan_id VARCHAR(63) NOT NULL,
  revision INT NOT NULL,
  clinic_id BIGINT NOT NULL,
  -- corebalance.v1.PlanRevision.Action
  action TINYINT NOT NULL,
  actor VARCHAR(100) NOT NULL,
  reason TEXT NOT NULL,
  -- One change per line.
  changes TEXT NOT NULL,
  state TINYINT NOT NULL,
  template_slug VARCHAR(63) NOT NULL,
  dose_level TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (plan_id, revision),
  CONSTRAINT fk_prescription_revisions_plan
    FOREIGN KEY (plan_id) REFERENCES prescription_plans (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The exercises of each revision, in order.
CREATE TABLE prescription_plan_exercises (
  plan_id VARCHAR(63) NOT NULL,
  revision INT NOT NULL,
  position INT NOT NULL,
  exercise_slug VARCHAR(63) NOT NULL,
  sets INT NOT NULL,
  reps INT NOT NULL,
  hold_seconds INT NOT NULL,
  rest_seconds INT NOT NULL,
  duration_minutes INT NOT NULL,
  frequency_per_week INT NOT NULL,
  per_side TINYINT(1) NOT NULL,
  PRIMARY KEY (plan_id, revision, position),
  CONSTRAINT fk_prescription_plan_exercises_revision
    FOREIGN KEY (plan_id, revision)
    REFERENCES prescription_plan_revisions (plan_id, revision)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per patient with plans. AssignPlan locks it (SELECT ... FOR
-- UPDATE), so two assignments for one patient run one after the other.
CREATE TABLE prescription_patient_locks (
  clinic_id BIGINT NOT NULL,
  patient_id VARCHAR(63) NOT NULL,
  PRIMARY KEY (clinic_id, patient_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- AIP-155: the first result of a request id, so a retry creates nothing.
CREATE TABLE prescription_request_ids (
  clinic_id BIGINT NOT NULL,
  method VARCHAR(100) NOT NULL,
  request_id VARCHAR(100) NOT NULL,
  resource_name VARCHAR(200) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (clinic_id, method, request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
