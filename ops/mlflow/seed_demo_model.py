"""Registers the bundled demo model in MLflow and writes the workers' inference configuration to MinIO.

Runs on every `docker compose up` and changes nothing once both are there, so a promotion or a configuration
made later is never overwritten. What it writes is the layout the workers read through model-lib's
MlflowModelRegistry and S3InferenceConfigStore:

- a version of MODEL_NAME whose source is s3://ARTIFACT_BUCKET/registry/<name>/seed-<digest>, a directory holding
  model.json and its sidecar model.json.meta.json, tagged fraudops.format=JSON and fraudops.metric.<name> for
  every metric of the sidecar, linked to a finished run that holds the training params and metrics;
- the alias ALIAS (champion) on that version;
- CONFIG_KEY in REGISTRY_BUCKET (versioning on): the configuration serving MODEL_NAME@ALIAS, with that version
  as fallback.

Exit code 0 when the stack has a model and a configuration, 1 otherwise (the reason is printed).
"""

import hashlib
import json
import math
import os
import sys
import time

import boto3
from botocore.exceptions import ClientError
from mlflow.entities import Metric, Param
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

FORMAT_TAG = "fraudops.format"
METRIC_TAG_PREFIX = "fraudops.metric."
# Marks the version this job registered, so a rerun finds it instead of registering a second one.
SEED_TAG = "fraudops.seed"
FORMATS = {".json": "JSON", ".cbm": "CBM"}
SIDECAR_SUFFIX = ".meta.json"
# MLflow's runs/log-batch accepts at most 100 params and 1000 entries per request.
PARAMS_PER_BATCH = 100
METRICS_PER_BATCH = 900


def main():
    model_file = os.environ.get("MODEL_FILE", "/seed/models/demo-fraud-model.json")
    name = os.environ.get("MODEL_NAME", "demo-fraud-model")
    alias = os.environ.get("MODEL_ALIAS", "champion")
    artifact_bucket = os.environ.get("ARTIFACT_BUCKET", "mlflow")
    artifact_prefix = os.environ.get("ARTIFACT_PREFIX", "")
    registry_bucket = os.environ.get("REGISTRY_BUCKET", "models")
    config_key = os.environ.get("CONFIG_KEY", "inference-config.json")
    thresholds = {"review": float(os.environ.get("REVIEW_THRESHOLD", "0.5")),
                  "decline": float(os.environ.get("DECLINE_THRESHOLD", "0.9"))}

    mlflow = MlflowClient(tracking_uri=os.environ["MLFLOW_TRACKING_URI"])
    # Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, as for the MLflow server.
    s3 = boto3.client("s3", endpoint_url=os.environ["MLFLOW_S3_ENDPOINT_URL"])

    seeded = seed_model(mlflow, s3, model_file, name, alias, artifact_bucket, artifact_prefix)
    seed_config(s3, registry_bucket, config_key, name, alias, seeded, thresholds)


def seed_model(mlflow, s3, model_file, name, alias, bucket, prefix):
    """Registers the model unless the registry has versions of it; points the alias at it if unset.

    Returns the version this job registered (now or on an earlier run), or None when the registry holds only
    versions registered by someone else.
    """
    model, sidecar = read(model_file), read(model_file + SIDECAR_SUFFIX)
    digest = hashlib.sha256(model + sidecar).hexdigest()[:16]
    versions = mlflow.search_model_versions(f"name='{name}'")
    ours = sorted(int(v.version) for v in versions if v.tags.get(SEED_TAG) == digest)
    if ours:
        seeded = ours[0]
        print(f"{name} version {seeded} is already registered from {model_file}")
    elif versions:
        seeded = None
        print(f"{name} has {len(versions)} version(s) registered by others: not registering {model_file}")
    else:
        seeded = register(mlflow, s3, model_file, model, sidecar, digest, name, bucket, prefix)

    current = alias_target(mlflow, name, alias)
    if current is not None:
        print(f"{name}@{alias} is version {current}: left as it is")
    elif seeded is not None:
        mlflow.set_registered_model_alias(name, alias, str(seeded))
        print(f"{name}@{alias} now points at version {seeded}")
    else:
        print(f"{name}@{alias} is not set and this job registered no version: set it in MLflow", file=sys.stderr)
    return seeded


def register(mlflow, s3, model_file, model, sidecar, digest, name, bucket, prefix):
    extension = os.path.splitext(model_file)[1].lower()
    if extension not in FORMATS:
        raise SystemExit(f"{model_file}: expected a .json or .cbm CatBoost model")
    metadata = json.loads(sidecar)
    if metadata.get("name") != name:
        # The workers refuse a version whose sidecar names another model.
        raise SystemExit(f"{model_file}{SIDECAR_SUFFIX} names model '{metadata.get('name')}', registering as '{name}'")
    metrics = {k: float(v) for k, v in metadata.get("metrics", {}).items() if v is not None and math.isfinite(v)}

    directory = f"{prefix}registry/{name}/seed-{digest}"
    file_name = "model" + extension
    s3.put_object(Bucket=bucket, Key=f"{directory}/{file_name}", Body=model)
    s3.put_object(Bucket=bucket, Key=f"{directory}/{file_name}{SIDECAR_SUFFIX}", Body=sidecar,
                  ContentType="application/json")

    try:
        mlflow.create_registered_model(name)
    except MlflowException as e:
        if e.error_code != "RESOURCE_ALREADY_EXISTS":
            raise
    run_id = log_run(mlflow, name, metadata, metrics)
    tags = {FORMAT_TAG: FORMATS[extension], SEED_TAG: digest}
    tags.update({METRIC_TAG_PREFIX + k: repr(v) for k, v in metrics.items()})
    version = mlflow.create_model_version(name, source=f"s3://{bucket}/{directory}", run_id=run_id, tags=tags)
    print(f"Registered {model_file} as {name} version {version.version} (s3://{bucket}/{directory})")
    return int(version.version)


def log_run(mlflow, name, metadata, metrics):
    """A finished run holding the training params and metrics, in an experiment named after the model."""
    experiment = mlflow.get_experiment_by_name(name)
    experiment_id = experiment.experiment_id if experiment else mlflow.create_experiment(name)
    run_id = mlflow.create_run(experiment_id, run_name=f"{name} {metadata.get('version', '')}".strip()).info.run_id
    now = int(time.time() * 1000)
    params = [Param(k, str(v)) for k, v in metadata.get("params", {}).items()]
    values = [Metric(k, v, now, 0) for k, v in metrics.items()]
    p = m = 0
    while p < len(params) or m < len(values):
        mlflow.log_batch(run_id, metrics=values[m:m + METRICS_PER_BATCH], params=params[p:p + PARAMS_PER_BATCH])
        p, m = p + PARAMS_PER_BATCH, m + METRICS_PER_BATCH
    mlflow.set_terminated(run_id, "FINISHED")
    return run_id


def alias_target(mlflow, name, alias):
    try:
        return int(mlflow.get_model_version_by_alias(name, alias).version)
    except MlflowException as e:
        if e.error_code in ("RESOURCE_DOES_NOT_EXIST", "INVALID_PARAMETER_VALUE"):
            return None
        raise


def seed_config(s3, bucket, key, name, alias, fallback, thresholds):
    """Writes the configuration unless the key exists: every later change is a new object version."""
    try:
        s3.head_object(Bucket=bucket, Key=key)
        print(f"s3://{bucket}/{key} exists: left as it is")
        return
    except ClientError as e:
        if e.response.get("Error", {}).get("Code") not in ("404", "NoSuchKey", "NotFound"):
            raise
    config = {"models": [{"name": name, "alias": alias, "role": "decision"}], "features": {}, "thresholds": thresholds}
    if fallback is not None:
        config["fallback"] = {"name": name, "version": fallback}
    written = s3.put_object(Bucket=bucket, Key=key, Body=json.dumps(config, indent=2).encode(),
                            ContentType="application/json")
    print(f"Wrote s3://{bucket}/{key} (version {written.get('VersionId')}): {name}@{alias}, fallback version {fallback}")


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise SystemExit(f"cannot read {path}: {e.strerror}")


if __name__ == "__main__":
    try:
        main()
    except (MlflowException, ClientError) as e:
        raise SystemExit(f"seeding the demo model failed: {e}")
