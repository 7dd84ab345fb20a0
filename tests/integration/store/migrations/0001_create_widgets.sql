-- Two tables in one migration: the runner splits at ';' ending a line.
CREATE TABLE widgets (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- a comment inside a statement
  label VARCHAR(64) NOT NULL,
  UNIQUE KEY uq_widgets_label (label)
) ENGINE=InnoDB;

CREATE TABLE widget_notes (
  widget_id BIGINT NOT NULL,
  note VARCHAR(255) NOT NULL,
  CONSTRAINT fk_widget_notes_widget FOREIGN KEY (widget_id) REFERENCES widgets (id)
) ENGINE=InnoDB;
