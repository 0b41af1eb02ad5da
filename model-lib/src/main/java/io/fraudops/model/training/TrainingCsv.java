package io.fraudops.model.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the point-in-time training export ({@code ./fraud export-training-set}): a header of feature
 * names followed by {@code label}, {@code timestamp} (epoch millis) and {@code transactionId}; one
 * labelled payment per line, in time order. Rows keep their timestamps so a trainer can split by time.
 */
public final class TrainingCsv {

    static final List<String> TRAILER = List.of("label", "timestamp", "transactionId");

    /** The rows of the file, with the instant each payment happened. */
    public record Rows(Dataset dataset, long[] timestamps) {
    }

    private TrainingCsv() {
    }

    public static Rows read(Reader source) throws IOException {
        BufferedReader in = new BufferedReader(source);
        String header = in.readLine();
        if (header == null) {
            throw new IllegalArgumentException("training file is empty: expected a header row");
        }
        String[] columns = header.split(",", -1);
        int features = columns.length - TRAILER.size();
        if (features < 1 || !Arrays.asList(columns).subList(features, columns.length).equals(TRAILER)) {
            throw new IllegalArgumentException("training file header must end with " + TRAILER + " (got " + header + ")");
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length < columns.length) {
                throw new IllegalArgumentException("line " + number + ": expected " + columns.length + " columns, got "
                        + fields.length);
            }
            double[] row = new double[features];
            try {
                for (int i = 0; i < features; i++) {
                    row[i] = Double.parseDouble(fields[i]);
                }
                int label = Integer.parseInt(fields[features]);
                if (label != 0 && label != 1) {
                    throw new NumberFormatException("label must be 0 or 1, got " + label);
                }
                labels.add(label);
                timestamps.add(Long.parseLong(fields[features + 1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
            }
            rows.add(row);
        }
        Dataset dataset = new Dataset(Arrays.copyOf(columns, features), rows.toArray(double[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray());
        return new Rows(dataset, timestamps.stream().mapToLong(Long::longValue).toArray());
    }
}
