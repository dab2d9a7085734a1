package io.shelfwise.price.train;

/**
 * The structure of a product code such as online-retail's StockCode {@code 85123A}: a numeric stem
 * ({@code 85123}) and a letter suffix ({@code A}). Codes sharing a stem are variants of one product (colours,
 * sizes); codes close in number were often listed together and priced alike. Codes without a leading number
 * ({@code POST}, {@code DOT}, {@code gift_0001_40}) are fees, postage and vouchers more often than goods. A
 * lower-case suffix ({@code 85123a} beside {@code 85123A}) marks, in the online-retail data, a second listing of a
 * product sold only to guests at the retail price, about 1.8 times the wholesale one.
 */
public final class ProductCode {

    private final long stem;
    private final boolean numeric;
    private final boolean lowerCaseSuffix;

    private ProductCode(long stem, boolean numeric, boolean lowerCaseSuffix) {
        this.stem = stem;
        this.numeric = numeric;
        this.lowerCaseSuffix = lowerCaseSuffix;
    }

    public static ProductCode of(String code) {
        if (code == null) {
            return new ProductCode(-1, false, false);
        }
        int digits = 0;
        while (digits < code.length() && digits < 12 && Character.isDigit(code.charAt(digits))
                && code.charAt(digits) < 0x80) {
            digits++;
        }
        if (digits == 0) {
            return new ProductCode(-1, false, false);
        }
        boolean lower = false;
        for (int i = digits; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c < 'A' || c > 'Z') {
                return new ProductCode(-1, false, false);
            }
        }
        return new ProductCode(Long.parseLong(code.substring(0, digits)), true, lower);
    }

    public boolean numeric() {
        return numeric;
    }

    /** A numbered code whose letter suffix has a lower-case letter ({@code 85123a}). */
    public boolean lowerCaseSuffix() {
        return lowerCaseSuffix;
    }

    /** The numeric stem; only meaningful when {@link #numeric()}. */
    public long stem() {
        return stem;
    }
}
