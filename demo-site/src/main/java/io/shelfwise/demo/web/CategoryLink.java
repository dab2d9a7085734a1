package io.shelfwise.demo.web;

/** A category in the storefront menu: what the page frame needs of it, read inside a transaction. Immutable. */
public final class CategoryLink {

    private final String name;
    private final String url;

    CategoryLink(String name, String url) {
        this.name = name;
        this.url = url;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }
}
