package io.fraudops.feature.offline;

import io.fraudops.feature.FeatureStoreUnavailableException;

import java.sql.SQLException;

/** Turns JDBC failures into the store-level exception callers degrade on. */
final class Jdbc {

    private Jdbc() {
    }

    static FeatureStoreUnavailableException unavailable(String action, SQLException e) {
        String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        return new FeatureStoreUnavailableException(
                "PostgreSQL could not " + action + state + ": " + e.getMessage(), e);
    }
}
