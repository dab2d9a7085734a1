package io.shelfwise.onnx;

/**
 * A model artifact cannot be served: not ONNX, truncated, the wrong graph shape, or inconsistent metadata. The
 * message says which and what was expected; the model that was active before stays active.
 */
public class ModelLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
