package dev.mediapipeline.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.common.item.ItemAttributes;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compatibility promise: within a version, attributes are only added, and only as optional ones.
 * Each published version has a contract file in test resources ({@code contracts/<name>-<version>.txt}:
 * attribute, JSON type, required or optional) written when the version was published and never edited
 * after. Removing, renaming or retyping an attribute, or making it required, fails here; it needs a new
 * SchemaVersion, a new schema document and a new contract file.
 */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {Schemas.USER_MEDIA, Schemas.MEDIA_TAG_INDEX, Schemas.CHANGE_EVENT})
    void everyPublishedVersionKeepsEveryAttributeOfItsContractWithItsTypeAndRequiredness(String name)
            throws IOException {
        for (int version = 1; Schemas.document(Schemas.id(name, version)).isPresent(); version++) {
            Map<String, String> published = contract(name, version);
            Map<String, String> now = attributes(schema(name, version));

            for (Map.Entry<String, String> attribute : published.entrySet()) {
                assertThat(now.get(attribute.getKey())).as("%s %d: %s", name, version, attribute.getKey())
                        .isEqualTo(attribute.getValue());
            }
            Map<String, String> added = new TreeMap<>(now);
            added.keySet().removeAll(published.keySet());
            assertThat(added.values()).as("%s %d: attributes added within the version must be optional: %s",
                    name, version, added).allMatch(v -> v.endsWith(" optional"));
        }
    }

    /** What the code writes and what the schema of its SchemaVersion names are the same set of attributes. */
    @Test
    void theUserMediaSchemaOfTheCurrentVersionNamesExactlyTheAttributesTheWriterKnows() throws IOException {
        Set<String> inSchema = attributes(schema(Schemas.USER_MEDIA, ItemAttributes.SCHEMA_VERSION)).keySet();

        assertThat(inSchema).containsExactlyInAnyOrderElementsOf(itemAttributeNames());
    }

    /** ItemAttributes' attribute names: its String constants, less the values, the tombstone's own and the index name. */
    private static Set<String> itemAttributeNames() {
        Set<String> notItemAttributes = Set.of(ItemAttributes.STATUS_READY, ItemAttributes.STATUS_FAILED,
                ItemAttributes.EXPIRES_AT, ItemAttributes.TIMELINE_INDEX);
        Set<String> names = new HashSet<>();
        for (Field field : ItemAttributes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        names.removeAll(notItemAttributes);
        return names;
    }

    private static JsonNode schema(String name, int version) throws IOException {
        return JSON.readTree(Schemas.document(Schemas.id(name, version)).orElseThrow());
    }

    /** attribute → "type required|optional" */
    private static Map<String, String> attributes(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Map<String, String> attributes = new TreeMap<>();
        schema.path("properties").fields().forEachRemaining(p -> attributes.put(p.getKey(),
                type(p.getValue()) + (required.contains(p.getKey()) ? " required" : " optional")));
        return attributes;
    }

    /** The JSON type an attribute has: its "type", or that of its enum or const values. */
    private static String type(JsonNode property) {
        if (property.has("type")) {
            return property.get("type").asText();
        }
        if (property.has("$ref")) {
            return "ref " + property.get("$ref").asText();
        }
        Stream<JsonNode> values = property.has("const") ? Stream.of(property.get("const"))
                : Stream.of(property.path("enum")).flatMap(e -> Stream.iterate(0, i -> i < e.size(), i -> i + 1).map(e::get));
        return values.map(v -> v.isTextual() ? "string" : v.isIntegralNumber() ? "integer" : v.isNumber() ? "number"
                : v.isBoolean() ? "boolean" : "?").distinct().collect(Collectors.joining("|"));
    }

    private static Map<String, String> contract(String name, int version) throws IOException {
        String resource = "/contracts/" + name + "-" + version + ".txt";
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("%s: the contract of a published version is kept beside this test", resource).isNotNull();
            Map<String, String> contract = new TreeMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.trim().split("\\s+", 2))
                    .forEach(parts -> contract.put(parts[0], parts[1]));
            return contract;
        }
    }
}
