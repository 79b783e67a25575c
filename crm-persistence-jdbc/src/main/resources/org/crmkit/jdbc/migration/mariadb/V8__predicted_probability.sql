-- The win probability a model predicted for an open opportunity (Opportunity.predictedProbability),
-- which counts after one set by hand and before the stage's default.
ALTER TABLE crm_opportunity ADD COLUMN predicted_probability SMALLINT;
