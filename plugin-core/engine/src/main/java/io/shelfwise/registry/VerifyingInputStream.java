package io.shelfwise.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes what passes through and, when the end is reached, hands the hex digest to a check that may throw. Skips
 * read the skipped bytes, so they are hashed too; mark and reset are not supported.
 */
final class VerifyingInputStream extends FilterInputStream {

    /** Judges the hex digest of the whole stream. */
    interface DigestCheck {
        void check(String hexDigest) throws IOException;
    }

    private final MessageDigest digest;
    private final DigestCheck check;
    private boolean checked;

    VerifyingInputStream(InputStream in, MessageDigest digest, DigestCheck check) {
        super(in);
        this.digest = digest;
        this.check = check;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b == -1) {
            atEnd();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n == -1) {
            atEnd();
        } else {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read == -1) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int limit) {
        // not supported: a reset would hash bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void atEnd() throws IOException {
        if (!checked) {
            checked = true;
            check.check(ModelArtifactStore.hex(digest.digest()));
        }
    }
}
