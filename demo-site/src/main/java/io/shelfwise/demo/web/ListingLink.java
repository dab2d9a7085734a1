package io.shelfwise.demo.web;

/**
 * One link of a listing's page or sort navigation, for the templates: its label, its context-relative URL (the
 * search words and order kept), whether it is the page or order being shown, and whether it stands for a gap in the
 * page numbers ("…", no URL). Immutable.
 */
public final class ListingLink {

    private final String label;
    private final String url;
    private final boolean current;

    private ListingLink(String label, String url, boolean current) {
        this.label = label;
        this.url = url;
        this.current = current;
    }

    static ListingLink to(String label, String url, boolean current) {
        return new ListingLink(label, url, current);
    }

    static ListingLink gap() {
        return new ListingLink("…", null, false);
    }

    public String getLabel() {
        return label;
    }

    /** The URL below the store's context path, e.g. {@code /search?q=mug&page=2}; {@code null} for a gap. */
    public String getUrl() {
        return url;
    }

    public boolean isCurrent() {
        return current;
    }

    public boolean isGap() {
        return url == null;
    }

    @Override
    public String toString() {
        return label + (url == null ? "" : " -> " + url) + (current ? " (current)" : "");
    }
}
