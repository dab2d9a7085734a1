package io.shelfwise.storefront.web;

import io.shelfwise.storefront.Widget;
import io.shelfwise.storefront.WidgetItem;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of a widget for the script and headless storefronts. */
final class WidgetJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WidgetJson() {
    }

    static String write(Widget widget) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("placement", widget.getPlacement());
        json.put("title", widget.getTitle());
        json.put("fallback", widget.isFallback());
        json.put("modelVersions", widget.getModelVersions());
        json.put("arm", widget.getArm());
        List<Map<String, Object>> items = new ArrayList<>();
        for (WidgetItem item : widget.getItems()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", item.getId());
            entry.put("name", item.getName());
            entry.put("url", item.getUrl());
            entry.put("imageUrl", item.getImageUrl());
            entry.put("price", item.getPrice());
            entry.put("priceText", item.getPriceText());
            entry.put("reason", item.getReason());
            entry.put("strategy", item.getStrategy());
            entry.put("modelVersion", item.getModelVersion());
            entry.put("position", item.getPosition());
            items.add(entry);
        }
        json.put("items", items);
        json.put("addToCartUrl", widget.getAddToCartUrl());
        json.put("csrfToken", widget.getCsrfToken());
        return JSON.writeValueAsString(json);
    }

    static String error(int status, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("error", message);
        return JSON.writeValueAsString(json);
    }
}
