package dev.mediapipeline.common.provision;

import dev.mediapipeline.common.item.ItemAttributes;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The three tables, all keyed by a string hash and the MediaId range; UserMedia also has its timeline index. */
final class TableDefinitions {

    static final String USER_TAG = "UserTag";
    /** Expires the tombstones, and the tag index's removal markers. */
    static final String TTL_ATTRIBUTE = ItemAttributes.EXPIRES_AT;

    private TableDefinitions() {
    }

    /**
     * What a timeline listing shows, copied into the UserTimeline index so one Query answers it. Each
     * write of an item also writes its index entry: about one more write unit (the entry stays under 1 KB).
     */
    static final List<String> TIMELINE_PROJECTION = List.of(ItemAttributes.S3_KEY, ItemAttributes.TYPE,
            ItemAttributes.STATUS, ItemAttributes.ERROR_CLASS, ItemAttributes.TAKEN_AT, ItemAttributes.TIMELINE_SOURCE,
            ItemAttributes.WIDTH, ItemAttributes.HEIGHT, ItemAttributes.DURATION, ItemAttributes.TAGS);

    static CreateTableRequest userMedia(String name) {
        CreateTableRequest keyed = keyed(name, ItemAttributes.USER_ID);
        List<AttributeDefinition> attributes = new ArrayList<>(keyed.attributeDefinitions());
        attributes.add(AttributeDefinition.builder().attributeName(ItemAttributes.TIMELINE_AT)
                .attributeType(ScalarAttributeType.S).build());
        return keyed.toBuilder()
                .attributeDefinitions(attributes)
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(ItemAttributes.TIMELINE_INDEX)
                        .keySchema(
                                KeySchemaElement.builder().attributeName(ItemAttributes.USER_ID).keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName(ItemAttributes.TIMELINE_AT).keyType(KeyType.RANGE)
                                        .build())
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes(TIMELINE_PROJECTION))
                        .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .build();
    }

    static CreateTableRequest tagIndex(String name) {
        return keyed(name, USER_TAG);
    }

    static CreateTableRequest tombstones(String name) {
        return keyed(name, ItemAttributes.USER_ID);
    }

    private static CreateTableRequest keyed(String name, String hashKey) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(hashKey).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(ItemAttributes.MEDIA_ID)
                                .attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(ItemAttributes.MEDIA_ID).keyType(KeyType.RANGE).build())
                .build();
    }
}
