package dev.mediapipeline.localaws.dynamodb.item;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.expression.KeyCondition;
import dev.mediapipeline.localaws.dynamodb.expression.SortKeyCondition;
import dev.mediapipeline.localaws.dynamodb.storage.KeyEncoding;
import dev.mediapipeline.localaws.dynamodb.table.KeySchema;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Arrays;

/**
 * The stored keys a key condition selects, as one contiguous range [{@code low}, {@code high}): the
 * partition's keys, narrowed by the sort-key condition, so a Query seeks instead of testing items.
 */
record KeyRange(byte[] low, byte[] high) {

    static KeyRange of(KeyCondition condition, KeySchema keys) {
        checkType(condition.partitionKey(), keys.partitionType());
        byte[] partition = KeyEncoding.encode(condition.partitionKey());
        byte[] partitionEnd = KeyEncoding.after(partition);
        SortKeyCondition sort = condition.sortKey();
        if (sort == null) {
            return new KeyRange(partition, partitionEnd);
        }
        checkType(sort.first(), keys.sortType());
        byte[] first = KeyEncoding.encode(condition.partitionKey(), sort.first());
        return switch (sort.operator()) {
            case "EQ" -> new KeyRange(first, KeyEncoding.after(first));
            case "LT" -> new KeyRange(partition, first);
            case "LE" -> new KeyRange(partition, KeyEncoding.after(first));
            case "GT" -> new KeyRange(KeyEncoding.after(first), partitionEnd);
            case "GE" -> new KeyRange(first, partitionEnd);
            case "BETWEEN" -> {
                checkType(sort.second(), keys.sortType());
                yield new KeyRange(first, KeyEncoding.after(KeyEncoding.encode(condition.partitionKey(), sort.second())));
            }
            case "BEGINS_WITH" -> {
                byte[] start = concat(partition, KeyEncoding.encodeStart(sort.first()));
                yield new KeyRange(start, KeyEncoding.after(start));
            }
            default -> throw new IllegalArgumentException("unknown sort key operator " + sort.operator());
        };
    }

    /** Whether a stored key lies in this range, for an ExclusiveStartKey. */
    boolean contains(byte[] key) {
        return Arrays.compareUnsigned(key, low) >= 0 && Arrays.compareUnsigned(key, high) < 0;
    }

    private static void checkType(Value value, Value.Type declared) {
        if (value.type() != declared) {
            throw DynamoDbException.validation(ItemKeys.INVALID + "Condition parameter type does not match schema type");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
