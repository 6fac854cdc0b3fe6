package dev.mediapipeline.bench.billing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Counts every request a set of clients sends, by service and operation, and the DynamoDB capacity each one
 * consumed, per table, as the service reports it: DynamoDB requests are sent with ReturnConsumedCapacity
 * INDEXES. Attach it to the workers' clients only, so that the benchmark's own uploads and polls stay out.
 */
public final class RequestMeter implements ExecutionInterceptor {

    static final String S3 = "S3";
    static final String SQS = "SQS";
    static final String DYNAMODB = "DynamoDB";
    static final String STREAMS = "DynamoDB Streams";
    private static final Set<String> STREAM_OPERATIONS = Set.of("GetRecords", "GetShardIterator", "DescribeStream",
            "ListStreams");
    private static final Set<String> READ_OPERATIONS = Set.of("GetItem", "BatchGetItem", "Query", "Scan",
            "TransactGetItems");

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> readUnits = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> writeUnits = new ConcurrentHashMap<>();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return ConsumedCapacities.requested(context.request());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = count(context.request(), attributes);
        SdkResponse response = context.response();
        Map<String, DoubleAdder> units = units(operation);
        for (ConsumedCapacity c : ConsumedCapacities.of(response)) {
            if (c.table() == null) {
                add(units, c.tableName(), c.capacityUnits());
                continue;
            }
            add(units, c.tableName(), c.table().capacityUnits());
            c.globalSecondaryIndexes().forEach((index, used) -> add(units, indexOf(c.tableName(), index),
                    used.capacityUnits()));
            c.localSecondaryIndexes().forEach((index, used) -> add(units, indexOf(c.tableName(), index),
                    used.capacityUnits()));
        }
    }

    /** How an index's units are named: they bill like the table's, but belong to the index. */
    static String indexOf(String table, String index) {
        return table + " index " + index;
    }

    private static void add(Map<String, DoubleAdder> units, String name, Double used) {
        if (used != null) {
            units.computeIfAbsent(name, t -> new DoubleAdder()).add(used);
        }
    }

    /**
     * A conditional write whose condition fails is billed all the same, at least one write unit (more for an
     * existing item over 1 KB), and its error carries no ConsumedCapacity: it is counted as the minimum.
     */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        count(context.request(), attributes);
        if (context.exception() instanceof ConditionalCheckFailedException) {
            String table = conditionalWriteTable(context.request());
            if (table != null) {
                writeUnits.computeIfAbsent(table, t -> new DoubleAdder()).add(1);
            }
        }
    }

    public Usage usage() {
        return new Usage(sums(requests), doubles(readUnits), doubles(writeUnits));
    }

    private String count(SdkRequest request, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        requests.computeIfAbsent(service(request, operation) + " " + operation, k -> new LongAdder()).increment();
        return operation;
    }

    private Map<String, DoubleAdder> units(String operation) {
        return READ_OPERATIONS.contains(operation) ? readUnits : writeUnits;
    }

    private static String service(SdkRequest request, String operation) {
        String type = request.getClass().getName();
        if (type.startsWith("software.amazon.awssdk.services.s3.")) {
            return S3;
        }
        if (type.startsWith("software.amazon.awssdk.services.sqs.")) {
            return SQS;
        }
        if (type.startsWith("software.amazon.awssdk.services.dynamodb.")) {
            return STREAM_OPERATIONS.contains(operation) ? STREAMS : DYNAMODB;
        }
        return type.replaceFirst("software\\.amazon\\.awssdk\\.services\\.([a-z0-9]+)\\..*", "$1");
    }

    private static String conditionalWriteTable(SdkRequest request) {
        if (request instanceof PutItemRequest put) {
            return put.tableName();
        }
        if (request instanceof DeleteItemRequest delete) {
            return delete.tableName();
        }
        return request instanceof UpdateItemRequest update ? update.tableName() : null;
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new java.util.TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static Map<String, Double> doubles(Map<String, DoubleAdder> counters) {
        Map<String, Double> out = new java.util.TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
