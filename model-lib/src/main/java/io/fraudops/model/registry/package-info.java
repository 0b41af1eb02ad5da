/**
 * Model registry: numbered versions per model and movable aliases ({@code champion}, {@code
 * challenger}), behind the {@link io.fraudops.model.registry.ModelRegistry} port.
 *
 * <ul>
 *   <li>{@link io.fraudops.model.registry.S3ModelRegistry}, the default: everything in one
 *       S3-compatible bucket (MinIO, AWS S3; the local runtime's in-process S3 for local runs and
 *       tests).
 *   <li>{@link io.fraudops.model.registry.MlflowModelRegistry}: targets MLflow 2.x tracking servers
 *       from 2.3 on (the release that added model version aliases), through the {@code
 *       /api/2.0/mlflow} REST endpoints, with model files read and written through MLflow's
 *       artifact proxy or directly in the S3 bucket behind it; it serves MLflow's catboost flavour,
 *       and is tested against a real MLflow server.
 * </ul>
 *
 * Both hand models back only through {@link io.fraudops.model.scoring.ModelArtifact}'s validating
 * loader.
 */
package io.fraudops.model.registry;
