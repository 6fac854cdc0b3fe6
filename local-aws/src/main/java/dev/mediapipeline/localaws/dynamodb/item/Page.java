package dev.mediapipeline.localaws.dynamodb.item;

import dev.mediapipeline.localaws.dynamodb.expression.Condition;
import dev.mediapipeline.localaws.dynamodb.storage.SortedItems;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One page of a Query or Scan, read as DynamoDB reads it: {@code limit} counts items read before the
 * filter, reading stops after 1 MB, and a page that stopped early names its last item's key.
 */
record Page(List<Map<String, Value>> items, int count, int scannedCount, Map<String, Value> lastEvaluatedKey,
            long bytesRead) {

    private static final long MAX_BYTES_READ = 1024 * 1024;

    /**
     * @param load      the item an entry stands for (an index entry may fetch the table's item)
     * @param include   which entries the page considers at all (a parallel scan's segment)
     * @param output    what is returned of a matching item; null counts matches without returning them
     * @param keyOf     the LastEvaluatedKey of an item
     */
    static Page read(Iterator<SortedItems.Entry> entries, Integer limit, Condition filter,
                     Function<SortedItems.Entry, Map<String, Value>> load, Predicate<Map<String, Value>> include,
                     Function<Map<String, Value>, Map<String, Value>> output,
                     Function<Map<String, Value>, Map<String, Value>> keyOf) {
        List<Map<String, Value>> items = new ArrayList<>();
        int count = 0;
        int scanned = 0;
        long bytes = 0;
        while (entries.hasNext()) {
            SortedItems.Entry entry = entries.next();
            Map<String, Value> item = load.apply(entry);
            if (!include.test(item)) {
                continue;
            }
            scanned++;
            bytes += entry.size();
            if (filter == null || filter.test(item)) {
                count++;
                if (output != null) {
                    items.add(output.apply(item));
                }
            }
            if (limit != null && scanned >= limit || bytes >= MAX_BYTES_READ && entries.hasNext()) {
                return new Page(items, count, scanned, keyOf.apply(item), bytes);
            }
        }
        return new Page(items, count, scanned, null, bytes);
    }
}
