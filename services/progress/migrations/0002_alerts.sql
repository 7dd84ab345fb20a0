-- Alerts raised for the practitioner. The unique key makes raising
-- idempotent: every raiser (any replica) uses INSERT IGNORE, so one cause
-- gives one row. seq orders alerts as they were raised.

CREATE TABLE progress_alerts (
  seq BIGINT NOT NULL AUTO_INCREMENT,
  id VARCHAR(63) NOT NULL,
  clinic_id BIGINT NOT NULL,
  patient_id VARCHAR(63) NOT NULL,
  -- corebalance.v1.Alert.Kind
  kind TINYINT NOT NULL,
  cause_key VARCHAR(200) NOT NULL,
  message TEXT NOT NULL,
  -- corebalance.v1.Alert.State: 1 OPEN, 2 ACKNOWLEDGED
  state TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  acknowledge_time DATETIME(6) NULL,
  acknowledged_by VARCHAR(100) NOT NULL,
  acknowledge_note TEXT NOT NULL,
  PRIMARY KEY (seq),
  UNIQUE KEY uq_progress_alerts_id (id),
  UNIQUE KEY uq_progress_alerts_cause (clinic_id, patient_id, kind, cause_key),
  KEY ix_progress_alerts_clinic (clinic_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
