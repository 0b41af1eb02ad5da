package io.fraudops.feature.online;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script and the SHA-1 that EVALSHA names it by. */
record LuaScript(String source, String sha) {

  static LuaScript of(String source) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return new LuaScript(
          source, HexFormat.of().formatHex(sha1.digest(source.getBytes(StandardCharsets.UTF_8))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-1", e);
    }
  }
}
