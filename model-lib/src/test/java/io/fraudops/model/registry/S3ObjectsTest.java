package io.fraudops.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.local.s3.EmbeddedS3;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store guarantee {@link S3ModelRegistry}'s concurrency rests on, checked against the embedded
 * store.
 */
class S3ObjectsTest {

  private static final String BUCKET = "objects";
  private static EmbeddedS3 s3;
  private static S3Objects objects;

  @BeforeAll
  static void startS3() {
    s3 = EmbeddedS3.start(RegistryFixtures.ACCESS_KEY, RegistryFixtures.SECRET_KEY);
    s3.createVersionedBucket(BUCKET);
    objects = new S3Objects(s3.client());
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @Test
  void createIfAbsentHasExactlyOneWinnerUnderContention() throws Exception {
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (int k = 0; k < 40; k++) {
        S3Location at = new S3Location(BUCKET, "race/" + k);
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<Boolean>> wins = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          byte[] body = ("writer " + w).getBytes(StandardCharsets.UTF_8);
          wins.add(
              pool.submit(
                  () -> {
                    start.await();
                    return objects.createIfAbsent(at, body);
                  }));
        }
        int winners = 0;
        for (Future<Boolean> win : wins) {
          winners += win.get() ? 1 : 0;
        }
        assertThat(winners).as("winners for %s", at).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void readsWhatWasWrittenAndNothingForAMissingKey() {
    S3Location at = new S3Location(BUCKET, "plain/a.json");
    objects.put(at, "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(objects.get(at)).hasValueSatisfying(b -> assertThat(b).asString().isEqualTo("{}"));
    assertThat(objects.get(new S3Location(BUCKET, "plain/missing"))).isEmpty();
    assertThat(objects.keys(BUCKET, "plain/")).containsExactly("plain/a.json");
  }
}
