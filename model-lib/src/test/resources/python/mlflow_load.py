"""Loads a registered model with MLflow's own client, as anyone with the tracking URL would, and scores rows:

    python mlflow_load.py <tracking-uri> <models:/name/version> <rows.csv> <out.csv>

out.csv: the fraud probability of every row (predict_proba of the catboost flavour).
"""
import sys

import mlflow
import mlflow.catboost
import pandas as pd


def main(tracking_uri, model_uri, rows, out):
    mlflow.set_tracking_uri(tracking_uri)
    model = mlflow.catboost.load_model(model_uri)
    frame = pd.read_csv(rows)
    pd.DataFrame({"probability": model.predict_proba(frame)[:, 1]}).to_csv(out, index=False, float_format="%.17g")


if __name__ == "__main__":
    main(*sys.argv[1:5])
