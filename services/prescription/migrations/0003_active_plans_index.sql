-- The alert scanner reads every clinic's ACTIVE plans in id order.
CREATE INDEX ix_prescription_plans_state ON prescription_plans (state, id);
