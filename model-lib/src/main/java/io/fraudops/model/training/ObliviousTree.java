package io.fraudops.model.training;

import java.util.Arrays;

/**
 * A symmetric tree: the same split at every node of a level. Split d decides bit d of the leaf index
 * (first split = lowest bit), which is how CatBoost lays out {@code leaf_values}.
 *
 * @param features   feature index of split d
 * @param borders    border of split d; the split is true when {@code (float) x > border}
 * @param leafValues 2^depth raw-score contributions
 */
public record ObliviousTree(int[] features, float[] borders, double[] leafValues) {

    public ObliviousTree {
        if (features.length != borders.length || features.length > 16) {
            throw new IllegalArgumentException("need one border per split feature, at most 16 splits");
        }
        if (leafValues.length != 1 << features.length) {
            throw new IllegalArgumentException("depth " + features.length + " needs " + (1 << features.length)
                    + " leaf values, got " + leafValues.length);
        }
        for (double v : leafValues) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("leaf values must be finite");
            }
        }
        features = features.clone();
        borders = borders.clone();
        leafValues = leafValues.clone();
    }

    public int depth() {
        return features.length;
    }

    /** NaN compares false, so a missing value takes the false side (CatBoost's AsIs). */
    public int leafIndex(double[] row) {
        int index = 0;
        for (int d = 0; d < features.length; d++) {
            if ((float) row[features[d]] > borders[d]) {
                index |= 1 << d;
            }
        }
        return index;
    }

    public double predict(double[] row) {
        return leafValues[leafIndex(row)];
    }

    @Override
    public int[] features() {
        return features.clone();
    }

    @Override
    public float[] borders() {
        return borders.clone();
    }

    @Override
    public double[] leafValues() {
        return leafValues.clone();
    }

    int feature(int level) {
        return features[level];
    }

    float border(int level) {
        return borders[level];
    }

    double leafValue(int leaf) {
        return leafValues[leaf];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObliviousTree t && Arrays.equals(features, t.features)
                && Arrays.equals(borders, t.borders) && Arrays.equals(leafValues, t.leafValues);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(features) + Arrays.hashCode(borders)) + Arrays.hashCode(leafValues);
    }

    @Override
    public String toString() {
        return "ObliviousTree[features=" + Arrays.toString(features) + ", borders=" + Arrays.toString(borders)
                + ", leaves=" + leafValues.length + "]";
    }
}
