package io.fraudops.workers.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit key of a rejected payload, which has no trustworthy transaction id: the process
 * instance plus a digest of the payload. A redelivered job gives the same key; a recreated engine
 * that reuses instance keys (the embedded one, a fresh cluster) does not collide with old rows.
 */
final class RejectionKey {

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private RejectionKey() {}

  static String of(long processInstanceKey, Object payload) {
    try {
      byte[] json = CANONICAL.writeValueAsBytes(payload);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return "rejected-" + processInstanceKey + "-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot key the rejected payload", e);
    }
  }
}
