package io.fraudops.model.inference;

/**
 * A registered model, either following an alias ({@code champion}) or pinned to a version.
 *
 * @param alias null when pinned
 * @param version null when following an alias
 */
public record ModelRef(String name, String alias, Integer version) {

  public ModelRef {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a model reference needs a name");
    }
    if ((alias == null) == (version == null)) {
      throw new IllegalArgumentException(
          "model " + name + " needs exactly one of 'alias' or 'version'");
    }
    if (alias != null && alias.isBlank()) {
      throw new IllegalArgumentException("model " + name + ": alias must not be blank");
    }
    if (version != null && version < 1) {
      throw new IllegalArgumentException(
          "model " + name + ": version must be >= 1, got " + version);
    }
  }

  public static ModelRef alias(String name, String alias) {
    return new ModelRef(name, alias, null);
  }

  public static ModelRef version(String name, int version) {
    return new ModelRef(name, null, version);
  }

  public boolean pinned() {
    return version != null;
  }

  @Override
  public String toString() {
    return pinned() ? name + ":" + version : name + "@" + alias;
  }
}
