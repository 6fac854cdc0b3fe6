package dev.mediapipeline.events.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mediapipeline.events.schema.Schemas;
import java.util.List;

/**
 * Validates JSON against a published schema with networknt's validator, resolving schema ids (such as
 * the change event's {@code $ref} to the item) from this jar's documents only, never from the network.
 */
public final class SchemaValidator {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(id -> Schemas.document(id).orElse(null)));

    private final Schema schema;

    private SchemaValidator(Schema schema) {
        this.schema = schema;
    }

    public static SchemaValidator of(String name, int version) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(Schemas.id(name, version)));
        schema.initializeValidators();
        return new SchemaValidator(schema);
    }

    /** The violations, each as "location: message"; empty when the JSON conforms. */
    public List<String> violations(String json) {
        return schema.validate(json, InputFormat.JSON, (context, schemaContext) -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }
}
