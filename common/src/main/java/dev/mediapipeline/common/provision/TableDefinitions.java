package dev.mediapipeline.common.provision;

import dev.mediapipeline.common.item.ItemAttributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The three tables, all keyed by a string hash and the MediaId range. */
final class TableDefinitions {

    static final String USER_TAG = "UserTag";
    /** Expires the tombstones, and the tag index's removal markers. */
    static final String TTL_ATTRIBUTE = ItemAttributes.EXPIRES_AT;

    private TableDefinitions() {
    }

    static CreateTableRequest userMedia(String name) {
        return keyed(name, ItemAttributes.USER_ID).toBuilder()
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
