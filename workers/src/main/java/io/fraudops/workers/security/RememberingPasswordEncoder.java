package io.fraudops.workers.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt that checks each (hash, password) pair once. BCrypt is slow on purpose (tens of
 * milliseconds at cost 10), and HTTP Basic sends the password with every request: a payment system
 * screening 20 payments a second would otherwise spend most of a core on it. A successful check is
 * remembered as SHA-256 of the stored hash and the password, in memory only; a wrong password is
 * always checked in full.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

  private static final int MAX_REMEMBERED = 1024;
  private final PasswordEncoder bcrypt;
  private final Set<String> verified = ConcurrentHashMap.newKeySet();

  RememberingPasswordEncoder(PasswordEncoder bcrypt) {
    this.bcrypt = bcrypt;
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return bcrypt.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return false;
    }
    String key = digest(encodedPassword, rawPassword);
    if (verified.contains(key)) {
      return true;
    }
    boolean matches = bcrypt.matches(rawPassword, encodedPassword);
    if (matches) {
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear(); // a handful of users: only a flood of distinct passwords gets here
      }
      verified.add(key);
    }
    return matches;
  }

  private static String digest(String hash, CharSequence password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(hash.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
