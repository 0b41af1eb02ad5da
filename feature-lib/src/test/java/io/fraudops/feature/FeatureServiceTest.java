package io.fraudops.feature;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.CustomerProfile;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.online.CustomerHistory;
import io.fraudops.feature.online.InMemoryOnlineFeatureStore;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.transaction.Transaction;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureServiceTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private final CustomerProfiles profiles =
      CustomerProfiles.of(
          List.of(new CustomerProfile("C1", 40.7128, -74.006, 5, ZoneId.of("America/New_York"))));

  @Test
  void knownCustomerGetsCompleteFeaturesAndTheTransactionIsRecorded() {
    FeatureService service =
        new FeatureService(new InMemoryOnlineFeatureStore(), profiles, FeatureCatalogue.v1());

    service.featuresFor(tx("T1", T0).build());
    FeatureResult result = service.featuresFor(tx("T2", T0.plusSeconds(60)).build());

    assertThat(result.complete()).isTrue();
    assertThat(result.degradedReason()).isNull();
    assertThat(result.vector().get("txn_count_1h")).isEqualTo(1);
    assertThat(result.vector().get("amount_to_avg_ratio")).isEqualTo(2);
    assertThat(result.vector().get("hour_of_day")).isEqualTo(5);
  }

  @Test
  void aCustomerWithoutProfileIsNormalNotDegraded() {
    FeatureService service =
        new FeatureService(new InMemoryOnlineFeatureStore(), profiles, FeatureCatalogue.v1());

    FeatureResult result = service.featuresFor(tx("T1", T0).customer("newcomer").build());

    assertThat(result.complete()).isTrue();
    assertThat(result.vector().get("hour_of_day")).isEqualTo(10);
  }

  @Test
  void bothStoresDownGiveOneResultNamingBoth() {
    OnlineFeatureStore down =
        new OnlineFeatureStore() {
          @Override
          public CustomerHistory recordAndRead(Transaction tx) {
            throw new FeatureStoreUnavailableException("Redis did not answer");
          }

          @Override
          public void recordLabel(LabelEvent label) {
            throw new FeatureStoreUnavailableException("Redis did not answer");
          }
        };
    FeatureService service =
        new FeatureService(
            down,
            id -> {
              throw new FeatureStoreUnavailableException("PostgreSQL could not connect");
            },
            FeatureCatalogue.v1());
    Transaction tx = tx("T1", T0).build();

    FeatureResult result = service.featuresFor(tx);

    assertThat(result.complete()).isFalse();
    assertThat(result.degradedReason())
        .isEqualTo(
            "online feature store unavailable: Redis did not answer; "
                + "customer profile store unavailable: PostgreSQL could not connect");
    assertThat(result.vector().get("amount")).isEqualTo(10);
    assertThat(result.vector().get("is_ecommerce")).isZero();
  }

  @Test
  void aResultIsIncompleteExactlyWhenItHasAReason() {
    var vector =
        new io.fraudops.feature.catalogue.FeatureVector(FeatureCatalogue.v1(), new double[16]);
    assertThatThrownBy(() -> new FeatureResult(vector, false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FeatureResult(vector, true, "why"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
