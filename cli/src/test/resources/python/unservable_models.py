"""Writes CatBoost models the workers could not serve, for RegisterCommandTest: one trained on a DataFrame
with a column the feature catalogue lacks (shoe_size), one trained on a bare matrix (no feature names).

    python unservable_models.py <out-dir>

out-dir/shoe-size.json, out-dir/unnamed.cbm
"""
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier


def fitted(x, y):
    model = CatBoostClassifier(iterations=10, depth=3, random_seed=1, verbose=False, allow_writing_files=False,
                               thread_count=1)
    return model.fit(x, y)


def main(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(11)
    n = 500
    frame = pd.DataFrame({"amount": rng.lognormal(3.5, 1.2, n), "shoe_size": rng.integers(35, 47, n).astype(float)})
    y = (frame["amount"] > 80).astype(int)
    fitted(frame, y).save_model(str(out / "shoe-size.json"), format="json")
    fitted(frame.to_numpy(), y.to_numpy()).save_model(str(out / "unnamed.cbm"))


if __name__ == "__main__":
    main(sys.argv[1])
