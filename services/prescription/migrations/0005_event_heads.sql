-- Clinics with plans from before the outbox get a domain event head (at 0),
-- so that services copying prescription's plans see them and take a
-- snapshot.
INSERT INTO prescription_outbox_heads (clinic_id, stream, last_seq)
  SELECT DISTINCT clinic_id, 2, 0 FROM prescription_plans
  ON DUPLICATE KEY UPDATE last_seq = prescription_outbox_heads.last_seq;
