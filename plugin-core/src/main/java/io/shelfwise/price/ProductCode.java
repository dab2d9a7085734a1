package io.shelfwise.price;

/**
 * The structure of a product code such as online-retail's StockCode {@code 85123A}: a numeric stem
 * ({@code 85123}) and a letter suffix ({@code A}). Codes sharing a stem are variants of one product (colours,
 * sizes); codes close in number were often listed together and priced alike. Codes without a leading number
 * ({@code POST}, {@code DOT}, {@code gift_0001_40}) are fees, postage and vouchers more often than goods.
 */
final class ProductCode {

    private final long stem;
    private final boolean numeric;

    private ProductCode(long stem, boolean numeric) {
        this.stem = stem;
        this.numeric = numeric;
    }

    static ProductCode of(String code) {
        if (code == null) {
            return new ProductCode(-1, false);
        }
        int digits = 0;
        while (digits < code.length() && digits < 12 && Character.isDigit(code.charAt(digits))
                && code.charAt(digits) < 0x80) {
            digits++;
        }
        if (digits == 0) {
            return new ProductCode(-1, false);
        }
        for (int i = digits; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return new ProductCode(-1, false);
            }
        }
        return new ProductCode(Long.parseLong(code.substring(0, digits)), true);
    }

    boolean numeric() {
        return numeric;
    }

    /** The numeric stem; only meaningful when {@link #numeric()}. */
    long stem() {
        return stem;
    }
}
