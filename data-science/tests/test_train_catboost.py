"""The CatBoost training script's reading and time split, which must match the Java trainer's."""
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import train_catboost as tc  # noqa: E402


def write(tmp_path, text):
    path = tmp_path / "t.csv"
    path.write_text(text)
    return path


def dataset(timestamps, labels):
    rows = "\n".join(f"{i},{label},{ts}" for i, (ts, label) in enumerate(zip(timestamps, labels)))
    return "amount,label,timestamp\n" + rows + "\n"


def test_reads_millis_iso_instants_booleans_and_missing_values(tmp_path):
    data = tc.read_training_set(write(tmp_path, "amount,is_night,label,timestamp,transactionId\n"
                                                "1.5,,1,1735689600000,a\n"
                                                ",NaN,false,2025-01-01T01:00:00+01:00,b\n"))
    assert data.feature_names == ["amount", "is_night"]
    assert list(data.labels) == [1, 0]
    assert list(data.timestamps) == [1735689600000, 1735689600000]
    assert np.isnan(data.features["is_night"]).all() and np.isnan(data.features["amount"][1])


@pytest.mark.parametrize("text, message", [
    ("amount,label\n1,0\n", "header must be feature names followed by label,timestamp"),
    ("amount,label,timestamp\n1,maybe,0\n", "line 2: label is 'maybe'"),
    ("amount,label,timestamp\nten,1,0\n", "line 2: amount is 'ten', not a number"),
    ("amount,label,timestamp\n1,1,yesterday\n", "line 2: timestamp is 'yesterday'"),
    ("amount,label,timestamp\n", "has a header but no rows"),
])
def test_bad_files_say_what_and_where(tmp_path, text, message):
    with pytest.raises(tc.BadInput, match=message.replace("(", r"\(")):
        tc.read_training_set(write(tmp_path, text))


def test_a_share_cut_moves_back_to_the_first_payment_of_its_instant(tmp_path):
    # 10 rows; the 8th (index 8 after sorting) shares its instant with index 6 and 7.
    timestamps = [0, 1, 2, 3, 4, 5, 6, 6, 6, 9]
    labels = [1, 0, 1, 0, 0, 0, 1, 0, 0, 1]
    data = tc.read_training_set(write(tmp_path, dataset(timestamps[::-1], labels[::-1])))
    split = tc.time_split(data, train_share=0.8)
    assert len(split.train) == 6 and split.cut_millis == 6
    assert data.timestamps[split.train].max() < data.timestamps[split.evaluation].min()


def test_split_at_trains_on_rows_strictly_before_the_instant(tmp_path):
    data = tc.read_training_set(write(tmp_path, dataset([0, 1000, 2000, 3000], [1, 0, 1, 0])))
    split = tc.time_split(data, split_at="1970-01-01T00:00:02Z")
    assert sorted(data.timestamps[split.train]) == [0, 1000]
    assert split.describe(data)["split_at"] == "1970-01-01T00:00:02Z"


def test_a_period_without_both_classes_is_refused(tmp_path):
    data = tc.read_training_set(write(tmp_path, dataset([0, 1, 2, 3], [1, 0, 0, 0])))
    with pytest.raises(tc.BadInput, match="evaluation period .* has 0 fraud"):
        tc.time_split(data, train_share=0.5)


def test_an_instant_without_zone_is_refused(tmp_path):
    data = tc.read_training_set(write(tmp_path, dataset([0, 1, 2, 3], [1, 0, 1, 0])))
    with pytest.raises(tc.BadInput, match="with a zone"):
        tc.time_split(data, split_at="1970-01-01T00:00:00")


def test_metrics_at_the_threshold_flag_scores_at_or_above_it():
    m = tc.evaluate(np.array([0.9, 0.5, 0.4, 0.1]), np.array([1, 0, 1, 0]), 0.5, "holdout")
    assert (m["holdout_tp"], m["holdout_fp"], m["holdout_fn"], m["holdout_tn"]) == (1, 1, 1, 1)
    assert m["holdout_f1"] == pytest.approx(0.5)
    assert m["holdout_auc"] == pytest.approx(0.75)
