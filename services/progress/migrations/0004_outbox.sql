-- The transactional outbox (README "Audit log and outbox"): every call's audit
-- event and every change's domain event, written in the transaction of the
-- change. The relay moves audit rows (stream 1) into the access service's
-- hash chain and deletes them; domain rows (stream 2) stay for subscribers
-- until their retention ends. Payloads are base64 of the event's protobuf.
CREATE TABLE progress_outbox (
  id BIGINT NOT NULL AUTO_INCREMENT,
  event_id CHAR(32) NOT NULL,
  clinic_id BIGINT NOT NULL,
  stream TINYINT NOT NULL,
  -- Per clinic and stream, from 1 without gaps (progress_outbox_heads).
  seq BIGINT NOT NULL,
  event_type VARCHAR(100) NOT NULL,
  patient VARCHAR(100) NOT NULL,
  payload MEDIUMTEXT CHARACTER SET ascii NOT NULL,
  create_time DATETIME(6) NOT NULL,
  -- Set when the audit log refused the row; the relay then passes it by.
  set_aside_time DATETIME(6) NULL,
  set_aside_reason VARCHAR(300) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_progress_outbox_seq (clinic_id, stream, seq),
  UNIQUE KEY uq_progress_outbox_event (event_id),
  KEY ix_progress_outbox_pending (stream, set_aside_time, id),
  KEY ix_progress_outbox_time (stream, create_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The last sequence number per clinic and stream. A transaction locks its
-- clinic's row last, just before commit, so seqs commit in order.
CREATE TABLE progress_outbox_heads (
  clinic_id BIGINT NOT NULL,
  stream TINYINT NOT NULL,
  last_seq BIGINT NOT NULL,
  PRIMARY KEY (clinic_id, stream)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- AIP-155 request ids are scoped to the parent and the request itself: a
-- reused id never answers with another resource.
ALTER TABLE progress_request_ids
  ADD COLUMN parent VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN request_hash CHAR(64) NOT NULL DEFAULT '';
