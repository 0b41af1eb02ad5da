package io.fraudops.feature.offline;

import io.fraudops.feature.FeatureStoreUnavailableException;

import java.sql.SQLException;
import java.sql.Statement;

/** Turns JDBC failures into the store-level exception callers degrade on. */
final class Jdbc {

    private Jdbc() {
    }

    static FeatureStoreUnavailableException unavailable(String action, SQLException e) {
        String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        return new FeatureStoreUnavailableException(
                "PostgreSQL could not " + action + state + ": " + e.getMessage(), e);
    }

    /**
     * Rows written by a batch of single-row inserts. A driver that rewrites batches reports
     * {@link Statement#SUCCESS_NO_INFO}; those count as written, so the figure is then an upper bound.
     */
    static int inserted(int[] updateCounts) {
        int inserted = 0;
        for (int count : updateCounts) {
            if (count > 0 || count == Statement.SUCCESS_NO_INFO) {
                inserted++;
            }
        }
        return inserted;
    }
}
