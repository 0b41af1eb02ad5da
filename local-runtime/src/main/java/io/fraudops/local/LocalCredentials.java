package io.fraudops.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The HTTP API's users for a local run: generated at the first start, kept in a file only its owner
 * may read ({@code .data/local-credentials.properties}), and handed to the application as
 * configured users with BCrypt hashes, exactly as a production deployment configures its own. So a
 * local run is secured like production, without setup: there is no "open" mode to forget to switch
 * off.
 *
 * <p>The file lists {@code <user>.password} and {@code <user>.roles}; editing it (another password,
 * another user) takes effect at the next start, deleting it generates new passwords.
 */
public final class LocalCredentials {

  /** The three callers of the API: the payment system, an analyst, a risk/model owner. */
  static final List<Map.Entry<String, String>> DEFAULT_USERS =
      List.of(
          Map.entry("payment-system", "SCREEN"),
          Map.entry("analyst", "ANALYST"),
          Map.entry("risk-owner", "RISK"));

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final List<User> users;
  private final boolean created;

  /**
   * A local user: name, clear password (only ever in the owner-only file and the first-start
   * banner), roles.
   */
  public record User(String name, String password, String roles) {
    @Override
    public String toString() {
      return name + " (" + roles + ")"; // never the password
    }
  }

  private LocalCredentials(Path file, List<User> users, boolean created) {
    this.file = file;
    this.users = List.copyOf(users);
    this.created = created;
  }

  /** Reads the file, or writes it with fresh passwords when there is none. */
  public static LocalCredentials loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return new LocalCredentials(file, read(file), false);
      }
      List<User> users = new ArrayList<>();
      DEFAULT_USERS.forEach(
          user -> users.add(new User(user.getKey(), newPassword(), user.getValue())));
      write(file, users);
      return new LocalCredentials(file, users, true);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or write the local credentials file " + file.toAbsolutePath(), e);
    }
  }

  public Path file() {
    return file;
  }

  public List<User> users() {
    return users;
  }

  /** True when this start generated the file (and so the passwords are shown once). */
  public boolean created() {
    return created;
  }

  /**
   * The users as the application's configuration: {@code fraud.security.users[i].*}, hashes only.
   */
  public Map<String, Object> properties() {
    // Cost 4: these passwords are 144 random bits, which no cost factor makes stronger; BCrypt's
    // cost protects
    // guessable passwords. Cost 10 took 0.1–0.5 s per hash here, paid at every start.
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    Map<String, Object> props = new HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      User user = users.get(i);
      String prefix = "fraud.security.users[" + i + "].";
      props.put(prefix + "name", user.name());
      props.put(prefix + "password-hash", bcrypt.encode(user.password()));
      props.put(prefix + "roles", user.roles());
    }
    return props;
  }

  /**
   * What the console shows the first time: who can do what, with which password, and where it is
   * kept.
   */
  public String banner(int httpPort) {
    StringBuilder out = new StringBuilder();
    out.append("\nLocal HTTP API users, generated once and kept in ")
        .append(file.toAbsolutePath())
        .append(" (owner only):\n");
    for (User user : users) {
      out.append(String.format("  %-16s %-8s %s%n", user.name(), user.roles(), user.password()));
    }
    User example =
        users.stream().filter(u -> u.roles().contains("ANALYST")).findFirst().orElse(users.get(0));
    out.append("  e.g. curl -u ")
        .append(example.name())
        .append(":")
        .append(example.password())
        .append(" localhost:")
        .append(httpPort)
        .append("/reviews\n");
    out.append("They are not shown again: read them in that file (delete it to get new ones).\n");
    return out.toString();
  }

  private static List<User> read(Path file) throws IOException {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    }
    ownerOnly(file);
    // In the file's order, so the users print as they are listed.
    Set<String> names = new LinkedHashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int end = line.indexOf(".password=");
      if (end > 0 && !line.startsWith("#")) {
        names.add(line.substring(0, end).strip());
      }
    }
    List<User> users = new ArrayList<>();
    for (String name : names) {
      String password = props.getProperty(name + ".password", "").strip();
      String roles = props.getProperty(name + ".roles", "").strip();
      if (password.isEmpty() || roles.isEmpty()) {
        throw new IllegalStateException(
            "local credentials file "
                + file.toAbsolutePath()
                + ": user '"
                + name
                + "' needs "
                + name
                + ".password and "
                + name
                + ".roles (SCREEN, ANALYST, RISK); fix it or delete the file to generate new users");
      }
      users.add(new User(name, password, roles));
    }
    if (users.isEmpty()) {
      throw new IllegalStateException(
          "local credentials file "
              + file.toAbsolutePath()
              + " lists no user (<name>.password, <name>.roles);"
              + " delete it to generate new users");
    }
    return users;
  }

  private static void write(Path file, List<User> users) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append(
        "# Users of the HTTP API in local runs (./fraud serve), generated at the first start.\n");
    text.append(
        "# <user>.password and <user>.roles (SCREEN, ANALYST, RISK). Delete this file to get new passwords.\n");
    for (User user : users) {
      text.append(user.name()).append(".password=").append(user.password()).append('\n');
      text.append(user.name()).append(".roles=").append(user.roles()).append('\n');
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Written owner-only from the first byte, then moved in place: never readable by others, never
    // half-written.
    Path temp = dir.resolve(file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try {
      Files.createFile(temp, ownerOnlyAttribute());
    } catch (UnsupportedOperationException e) {
      Files.createFile(temp); // not a POSIX file system
    }
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to tighten
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnlyAttribute() {
    return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
  }

  private static String newPassword() {
    byte[] bytes = new byte[18]; // 144 bits
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
