package org.machi.procedures.forms;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machi.shared.SiteLanguage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Form definitions to and from the JSON of the seed files and of the stored versions (one object
 * with {@code procedure}, {@code steps} of {@code fields} and a {@code declaration}; texts are
 * objects keyed by language code as in the catalog). Reading is strict: an unknown key or a value of the wrong
 * kind is refused with its path, so a typing mistake in a form file stops the start instead of
 * silently dropping a rule. Whether the definition makes sense is {@link FormDefinition#problems()}.
 */
public final class FormJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> FORM_KEYS = Set.of("procedure", "steps", "declaration", "fee");
    private static final Set<String> STEP_KEYS = Set.of("id", "title", "intro", "showIf", "stops", "fields");
    private static final Set<String> STOP_KEYS = Set.of("when", "message");
    private static final Set<String> FIELD_KEYS = Set.of("id", "type", "label", "hint", "required", "showIf", "prefill", "fact",
            "maxLength", "min", "max", "dates", "options", "outsideCity", "accept", "maxBytes", "fields", "minItems", "maxItems",
            "itemLabel", "digits");
    private static final Set<String> OPTION_KEYS = Set.of("value", "label");

    private FormJson() {
    }

    public static FormDefinition read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new FormFormatException("not JSON: " + e.getOriginalMessage(), e);
        }
        return form(object(root, "$", FORM_KEYS));
    }

    private static FormDefinition form(JsonNode node) {
        List<Step> steps = new ArrayList<>();
        JsonNode list = array(node, "steps", "$");
        for (int i = 0; i < list.size(); i++) {
            steps.add(step(object(list.get(i), "$.steps[" + i + "]", STEP_KEYS), "$.steps[" + i + "]"));
        }
        return new FormDefinition(string(node, "procedure", "$", true), steps, text(node, "declaration", "$", false), fee(node));
    }

    private static FeeRule fee(JsonNode form) {
        if (!form.has("fee")) {
            return null;
        }
        JsonNode node = form.get("fee");
        if (node.has("group")) {
            object(node, "$.fee", Set.of("group", "count", "priceBy", "prices"));
            JsonNode prices = required(node, "prices", "$.fee");
            if (!prices.isObject()) {
                throw new FormFormatException("$.fee.prices: an object of option value to yen");
            }
            Map<String, Long> yen = new java.util.LinkedHashMap<>();
            for (String value : prices.propertyNames()) {
                yen.put(value, integer(prices, value, "$.fee.prices"));
            }
            return new FeeRule.PerItem(string(node, "group", "$.fee", true), string(node, "count", "$.fee", true),
                    string(node, "priceBy", "$.fee", true), yen);
        }
        object(node, "$.fee", Set.of("count"));
        return new FeeRule.PerCount(string(node, "count", "$.fee", true));
    }

    private static Step step(JsonNode node, String path) {
        List<Stop> stops = new ArrayList<>();
        if (node.has("stops")) {
            JsonNode list = array(node, "stops", path);
            for (int i = 0; i < list.size(); i++) {
                String at = path + ".stops[" + i + "]";
                JsonNode stop = object(list.get(i), at, STOP_KEYS);
                stops.add(new Stop(condition(stop, "when", at, true), text(stop, "message", at, false)));
            }
        }
        return new Step(string(node, "id", path, true), text(node, "title", path, false), text(node, "intro", path, false),
                condition(node, "showIf", path, false), stops, fields(node, path));
    }

    private static List<Field> fields(JsonNode node, String path) {
        List<Field> fields = new ArrayList<>();
        if (!node.has("fields")) {
            return fields;
        }
        JsonNode list = array(node, "fields", path);
        for (int i = 0; i < list.size(); i++) {
            String at = path + ".fields[" + i + "]";
            fields.add(field(object(list.get(i), at, FIELD_KEYS), at));
        }
        return fields;
    }

    private static Field field(JsonNode node, String path) {
        List<Option> options = new ArrayList<>();
        if (node.has("options")) {
            JsonNode list = array(node, "options", path);
            for (int i = 0; i < list.size(); i++) {
                String at = path + ".options[" + i + "]";
                JsonNode option = object(list.get(i), at, OPTION_KEYS);
                options.add(new Option(string(option, "value", at, true), text(option, "label", at, false)));
            }
        }
        Set<FileFormat> accept = EnumSet.noneOf(FileFormat.class);
        if (node.has("accept")) {
            JsonNode list = array(node, "accept", path);
            for (int i = 0; i < list.size(); i++) {
                accept.add(constant(FileFormat.class, list.get(i), path + ".accept[" + i + "]"));
            }
        }
        return new Field(string(node, "id", path, true), constant(FieldType.class, required(node, "type", path), path + ".type"),
                text(node, "label", path, false), text(node, "hint", path, false), bool(node, "required", path),
                condition(node, "showIf", path, false),
                node.has("prefill") ? constant(PrefillKey.class, node.get("prefill"), path + ".prefill") : null,
                string(node, "fact", path, false), integer(node, "maxLength", path) == null ? null : integer(node, "maxLength", path).intValue(),
                integer(node, "min", path), integer(node, "max", path),
                node.has("dates") ? constant(DateRange.class, node.get("dates"), path + ".dates") : null, options,
                bool(node, "outsideCity", path), accept, integer(node, "maxBytes", path), fields(node, path),
                integer(node, "minItems", path) == null ? null : integer(node, "minItems", path).intValue(),
                integer(node, "maxItems", path) == null ? null : integer(node, "maxItems", path).intValue(),
                text(node, "itemLabel", path, false),
                integer(node, "digits", path) == null ? null : integer(node, "digits", path).intValue());
    }

    private static Condition condition(JsonNode parent, String key, String path, boolean required) {
        if (!parent.has(key)) {
            if (required) {
                throw new FormFormatException(path + "." + key + ": missing");
            }
            return null;
        }
        return condition(parent.get(key), path + "." + key);
    }

    private static Condition condition(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new FormFormatException(path + ": a condition is an object");
        }
        if (node.has("not")) {
            object(node, path, Set.of("not"));
            return new Condition.Not(condition(node.get("not"), path + ".not"));
        }
        if (node.has("all") || node.has("any")) {
            String key = node.has("all") ? "all" : "any";
            object(node, path, Set.of(key));
            JsonNode list = array(node, key, path);
            if (list.isEmpty()) {
                throw new FormFormatException(path + "." + key + ": at least one condition");
            }
            List<Condition> conditions = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                conditions.add(condition(list.get(i), path + "." + key + "[" + i + "]"));
            }
            return key.equals("all") ? new Condition.All(conditions) : new Condition.Any(conditions);
        }
        object(node, path, Set.of("field", "equals", "in", "answered"));
        String field = string(node, "field", path, true);
        if (node.has("equals")) {
            object(node, path, Set.of("field", "equals"));
            return new Condition.Equals(field, string(node, "equals", path, true));
        }
        if (node.has("in")) {
            object(node, path, Set.of("field", "in"));
            JsonNode list = array(node, "in", path);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isString()) {
                    throw new FormFormatException(path + ".in[" + i + "]: a string");
                }
                values.add(list.get(i).stringValue());
            }
            if (values.isEmpty()) {
                throw new FormFormatException(path + ".in: at least one value");
            }
            return new Condition.In(field, values);
        }
        if (node.has("answered")) {
            object(node, path, Set.of("field", "answered"));
            return new Condition.Answered(field, bool(node, "answered", path));
        }
        throw new FormFormatException(path + ": a condition has equals, in, answered, not, all or any");
    }

    private static Text text(JsonNode parent, String key, String path, boolean required) {
        if (!parent.has(key)) {
            if (required) {
                throw new FormFormatException(path + "." + key + ": missing");
            }
            return null;
        }
        String at = path + "." + key;
        JsonNode node = parent.get(key);
        if (!node.isObject()) {
            throw new FormFormatException(at + ": a text is an object with a string per language code");
        }
        Map<SiteLanguage, String> values = new EnumMap<>(SiteLanguage.class);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            SiteLanguage language = SiteLanguage.fromCode(entry.getKey()).filter(l -> l.code().equals(entry.getKey()))
                    .orElseThrow(() -> new FormFormatException(at + "." + entry.getKey() + ": not a language code of the site"));
            if (!entry.getValue().isString()) {
                throw new FormFormatException(at + "." + entry.getKey() + ": a string");
            }
            values.put(language, entry.getValue().stringValue());
        }
        return new Text(values);
    }

    private static JsonNode object(JsonNode node, String path, Set<String> keys) {
        if (node == null || !node.isObject()) {
            throw new FormFormatException(path + ": an object");
        }
        for (String key : node.propertyNames()) {
            if (!keys.contains(key)) {
                throw new FormFormatException(path + "." + key + ": unknown key");
            }
        }
        return node;
    }

    private static JsonNode array(JsonNode parent, String key, String path) {
        JsonNode node = required(parent, key, path);
        if (!node.isArray()) {
            throw new FormFormatException(path + "." + key + ": a list");
        }
        return node;
    }

    private static JsonNode required(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            throw new FormFormatException(path + "." + key + ": missing");
        }
        return node;
    }

    private static String string(JsonNode parent, String key, String path, boolean required) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                throw new FormFormatException(path + "." + key + ": missing");
            }
            return null;
        }
        if (!node.isString()) {
            throw new FormFormatException(path + "." + key + ": a string");
        }
        return node.stringValue();
    }

    private static boolean bool(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new FormFormatException(path + "." + key + ": true or false");
        }
        return node.booleanValue();
    }

    private static Long integer(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new FormFormatException(path + "." + key + ": a whole number");
        }
        return node.longValue();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, JsonNode node, String path) {
        if (node.isString()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(node.stringValue())) {
                    return constant;
                }
            }
        }
        throw new FormFormatException(path + ": one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** The JSON of a definition, as {@link #read} reads it back; for storing a version the editor made. */
    public static String write(FormDefinition form) {
        ObjectNode root = NODES.objectNode();
        root.put("procedure", form.procedure());
        ArrayNode steps = root.putArray("steps");
        for (Step step : form.steps()) {
            ObjectNode node = steps.addObject();
            node.put("id", step.id());
            putText(node, "title", step.title());
            putText(node, "intro", step.intro());
            putCondition(node, "showIf", step.showIf());
            if (!step.stops().isEmpty()) {
                ArrayNode stops = node.putArray("stops");
                for (Stop stop : step.stops()) {
                    ObjectNode s = stops.addObject();
                    putCondition(s, "when", stop.when());
                    putText(s, "message", stop.message());
                }
            }
            putFields(node, step.fields());
        }
        putText(root, "declaration", form.declaration());
        if (form.fee() instanceof FeeRule.PerCount perCount) {
            root.putObject("fee").put("count", perCount.count());
        } else if (form.fee() instanceof FeeRule.PerItem perItem) {
            ObjectNode fee = root.putObject("fee");
            fee.put("group", perItem.group()).put("count", perItem.count()).put("priceBy", perItem.priceBy());
            ObjectNode prices = fee.putObject("prices");
            perItem.prices().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> prices.put(e.getKey(), e.getValue()));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void putFields(ObjectNode parent, List<Field> fields) {
        if (fields.isEmpty()) {
            return;
        }
        ArrayNode list = parent.putArray("fields");
        for (Field field : fields) {
            ObjectNode node = list.addObject();
            node.put("id", field.id());
            node.put("type", field.type().name());
            putText(node, "label", field.label());
            putText(node, "hint", field.hint());
            if (field.required()) {
                node.put("required", true);
            }
            putCondition(node, "showIf", field.showIf());
            if (field.prefill() != null) {
                node.put("prefill", field.prefill().name());
            }
            if (field.fact() != null) {
                node.put("fact", field.fact());
            }
            if (field.maxLength() != null) {
                node.put("maxLength", field.maxLength());
            }
            if (field.min() != null) {
                node.put("min", field.min());
            }
            if (field.max() != null) {
                node.put("max", field.max());
            }
            if (field.dates() != null) {
                node.put("dates", field.dates().name());
            }
            if (!field.options().isEmpty()) {
                ArrayNode options = node.putArray("options");
                for (Option option : field.options()) {
                    ObjectNode o = options.addObject();
                    o.put("value", option.value());
                    putText(o, "label", option.label());
                }
            }
            if (field.outsideCity()) {
                node.put("outsideCity", true);
            }
            if (!field.accept().isEmpty()) {
                ArrayNode accept = node.putArray("accept");
                field.accept().stream().sorted().forEach(kind -> accept.add(kind.name()));
            }
            if (field.maxBytes() != null) {
                node.put("maxBytes", field.maxBytes());
            }
            putFields(node, field.fields());
            if (field.minItems() != null) {
                node.put("minItems", field.minItems());
            }
            if (field.maxItems() != null) {
                node.put("maxItems", field.maxItems());
            }
            putText(node, "itemLabel", field.itemLabel());
            if (field.digits() != null) {
                node.put("digits", field.digits());
            }
        }
    }

    private static void putText(ObjectNode parent, String key, Text text) {
        if (text == null) {
            return;
        }
        ObjectNode node = parent.putObject(key);
        text.values().forEach((language, value) -> node.put(language.code(), value));
    }

    private static void putCondition(ObjectNode parent, String key, Condition condition) {
        if (condition != null) {
            parent.set(key, conditionNode(condition));
        }
    }

    private static ObjectNode conditionNode(Condition condition) {
        ObjectNode node = NODES.objectNode();
        if (condition instanceof Condition.Equals equals) {
            node.put("field", equals.field()).put("equals", equals.value());
        } else if (condition instanceof Condition.In in) {
            node.put("field", in.field());
            ArrayNode values = node.putArray("in");
            in.values().forEach(values::add);
        } else if (condition instanceof Condition.Answered answered) {
            node.put("field", answered.field()).put("answered", answered.answered());
        } else if (condition instanceof Condition.Not not) {
            node.set("not", conditionNode(not.condition()));
        } else if (condition instanceof Condition.All all) {
            ArrayNode list = node.putArray("all");
            all.conditions().forEach(c -> list.add(conditionNode(c)));
        } else if (condition instanceof Condition.Any any) {
            ArrayNode list = node.putArray("any");
            any.conditions().forEach(c -> list.add(conditionNode(c)));
        }
        return node;
    }
}
