package io.shelfwise.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Tribuo logs every training run at INFO through java.util.logging; the command line shows warnings only. */
final class PriceTribuoLogging {

    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private PriceTribuoLogging() {
    }

    static void quiet() {
        TRIBUO.setLevel(Level.WARNING);
    }
}
