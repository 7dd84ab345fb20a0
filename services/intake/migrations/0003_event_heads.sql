-- Clinics with patients from before the outbox get a domain event head (at
-- 0), so that services copying intake's data see them and take a snapshot.
INSERT INTO intake_outbox_heads (clinic_id, stream, last_seq)
  SELECT DISTINCT clinic_id, 2, 0 FROM intake_patients
  ON DUPLICATE KEY UPDATE last_seq = intake_outbox_heads.last_seq;
