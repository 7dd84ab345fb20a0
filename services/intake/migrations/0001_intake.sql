-- IntakeService's tables: patients, their assessments and idempotency keys.
-- Times are UTC DATETIME(6); dates (birth, onset, assessment) are the
-- clinic's calendar dates. Nothing is ever deleted: patients are archived.
CREATE TABLE intake_patients (
  id VARCHAR(63) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  clinic_id BIGINT NOT NULL,
  -- Any Unicode, verbatim; the collation makes name search case-insensitive.
  given_name VARCHAR(200) NOT NULL,
  family_name VARCHAR(200) NOT NULL,
  birth_date DATE NULL,
  sex TINYINT NOT NULL,
  -- Empty when not given.
  phone VARCHAR(40) NOT NULL,
  email VARCHAR(320) NOT NULL,
  -- The staff member's id, empty when none is assigned.
  assigned_practitioner_id VARCHAR(63) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  state TINYINT NOT NULL,
  -- Bumped by every change; the etag (AIP-154).
  revision BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_intake_patients_page (clinic_id, state, family_name, given_name, id),
  KEY ix_intake_patients_practitioner (clinic_id, assigned_practitioner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Immutable once written. The columns hold what is filtered and compared;
-- `body` is the whole resource (inputs and the computed result) in protobuf
-- JSON, as it was returned when submitted.
CREATE TABLE intake_assessments (
  id VARCHAR(63) NOT NULL,
  clinic_id BIGINT NOT NULL,
  patient_id VARCHAR(63) NOT NULL,
  kind TINYINT NOT NULL,
  assessment_date DATE NOT NULL,
  -- The assessment this one corrects; each is corrected at most once.
  supersedes_id VARCHAR(63) NULL,
  nprs_now TINYINT NOT NULL,
  -- Exact ODI %, NULL when not scorable.
  odi_percent DOUBLE NULL,
  disposition TINYINT NOT NULL,
  submitted_by VARCHAR(100) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_intake_assessments_supersedes (supersedes_id),
  KEY ix_intake_assessments_page (clinic_id, patient_id, assessment_date, create_time, id),
  CONSTRAINT fk_intake_assessments_patient FOREIGN KEY (patient_id) REFERENCES intake_patients (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- AIP-155: the first result of a request id, so a retry creates nothing.
CREATE TABLE intake_request_ids (
  clinic_id BIGINT NOT NULL,
  method VARCHAR(100) NOT NULL,
  request_id VARCHAR(100) NOT NULL,
  resource_name VARCHAR(200) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (clinic_id, method, request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
