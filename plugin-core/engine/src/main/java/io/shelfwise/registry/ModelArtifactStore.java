package io.shelfwise.registry;

import io.shelfwise.events.Names;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;

/**
 * The directory that holds model artifacts (ONNX files), one file per model version, named
 * {@code <strategy>-v<version>.onnx}.
 * <p>
 * Writes are atomic: the bytes go to a hidden temporary file in the same directory, are forced to disk, and the file
 * is then renamed into place, so a reader sees either no file or the whole file, never a partial one. Every read
 * checks the file against the SHA-256 recorded when it was written and throws {@link CorruptArtifactException} when
 * it is missing or differs.
 * <p>
 * File names given to this class must be plain names of files in the directory: letters, digits and single
 * {@code . _ -} between them. Names with separators, {@code ..}, absolute paths, hidden names and symbolic links are
 * refused, so nothing outside the store can be read, written or deleted through it.
 * <p>
 * Thread-safe. Concurrent writes of the same strategy and version are not meant to happen (the registry hands each
 * version out once); the last rename would win.
 */
public final class ModelArtifactStore {

    private static final String TEMP_SUFFIX = ".tmp";
    private static final int BUFFER = 64 * 1024;

    private final Path directory;

    /**
     * @param directory the store's directory; created if it does not exist
     * @throws IOException if it cannot be created or is not a directory
     */
    public ModelArtifactStore(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Files.createDirectories(directory);
        this.directory = directory.toRealPath();
    }

    /** The store's directory (its real path). */
    public Path directory() {
        return directory;
    }

    /** The file name a strategy's version is stored under. */
    public static String fileName(String strategy, int version) {
        Names.strategy(strategy);
        if (version < 1) {
            throw new IllegalArgumentException("A model version number is 1 or more, was " + version);
        }
        return strategy + "-v" + version + ".onnx";
    }

    /** Writes an artifact from bytes in memory. */
    public StoredArtifact write(String strategy, int version, byte[] artifact) throws IOException {
        Objects.requireNonNull(artifact, "artifact");
        return write(fileName(strategy, version), ByteBuffer.wrap(artifact), null);
    }

    /** Writes an artifact from a file (e.g. what a trainer exported to a scratch directory); the file is only read. */
    public StoredArtifact write(String strategy, int version, Path source) throws IOException {
        Objects.requireNonNull(source, "source");
        try (InputStream in = Files.newInputStream(source)) {
            return write(strategy, version, in);
        }
    }

    /** Writes an artifact from a stream, read to its end (the stream is not closed). */
    public StoredArtifact write(String strategy, int version, InputStream source) throws IOException {
        Objects.requireNonNull(source, "source");
        return write(fileName(strategy, version), null, source);
    }

    private StoredArtifact write(String name, ByteBuffer bytes, InputStream stream) throws IOException {
        MessageDigest digest = sha256();
        Path temp = Files.createTempFile(directory, "." + name + ".", TEMP_SUFFIX);
        boolean moved = false;
        try {
            long size = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                if (bytes != null) {
                    digest.update(bytes.duplicate());
                    size = bytes.remaining();
                    writeFully(out, bytes);
                } else {
                    byte[] buffer = new byte[BUFFER];
                    int n;
                    while ((n = stream.read(buffer)) != -1) {
                        digest.update(buffer, 0, n);
                        writeFully(out, ByteBuffer.wrap(buffer, 0, n));
                        size += n;
                    }
                }
                out.force(true);
            }
            Files.move(temp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            forceDirectory();
            return new StoredArtifact(name, hex(digest.digest()), size);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** Makes the rename durable; not every platform lets a directory be opened, and there it is left to the OS. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; the rename is still atomic there.
        }
    }

    /**
     * Opens an artifact for reading. The hash is checked as the stream is read: the read that reaches the end
     * throws {@link CorruptArtifactException} if the content differs, so read the stream whole before using what
     * it gave. A missing file fails at once.
     *
     * @throws CorruptArtifactException if the file is missing (or is not a regular file), or, at the end of the
     *                                  stream, if its content does not hash to {@code expectedSha256}
     * @throws IllegalArgumentException if the name is not a plain file name of this store
     */
    public InputStream open(String fileName, String expectedSha256) throws IOException {
        Path file = resolve(fileName);
        String expected = checkSha256(expectedSha256);
        InputStream in = openRegular(file, fileName, expected);
        return new VerifyingInputStream(in, sha256(), actual -> {
            if (!actual.equals(expected)) {
                throw mismatch(fileName, expected, actual);
            }
        });
    }

    /** Reads a whole artifact into memory and checks it; see {@link #open}. */
    public byte[] read(String fileName, String expectedSha256) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        check(fileName, expectedSha256, content);
        return content.toByteArray();
    }

    /**
     * The path of an artifact after checking its whole content, for loaders that take a file (ONNX Runtime).
     * Files in the store are never rewritten in place, so the checked file is what the loader opens.
     */
    public Path verifiedPath(String fileName, String expectedSha256) throws IOException {
        return check(fileName, expectedSha256, null);
    }

    /** Hashes the whole file, copying it to {@code copy} when given, and throws if the hash is not the expected one. */
    private Path check(String fileName, String expectedSha256, OutputStream copy) throws IOException {
        Path file = resolve(fileName);
        String expected = checkSha256(expectedSha256);
        MessageDigest digest = sha256();
        try (InputStream in = openRegular(file, fileName, expected)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
                if (copy != null) {
                    copy.write(buffer, 0, n);
                }
            }
        }
        String actual = hex(digest.digest());
        if (!actual.equals(expected)) {
            throw mismatch(fileName, expected, actual);
        }
        return file;
    }

    /** Whether the store holds a file of that name (its content is not checked). */
    public boolean exists(String fileName) {
        return Files.isRegularFile(resolve(fileName), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Deletes an artifact.
     *
     * @return {@code false} if there was no such file
     */
    public boolean delete(String fileName) throws IOException {
        return Files.deleteIfExists(resolve(fileName));
    }

    /**
     * Deletes the temporary files of writes that never finished (a process stopped mid-write). Call at start-up,
     * before anything writes.
     *
     * @return the number of files deleted
     */
    public int deleteUnfinishedWrites() throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*" + TEMP_SUFFIX)) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** The path of a plain file name inside the directory; anything that could point elsewhere is refused. */
    Path resolve(String fileName) {
        if (!RegistryNames.isFileName(fileName)) {
            throw new IllegalArgumentException("Not a model store file name (plain name, no path): '" + fileName + "'");
        }
        Path file = directory.resolve(fileName).normalize();
        if (!directory.equals(file.getParent())) {
            throw new IllegalArgumentException("Not a model store file name (plain name, no path): '" + fileName + "'");
        }
        return file;
    }

    private static InputStream openRegular(Path file, String fileName, String expected) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw missing(fileName, file, expected);
        }
        try {
            return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw missing(fileName, file, expected);
        }
    }

    private static CorruptArtifactException missing(String fileName, Path file, String expected) {
        return new CorruptArtifactException(fileName, "Model artifact " + fileName + " is missing: no regular file "
                + file + " (expected SHA-256 " + expected + ")");
    }

    private static CorruptArtifactException mismatch(String fileName, String expected, String actual) {
        return new CorruptArtifactException(fileName, "Model artifact " + fileName + " is corrupt: expected SHA-256 "
                + expected + ", the file hashes to " + actual);
    }

    private static String checkSha256(String sha256) {
        if (sha256 == null || sha256.length() != 64) {
            throw new IllegalArgumentException("An expected SHA-256 is 64 hex digits, was '" + sha256 + "'");
        }
        return sha256.toLowerCase(Locale.ROOT);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        char[] digits = "0123456789abcdef".toCharArray();
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = digits[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
