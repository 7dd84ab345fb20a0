# Data in a migration: applied once, even when two replicas start together.
INSERT INTO widgets (label) VALUES ('first; with a semicolon'), ('back\\slash "quoted"');
INSERT INTO widgets (label) VALUES ('third');
