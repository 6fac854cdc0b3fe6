package dev.mediapipeline.app.command;

import static dev.mediapipeline.common.item.ItemAttributes.TIMELINE_AT;
import static dev.mediapipeline.common.item.ItemAttributes.TIMELINE_INDEX;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;

import dev.mediapipeline.common.item.Timeline;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** {@code query --from/--to}: a bound as a TimelineAt sort key, and the one Query of the UserTimeline index. */
final class TimelineBound {

    private TimelineBound() {
    }

    static QueryRequest query(String table, String user, String from, String to) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":u", AttributeValue.fromS(user)));
        String range;
        if (from != null && to != null) {
            range = " AND " + TIMELINE_AT + " BETWEEN :from AND :to";
            values.put(":from", AttributeValue.fromS(from));
            values.put(":to", AttributeValue.fromS(to));
        } else if (from != null) {
            range = " AND " + TIMELINE_AT + " >= :from";
            values.put(":from", AttributeValue.fromS(from));
        } else {
            range = " AND " + TIMELINE_AT + " <= :to";
            values.put(":to", AttributeValue.fromS(to));
        }
        return QueryRequest.builder().tableName(table).indexName(TIMELINE_INDEX)
                .keyConditionExpression(USER_ID + " = :u" + range).expressionAttributeValues(values)
                .scanIndexForward(false).build();
    }

    /** A date is its first instant (UTC). */
    static final class From implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return parse(value, false);
        }
    }

    /** A date is its last millisecond (UTC), so {@code --to 2024-07-31} includes the 31st. */
    static final class To implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return parse(value, true);
        }
    }

    private static String parse(String value, boolean endOfDay) {
        try {
            return Timeline.key(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate day = LocalDate.parse(value);
                return Timeline.key((endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .minusMillis(endOfDay ? 1 : 0));
            } catch (DateTimeParseException notADate) {
                throw new TypeConversionException("'" + value + "' is neither a date (2024-07-01) nor a date-time "
                        + "with an offset (2024-07-01T18:00:00+02:00)");
            }
        }
    }
}
