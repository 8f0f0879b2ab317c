package dev.kafkadr.mirror.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks a document against the JSON-schema subset used by {@code strimzi/kafkamirrormaker2-v1.schema.yaml}: type
 * (one or a list; "any"), required, properties (unknown fields rejected), additionalProperties, items, enum, pattern,
 * minimum, $ref to definitions, forbiddenKeyPrefixes/forbiddenKeyExceptions. Returns every violation with its path.
 */
final class SchemaChecker {

    private final JsonNode root;

    SchemaChecker(JsonNode root) {
        this.root = root;
    }

    List<String> check(JsonNode doc) {
        List<String> errors = new ArrayList<>();
        check(root, doc, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode v, String path, List<String> errors) {
        if (schema.has("$ref")) {
            check(root.get("definitions").get(schema.get("$ref").asText()), v, path, errors);
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), v)) {
            errors.add(path + ": expected " + schema.get("type") + " but was " + v.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.asText().equals(v.asText());
            }
            if (!found) {
                errors.add(path + ": '" + v.asText() + "' not in " + schema.get("enum"));
            }
        }
        if (schema.has("pattern") && !v.asText().matches(schema.get("pattern").asText())) {
            errors.add(path + ": '" + v.asText() + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minimum") && v.isNumber() && v.asLong() < schema.get("minimum").asLong()) {
            errors.add(path + ": " + v + " below minimum " + schema.get("minimum"));
        }
        if (v.isObject()) {
            object(schema, v, path, errors);
        }
        if (v.isArray() && schema.has("items")) {
            for (int i = 0; i < v.size(); i++) {
                check(schema.get("items"), v.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private void object(JsonNode schema, JsonNode v, String path, List<String> errors) {
        if (schema.has("required")) {
            for (JsonNode r : schema.get("required")) {
                if (!v.has(r.asText())) {
                    errors.add(path + ": required field '" + r.asText() + "' missing");
                }
            }
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String at = path + "." + name;
            if (schema.has("forbiddenKeyPrefixes") && forbidden(schema, name)) {
                errors.add(at + ": Strimzi forbids this config key");
            }
            if (schema.has("properties") && schema.get("properties").has(name)) {
                check(schema.get("properties").get(name), v.get(name), at, errors);
            } else if (schema.has("additionalProperties")) {
                check(schema.get("additionalProperties"), v.get(name), at, errors);
            } else {
                errors.add(at + ": unknown field");
            }
        }
    }

    private static boolean forbidden(JsonNode schema, String key) {
        for (JsonNode e : schema.get("forbiddenKeyExceptions")) {
            if (e.asText().equals(key)) {
                return false;
            }
        }
        for (JsonNode p : schema.get("forbiddenKeyPrefixes")) {
            if (key.startsWith(p.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeMatches(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, v)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "any" -> true;
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            default -> throw new IllegalArgumentException("unknown schema type " + type);
        };
    }
}
