-- AccessService's tables: clinics, staff, API tokens, idempotency keys and the
-- hash-chained audit log. Times are UTC DATETIME(6).
CREATE TABLE access_clinics (
  id BIGINT NOT NULL AUTO_INCREMENT,
  display_name VARCHAR(200) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_access_clinics_display_name (display_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE access_staff_members (
  id VARCHAR(63) NOT NULL,
  clinic_id BIGINT NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  -- NULL when not given; unique per clinic when given.
  email VARCHAR(320) NULL,
  role TINYINT NOT NULL,
  state TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_access_staff_email (clinic_id, email),
  KEY ix_access_staff_page (clinic_id, create_time, id),
  CONSTRAINT fk_access_staff_clinic FOREIGN KEY (clinic_id) REFERENCES access_clinics (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE access_api_tokens (
  id VARCHAR(63) NOT NULL,
  clinic_id BIGINT NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  -- NULL for integration tokens.
  staff_member_id VARCHAR(63) NULL,
  role TINYINT NOT NULL,
  -- Space-separated scopes.
  scopes VARCHAR(500) NOT NULL,
  -- SHA-256 of the secret; the secret itself is never stored.
  secret_hash CHAR(64) NOT NULL,
  secret_prefix VARCHAR(16) NOT NULL,
  expire_time DATETIME(6) NULL,
  revoke_time DATETIME(6) NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_access_tokens_hash (secret_hash),
  KEY ix_access_tokens_page (clinic_id, create_time, id),
  KEY ix_access_tokens_staff (staff_member_id),
  CONSTRAINT fk_access_tokens_clinic FOREIGN KEY (clinic_id) REFERENCES access_clinics (id),
  CONSTRAINT fk_access_tokens_staff FOREIGN KEY (staff_member_id) REFERENCES access_staff_members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- AIP-155: the first result of a request id, so a retry creates nothing.
CREATE TABLE access_request_ids (
  clinic_id BIGINT NOT NULL,
  method VARCHAR(100) NOT NULL,
  request_id VARCHAR(100) NOT NULL,
  resource_name VARCHAR(200) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (clinic_id, method, request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per clinic: the end of its audit chain. Appends lock it, which
-- serialises a clinic's appends so the chain never forks.
CREATE TABLE access_audit_heads (
  clinic_id BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  last_hash CHAR(64) NOT NULL,
  PRIMARY KEY (clinic_id),
  CONSTRAINT fk_access_audit_heads_clinic FOREIGN KEY (clinic_id) REFERENCES access_clinics (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE access_audit_events (
  clinic_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  event_time DATETIME(6) NOT NULL,
  actor VARCHAR(100) NOT NULL,
  actor_role TINYINT NOT NULL,
  action VARCHAR(150) NOT NULL,
  resource VARCHAR(300) NOT NULL,
  patient VARCHAR(100) NOT NULL,
  outcome TINYINT NOT NULL,
  status_code VARCHAR(40) NOT NULL,
  request_id VARCHAR(100) NOT NULL,
  peer VARCHAR(100) NOT NULL,
  prev_hash CHAR(64) NOT NULL,
  hash CHAR(64) NOT NULL,
  PRIMARY KEY (clinic_id, seq),
  KEY ix_access_audit_patient (clinic_id, patient, seq),
  KEY ix_access_audit_actor (clinic_id, actor, seq),
  KEY ix_access_audit_time (clinic_id, event_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
