package io.fraudops.model.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The hand-written CatBoost JSON fixture in test resources, and broken variants of it. */
final class Fixtures {

    static final String TINY = "models/tiny-fraud.json";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    static ObjectNode tinyJson() {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(TINY)) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture after {@code change}, written to {@code dir/name}. */
    static Path tinyVariant(Path dir, String name, Consumer<ObjectNode> change) {
        ObjectNode json = tinyJson();
        change.accept(json);
        return write(dir.resolve(name), json.toString().getBytes());
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
