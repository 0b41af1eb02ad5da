/**
 * Serving fraud models: loading CatBoost models (.cbm / .json) through catboost4j with validation,
 * sidecar metadata, probabilities and reason codes. Knows nothing of the workflow engine. Entry
 * points: {@link io.fraudops.model.scoring.ModelArtifact#load(String)} and {@link
 * io.fraudops.model.scoring.Scorer#score(double[])}.
 */
package io.fraudops.model.scoring;
