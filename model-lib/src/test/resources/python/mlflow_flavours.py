"""Logs models to a real MLflow server the way data scientists do, for the registry's tests, each registered
as a new version of one model name (so their numbers are 1, 2, 3 in this order):

  1. mlflow.catboost.log_model of a CatBoostClassifier, default format (MLmodel + model.cb, cbm), with a
     signature naming the catalogue's features; no project sidecar
  2. the same model saved as JSON (format="json"), no sidecar
  3. a scikit-learn logistic regression (mlflow.sklearn.log_model): a flavour the service cannot serve

    python mlflow_flavours.py <tracking-uri> <model-name> <out-dir>

out-dir/rows.csv (features, empty = missing) and python.csv (the CatBoost model's probabilities).
"""
import sys
from pathlib import Path

import mlflow
import mlflow.catboost
import mlflow.sklearn
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from mlflow.models import infer_signature
from sklearn.linear_model import LogisticRegression

from catboost_interop import NAMES, synthetic


def main(tracking_uri, name, out):
    out = Path(out)
    mlflow.set_tracking_uri(tracking_uri)
    mlflow.set_experiment(name + "-notebook")
    x, y = synthetic(3000, np.random.default_rng(11))
    model = CatBoostClassifier(iterations=40, depth=5, random_seed=1, verbose=False, allow_writing_files=False,
                               thread_count=2)
    model.fit(x.iloc[:2500], y[:2500])
    signature = infer_signature(x.iloc[:5], model.predict(x.iloc[:5]))
    with mlflow.start_run():
        mlflow.log_metric("holdout_auc", 0.9)
        mlflow.catboost.log_model(model, "model", signature=signature, registered_model_name=name)
    with mlflow.start_run():
        mlflow.catboost.log_model(model, "model", signature=signature, registered_model_name=name, format="json")
    with mlflow.start_run():
        linear = LogisticRegression(max_iter=200).fit(x.iloc[:2500].fillna(0), y[:2500])
        mlflow.sklearn.log_model(linear, "model", registered_model_name=name)
    rows = x.iloc[2500:2700]
    rows.to_csv(out / "rows.csv", index=False, float_format="%.17g", na_rep="")
    pd.DataFrame({"probability": model.predict_proba(rows)[:, 1]}).to_csv(out / "python.csv", index=False,
                                                                            float_format="%.17g")


if __name__ == "__main__":
    main(*sys.argv[1:4])
