-- This service's outbox tables and its scoped request ids, from the template
-- every service shares.
--@template services/outbox/outbox_tables.sql.in

-- Events relayed from a service's outbox keep their origin: (source,
-- source_seq) is appended once, so a resend is recognised. Events written
-- before the outbox have source '' and no source_seq.
ALTER TABLE access_audit_events
  ADD COLUMN source VARCHAR(20) NOT NULL DEFAULT '',
  ADD COLUMN source_seq BIGINT NULL,
  ADD COLUMN event_id CHAR(32) NULL,
  ADD UNIQUE KEY uq_access_audit_source (clinic_id, source, source_seq);

-- The highest source_seq appended per clinic and source: what a resend is
-- checked against, and how far each relay has come.
CREATE TABLE access_audit_sources (
  clinic_id BIGINT NOT NULL,
  source VARCHAR(20) NOT NULL,
  last_seq BIGINT NOT NULL,
  PRIMARY KEY (clinic_id, source)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
