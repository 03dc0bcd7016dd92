package dev.comptoir.sim.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Scenario files (YAML or JSON; JSON is read as YAML) and the named scenarios shipped in the
 * jar. A scenario sets any subset of {@link SimulationConfig}'s fields, grouped in sections;
 * an unknown key, a value of the wrong type or out of range is rejected with a message naming
 * the field (e.g. {@code faults.crash_rate}).
 *
 * <pre>{@code
 * SimulationConfig c = Scenarios.load("stock-race");                 // a named scenario
 * SimulationConfig d = Scenarios.load("docs/scenarios/mine.yaml");   // or a file
 * }</pre>
 */
public final class Scenarios {
    /** The scenarios shipped as resources under {@code /scenarios}, in listing order. */
    public static final List<String> NAMES = List.of("normal-day", "payment-outage", "stock-race", "crash-storm");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Map<String, BiConsumer<SimulationConfig.Builder, JsonNode>>> SECTIONS =
            sections();

    private Scenarios() {
    }

    /** A named scenario or, when no scenario has that name, a file path. */
    public static SimulationConfig load(String nameOrFile) {
        if (NAMES.contains(nameOrFile)) {
            try (InputStream in = Scenarios.class.getResourceAsStream("/scenarios/" + nameOrFile + ".yaml")) {
                if (in == null) {
                    throw SimulationException.runFailed("scenario resource " + nameOrFile + " is missing from the jar", null);
                }
                return parse(nameOrFile, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw SimulationException.runFailed("cannot read scenario resource " + nameOrFile, e);
            }
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw SimulationException.badScenario(nameOrFile, "no scenario of that name (known: "
                    + String.join(", ", NAMES) + ") and no such file", null);
        }
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw SimulationException.badScenario(file.toString(), "cannot read it: " + e.getMessage(), e);
        }
    }

    /** The named scenarios with their descriptions, in listing order. */
    public static Map<String, String> describeAll() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : NAMES) {
            out.put(n, load(n).description());
        }
        return out;
    }

    /** Parses scenario text; {@code source} names it in error messages. */
    public static SimulationConfig parse(String source, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw SimulationException.badScenario(source, "not valid YAML or JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw SimulationException.badScenario(source, "the top level must be a mapping of fields", null);
        }
        SimulationConfig.Builder b = SimulationConfig.builder().name(stripExtension(source));
        apply(b, root, "", SECTIONS.get(""));
        try {
            return b.build();
        } catch (SimulationException e) {
            throw SimulationException.badConfig(qualified(e.field()), e.getMessage().replaceFirst("^invalid field '[^']*': ", "")
                    + " (in " + source + ")");
        }
    }

    private static void apply(SimulationConfig.Builder b, JsonNode node, String prefix,
                              Map<String, BiConsumer<SimulationConfig.Builder, JsonNode>> fields) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String path = prefix + key;
            if (prefix.isEmpty() && SECTIONS.containsKey(key) && !key.isEmpty()) {
                if (!e.getValue().isObject()) {
                    throw SimulationException.badConfig(path, "must be a mapping of fields");
                }
                apply(b, e.getValue(), key + ".", SECTIONS.get(key));
                continue;
            }
            BiConsumer<SimulationConfig.Builder, JsonNode> setter = fields.get(key);
            if (setter == null) {
                throw SimulationException.badConfig(path, "unknown field (known here: " + String.join(", ", known(prefix))
                        + ")");
            }
            try {
                setter.accept(b, e.getValue());
            } catch (IllegalArgumentException ex) {
                throw SimulationException.badConfig(path, ex.getMessage());
            }
        }
    }

    private static List<String> known(String prefix) {
        String section = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
        List<String> out = new ArrayList<>(SECTIONS.get(section).keySet());
        if (section.isEmpty()) {
            SECTIONS.keySet().stream().filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    private static String qualified(String field) {
        if (field == null) {
            return "?";
        }
        for (Map.Entry<String, Map<String, BiConsumer<SimulationConfig.Builder, JsonNode>>> s : SECTIONS.entrySet()) {
            if (s.getValue().containsKey(field)) {
                return s.getKey().isEmpty() ? field : s.getKey() + "." + field;
            }
        }
        return field;
    }

    private static String stripExtension(String source) {
        String name = Path.of(source).getFileName().toString();
        return name.replaceFirst("\\.(ya?ml|json)$", "");
    }

    private static Map<String, Map<String, BiConsumer<SimulationConfig.Builder, JsonNode>>> sections() {
        Map<String, Map<String, BiConsumer<SimulationConfig.Builder, JsonNode>>> s = new LinkedHashMap<>();
        Map<String, BiConsumer<SimulationConfig.Builder, JsonNode>> top = new LinkedHashMap<>();
        top.put("name", (b, v) -> b.name(text(v)));
        top.put("description", (b, v) -> b.description(text(v)));
        top.put("seed", (b, v) -> b.seed(integer(v)));
        top.put("orders", (b, v) -> b.orders(integer(v)));
        top.put("order_rate", (b, v) -> b.orderRatePerSecond(number(v)));
        top.put("check_every_seconds", (b, v) -> b.checkEverySeconds(int32(v)));
        s.put("", top);
        Map<String, BiConsumer<SimulationConfig.Builder, JsonNode>> cat = new LinkedHashMap<>();
        cat.put("products", (b, v) -> b.products(int32(v)));
        cat.put("hot_products", (b, v) -> b.hotProducts(int32(v)));
        cat.put("hot_share", (b, v) -> b.hotShare(number(v)));
        cat.put("initial_stock", (b, v) -> b.initialStock(int32(v)));
        cat.put("hot_stock", (b, v) -> b.hotStock(int32(v)));
        cat.put("replenish_every_seconds", (b, v) -> b.replenishEverySeconds(int32(v)));
        s.put("catalogue", cat);
        Map<String, BiConsumer<SimulationConfig.Builder, JsonNode>> stores = new LinkedHashMap<>();
        stores.put("pos_sales_per_second", (b, v) -> b.posSalesPerSecond(number(v)));
        stores.put("return_share", (b, v) -> b.returnShare(number(v)));
        stores.put("restock_share", (b, v) -> b.restockShare(number(v)));
        stores.put("transfer_share", (b, v) -> b.transferShare(number(v)));
        stores.put("report_every_seconds", (b, v) -> b.reportEverySeconds(int32(v)));
        s.put("stores", stores);
        Map<String, BiConsumer<SimulationConfig.Builder, JsonNode>> claims = new LinkedHashMap<>();
        claims.put("claim_share", (b, v) -> b.claimShare(number(v)));
        s.put("claims", claims);
        Map<String, BiConsumer<SimulationConfig.Builder, JsonNode>> faults = new LinkedHashMap<>();
        faults.put("payment_failure_rate", (b, v) -> b.paymentFailureRate(number(v)));
        faults.put("failure_amounts", (b, v) -> b.failureAmounts(amounts(v)));
        faults.put("stock_failure_rate", (b, v) -> b.stockFailureRate(number(v)));
        faults.put("latency_rate", (b, v) -> b.latencyRate(number(v)));
        faults.put("latency_mean_ms", (b, v) -> b.latencyMeanMillis(int32(v)));
        faults.put("step_timeout_ms", (b, v) -> b.stepTimeoutMillis(int32(v)));
        faults.put("crash_rate", (b, v) -> b.crashRate(number(v)));
        faults.put("projection_crash_rate", (b, v) -> b.projectionCrashRate(number(v)));
        faults.put("duplicate_rate", (b, v) -> b.duplicateRate(number(v)));
        faults.put("delay_rate", (b, v) -> b.delayRate(number(v)));
        faults.put("reorder_rate", (b, v) -> b.reorderRate(number(v)));
        faults.put("consumer_death_rate", (b, v) -> b.consumerDeathRate(number(v)));
        s.put("faults", faults);
        return s;
    }

    private static String text(JsonNode v) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException("must be a string, was " + v);
        }
        return v.asText();
    }

    private static long integer(JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("must be an integer, was " + v);
        }
        return v.asLong();
    }

    private static int int32(JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("must be an integer, was " + v);
        }
        return v.asInt();
    }

    private static double number(JsonNode v) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("must be a number, was " + v);
        }
        return v.asDouble();
    }

    private static List<BigDecimal> amounts(JsonNode v) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("must be a list of amounts, was " + v);
        }
        List<BigDecimal> out = new ArrayList<>();
        for (JsonNode a : v) {
            if (!a.isNumber() && !a.isTextual()) {
                throw new IllegalArgumentException("amounts must be numbers, was " + a);
            }
            try {
                out.add(new BigDecimal(a.asText()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an amount: " + a);
            }
        }
        return out;
    }
}
