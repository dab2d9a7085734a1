package io.shelfwise.registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelArtifactStoreTest {

    private static final byte[] MODEL = "ONNX\u0001 pretend model bytes, long enough to flip one".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private Path dir;
    private ModelArtifactStore store;

    @BeforeEach
    void createStore() throws IOException {
        dir = root.resolve("models");
        store = new ModelArtifactStore(dir);
    }

    static String sha256(byte[] bytes) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private List<String> filesInStore() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesUnderTheStrategyAndVersionWithHashAndSize() throws Exception {
        StoredArtifact written = store.write("also-bought", 3, MODEL);

        assertThat(written.fileName()).isEqualTo("also-bought-v3.onnx");
        assertThat(written.sha256()).isEqualTo(sha256(MODEL));
        assertThat(written.bytes()).isEqualTo(MODEL.length);
        assertThat(Files.readAllBytes(dir.resolve("also-bought-v3.onnx"))).isEqualTo(MODEL);
        assertThat(filesInStore()).as("no temporary file left").containsExactly("also-bought-v3.onnx");
    }

    @Test
    void streamsAndFilesAreStoredLikeBytes() throws Exception {
        Path source = root.resolve("exported.onnx");
        Files.write(source, MODEL);

        StoredArtifact fromPath = store.write("pop", 1, source);
        StoredArtifact fromStream = store.write("pop", 2, new ByteArrayInputStream(MODEL));

        assertThat(fromPath.sha256()).isEqualTo(sha256(MODEL)).isEqualTo(fromStream.sha256());
        assertThat(fromStream.bytes()).isEqualTo(MODEL.length);
        assertThat(Files.readAllBytes(source)).as("the source is left as it was").isEqualTo(MODEL);
        assertThat(filesInStore()).containsExactly("pop-v1.onnx", "pop-v2.onnx");
    }

    @Test
    void aWriteThatFailsLeavesNoFile() {
        // Serves 100 bytes, then fails: a bounded stream, so a broken test cannot fill the disk.
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (served >= 100) {
                    throw new IOException("disk went away");
                }
                int n = Math.min(length, 100 - served);
                served += n;
                return n;
            }
        };

        assertThatThrownBy(() -> store.write("default", 1, failing)).hasMessage("disk went away");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void readsBackWhatWasWritten() throws Exception {
        StoredArtifact written = store.write("default", 1, MODEL);

        assertThat(store.read(written.fileName(), written.sha256())).isEqualTo(MODEL);
        assertThat(store.read(written.fileName(), written.sha256().toUpperCase())).isEqualTo(MODEL);
        assertThat(Files.readAllBytes(store.verifiedPath(written.fileName(), written.sha256()))).isEqualTo(MODEL);
        try (InputStream in = store.open(written.fileName(), written.sha256())) {
            assertThat(readAll(in)).isEqualTo(MODEL);
        }
    }

    @Test
    void aFlippedByteIsCaughtByEveryRead() throws Exception {
        StoredArtifact written = store.write("default", 1, MODEL);
        Path file = dir.resolve(written.fileName());
        byte[] changed = Files.readAllBytes(file);
        changed[10] ^= 0x01;
        Files.write(file, changed);

        String expected = "Model artifact default-v1.onnx is corrupt: expected SHA-256 " + written.sha256()
                + ", the file hashes to " + sha256(changed);
        assertThatThrownBy(() -> store.read(written.fileName(), written.sha256()))
                .isInstanceOf(CorruptArtifactException.class).hasMessage(expected);
        assertThatThrownBy(() -> store.verifiedPath(written.fileName(), written.sha256()))
                .isInstanceOf(CorruptArtifactException.class).hasMessage(expected);
        try (InputStream in = store.open(written.fileName(), written.sha256())) {
            assertThatThrownBy(() -> readAll(in)).isInstanceOf(CorruptArtifactException.class).hasMessage(expected);
        }
    }

    @Test
    void aTruncatedFileIsCorrupt() throws Exception {
        StoredArtifact written = store.write("default", 1, MODEL);
        byte[] truncated = new byte[MODEL.length - 1];
        System.arraycopy(MODEL, 0, truncated, 0, truncated.length);
        Files.write(dir.resolve(written.fileName()), truncated);

        assertThatThrownBy(() -> store.read(written.fileName(), written.sha256()))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("default-v1.onnx is corrupt")
                .hasMessageContaining(written.sha256());
    }

    @Test
    void aMissingFileIsReportedAtOnce() throws Exception {
        StoredArtifact written = store.write("default", 1, MODEL);
        Files.delete(dir.resolve(written.fileName()));

        assertThatThrownBy(() -> store.open(written.fileName(), written.sha256()))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageStartingWith("Model artifact default-v1.onnx is missing")
                .hasMessageContaining(written.sha256())
                .satisfies(e -> assertThat(((CorruptArtifactException) e).fileName()).isEqualTo("default-v1.onnx"));
        assertThat(store.exists(written.fileName())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.onnx", "..", ".", "/etc/passwd", "sub/default-v1.onnx", "sub\\default-v1.onnx",
            "", " default-v1.onnx", ".default-v1.onnx.1.tmp", "default-v1.onnx/..", "C:default-v1.onnx",
            "default..onnx", "default-v1.onnx\u0000"})
    void namesThatCouldLeaveTheStoreAreRefused(String name) throws Exception {
        Path secret = root.resolve("secret.onnx");
        Files.write(secret, MODEL);
        String sha = sha256(MODEL);

        assertThatThrownBy(() -> store.read(name, sha)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a model store file name");
        assertThatThrownBy(() -> store.open(name, sha)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.verifiedPath(name, sha)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists(name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(name)).isInstanceOf(IllegalArgumentException.class);
        assertThat(secret).exists();
    }

    @Test
    void aNullNameIsRefused() {
        assertThatThrownBy(() -> store.read(null, "00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSymbolicLinkOutOfTheStoreIsNotFollowed() throws Exception {
        Path secret = root.resolve("secret.onnx");
        Files.write(secret, MODEL);
        Files.createSymbolicLink(dir.resolve("default-v1.onnx"), secret);

        assertThatThrownBy(() -> store.read("default-v1.onnx", sha256(MODEL)))
                .isInstanceOf(CorruptArtifactException.class).hasMessageContaining("no regular file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "", "-pop", "pop-", "a..b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void strategiesThatMakeNoPlainFileNameAreRefused(String strategy) {
        assertThatThrownBy(() -> store.write(strategy, 1, MODEL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy name");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aVersionNumberStartsAtOne() {
        assertThatThrownBy(() -> store.write("pop", 0, MODEL)).hasMessageContaining("1 or more");
    }

    @Test
    void anExpectedHashMustBeAHash() throws Exception {
        StoredArtifact written = store.write("default", 1, MODEL);
        assertThatThrownBy(() -> store.read(written.fileName(), "abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void deletesArtifactsAndUnfinishedWrites() throws Exception {
        StoredArtifact kept = store.write("default", 1, MODEL);
        StoredArtifact gone = store.write("default", 2, MODEL);
        Files.write(dir.resolve(".default-v3.onnx.8123.tmp"), MODEL);

        assertThat(store.delete(gone.fileName())).isTrue();
        assertThat(store.delete(gone.fileName())).isFalse();
        assertThat(store.deleteUnfinishedWrites()).isEqualTo(1);
        assertThat(filesInStore()).containsExactly(kept.fileName());
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[7];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
