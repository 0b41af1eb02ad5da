-- What else scored the payment, never used for the decision: per shadow model its version and score
-- (or why it could not score), and the inference configuration version that chose the models.
ALTER TABLE decision_audit ADD COLUMN shadow_scores jsonb;
ALTER TABLE decision_audit ADD COLUMN inference_config_version text;
