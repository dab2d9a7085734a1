package io.shelfwise.demo.seed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Derives a shop category from a product description. The retail file has no categories, so each description
 * is split into words and matched against an ordered list of categories, each with its key words and phrases;
 * the first category with a match wins, and a product that matches none goes to "Gifts &amp; Novelties".
 * Order matters: seasonal goods first (a "CHRISTMAS CANDLE" is Christmas), then what a product is used for
 * before what it looks like (a "CAKE CASES" pack is baking, a "HEART T-LIGHT HOLDER" is lighting).
 * Thread-safe and immutable.
 */
public final class ProductCategories {

    /** The category of products that match no rule. */
    public static final String FALLBACK = "Gifts & Novelties";

    private final Map<String, Set<String>> rules;

    private ProductCategories(Map<String, Set<String>> rules) {
        this.rules = rules;
    }

    /** The rules the demo store uses. */
    public static ProductCategories standard() {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        rule(rules, "Christmas", "CHRISTMAS", "XMAS", "ADVENT", "SANTA", "REINDEER", "SNOWFLAKE", "NATIVITY",
                "BAUBLE", "BAUBLES", "SNOWMAN", "ANGEL");
        rule(rules, "Home Comforts", "HOT WATER BOTTLE", "HAND WARMER", "HOTTIE", "BLANKET", "THROW", "SLIPPERS",
                "CUSHION", "CUSHIONS", "DOORSTOP", "WASHBAG", "SOAP", "FLANNEL", "BATH", "CUSHION COVER");
        rule(rules, "Kitchen & Baking", "CAKE", "CAKES", "CAKESTAND", "CUTLERY", "MUG", "MUGS", "CUP", "CUPS",
                "SAUCER", "SAUCERS", "TEACUP", "TEAPOT", "TEA", "COFFEE", "BOWL", "BOWLS", "PLATE", "PLATES", "JUG",
                "JAM", "KITCHEN", "APRON", "TOWEL", "TOWELS", "BAKING", "RECIPE", "LUNCH", "TRAY", "BEAKER",
                "SPOON", "SPOONS", "TEASPOONS", "MOULD", "CHOPSTICKS", "JAR", "JARS", "EGG", "BREAD", "BISCUIT",
                "PANTRY", "TUMBLER", "GLASSES", "NAPKINS", "NAPKIN", "OVEN", "SCALES", "STRAWS", "PICNIC", "DINNER",
                "COASTER", "COASTERS", "DISH", "DOILIES", "PAN", "TEATOWEL", "CAKESTAND", "CHOPPING");
        rule(rules, "Candles & Lighting", "CANDLE", "CANDLES", "T-LIGHT", "T-LIGHTS", "TEALIGHT", "LANTERN",
                "LANTERNS", "LIGHT", "LIGHTS", "LAMP", "NIGHTLIGHT", "INCENSE", "CANDLEHOLDER", "CHANDELIER");
        rule(rules, "Party & Celebration", "PARTY", "BIRTHDAY", "BUNTING", "GARLAND", "BALLOON", "BALLOONS",
                "CONFETTI", "PAPER CHAIN", "WEDDING", "CELEBRATION", "EASTER", "HALLOWEEN", "VALENTINE");
        rule(rules, "Cards, Wrap & Stationery", "CARD", "CARDS", "WRAP", "NOTEBOOK", "NOTEBOOKS", "PEN", "PENS",
                "PENCIL", "PENCILS", "STICKERS", "STICKER", "TAPE", "ENVELOPE", "ENVELOPES", "CALENDAR", "BOOK",
                "JOURNAL", "ERASER", "ERASERS", "RIBBON", "RIBBONS", "TISSUE", "TISSUES", "TAGS", "STATIONERY",
                "NOTEPAD", "RULER", "SHARPENER", "STAMP", "STAMPS", "GIFT BAG", "GIFT BOX", "ORGANISER", "PAD",
                "SCISSOR", "SCISSORS", "MARKER");
        rule(rules, "Toys & Kids", "CHILDRENS", "CHILDS", "CHILD", "KIDS", "TOY", "TOYS", "DOLL", "DOLLY",
                "DOLLS", "JIGSAW", "PUZZLE", "GAME", "GAMES", "PLAYHOUSE", "BLOCK", "BLOCKS", "SPACEBOY",
                "FELTCRAFT", "CRAYONS", "PAINT", "SKIPPING", "TEDDY", "BABUSHKA", "SOLDIER", "DOMINOES", "MARBLES",
                "SPINNING", "KNITTING", "SEWING", "CRAFT", "COLOURING", "BABY", "HELICOPTER", "DINOSAUR", "DRAWING",
                "FLYING", "SPACE");
        rule(rules, "Bags & Storage", "BAG", "BAGS", "BOX", "BOXES", "TIN", "TINS", "BASKET", "BASKETS", "HAMPER",
                "STORAGE", "DRAWER", "DRAWERS", "TRUNK", "CASE", "CASES", "SHOPPER", "PURSE", "WALLET", "TOTE",
                "CONTAINER", "CRATE", "HOLDALL", "LUGGAGE", "RACK");
        rule(rules, "Garden & Outdoors", "GARDEN", "PLANT", "PLANTER", "WATERING", "PARASOL", "UMBRELLA",
                "BIRDHOUSE", "FEEDER", "FLOWERPOT", "POTTING", "GNOME", "WINDMILL", "HAMMOCK", "BICYCLE", "OUTDOOR",
                "HERB", "HERB MARKER");
        rule(rules, "Jewellery & Accessories", "NECKLACE", "NECKLACE.", "BRACELET", "EARRINGS", "RING", "RINGS",
                "HAIR", "CHARM", "BROOCH", "BEAD", "BEADS", "CLIP", "CLIPS", "HAIRCLIP", "SCARF", "GLOVES", "HAT",
                "MIRROR", "COMPACT", "KEYRING", "DIAMANTE", "JEWEL", "JEWELLERY", "BEADED", "CRYSTAL", "CHARMS",
                "PASSPORT");
        rule(rules, "Home Decor", "SIGN", "FRAME", "FRAMES", "CLOCK", "CUSHION", "DOORMAT", "HOOK", "HOOKS",
                "HANGER", "HANGERS", "HANGING", "DECORATION", "DECORATIONS", "ORNAMENT", "WALL", "VASE", "PLAQUE",
                "WREATH", "CURTAIN", "CHALKBOARD", "BLACKBOARD", "DOORSTOP", "COAT", "KEY", "PHOTO", "ART",
                "PICTURE", "WINDOW", "STAND", "SHELF", "CABINET", "CHAIR", "TABLE", "FLOWERS", "FLOWER", "TILE",
                "MAGNETS", "MAGNET", "MOBILE", "PAPERWEIGHT", "TRINKET");
        return new ProductCategories(Collections.unmodifiableMap(rules));
    }

    private static void rule(Map<String, Set<String>> rules, String category, String... keys) {
        rules.put(category, Collections.unmodifiableSet(new HashSet<>(Arrays.asList(keys))));
    }

    /** All category names, in rule order, followed by {@link #FALLBACK}. */
    public List<String> names() {
        List<String> names = new ArrayList<>(rules.keySet());
        names.add(FALLBACK);
        return names;
    }

    /**
     * The category of a product description; {@link #FALLBACK} for an empty or unmatched description.
     */
    public String categoryOf(String description) {
        if (description == null) {
            return FALLBACK;
        }
        String[] words = description.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9\\- ]", " ").trim().split("\\s+");
        for (Map.Entry<String, Set<String>> rule : rules.entrySet()) {
            for (int i = 0; i < words.length; i++) {
                if (rule.getValue().contains(words[i])
                        || (i + 1 < words.length && rule.getValue().contains(words[i] + " " + words[i + 1]))
                        || (i + 2 < words.length
                            && rule.getValue().contains(words[i] + " " + words[i + 1] + " " + words[i + 2]))) {
                    return rule.getKey();
                }
            }
        }
        return FALLBACK;
    }
}
