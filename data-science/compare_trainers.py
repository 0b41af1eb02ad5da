#!/usr/bin/env python3
"""Java trainer vs CatBoost on the same training-set CSV and the same time split.

    python compare_trainers.py --file training.csv [--train-share 0.8 | --split-at ...] [--fraud ./fraud]

Runs ``<fraud> train --file=... --no-register`` (the project's Java trainer, its defaults: 300 trees of
depth 6, learning rate 0.1, 32 borders, L2 3, 80 % row subsample), then CatBoost in this process twice:
with the same settings (32 borders, Bernoulli subsample 0.8) and with CatBoost's own border count (254)
and bootstrap. Prints one table: ROC-AUC, PR-AUC, log loss, precision/recall/F1 at the threshold on the
later period, and training time (the fit alone, and the whole command for the Java trainer).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import train_catboost as tc


def java_trainer(fraud: list[str], file: str, split_args: list[str], threshold: float, out_dir: Path) -> dict:
    command = fraud + ["train", f"--file={file}", "--no-register", f"--output-dir={out_dir}",
                       f"--threshold={threshold}", "--name=java-trainer"] + split_args
    begin = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - begin
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    fitted = re.search(r"fitted in ([0-9.]+) s", done.stdout)
    model = re.search(r"\[train\] model\s+(\S+)", done.stdout)
    if not fitted or not model:
        raise SystemExit(f"unexpected output of {' '.join(command)}:\n{done.stdout}")
    sidecar = json.loads(Path(model.group(1) + tc.SIDECAR_SUFFIX).read_text())
    return {**sidecar["metrics"], "fit_seconds": float(fitted.group(1)), "command_seconds": wall,
            "split_at": sidecar["params"]["split_at"], "evaluate_rows": sidecar["params"]["evaluate_rows"]}


def catboost(data: tc.TrainingSet, split: tc.TimeSplit, params: tc.Params, **extra) -> dict:
    from catboost import CatBoostClassifier

    model = CatBoostClassifier(**{**params.catboost(), **extra})
    begin = time.perf_counter()
    model.fit(data.features.iloc[split.train], data.labels[split.train])
    seconds = time.perf_counter() - begin
    scores = model.predict_proba(data.features.iloc[split.evaluation])[:, 1]
    return {**tc.evaluate(scores, data.labels[split.evaluation], params.threshold, "holdout"), "fit_seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--file", required=True)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--train-share", type=float)
    group.add_argument("--split-at")
    p.add_argument("--threshold", type=float, default=0.5)
    p.add_argument("--fraud", default=os.environ.get("FRAUD", "./fraud"),
                   help="how to run the project's commands (default ./fraud; env FRAUD)")
    p.add_argument("--iterations", type=int, default=300)
    args = p.parse_args(argv)
    share = args.train_share if args.split_at is None and args.train_share is not None else None
    if share is None and args.split_at is None:
        share = 0.8
    split_args = [f"--split-at={args.split_at}"] if args.split_at else [f"--train-share={share}"]

    data = tc.read_training_set(args.file)
    split = tc.time_split(data, share, args.split_at)
    described = split.describe(data)
    with tempfile.TemporaryDirectory() as out:
        java = java_trainer(args.fraud.split(), args.file, split_args, args.threshold, Path(out))
    if java["split_at"] != described["split_at"] or int(java["evaluate_rows"]) != len(split.evaluation):
        raise SystemExit(f"the trainers split differently: Java at {java['split_at']} ({java['evaluate_rows']} "
                         f"evaluated), Python at {described['split_at']} ({len(split.evaluation)} evaluated)")
    same = tc.Params(iterations=args.iterations, border_count=32, threshold=args.threshold)
    rows = [
        ("Java trainer (300 x depth 6, 32 borders, subsample 0.8)", java),
        ("CatBoost, same settings", catboost(data, split, same, bootstrap_type="Bernoulli", subsample=0.8)),
        ("CatBoost, 254 borders, default bootstrap", catboost(data, split, tc.Params(iterations=args.iterations,
                                                                                    threshold=args.threshold))),
    ]
    print(f"Training {described['train_rows']} payments ({described['train_fraud']} fraud) "
          f"{described['train_from']} .. {described['train_until']}; evaluated on {described['evaluate_rows']} "
          f"({described['evaluate_fraud']} fraud) {described['evaluate_from']} .. {described['evaluate_until']}; "
          f"threshold {args.threshold}; {os.cpu_count()} cores")
    print()
    print("| trainer | ROC-AUC | PR-AUC | log loss | precision | recall | F1 | fit (s) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, m in rows:
        fit = f"{m['fit_seconds']:.1f}" + (f" ({m['command_seconds']:.0f} whole command)" if "command_seconds" in m else "")
        print(f"| {name} | {m['holdout_auc']:.4f} | {m['holdout_pr_auc']:.4f} | {m['holdout_logloss']:.4f} | "
              f"{m['holdout_precision']:.3f} | {m['holdout_recall']:.3f} | {m['holdout_f1']:.3f} | {fit} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
