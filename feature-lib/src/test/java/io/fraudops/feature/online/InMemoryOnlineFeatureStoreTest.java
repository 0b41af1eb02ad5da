package io.fraudops.feature.online;

class InMemoryOnlineFeatureStoreTest extends OnlineFeatureStoreContract {

  @Override
  OnlineFeatureStore store() {
    return new InMemoryOnlineFeatureStore(SETTINGS);
  }
}
