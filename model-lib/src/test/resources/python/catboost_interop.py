"""Writes what a data scientist's CatBoost writes, for the Java interop tests: a classifier trained in Python
on synthetic payments with the feature catalogue's names, saved as .cbm and as .json, rows to score (held-out
rows, rows on, just above and just below split borders, missing values) and Python's own predictions of them.

    python catboost_interop.py <out-dir>

out-dir/model.cbm, model.json, rows.csv (features, empty = missing), python.csv (raw, probability).
"""
import sys
from pathlib import Path

import json
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier

# Feature catalogue v2 (feature-lib's FeatureCatalogue), in its order.
NAMES = """amount txn_count_1h txn_amount_1h txn_count_24h txn_amount_24h amount_to_avg_ratio hour_of_day is_night
distance_from_home_km distance_from_last_km seconds_since_last speed_from_last_kmh first_time_merchant
first_time_category first_time_country is_ecommerce txn_count_10m txn_amount_10m txn_max_10m txn_max_1h txn_max_24h
txn_count_7d txn_amount_7d txn_max_7d distinct_merchants_24h distinct_countries_24h amount_zscore_30d
hour_deviation_30d merchant_txn_count_1h merchant_txn_count_24h merchant_fraud_rate_90d category_fraud_rate_90d
device_txn_count_24h device_other_customers_24h first_time_device""".split()


def synthetic(n, rng):
    x = pd.DataFrame({name: rng.gamma(1.5, 10.0, n) for name in NAMES})
    for flag in ("is_night", "first_time_merchant", "first_time_category", "first_time_country", "is_ecommerce",
                 "first_time_device"):
        x[flag] = (rng.random(n) < 0.2).astype(float)
    x["amount"] = rng.lognormal(3.5, 1.2, n)
    x["hour_of_day"] = rng.integers(0, 24, n).astype(float)
    x.loc[rng.random(n) < 0.1, "distance_from_last_km"] = np.nan  # no located payment in 24 h
    logit = (-5 + 0.004 * x["amount"] + 1.5 * x["is_night"] + 0.08 * x["txn_count_1h"]
             + 2.0 * x["first_time_device"] * x["is_ecommerce"] + 0.02 * x["distance_from_last_km"].fillna(0))
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return x, y


def border_rows(model_json, base):
    rows = []
    borders = model_json["features_info"]["float_features"]
    for feature in borders:
        for border in feature["borders"][:: max(1, len(feature["borders"]) // 4)]:
            b = np.float32(border)
            with np.errstate(all="ignore"):
                up, down = np.nextafter(b, np.float32(np.inf)), np.nextafter(b, np.float32(-np.inf))
            for value in (float(b), float(up), float(down), float(b) + 1e-12):
                if not np.isfinite(value):  # a feature with missing values has a border at the float minimum
                    continue
                row = base.copy()
                row[feature["flat_feature_index"]] = value
                rows.append(row)
    return rows


def main(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(7)
    x, y = synthetic(4000, rng)
    model = CatBoostClassifier(iterations=80, depth=6, learning_rate=0.2, random_seed=3, verbose=False,
                               allow_writing_files=False, thread_count=2)
    model.fit(x.iloc[:3000], y[:3000])
    model.save_model(str(out / "model.cbm"))
    model.save_model(str(out / "model.json"), format="json")
    held_out = x.iloc[3000:3400].to_numpy()
    rows = list(held_out) + border_rows(json.loads((out / "model.json").read_text()), held_out[0])
    missing = held_out[1].copy()
    missing[[NAMES.index("amount"), NAMES.index("distance_from_last_km")]] = np.nan
    rows.append(missing)
    frame = pd.DataFrame(rows, columns=NAMES)
    frame.to_csv(out / "rows.csv", index=False, float_format="%.17g", na_rep="")
    raw = model.predict(frame, prediction_type="RawFormulaVal")
    probability = model.predict_proba(frame)[:, 1]
    pd.DataFrame({"raw": raw, "probability": probability}).to_csv(out / "python.csv", index=False,
                                                                   float_format="%.17g")
    medians = x.iloc[:3000].median()
    (out / "baselines.json").write_text(json.dumps({k: float(v) for k, v in medians.items()}))
    print(f"trained {model.tree_count_} trees; {len(frame)} rows scored; fraud rate {y.mean():.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
