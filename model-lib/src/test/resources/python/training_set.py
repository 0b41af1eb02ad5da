"""Writes a small training-set CSV in the layout ./fraud export-training-set writes (catalogue features, label,
timestamp in epoch millis, transactionId), from the synthetic payments of catboost_interop:

    python training_set.py <out.csv> [rows]
"""
import sys

import numpy as np

from catboost_interop import synthetic


def main(out, rows=3000):
    rng = np.random.default_rng(5)
    frame, labels = synthetic(int(rows), rng)
    frame["label"] = labels
    # a payment every 20 s, several at the same instant now and then
    frame["timestamp"] = 1_735_689_600_000 + (np.arange(len(frame)) // 3) * 60_000
    frame["transactionId"] = [f"t{i}" for i in range(len(frame))]
    frame.to_csv(out, index=False, float_format="%.17g", na_rep="")


if __name__ == "__main__":
    main(*sys.argv[1:3])
