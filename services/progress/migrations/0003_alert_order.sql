-- One row per clinic that raisers lock before inserting alerts, so a
-- clinic's alerts become visible in seq order: a watcher that has read up
-- to seq N never sees an alert with a smaller seq appear later.

CREATE TABLE progress_alert_clinics (
  clinic_id BIGINT NOT NULL,
  raised BIGINT NOT NULL,
  PRIMARY KEY (clinic_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
