#!/usr/bin/env python3
"""Train a CatBoost fraud model on the project's training-set CSV, the way a data scientist would.

The file is what ``./fraud export-training-set`` writes: the feature catalogue's columns, then ``label``
(0/1 or true/false) and ``timestamp`` (epoch milliseconds or ISO-8601 with offset), optionally
``transactionId``; an empty cell is a missing value. The split by time is the Java trainer's
(``io.fraudops.model.training.TimeSplit``), so both trainers are judged on the same later period.

    python train_catboost.py --file training.csv [--train-share 0.8 | --split-at 2025-03-01T00:00:00Z]
        [--name fraud-catboost] [--output-dir models/catboost] [--export cbm,json]
        [--mlflow-url http://127.0.0.1:5000 [--register] [--alias challenger]]

Writes ``<name>.cbm`` / ``<name>.json`` with the project's sidecar ``<file>.meta.json`` (name, version,
feature names, metrics, training medians as reason-code baselines, params) and, with ``--mlflow-url``,
logs a run with the standard catboost flavour (``mlflow.catboost.log_model``: ``MLmodel`` + ``model.cb``,
a signature naming the features) plus the sidecar, so the workers can serve it from MLflow.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd

TRAILER = ["label", "timestamp", "transactionId"]
SIDECAR_SUFFIX = ".meta.json"


class BadInput(ValueError):
    """The file or the options cannot be used; the message says why."""


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class TrainingSet:
    features: pd.DataFrame  # float64, one column per feature, file order
    labels: np.ndarray  # int 0/1
    timestamps: np.ndarray  # int64 epoch millis

    @property
    def feature_names(self) -> list[str]:
        return list(self.features.columns)


def read_training_set(path: str | os.PathLike) -> TrainingSet:
    """Reads the export, refusing what the Java reader (TrainingCsv) refuses, with the column named."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        raise BadInput(f"{path} is empty: expected a header row")
    columns = [c.strip() for c in frame.columns]
    frame.columns = columns
    trailer = next((t for t in (TRAILER, TRAILER[:2]) if columns[-len(t):] == t and len(columns) > len(t)), None)
    if trailer is None:
        raise BadInput(f"{path}: header must be feature names followed by label,timestamp[,transactionId] "
                       f"(got {','.join(columns)})")
    if frame.empty:
        raise BadInput(f"{path} has a header but no rows")
    names = columns[: len(columns) - len(trailer)]
    features = pd.DataFrame({name: _numbers(frame[name], name) for name in names})
    return TrainingSet(features, _labels(frame["label"]), _timestamps(frame["timestamp"]))


def _numbers(cells: pd.Series, column: str) -> np.ndarray:
    text = cells.str.strip()
    missing = (text == "") | (text.str.lower() == "nan")
    values = pd.to_numeric(text.where(~missing, None), errors="coerce").to_numpy(dtype="float64")
    bad = np.isnan(values) & ~missing.to_numpy()
    if bad.any():
        line = int(np.argmax(bad)) + 2
        raise BadInput(f"line {line}: {column} is '{cells.iloc[line - 2]}', not a number (leave it empty if missing)")
    if np.isinf(values).any() or (np.abs(values[~np.isnan(values)]) > np.finfo(np.float32).max).any():
        raise BadInput(f"{column}: values must fit a float")
    return values


def _labels(cells: pd.Series) -> np.ndarray:
    text = cells.str.strip().str.lower()
    mapped = text.map({"1": 1, "true": 1, "0": 0, "false": 0})
    if mapped.isna().any():
        line = int(np.argmax(mapped.isna().to_numpy())) + 2
        raise BadInput(f"line {line}: label is '{cells.iloc[line - 2]}', expected 0/1 or true/false")
    return mapped.to_numpy(dtype="int64")


def _timestamps(cells: pd.Series) -> np.ndarray:
    text = cells.str.strip()
    millis = np.empty(len(text), dtype="int64")
    numeric = text.str.fullmatch(r"-?\d+").to_numpy()
    millis[numeric] = text[numeric].astype("int64").to_numpy()
    if (~numeric).any():
        parsed = pd.to_datetime(text[~numeric], utc=True, errors="coerce", format="ISO8601")
        if parsed.isna().any():
            line = int(np.flatnonzero(~numeric)[np.argmax(parsed.isna().to_numpy())]) + 2
            raise BadInput(f"line {line}: timestamp is '{text.iloc[line - 2]}', expected epoch milliseconds "
                           "or an ISO-8601 instant like 2025-03-01T12:00:00Z")
        millis[~numeric] = parsed.dt.as_unit("ms").astype("int64").to_numpy()
    return millis


# ---------------------------------------------------------------- time split


@dataclass(frozen=True)
class TimeSplit:
    train: np.ndarray  # row indexes, in time order
    evaluation: np.ndarray
    cut_millis: int  # first instant of the evaluation period
    rule: str

    def describe(self, data: TrainingSet) -> dict[str, str]:
        def iso(ms: int) -> str:  # as Java's Instant.toString: milliseconds only when there are any
            at = datetime.fromtimestamp(ms / 1000, tz=timezone.utc)
            return at.isoformat(timespec="milliseconds" if ms % 1000 else "seconds").replace("+00:00", "Z")

        t, e = data.timestamps[self.train], data.timestamps[self.evaluation]
        return {
            "split_at": iso(self.cut_millis),
            "train_from": iso(int(t.min())), "train_until": iso(int(t.max())),
            "evaluate_from": iso(int(e.min())), "evaluate_until": iso(int(e.max())),
            "train_rows": str(len(self.train)), "train_fraud": str(int(data.labels[self.train].sum())),
            "evaluate_rows": str(len(self.evaluation)), "evaluate_fraud": str(int(data.labels[self.evaluation].sum())),
        }


def time_split(data: TrainingSet, train_share: float | None = None, split_at: str | None = None) -> TimeSplit:
    """TimeSplit.of: stable sort by time; a share cut moves back to the first payment of its instant, so
    payments at the same instant never straddle the cut; --split-at trains on rows strictly before it."""
    if (train_share is None) == (split_at is None):
        raise BadInput("give a train share or a split instant, not both or neither")
    order = np.argsort(data.timestamps, kind="stable")
    ordered = data.timestamps[order]
    n = len(ordered)
    if train_share is not None:
        if not 0 < train_share < 1:
            raise BadInput(f"train share must be strictly between 0 and 1, was {train_share}")
        # (int) (n * share) in Java: the same IEEE product, truncated.
        cut = int(np.searchsorted(ordered, ordered[min(n - 1, int(n * train_share))], side="left"))
        rule = f"train share {train_share}"
    else:
        at = _instant_millis(split_at)
        cut = int(np.searchsorted(ordered, at, side="left"))
        rule = f"split at {split_at}"
    if cut in (0, n):
        raise BadInput(f"the {rule} leaves {'no training' if cut == 0 else 'no evaluation'} rows: the data runs "
                       f"from {pd.Timestamp(int(ordered[0]), unit='ms', tz='UTC')} "
                       f"to {pd.Timestamp(int(ordered[-1]), unit='ms', tz='UTC')}")
    cut_millis = _instant_millis(split_at) if split_at is not None else int(ordered[cut])
    split = TimeSplit(order[:cut], order[cut:], cut_millis, rule)
    for name, rows in (("training", split.train), ("evaluation", split.evaluation)):
        fraud = int(data.labels[rows].sum())
        if fraud == 0 or fraud == len(rows):
            raise BadInput(f"the {name} period ({rule}) has {fraud} fraud and {len(rows) - fraud} legitimate "
                           "payments: it needs both; choose another split")
    return split


def _instant_millis(text: str) -> int:
    stamp = pd.Timestamp(text)
    if stamp.tzinfo is None:
        raise BadInput(f"--split-at must be an ISO-8601 instant with a zone, like 2025-03-01T00:00:00Z, got {text}")
    return int(stamp.tz_convert("UTC").value // 1_000_000)


# ---------------------------------------------------------------- training and evaluation


@dataclass(frozen=True)
class Params:
    iterations: int = 300
    depth: int = 6
    learning_rate: float = 0.1
    l2_leaf_reg: float = 3.0
    border_count: int = 254
    seed: int = 42
    threshold: float = 0.5
    thread_count: int = -1

    def catboost(self) -> dict:
        return {
            "loss_function": "Logloss", "iterations": self.iterations, "depth": self.depth,
            "learning_rate": self.learning_rate, "l2_leaf_reg": self.l2_leaf_reg,
            "border_count": self.border_count, "random_seed": self.seed, "thread_count": self.thread_count,
            "verbose": False, "allow_writing_files": False,
        }


def fit(data: TrainingSet, split: TimeSplit, params: Params):
    from catboost import CatBoostClassifier

    model = CatBoostClassifier(**params.catboost())
    begin = time.perf_counter()
    model.fit(data.features.iloc[split.train], data.labels[split.train])
    return model, time.perf_counter() - begin


def evaluate(scores: np.ndarray, labels: np.ndarray, threshold: float, prefix: str) -> dict[str, float]:
    """The Java trainer's metric names (TrainingMetadata): holdout_auc, holdout_pr_auc, holdout_f1, ..."""
    from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

    flagged = scores >= threshold
    tp = int((flagged & (labels == 1)).sum())
    fp = int((flagged & (labels == 0)).sum())
    fn = int((~flagged & (labels == 1)).sum())
    tn = int((~flagged & (labels == 0)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    out = {
        f"{prefix}_auc": float(roc_auc_score(labels, scores)),
        f"{prefix}_pr_auc": float(average_precision_score(labels, scores)),
        f"{prefix}_logloss": float(log_loss(labels, np.clip(scores, 1e-15, 1 - 1e-15), labels=[0, 1])),
        f"{prefix}_rows": float(len(labels)),
        f"{prefix}_positives": float(labels.sum()),
    }
    if prefix == "holdout":
        out.update({
            "holdout_precision": precision, "holdout_recall": recall,
            "holdout_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "holdout_false_positive_rate": fp / (fp + tn) if fp + tn else 0.0,
            "holdout_tp": float(tp), "holdout_fp": float(fp), "holdout_tn": float(tn), "holdout_fn": float(fn),
        })
    return out


@dataclass
class Result:
    model: object
    split: TimeSplit
    params: Params
    metrics: dict[str, float]
    fit_seconds: float
    sidecar: dict


def train(data: TrainingSet, split: TimeSplit, params: Params, name: str, version: str, source: str) -> Result:
    model, seconds = fit(data, split, params)
    metrics = {}
    for prefix, rows in (("train", split.train), ("holdout", split.evaluation)):
        scores = model.predict_proba(data.features.iloc[rows])[:, 1]
        metrics.update(evaluate(scores, data.labels[rows], params.threshold, prefix))
    run_params = {k: str(v) for k, v in params.catboost().items() if k not in ("verbose", "allow_writing_files")}
    run_params["threshold"] = str(params.threshold)
    run_params["trainer"] = "catboost"
    run_params.update(split.describe(data))
    run_params["source_file"] = source
    medians = data.features.iloc[split.train].median(skipna=True).fillna(0.0)
    sidecar = {
        "name": name, "version": version,
        "trainedAt": datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "featureNames": data.feature_names,
        "metrics": metrics,
        # Training medians: what ablation reason codes (.cbm) compare against; tree reasons (.json) need none.
        "baselines": {k: float(v) for k, v in medians.items()},
        "params": run_params,
    }
    return Result(model, split, params, metrics, seconds, sidecar)


# ---------------------------------------------------------------- files and MLflow


def export(result: Result, output_dir: Path, stem: str, formats: list[str]) -> list[Path]:
    """<stem>.cbm / <stem>.json, each with the sidecar <file>.meta.json the workers load beside it."""
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = output_dir / f"{stem}.{fmt}"
        result.model.save_model(str(path), format="cbm" if fmt == "cbm" else "json")
        Path(str(path) + SIDECAR_SUFFIX).write_text(json.dumps(result.sidecar, indent=2))
        written.append(path)
    return written


def log_to_mlflow(result: Result, data: TrainingSet, tracking_uri: str, experiment: str, name: str,
                  register: bool, alias: str | None) -> tuple[str, str | None]:
    """One run: params, metrics, the model in MLflow's catboost flavour with a signature naming the features,
    and the sidecar beside model.cb. Registered (and aliased) when asked. Returns (run id, version)."""
    import mlflow
    import mlflow.catboost
    from mlflow.models import ModelSignature
    from mlflow.tracking import MlflowClient
    from mlflow.types import ColSpec, Schema

    mlflow.set_tracking_uri(tracking_uri)
    mlflow.set_experiment(experiment)
    signature = ModelSignature(inputs=Schema([ColSpec("double", n) for n in data.feature_names]),
                               outputs=Schema([ColSpec("long")]))
    with mlflow.start_run(run_name=f"{name} catboost") as run:
        mlflow.log_params(result.sidecar["params"])
        mlflow.log_metrics(result.metrics)
        mlflow.log_metric("fit_seconds", result.fit_seconds)
        info = mlflow.catboost.log_model(result.model, artifact_path="model", signature=signature)
        sidecar = dict(result.sidecar)
        mlflow.log_dict(sidecar, "model/model.cb" + SIDECAR_SUFFIX)
        version = None
        if register:
            registered = mlflow.register_model(info.model_uri, name)
            version = registered.version
            if alias:
                MlflowClient().set_registered_model_alias(name, alias, version)
        return run.info.run_id, version


# ---------------------------------------------------------------- command line


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Train CatBoost on a training-set CSV with the project's time split.")
    p.add_argument("--file", required=True, help="training-set CSV (./fraud export-training-set)")
    p.add_argument("--name", help="model name (default: the file name without extension)")
    split = p.add_mutually_exclusive_group()
    split.add_argument("--train-share", type=float, help="earliest share of the rows that trains (default 0.8)")
    split.add_argument("--split-at", help="ISO-8601 instant: rows before train, rows at or after evaluate")
    p.add_argument("--threshold", type=float, default=0.5, help="operating point for precision/recall/F1")
    for flag, kind, default in (("--iterations", int, 300), ("--depth", int, 6), ("--learning-rate", float, 0.1),
                                ("--l2-leaf-reg", float, 3.0), ("--border-count", int, 254), ("--seed", int, 42),
                                ("--thread-count", int, -1)):
        p.add_argument(flag, type=kind, default=default)
    p.add_argument("--output-dir", default="models/catboost")
    p.add_argument("--export", default="cbm,json", help="comma-separated: cbm, json (empty: none)")
    p.add_argument("--mlflow-url", help="log the run (and the model) to this MLflow tracking server")
    p.add_argument("--experiment", help="MLflow experiment (default: the model name)")
    p.add_argument("--register", action="store_true", help="register the logged model under --name")
    p.add_argument("--alias", help="move this alias (e.g. challenger) to the registered version")
    p.add_argument("--metrics-json", help="also write the metrics and timings here")
    args = p.parse_args(argv)
    if args.register and not args.mlflow_url:
        p.error("--register needs --mlflow-url")
    if args.alias and not args.register:
        p.error("--alias needs --register")
    formats = [f.strip() for f in args.export.split(",") if f.strip()]
    if any(f not in ("cbm", "json") for f in formats):
        p.error(f"--export takes cbm and/or json, got {args.export}")
    args.formats = formats
    if args.train_share is None and args.split_at is None:
        args.train_share = 0.8
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    name = args.name or Path(args.file).stem
    try:
        begin = time.perf_counter()
        data = read_training_set(args.file)
        print(f"[catboost] read {len(data.labels):,} payments ({int(data.labels.sum()):,} fraud, "
              f"{len(data.feature_names)} features) from {args.file} in {time.perf_counter() - begin:.1f} s")
        split = time_split(data, args.train_share, args.split_at)
    except (BadInput, FileNotFoundError) as e:
        print(f"train_catboost: {e}", file=sys.stderr)
        return 2
    params = Params(args.iterations, args.depth, args.learning_rate, args.l2_leaf_reg, args.border_count,
                    args.seed, args.threshold, args.thread_count)
    version = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    result = train(data, split, params, name, version, Path(args.file).name)
    d = split.describe(data)
    m = result.metrics
    print(f"[catboost] {params.iterations} trees of depth {params.depth} fitted in {result.fit_seconds:.1f} s "
          f"on {d['train_rows']} payments before {d['split_at']}")
    print(f"[catboost] evaluation period ({d['evaluate_rows']} payments, {d['evaluate_fraud']} fraud): "
          f"ROC-AUC {m['holdout_auc']:.4f}, PR-AUC {m['holdout_pr_auc']:.4f}, log loss {m['holdout_logloss']:.4f}")
    print(f"[catboost] at threshold {params.threshold}: precision {m['holdout_precision']:.4f}, "
          f"recall {m['holdout_recall']:.4f}, F1 {m['holdout_f1']:.4f}")
    for path in export(result, Path(args.output_dir), f"{name}-{version}", args.formats):
        print(f"[catboost] model {path.resolve()} (+ {SIDECAR_SUFFIX})")
    if args.metrics_json:
        Path(args.metrics_json).write_text(json.dumps({**m, "fit_seconds": result.fit_seconds, **d}, indent=2))
    if args.mlflow_url:
        run_id, registered = log_to_mlflow(result, data, args.mlflow_url, args.experiment or name, name,
                                           args.register, args.alias)
        print(f"[catboost] MLflow run {run_id} at {args.mlflow_url}"
              + (f"; registered {name} version {registered}" if registered else "")
              + (f", {name}@{args.alias}" if args.alias else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
