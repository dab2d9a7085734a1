package io.shelfwise.recommend.serve;

import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.StrategyInput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a request knows: input lists per strategy kind, and the ids the rules exclude. */
final class RequestContext {

    /** Stored history items fed to personalised models. */
    private static final int HISTORY_WINDOW = 50;

    final Placement placement;
    final ServedArm arm;
    final RecommendationRequest request;
    final ShopperActivity.ShopperState state;
    final List<String> history;
    final List<String> session;
    final List<String> contextItems;
    final Set<String> excluded = new LinkedHashSet<>();

    RequestContext(Placement placement, ServedArm arm, RecommendationRequest request,
                   ShopperActivity.ShopperState state) {
        this.placement = placement;
        this.arm = arm;
        this.request = request;
        this.state = state;
        List<String> visit = new ArrayList<>(state.visitItems);
        appendNew(visit, request.sessionItems());
        if (request.currentItem() != null) {
            appendNew(visit, Collections.singletonList(request.currentItem()));
        }
        this.session = visit;
        List<String> stored = state.stored.items;
        List<String> all = new ArrayList<>(stored.subList(Math.max(0, stored.size() - HISTORY_WINDOW),
                stored.size()));
        Set<String> storedTail = new HashSet<>(stored.subList(Math.max(0, stored.size() - visit.size()),
                stored.size()));
        for (String item : visit) {
            if (!storedTail.contains(item)) {
                all.add(item);
            }
        }
        this.history = all;
        this.contextItems = request.currentItem() != null
                ? Collections.singletonList(request.currentItem()) : request.cartItems();
        excluded.addAll(request.alreadyShown());
        if (placement.excludeCart()) {
            excluded.addAll(request.cartItems());
        }
        if (placement.excludeCurrent() && request.currentItem() != null) {
            excluded.add(request.currentItem());
        }
        if (placement.excludeViewed()) {
            excluded.addAll(history);
        }
    }

    private static void appendNew(List<String> items, List<String> more) {
        for (String item : more) {
            if (items.isEmpty() || !items.get(items.size() - 1).equals(item)) {
                items.add(item);
            }
        }
    }

    List<String> input(StrategyInput kind) {
        switch (kind) {
            case SHOPPER_HISTORY:
                return history;
            case SESSION:
                return session;
            case CONTEXT_ITEMS:
                return contextItems;
            default:
                return Collections.emptyList();
        }
    }
}
