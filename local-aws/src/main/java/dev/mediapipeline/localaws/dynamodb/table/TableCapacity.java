package dev.mediapipeline.localaws.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;

/** BillingMode and ProvisionedThroughput of CreateTable and UpdateTable, validated as DynamoDB does. */
final class TableCapacity {

    static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
    static final String PROVISIONED = "PROVISIONED";
    private static final long MAX_UNITS = 1_000_000_000_000L;

    private TableCapacity() {
    }

    static String billingMode(JsonNode request, String current) {
        return RequestFields.oneOf(request, "BillingMode", PROVISIONED, PAY_PER_REQUEST).orElse(current);
    }

    /** Read and write units of a table: none for on-demand, both required for provisioned. */
    static long[] forTable(JsonNode request, String billingMode) {
        JsonNode throughput = request.get("ProvisionedThroughput");
        boolean given = throughput != null && !throughput.isNull();
        if (billingMode.equals(PAY_PER_REQUEST)) {
            if (given) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits "
                        + "nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            return new long[] {0, 0};
        }
        return required(throughput);
    }

    static long[] required(JsonNode throughput) {
        long read = units(throughput, "ReadCapacityUnits");
        long write = units(throughput, "WriteCapacityUnits");
        if (read == 0 || write == 0) {
            throw DynamoDbException.validation("One or more parameter values were invalid: ReadCapacityUnits and "
                    + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        return new long[] {read, write};
    }

    private static long units(JsonNode throughput, String field) {
        if (throughput == null || throughput.isNull() || !throughput.hasNonNull(field)) {
            return 0;
        }
        long units = throughput.get(field).asLong();
        if (units < 1) {
            throw RequestFields.constraint("'" + units + "'", "provisionedThroughput." + field,
                    "Member must have value greater than or equal to 1");
        }
        if (units > MAX_UNITS) {
            throw DynamoDbException.validation("Given value " + units + " for " + field + " is out of bounds");
        }
        return units;
    }
}
