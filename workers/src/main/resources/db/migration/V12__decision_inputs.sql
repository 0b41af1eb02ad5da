-- What the decision table read when it decided (the variables it names: the payment without its card, the
-- features and whether they are complete, the score, its thresholds and top reasons), so that
-- `./fraud backtest` can re-decide recorded payments with a candidate table on exactly these inputs.
-- Null for decisions recorded before this column existed, and for rejections (no table was evaluated).
ALTER TABLE decision_audit ADD COLUMN decision_inputs jsonb;
