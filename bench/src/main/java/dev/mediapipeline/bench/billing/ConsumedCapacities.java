package dev.mediapipeline.bench.billing;

import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** The DynamoDB operations that can report the capacity they consumed: asking for it, and reading it. */
final class ConsumedCapacities {

    /** INDEXES rather than TOTAL: a table's units and each of its indexes' apart. */
    private static final ReturnConsumedCapacity INDEXES = ReturnConsumedCapacity.INDEXES;

    private ConsumedCapacities() {
    }

    /** The request, asking for its consumed capacity when the operation can report it. */
    static SdkRequest requested(SdkRequest request) {
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(INDEXES).build();
        } else if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(INDEXES).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(INDEXES).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(INDEXES).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(INDEXES).build();
        } else if (request instanceof ScanRequest r) {
            return r.toBuilder().returnConsumedCapacity(INDEXES).build();
        } else if (request instanceof BatchGetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(INDEXES).build();
        } else if (request instanceof BatchWriteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(INDEXES).build();
        } else if (request instanceof TransactGetItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(INDEXES).build();
        } else if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(INDEXES).build();
        }
        return request;
    }

    static List<ConsumedCapacity> of(SdkResponse response) {
        if (response instanceof GetItemResponse r) {
            return one(r.consumedCapacity());
        } else if (response instanceof PutItemResponse r) {
            return one(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            return one(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            return one(r.consumedCapacity());
        } else if (response instanceof QueryResponse r) {
            return one(r.consumedCapacity());
        } else if (response instanceof ScanResponse r) {
            return one(r.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse r) {
            return r.consumedCapacity();
        } else if (response instanceof BatchWriteItemResponse r) {
            return r.consumedCapacity();
        } else if (response instanceof TransactGetItemsResponse r) {
            return r.consumedCapacity();
        } else if (response instanceof TransactWriteItemsResponse r) {
            return r.consumedCapacity();
        }
        return List.of();
    }

    private static List<ConsumedCapacity> one(ConsumedCapacity capacity) {
        return capacity == null ? List.of() : List.of(capacity);
    }
}
