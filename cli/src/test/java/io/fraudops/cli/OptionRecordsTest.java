package io.fraudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The commands build their self-validating option records from what picocli parsed: a value a
 * record refuses is a usage error (exit 2) carrying the record's own message, before anything
 * starts.
 */
class OptionRecordsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bench --threads=0                                               | measure, customers and threads must be >= 1
          bench --merchants=3                                             | merchants must be >=
          bench --spring.datasource.password=p                            | need --spring.datasource.url
          bench-model --trees=5                                           | --trees and --depth go together
          bench-model --trees=5 --depth=9                                 | --depth in 1..8
          bench-model --transactions=10                                   | --transactions must be >= 1000
          train-demo-model --transactions=10                              | transactions >= 1000
          train --file=t.csv --depth=0                                    | depth must be in 1..8
          train --file=t.csv --threshold=2                                | --threshold must be in [0, 1]
          train --file=t.csv --alias=champion --no-register               | --alias needs a registry
          train --file=t.csv --alias=no/way                               | alias must match
          train --file=t.csv --name=a/b                                   | model name must match
          train --file=t@x.csv                                            | give --name: the file name 't@x' is not a model name
          train --file=t.csv --alias=champion                             | --alias needs a registry: give --fraud.model.registry.endpoint
          train --file=t.csv --fraud.model.registry.mlflow-token=t        | --fraud.model.registry.mlflow-token needs --fraud.model.registry.mlflow-url
          train --file=t.csv --fraud.model.registry.mlflow-artifact-prefix=x | --fraud.model.registry.mlflow-artifact-prefix must be empty or end with '/'
          register --model=m.cbm                                          | no registry to register in: give --fraud.model.registry.endpoint
          register --model=m.cbm --name=a/b --fraud.model.registry.endpoint=http://s3 | model name must match
          register --model=m.cbm --alias=no/way --fraud.model.registry.mlflow-url=http://mlflow | alias must match
          backfill --file=h.csv --batch-size=0                            | batchSize, progressEvery and replayThreads must be at least 1
          backfill --file=h.csv --report=h.csv                            | the report must not overwrite the input file
          backfill --file=h.csv --map=amount                              | a mapping is column=fileColumn
          generate-history --file=h.csv --fraud-rate=0.9                  | fraudRate must be between 0 and 0.4
          drift --file=r.csv --fail-above=-1                              | --fail-above must be a PSI >= 0
          replay --fraud.replay.in-flight=0                               | in-flight >= 1
          export-training-set --file=t.csv --labelled-only --as-of=2025-01-01T00:00:00Z | --labelled-only has no maturity
          """)
  void aValueTheRecordRefusesIsAUsageErrorWithItsMessage(String arguments, String message) {
    RunFraud.Result result = RunFraud.run(arguments.strip().split(" +"));

    assertThat(result.exit()).as(result.all()).isEqualTo(2);
    String command = arguments.strip().split(" ")[0];
    assertThat(result.err())
        .startsWith("fraud " + command + ": ")
        .contains(message)
        .contains("Usage: fraud " + command);
  }
}
