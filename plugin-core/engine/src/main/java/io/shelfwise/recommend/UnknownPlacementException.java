package io.shelfwise.recommend;

import java.util.Collection;

/** A request named a placement that is not configured. A caller error: the JSON endpoint answers 404. */
public final class UnknownPlacementException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownPlacementException(String placement, Collection<String> known) {
        super("Unknown placement '" + placement + "'; configured: " + known);
    }
}
